import CorridorRisk
import CorridorRiskGDAL
import Foundation
import GDALFoundation
import Testing

/// The bundled report as a GeoPackage: one layer per geometry type, the incidents that reached a
/// unit, the corridors table and the styles; read back by GDAL and by the project's own readers.
@Suite struct GeoPackageWriterTests {
    func bundledReport() async throws -> (RiskReport, [Incident]) {
        let incidents = try await BundledDataset.incidents()
        let report = try await RiskScorer(parallelism: 1).score(infrastructure: try BundledDataset.infrastructure(),
                                                                incidents: [incidents], places: try BundledDataset.places())
        return (report, incidents.incidents)
    }

    @Test func theLayersHoldEveryUnitIncidentAndCorridor() async throws {
        let dir = try GDALTestFiles.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (report, incidents) = try await bundledReport()
        let path = dir.appendingPathComponent("risk.gpkg").path
        try GeoPackageWriter.write(report, incidents: incidents, to: path)

        let ds = try VectorDataset.open(path)
        #expect(ds.driverName == "GPKG")
        let layers = Dictionary(uniqueKeysWithValues: ds.layers.map { ($0.name, $0) })
        #expect(Set(layers.keys) == ["units_lines", "units_points", "units_polygons", "incidents", "corridors", "layer_styles"])
        let lines = report.units.filter { if case .lineString = $0.geometry { true } else { false } }.count
        #expect(layers["units_lines"]?.featureCount == lines)
        #expect((layers["units_lines"]?.featureCount ?? 0) + (layers["units_points"]?.featureCount ?? 0)
                + (layers["units_polygons"]?.featureCount ?? 0) == report.units.count)
        #expect(layers["incidents"]?.featureCount == report.reachedIncidentIDs.count)
        #expect(layers["corridors"]?.featureCount == report.corridors.count)
        #expect(layers["layer_styles"]?.featureCount == 3)
        let fields = try #require(layers["units_lines"]?.fieldNames)
        for f in ["id", "assetId", "score", "tier", "smoothedScore", "smoothedScoreLow", "smoothedScoreHigh", "hotspotBinFdr",
                  "trend", "history", "placeNear", "place", "topIncident", "topIncidentShare"] {
            #expect(fields.contains(f), "\(f)")
        }
        #expect(try #require(layers["incidents"]?.fieldNames).contains("largestContribution"))
    }

    @Test func theUnitsReadBackAsANetworkAndTheIncidentsAsIncidents() async throws {
        let dir = try GDALTestFiles.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (report, incidents) = try await bundledReport()
        let path = dir.appendingPathComponent("risk.gpkg").path
        try GeoPackageWriter.write(report, incidents: incidents, to: path)
        // The units layer carries id and kind, so the native profile reads it as a network.
        let units = try NetworkReader.read(path: path, layer: "units_lines")
        let expected = report.units.filter { if case .lineString = $0.geometry { true } else { false } }
        #expect(units.assets.map(\.id) == expected.map(\.id))
        #expect(units.assets.map(\.geometry) == expected.map(\.geometry))
        let back = try IncidentLayerReader.read(path: path, layer: "incidents")
        #expect(back.rejected.isEmpty)
        #expect(Set(back.incidents.map(\.id)) == report.reachedIncidentIDs)
        let original = Dictionary(uniqueKeysWithValues: incidents.map { ($0.id, $0) })
        for i in back.incidents { #expect(i == original[i.id], "\(i.id)") }
    }

    @Test func aGeoPackageThatCannotBeWrittenLeavesNothing() async throws {
        let dir = try GDALTestFiles.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (report, incidents) = try await bundledReport()
        let path = dir.appendingPathComponent("missing-directory/risk.gpkg").path
        #expect(throws: (any Error).self) { try GeoPackageWriter.write(report, incidents: incidents, to: path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}
