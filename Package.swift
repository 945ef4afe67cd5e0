// swift-tools-version:6.0
import PackageDescription
import Foundation

let package = Package(
    name: "Waymark",
    products: [
        .executable(name: "waymark", targets: ["waymark"]),
        .library(name: "Waymark", targets: ["Waymark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // MARK: - System libraries (module map + pkg-config + apt provider, nothing else)
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CLibZip",
            pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"])]
        ),
        .systemLibrary(
            name: "CCMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),

        // MARK: - The only code that imports a C module
        .target(name: "WaymarkXML", dependencies: ["CLibXML2"]),
        .target(name: "WaymarkZip", dependencies: ["CLibZip"]),
        .target(name: "WaymarkCMark", dependencies: ["CCMarkGFM"]),
        // libyaml's event parser, vendored by Yams as CYaml: anchors are found from its events.
        .target(name: "WaymarkYAML", dependencies: [.product(name: "Yams", package: "Yams")]),

        // MARK: - Waymark
        .target(name: "WaymarkModel"),
        .target(
            name: "Waymark",
            dependencies: [
                "WaymarkModel", "WaymarkXML", "WaymarkZip", "WaymarkCMark", "WaymarkYAML",
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.process("Checking/Resources")]
        ),
        .target(
            name: "WaymarkCommands",
            dependencies: [
                "Waymark",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "waymark", dependencies: ["WaymarkCommands"]),

        // MARK: - Tests
        .testTarget(name: "WaymarkXMLTests", dependencies: ["WaymarkXML"]),
        .testTarget(name: "WaymarkZipTests", dependencies: ["WaymarkZip"]),
        .testTarget(name: "WaymarkCMarkTests", dependencies: ["WaymarkCMark"]),
        .testTarget(name: "WaymarkYAMLTests", dependencies: ["WaymarkYAML"]),
        .testTarget(
            name: "WaymarkTests",
            dependencies: ["Waymark", "WaymarkModel"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "WaymarkCommandsTests", dependencies: ["WaymarkCommands", "Waymark"]),
    ]
)

// MARK: - Fuzz targets (only with WAYMARK_FUZZ=1)
// libFuzzer executables: built by scripts/fuzz.sh with `-sanitize=fuzzer,address`
// and `-parse-as-library` into .build-fuzz/, never by a plain `swift build`,
// which would have no fuzzer runtime to link them against.
if ProcessInfo.processInfo.environment["WAYMARK_FUZZ"] == "1" {
    package.products += [
        .executable(name: "fuzz-reader", targets: ["FuzzReader"]),
        .executable(name: "fuzz-picture", targets: ["FuzzPicture"]),
        .executable(name: "fuzz-settings", targets: ["FuzzSettings"]),
    ]
    package.targets += [
        .executableTarget(name: "FuzzReader", dependencies: ["Waymark"], path: "Sources/FuzzReader"),
        .executableTarget(name: "FuzzPicture", dependencies: ["Waymark", "WaymarkXML"], path: "Sources/FuzzPicture"),
        .executableTarget(name: "FuzzSettings", dependencies: ["Waymark"], path: "Sources/FuzzSettings"),
    ]
}
