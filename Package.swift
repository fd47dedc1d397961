// swift-tools-version:6.0
import PackageDescription

// Layers, each depending only on the ones above it:
//   CGEOS, CPROJ        system libraries (libgeos-dev, libproj-dev) found through pkg-config
//   GeoFoundation       the one safe Swift layer that owns every GEOS and PROJ handle
//   CorridorRisk        the domain: assets, incidents, readers, segmentation, scoring, JSON report
//   ReportRendering     text, Markdown, GeoJSON, CSV and HTML renderings of a report
//   risk-report         the thin command-line tool
let package = Package(
    name: "CorridorRisk",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "CorridorRisk", targets: ["CorridorRisk"]),
        .library(name: "ReportRendering", targets: ["ReportRendering"]),
        .library(name: "GeoFoundation", targets: ["GeoFoundation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGEOS",
            pkgConfig: "geos",
            providers: [.apt(["libgeos-dev"]), .brew(["geos"])]
        ),
        .systemLibrary(
            name: "CPROJ",
            pkgConfig: "proj",
            providers: [.apt(["libproj-dev"]), .brew(["proj"])]
        ),
        .target(
            name: "GeoFoundation",
            dependencies: ["CGEOS", "CPROJ"]
        ),
        .target(
            name: "CorridorRisk",
            dependencies: ["GeoFoundation", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "ReportRendering",
            dependencies: ["CorridorRisk"]
        ),
        // The bundled Balochistan dataset, compiled into the executable (C23 #embed of the
        // Fixtures files) so risk-report runs from anywhere, even when copied elsewhere.
        .target(name: "CBundledData"),
        .executableTarget(
            name: "risk-report",
            dependencies: [
                "CorridorRisk", "ReportRendering", "CBundledData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks: a deterministic synthetic-data generator and a phase timer (Docs/PERFORMANCE.md).
        .target(name: "SyntheticData", dependencies: ["CorridorRisk"]),
        .executableTarget(
            name: "risk-bench",
            dependencies: [
                "CorridorRisk", "SyntheticData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "GeoFoundationTests",
            dependencies: ["GeoFoundation", "SyntheticData"]
        ),
        .testTarget(
            name: "CorridorRiskTests",
            dependencies: ["CorridorRisk", "SyntheticData"]
        ),
        .testTarget(
            name: "ReportRenderingTests",
            dependencies: ["ReportRendering"]
        ),
        .testTarget(
            name: "SyntheticDataTests",
            dependencies: ["SyntheticData", "CorridorRisk"]
        ),
        // End-to-end: runs the built risk-report executable (a dependency, so `swift test` builds it).
        .testTarget(
            name: "RiskReportCLITests",
            dependencies: ["risk-report"]
        ),
    ]
)
