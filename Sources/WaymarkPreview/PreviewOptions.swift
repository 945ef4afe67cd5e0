import Foundation
import Waymark

/// Where the preview finds the project and builds it, and who may talk to it.
public struct PreviewOptions: Sendable {
    /// The project: the folder that holds `Guides/` and `waymark.yml`. Paths in findings are shown from here.
    public var projectFolder: URL
    /// The folder of guides (`Guides/`).
    public var guidesFolder: URL
    /// The project's own styles folder (`Styles/`), watched whether or not it exists yet.
    public var stylesFolder: URL
    /// Where the preview builds the guides: never the project's `Output/`, so that what the
    /// author publishes is only ever made by `waymark build`.
    public var outputFolder: URL
    /// The address the server listens on: `127.0.0.1` unless asked otherwise.
    public var host: String
    /// The port; 0 takes any free one.
    public var port: Int
    /// The access key every request must carry when ``host`` is not a loopback address; nil on loopback.
    public var token: String?
    /// How often the guides and styles folders are looked at for changes; nil does not watch
    /// (tests refresh the project themselves).
    public var pollInterval: Duration?
    /// Options for the writers (`--style`, `--wrap`), as `waymark build` takes them.
    public var writerOptions: WriterOptions
    /// The formats to build, as `--format` takes them; nil for every format each guide asks for.
    public var formats: [String]?

    /// Creates options for the project whose guides are in `guidesFolder`.
    public init(
        guidesFolder: URL, stylesFolder: URL? = nil, outputFolder: URL, host: String = "127.0.0.1", port: Int = 8080,
        token: String? = nil, pollInterval: Duration? = .milliseconds(250), writerOptions: WriterOptions = WriterOptions(),
        formats: [String]? = nil
    ) {
        self.guidesFolder = guidesFolder.standardizedFileURL
        self.projectFolder = self.guidesFolder.deletingLastPathComponent()
        self.stylesFolder = (stylesFolder ?? projectFolder.appendingPathComponent("Styles")).standardizedFileURL
        self.outputFolder = outputFolder.standardizedFileURL
        self.host = host
        self.port = port
        self.token = token
        self.pollInterval = pollInterval
        self.writerOptions = writerOptions
        self.formats = formats
    }

    /// Whether ``host`` only takes connections from this machine (`127.0.0.1`, any `127.x.y.z`, `::1`, `localhost`).
    public var isLoopback: Bool { PreviewOptions.isLoopback(host) }

    /// Whether `host` is a loopback address or name.
    public static func isLoopback(_ host: String) -> Bool {
        let name = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if name == "localhost" || name == "::1" || name == "0:0:0:0:0:0:0:1" { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// Why these options cannot be served, or nil: a host other than loopback without an access key.
    public var problem: String? {
        if !isLoopback && (token ?? "").isEmpty {
            return "the preview listens on \(host), which other computers can reach, so it needs an access key (--token)"
        }
        if let token, !token.isEmpty, token.count < 16 || !token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            return "the access key must be at least 16 letters, digits, '-' or '_'"
        }
        return nil
    }

    /// A new random access key: 32 hexadecimal digits from the system's secure random source.
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
