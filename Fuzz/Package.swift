// swift-tools-version: 6.0
// libFuzzer harnesses for dochouse, one executable per harness. Kept out of the main package so that
// `swift build` and `swift test` never see them; `scripts/fuzz` builds them with `-sanitize=fuzzer`.
// SwiftPM links an executable's entry point as `NAME_main` (it renames `main` so tests can link the target), so
// libFuzzer's own `main` cannot be used; each harness's main.swift hands control to libFuzzer's driver instead
// (`LLVMFuzzerRunDriver`, the documented entry point for programs with their own main).
import PackageDescription

let harnesses = ["FuzzPage", "FuzzJSON", "FuzzYAML", "FuzzPolicy", "FuzzSchema"]

let package = Package(
    name: "dochouse-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "dochouse", path: "..")],
    targets: harnesses.map { name in
        .executableTarget(
            name: name,
            dependencies: [.product(name: "DochouseKit", package: "dochouse")]
        )
    },
    swiftLanguageModes: [.v6]
)
