import Testing
@testable import CorridorRisk

@Suite struct NativeFormatTests {
    static let sample = [
        Incident(id: "X1", date: CalendarDay(year: 2024, month: 1, day: 1)!, location: Coordinate(67.1, 30.05),
                 precision: .nearTown, category: .bombing, targets: [.rail], fatalities: 2, injured: 3,
                 description: "A \"quoted\" note, with a comma\nand a line break", source: "https://example.org/a ; https://example.org/b"),
        Incident(id: "X2", date: CalendarDay(year: 2024, month: 12, day: 1)!, location: Coordinate(67.05, 30.25),
                 precision: .exact, category: .hijacking, targets: [.rail, .foreignNationals], fatalities: 5,
                 hostages: 100),
    ]

    @Test func nativeCSVRoundTrips() async throws {
        let set = try await incidents(IncidentWriter.nativeCSV(Self.sample))
        #expect(set.format == .native)
        #expect(set.incidents == Self.sample.map { var i = $0; if i.source == nil { i.source = nil }; return i })
    }

    @Test func withoutKeepTextDescriptionsAndSourcesAreLeftOut() async throws {
        let text = IncidentWriter.nativeCSV(Self.sample)
        let set = try await IncidentReader.read(bytes: Array(text.utf8), name: "t.csv", keepText: false)
        #expect(set.incidents.map(\.id) == ["X1", "X2"])
        #expect(set.incidents.allSatisfy { $0.description == nil && $0.source == nil })
        #expect(set.incidents.map(\.fatalities) == [2, 5])
    }

    @Test func geoJSONRoundTrips() async throws {
        let set = try await incidents(IncidentWriter.geoJSON(Self.sample), name: "test.geojson")
        #expect(set.format == .geojson)
        #expect(set.incidents == Self.sample)
    }

    @Test func geoJSONTargetsMayBeAStringAndCountsNull() async throws {
        let text = """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","id":7,"geometry":{"type":"Point","coordinates":[67,30]},
           "properties":{"date":"2024-05-01","precision":"2","category":"sabotage","target":"rail;security","fatalities":null}}]}
        """
        let set = try await incidents(text, name: "t.geojson")
        #expect(set.incidents.first?.id == "7")
        #expect(set.incidents.first?.targets == [.rail, .security])
        #expect(set.incidents.first?.precision == .nearTown)
        #expect(set.incidents.first?.fatalities == 0)
    }

    @Test func unknownCategoryAndTargetBecomeOther() async throws {
        let set = try await incidents("id,date,lon,lat,precision,category,target\nA,2024-01-01,67,30,1,arson,bridges;rail\n")
        #expect(set.incidents[0].category == .other)
        #expect(set.incidents[0].targets == [.rail, .other])
    }
}
