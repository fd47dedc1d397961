// swift-tools-version:6.0
import PackageDescription

// Layers, each depending only on the ones above it:
//   CGEOS, CPROJ, CCrypto  system libraries (libgeos-dev, libproj-dev, libssl-dev) found through pkg-config
//   Platform               the one Swift layer over the C library and libcrypto: files, streams, signals, SHA-256
//   GeoFoundation          the one Swift layer that owns every GEOS and PROJ handle, and the geometry on top
//   CorridorRisk           the domain: assets, incidents, readers, the model, scoring, the JSON report
//   ReportRendering        text, Markdown, GeoJSON, CSV and HTML renderings of a report
//   risk-report            the thin command-line tool
let package = Package(
    name: "CorridorRisk",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "CorridorRisk", targets: ["CorridorRisk"]),
        .library(name: "ReportRendering", targets: ["ReportRendering"]),
        .library(name: "GeoFoundation", targets: ["GeoFoundation"]),
        .library(name: "CorridorRiskGDAL", targets: ["CorridorRiskGDAL"]),
        .executable(name: "risk-report", targets: ["risk-report"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"]), .brew(["geos"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"]), .brew(["proj"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"]), .brew(["openssl"])]),
        // GDAL for the file formats (GeoPackage, Shapefile, FlatGeobuf, OpenStreetMap): only the
        // CorridorRiskGDAL module and the tool link it, so the CorridorRisk library never needs it.
        .systemLibrary(name: "CGDAL", pkgConfig: "gdal", providers: [.apt(["libgdal-dev"]), .brew(["gdal"])]),
        .target(name: "GDALFoundation", dependencies: ["CGDAL"]),
        .target(name: "Platform", dependencies: ["CCrypto"]),
        .target(
            name: "GeoFoundation",
            dependencies: ["CGEOS", "CPROJ", .product(name: "RealModule", package: "swift-numerics")]
        ),
        // The bundled Balochistan dataset, compiled in (C23 #embed of the Fixtures files) so the
        // library and risk-report carry it wherever they go.
        .target(name: "CBundledData"),
        .target(
            name: "CorridorRisk",
            dependencies: ["GeoFoundation", "Platform", "CBundledData",
                           .product(name: "RealModule", package: "swift-numerics")]
        ),
        // Networks and incidents from any GDAL vector format, OSM profiles and route building,
        // and the GeoPackage report: the tool links it; CorridorRisk itself never needs GDAL.
        .target(name: "CorridorRiskGDAL", dependencies: ["CorridorRisk", "GDALFoundation", "GeoFoundation", "Platform"]),
        .target(name: "ReportRendering", dependencies: ["CorridorRisk", .product(name: "RealModule", package: "swift-numerics")]),
        .executableTarget(
            name: "risk-report",
            dependencies: [
                "CorridorRisk", "CorridorRiskGDAL", "ReportRendering", "Platform",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks: a deterministic synthetic-data generator and a phase timer (Docs/PERFORMANCE.md).
        // Seeded randomness and small helpers shared by the tests and the synthetic-data generator.
        .target(name: "TestSupport", dependencies: [.product(name: "RealModule", package: "swift-numerics")]),
        .target(name: "SyntheticData", dependencies: ["CorridorRisk", "TestSupport", .product(name: "RealModule", package: "swift-numerics")]),
        .executableTarget(
            name: "risk-bench",
            dependencies: [
                "CorridorRisk", "SyntheticData", "Platform",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GeoFoundationTests", dependencies: ["GeoFoundation", "TestSupport"]),
        .testTarget(name: "PlatformTests", dependencies: ["Platform"]),
        .testTarget(name: "CorridorRiskTests", dependencies: ["CorridorRisk", "SyntheticData", "TestSupport", "Platform"]),
        .testTarget(name: "ReportRenderingTests", dependencies: ["ReportRendering"]),
        .testTarget(name: "CorridorRiskGDALTests", dependencies: ["CorridorRiskGDAL", "CorridorRisk", "GDALFoundation", "GeoFoundation", "TestSupport"]),
        .testTarget(name: "SyntheticDataTests", dependencies: ["SyntheticData", "CorridorRisk"]),
        // End-to-end: runs the built risk-report executable (a dependency, so `swift test` builds it).
        .testTarget(name: "RiskReportCLITests", dependencies: ["risk-report", "TestSupport"]),
    ]
)
