import Testing
@testable import CorridorRisk

@Suite struct GazetteerReaderTests {
    @Test func csvRowsWithoutANameOrWithABadCoordinateAreSkippedWithTheirLine() throws {
        let csv = "id,name,lat,lon,rank\na,Quetta,30.18,67.0,1\nb,,29.5,67.9,2\nc,Sibi,95,67.9,2\nd,\"Mach, town\",29.86,67.33,\n"
        let g = try GazetteerReader.read(bytes: Array(csv.utf8), name: "g.csv")
        #expect(g.places.map(\.name) == ["Quetta", "Mach, town"])
        #expect(g.places.map(\.rank) == [1, nil])
        #expect(g.places[0].location == Coordinate(67.0, 30.18))
        #expect(g.warnings == ["g.csv: line 3: place skipped: has no name",
                               "g.csv: line 4: place skipped: latitude 95 is outside [-90, 90]"])
    }

    @Test func aCSVWithoutTheColumnsIsAnError() {
        #expect(throws: InputError(.malformed, file: "g.csv", location: "line 1", reason: "gazetteer CSV header has no 'lon' column")) {
            _ = try GazetteerReader.read(bytes: Array("name,x,lat\nA,1,2\n".utf8), name: "g.csv")
        }
    }

    @Test func geoJSONPointsWithANameArePlaces() throws {
        let json = #"""
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "properties": {"name": "Gwadar", "rank": 1}, "geometry": {"type": "Point", "coordinates": [62.33, 25.12]}},
          {"type": "Feature", "properties": {"name": "Road"}, "geometry": {"type": "LineString", "coordinates": [[1, 2], [3, 4]]}},
          {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [62, 25]}}]}
        """#
        let g = try GazetteerReader.read(bytes: Array(json.utf8), name: "g.geojson")
        #expect(g.places == [Place(name: "Gwadar", location: Coordinate(62.33, 25.12), rank: 1)])
        #expect(g.warnings == ["g.geojson: feature 1: place skipped: is not a Point", "g.geojson: feature 2: place skipped: has no name"])
        #expect(g.format == "geojson" && g.digest?.sha256.count == 64)
    }

    @Test func theBundledGazetteerNamesTheBolanStations() throws {
        let g = try BundledDataset.places()
        #expect(g.warnings.isEmpty)
        for name in ["Quetta", "Sibi", "Mach", "Gwadar", "Dhadar", "Bolan Pass"] { #expect(g.places.contains { $0.name == name }, "\(name)") }
        #expect(Set(g.places.map(\.name)).count == g.places.count)
    }
}
