import Testing
import HummingbirdTesting
@testable import WaymarkPreview

@Test func placeholder() {}
