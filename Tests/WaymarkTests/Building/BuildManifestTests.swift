import Foundation
import Testing
@testable import Waymark

@Suite("Building: the build manifest's text") struct BuildManifestTests {
    typealias Manifest = BuildCache.Manifest

    static let sample = Manifest(
        key: "4f0c1e", files: ["bullying.txt", "pictures/a b.svg"], sizes: [8123, 0],
        pictures: [
            BuildCache.PictureInput(sources: ["pictures/phone.svg", "./pictures/phone.svg"], file: "pictures/phone.svg", size: 2048, digest: "9a1e"),
            BuildCache.PictureInput(sources: [], file: "cover.png", size: 1, digest: "00"),
        ],
        listed: true)

    @Test func itReadsBackWhatItWrites() {
        #expect(String(decoding: Self.sample.text, as: UTF8.self) == """
            waymark-build 1
            key 4f0c1e
            listed 1
            file 8123 bullying.txt
            file 0 pictures/a b.svg
            picture 2048 9a1e pictures/phone.svg
            source pictures/phone.svg
            source ./pictures/phone.svg
            picture 1 00 cover.png

            """)
        #expect(Manifest(text: Self.sample.text) == Self.sample)
        let empty = Manifest(key: "k", files: [], sizes: [], pictures: [], listed: false)
        #expect(Manifest(text: empty.text) == empty)
    }

    /// A path is the rest of its line: spaces stay, and `%`, line feeds and carriage returns
    /// are written as codes, so a picture named with them cannot add a line of its own.
    @Test func pathsWithPercentSignsAndLineBreaksComeBackWhole() {
        let odd = "pictures/100%\nfile 1 x\r é .svg"
        let manifest = Manifest(
            key: "k", files: [" lead and trail "], sizes: [3],
            pictures: [BuildCache.PictureInput(sources: [odd, "%0A"], file: odd, size: 5, digest: "d")], listed: false)
        let text = String(decoding: manifest.text, as: UTF8.self)
        #expect(text.split(separator: "\n").count == 7)
        #expect(text.contains("picture 5 d pictures/100%25%0Afile 1 x%0D é .svg\n"))
        #expect(Manifest(text: manifest.text) == manifest)
    }

    /// Anything that is not exactly this format is no manifest: the guide is built again.
    @Test(arguments: [
        #"{"files":[],"key":"k","listed":false,"pictures":[],"sizes":[]}"#,
        "",
        "waymark-build 1\nkey k\nlisted 0",
        "waymark-build 2\nkey k\nlisted 0\n",
        "waymark-build 1\nlisted 0\nkey k\n",
        "waymark-build 1\nkey \nlisted 0\n",
        "waymark-build 1\nkey a b\nlisted 0\n",
        "waymark-build 1\nkey k\nlisted yes\n",
        "waymark-build 1\nkey k\nlisted 0\nfile 12\n",
        "waymark-build 1\nkey k\nlisted 0\nfile x12 a.txt\n",
        "waymark-build 1\nkey k\nlisted 0\nfile -1 a.txt\n",
        "waymark-build 1\nkey k\nlisted 0\nfile 1 \n",
        "waymark-build 1\nkey k\nlisted 0\nfile 1 a%2\n",
        "waymark-build 1\nkey k\nlisted 0\nfile 1 a%41\n",
        "waymark-build 1\nkey k\nlisted 0\nfile 1234567890123456789 a.txt\n",
        "waymark-build 1\nkey k\nlisted 0\nsource a.svg\n",
        "waymark-build 1\nkey k\nlisted 0\npicture 1 a.svg\n",
        "waymark-build 1\nkey k\nlisted 0\npicture 1 d a.svg\nfile 1 a.txt\n",
        "waymark-build 1\nkey k\nlisted 0\n\n",
        "waymark-build 1\nkey k\nlisted 0\nfiles 1 a.txt\n",
    ])
    func anythingElseIsNoManifest(_ text: String) {
        #expect(Manifest(text: Array(text.utf8)) == nil)
    }

    @Test func bytesThatAreNotUTF8AreNoManifest() {
        #expect(Manifest(text: Array("waymark-build 1\nkey k\nlisted 0\nfile 1 a".utf8) + [0xFF, 0x0A]) == nil)
    }

    /// The digests' hexadecimal digits, as `String(format: "%02x")` wrote them.
    @Test func digestsAreLowerCaseHexadecimal() {
        let bytes = (0...255).map(UInt8.init)
        #expect(StreamingDigest.hex(bytes) == bytes.map { String(format: "%02x", $0) }.joined())
    }
}
