// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "dochouse",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dochouse", targets: ["dochouse"]),
        .library(name: "DochouseKit", targets: ["DochouseKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The system C library. Only CmarkBridge imports it.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The allocator the executable links (ARCHITECTURE.md, "Decisions and why"); only `dochouse` imports it.
        .systemLibrary(
            name: "CMimalloc",
            providers: [.apt(["libmimalloc-dev"])]
        ),
        // Small C helpers for system calls Swift's Glibc module does not expose (renameat2).
        .target(name: "CSystemShims"),
        // The one module that touches cmark's C pointers; it hands out Swift values.
        .target(name: "CmarkBridge", dependencies: ["CCmarkGFM"]),
        // The pipeline: load, parse, resolve, validate, render, write.
        .target(
            name: "DochouseKit",
            dependencies: [
                "CmarkBridge",
                "CSystemShims",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/iam")]
        ),
        // The live preview: an HTTP server over the in-memory site, a file watcher, live reload.
        .target(
            name: "DochouseServe",
            dependencies: [
                "DochouseKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The thin command layer.
        .executableTarget(
            name: "dochouse",
            dependencies: [
                "DochouseKit",
                "DochouseServe",
                "CMimalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "DochouseKitTests",
            dependencies: [
                "DochouseKit", "DochouseServe", "CmarkBridge",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
