// swift-tools-version:6.0
// Coverage-guided fuzzing of every reader with libFuzzer. Not part of the main build: the
// targets only link with `-sanitize=fuzzer`. Run them with ./run-fuzz.sh (see its header).
import PackageDescription

let package = Package(
    name: "CorridorRiskFuzz",
    dependencies: [.package(name: "CorridorRisk", path: "../..")],
    targets: [
        .target(name: "CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver", .product(name: "CorridorRisk", package: "CorridorRisk")]),
        .executableTarget(name: "FuzzIncidents", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzInfrastructure", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzModel", dependencies: ["FuzzSupport"]),
        // The GDAL-backed readers (CorridorRiskGDAL): profiles, networks and incident layers.
        .executableTarget(name: "FuzzProfile", dependencies: ["FuzzSupport", .product(name: "CorridorRiskGDAL", package: "CorridorRisk")]),
        .executableTarget(name: "FuzzGDALNetwork", dependencies: ["FuzzSupport", .product(name: "CorridorRiskGDAL", package: "CorridorRisk")]),
        .executableTarget(name: "FuzzGDALIncidents", dependencies: ["FuzzSupport", .product(name: "CorridorRiskGDAL", package: "CorridorRisk")]),
    ]
)
