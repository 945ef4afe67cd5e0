// swift-tools-version:6.2
import PackageDescription
import Foundation

/// Our own code builds with warnings as errors (a warning is a bug until shown otherwise);
/// SwiftPM applies this to this package's targets only, never to the packages it uses.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "Waymark",
    products: [
        .executable(name: "waymark", targets: ["waymark"]),
        .library(name: "Waymark", targets: ["Waymark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // `waymark preview`'s web server (issue 19). Only FullFoundation: the ConfigurationSupport
        // trait would build swift-configuration too, which nothing here reads.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0", traits: ["FullFoundation"]),
        // Already Hummingbird's own: its services run the preview's watcher; its header names.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        // The route tests' channel (NIOEmbedded), already built for Hummingbird; it replaces
        // HummingbirdTesting, which pulls AsyncHTTPClient, NIOSSL and BoringSSL into test builds.
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
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
        .systemLibrary(
            name: "CLibLouis",
            pkgConfig: "liblouis",
            providers: [.apt(["liblouis-dev"])]
        ),

        // MARK: - The only code that imports a C module
        .target(name: "WaymarkXML", dependencies: ["CLibXML2"], swiftSettings: strict),
        .target(name: "WaymarkZip", dependencies: ["CLibZip"], swiftSettings: strict),
        .target(name: "WaymarkCMark", dependencies: ["CCMarkGFM"], swiftSettings: strict),
        .target(name: "WaymarkLouis", dependencies: ["CLibLouis"], swiftSettings: strict),
        // libyaml's event parser, vendored by Yams as CYaml: anchors are found from its events.
        .target(name: "WaymarkYAML", dependencies: [.product(name: "Yams", package: "Yams")], swiftSettings: strict),

        // MARK: - Waymark
        .target(name: "WaymarkModel", swiftSettings: strict),
        // The one place that runs Typst (a Python helper process), for the pdf format.
        .target(name: "WaymarkTypst", swiftSettings: strict),
        .target(
            name: "Waymark",
            dependencies: [
                "WaymarkModel", "WaymarkXML", "WaymarkZip", "WaymarkCMark", "WaymarkYAML", "WaymarkLouis",
                .product(name: "Yams", package: "Yams"),
                "WaymarkTypst",
            ],
            resources: [.process("Checking/Resources")],
            swiftSettings: strict
        ),
        // `waymark preview`: the local web app for authors, a library so its routes are tested without a browser.
        .target(
            name: "WaymarkPreview",
            dependencies: [
                "Waymark", "WaymarkModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "WaymarkCommands",
            dependencies: [
                "Waymark",
                "WaymarkPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "waymark", dependencies: ["WaymarkCommands"], swiftSettings: strict),

        // MARK: - Tests
        .testTarget(name: "WaymarkXMLTests", dependencies: ["WaymarkXML"], swiftSettings: strict),
        .testTarget(name: "WaymarkZipTests", dependencies: ["WaymarkZip"], swiftSettings: strict),
        .testTarget(name: "WaymarkCMarkTests", dependencies: ["WaymarkCMark"], swiftSettings: strict),
        .testTarget(name: "WaymarkYAMLTests", dependencies: ["WaymarkYAML"], swiftSettings: strict),
        .testTarget(name: "WaymarkLouisTests", dependencies: ["WaymarkLouis"], swiftSettings: strict),
        .testTarget(
            name: "WaymarkTests",
            dependencies: ["Waymark", "WaymarkModel", "WaymarkTypst", "WaymarkZip"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(name: "WaymarkCommandsTests", dependencies: ["WaymarkCommands", "Waymark"], swiftSettings: strict),
        .testTarget(
            name: "WaymarkPreviewTests",
            dependencies: ["WaymarkPreview", "Waymark", .product(name: "NIOEmbedded", package: "swift-nio")],
            swiftSettings: strict
        ),
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
        .executable(name: "fuzz-docx", targets: ["FuzzDocx"]),
    ]
    package.targets += [
        .target(name: "FuzzDriver", dependencies: ["Waymark"], path: "Sources/FuzzDriver", swiftSettings: strict),
        .executableTarget(name: "FuzzReader", dependencies: ["Waymark", "FuzzDriver"], path: "Sources/FuzzReader", swiftSettings: strict),
        .executableTarget(name: "FuzzPicture", dependencies: ["Waymark", "WaymarkXML", "FuzzDriver"], path: "Sources/FuzzPicture", swiftSettings: strict),
        .executableTarget(name: "FuzzSettings", dependencies: ["Waymark", "WaymarkModel", "FuzzDriver"], path: "Sources/FuzzSettings", swiftSettings: strict),
        .executableTarget(name: "FuzzDocx", dependencies: ["Waymark", "WaymarkModel", "WaymarkZip", "FuzzDriver"], path: "Sources/FuzzDocx", swiftSettings: strict),
    ]
}
