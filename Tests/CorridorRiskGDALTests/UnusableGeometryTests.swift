import CorridorRisk
import CorridorRiskGDAL
import Foundation
import Testing

/// Geometries GDAL reads but GEOS cannot take (found by fuzzing the GDAL readers): the feature
/// alone is skipped or rejected with GEOS's reason, never the whole file; and GDAL's date
/// fields read as ISO dates.
@Suite struct UnusableGeometryTests {
    func write(_ name: String, _ text: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func aNetworkFeatureWithAnUnusableGeometryIsSkippedAndNamed() throws {
        let dir = try GDALTestFiles.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try write("net.geojson", #"""
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"id":"r","kind":"rail"},"geometry":{"type":"LineString","coordinates":[[67,30],[67.5,30]]}},
        {"type":"Feature","properties":{"id":"p","kind":"port"},"geometry":{"type":"Polygon","coordinates":[[[67,30],[67.1,30],[67.1,30.1],[67,30.1]]]}},
        {"type":"Feature","properties":{"id":"g","kind":"station"},"geometry":{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[67,30]}]}}]}
        """#, in: dir)
        let network = try NetworkReader.read(path: path, profile: .native)
        #expect(network.assets.map(\.id) == ["r"])
        let warning = try #require(network.warnings.first { $0.contains("skipped for their geometry") })
        #expect(warning.contains("2 features skipped"), "\(warning)")
        #expect(warning.contains("unusable geometry"), "\(warning)")
    }

    @Test func anIncidentWithAnUnusableGeometryIsRejectedAloneAndDatesReadAsISO() throws {
        let dir = try GDALTestFiles.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try write("incidents.geojson", #"""
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"id":"A","date":"2024-01-02","precision":1},"geometry":{"type":"Point","coordinates":[67,30]}},
        {"type":"Feature","properties":{"id":"B","date":"2024-01-03","precision":1},"geometry":{"type":"Polygon","coordinates":[[[67,30],[67.1,30],[67.1,30.1],[67,30.1]]]}},
        {"type":"Feature","properties":{"id":"C","date":"2024-01-04","precision":1},"geometry":{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[67,30]}]}}]}
        """#, in: dir)
        let set = try IncidentLayerReader.read(path: path)
        #expect(set.incidents.map(\.id) == ["A"])
        #expect(set.incidents.first?.date == CalendarDay(year: 2024, month: 1, day: 2))
        #expect(set.rejected.map(\.id) == ["B", "C"])
        #expect(set.rejected.allSatisfy { $0.reason.hasPrefix("unusable geometry") || $0.reason == "geometry must be a Point" }, "\(set.rejected)")
        #expect(set.rejected.contains { $0.reason.hasPrefix("unusable geometry") }, "\(set.rejected)")
    }
}
