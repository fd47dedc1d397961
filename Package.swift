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
        .library(name: "GeoFoundation", targets: ["GeoFoundation"]),
    ],
    dependencies: [
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
        .testTarget(
            name: "GeoFoundationTests",
            dependencies: ["GeoFoundation"]
        ),
        .testTarget(
            name: "CorridorRiskTests",
            dependencies: ["CorridorRisk"]
        ),
    ]
)
