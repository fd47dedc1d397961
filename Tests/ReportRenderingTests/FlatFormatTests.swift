import Foundation
import Testing
@testable import ReportRendering
@testable import CorridorRisk

/// CSV and GeoJSON: every unit field as a column or property, from the one field table.
@Suite struct FlatFormatTests {
    static let columns = ["id", "assetId", "assetName", "kind", "corridors", "startKm", "endKm", "lengthKm",
                          "exposure", "threat", "risk", "score", "tier", "incidentCount", "effectiveIncidents",
                          "previousThreat", "recentThreat", "priorThreat", "trend",
                          "hotspotZ", "hotspotP", "hotspotBin", "hotspotBinFdr",
                          "smoothedThreat", "smoothedLow", "smoothedHigh", "smoothedScore", "smoothedScoreLow",
                          "smoothedScoreHigh", "smoothedTier", "lowData", "history",
                          "placeNear", "placeNearKm", "placeBearing", "placeFrom", "placeTo", "place",
                          "topIncidents", "topIncident", "topIncidentShare", "lon", "lat"]

    @Test func csvHasOneRowPerUnitWithEveryField() throws {
        let text = String(decoding: ReportRenderer.render(SampleReport.input(), as: .csv), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines[3].isEmpty)
        #expect(lines[0].split(separator: ",").map(String.init) == Self.columns)
        #expect(lines[1] == #"R#1,R,"Rail, main line",rail,North; Bolan,0.0,10.0,10.0,3.0,3.25,3.25,27.75,low,2,1.8,1.5,2.5,0.5,rising,2.5,0.0124,2,1,2.75,1.25,4.5,24.04,11.75,36.24,low,true,1.0; 1.5; 3.25,Mach,12.5,SW,Sibi,Mach,"km 0–10, between Sibi and Mach",X1; X2,X1,0.6666666666666666,67.0,30.045"#)
        #expect(lines[2] == "P,P,Port,port,,0.0,0.0,0.0,0.0,0.0,0.0,0.0,minimal,0,0.0,0.0,0.0,0.0,none,,,,,0.5,0.125,1.5,4.88,1.24,13.93,minimal,true,0.0; 0.0; 0.0,,,,,,,,,,67.3,30.2")
    }

    @Test func csvOfAnEmptyReportStillHasItsHeader() {
        var input = SampleReport.input()
        input.report.units = []
        #expect(String(decoding: ReportRenderer.render(input, as: .csv), as: UTF8.self) == Self.columns.joined(separator: ",") + "\n")
    }

    @Test func geoJSONCarriesEveryFieldAsAProperty() throws {
        let data = Data(ReportRenderer.render(SampleReport.input(), as: .geojson))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["type"] as? String == "FeatureCollection")
        #expect(root["asOf"] as? String == "2024-12-31")
        let features = try #require(root["features"] as? [[String: Any]])
        #expect(features.count == 2)
        let segment = try #require(features[0]["properties"] as? [String: Any])
        #expect((features[0]["geometry"] as? [String: Any])?["type"] as? String == "LineString")
        #expect(segment["corridors"] as? String == "North; Bolan")
        #expect(segment["hotspotBin"] as? Int == 2)
        #expect(segment["topIncident"] as? String == "X1")
        #expect((segment["topIncidents"] as? [[String: Any]])?.map { $0["id"] as? String } == ["X1", "X2"])
        let site = try #require(features[1]["properties"] as? [String: Any])
        #expect(site["hotspotZ"] is NSNull && site["topIncident"] is NSNull)
        // The property order is the CSV's, with the top incidents as objects at the end.
        let text = String(decoding: data, as: UTF8.self)
        #expect(segment["history"] as? [Double] == [1, 1.5, 3.25])
        #expect(segment["lowData"] as? Bool == true)
        #expect(segment["place"] as? String == "km 0–10, between Sibi and Mach")
        #expect(segment["placeBearing"] as? String == "SW")
        #expect(site["place"] as? String == "")
        let keys = Self.columns.prefix(38) + ["topIncident", "topIncidents"]
        let positions = keys.map { text.range(of: "\"\($0)\":")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(zip(positions, positions.dropFirst()).allSatisfy { $0! < $1! })
    }
}
