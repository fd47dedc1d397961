import Testing
@testable import CorridorRisk

/// Each rejection reason of spec §1, with its line and id; nothing is dropped silently.
@Suite struct ValidationTests {
    static let header = "id,date,lon,lat,precision,category,target,fatalities,injured,hostages"

    @Test(arguments: [
        (",2024-01-01,67,30,1,bombing,rail,0,0,0", nil, "missing id"),
        ("A,,67,30,1,bombing,rail,0,0,0", "A", "missing date"),
        ("A,2024-13-01,67,30,1,bombing,rail,0,0,0", "A", "malformed date '2024-13-01' (expected YYYY-MM-DD)"),
        ("A,01/02/2024,67,30,1,bombing,rail,0,0,0", "A", "malformed date '01/02/2024' (expected YYYY-MM-DD)"),
        ("A,2024-01-01,,30,1,bombing,rail,0,0,0", "A", "missing longitude"),
        ("A,2024-01-01,67,north,1,bombing,rail,0,0,0", "A", "latitude 'north' is not a decimal number"),
        ("A,2024-01-01,67,95,1,bombing,rail,0,0,0", "A", "latitude 95 is outside [-90, 90]"),
        ("A,2024-01-01,-181.5,30,1,bombing,rail,0,0,0", "A", "longitude -181.5 is outside [-180, 180]"),
        ("A,2024-01-01,nan,30,1,bombing,rail,0,0,0", "A", "longitude 'nan' is not a decimal number"),
        ("A,2024-01-01,67,1e400,1,bombing,rail,0,0,0", "A", "latitude is not a finite number"),
        ("A,2024-01-01,0,0,1,bombing,rail,0,0,0", "A", "coordinates are exactly (0, 0), the usual stand-in for an unknown location"),
        ("A,2024-01-01,67,30,,bombing,rail,0,0,0", "A", "missing precision"),
        ("A,2024-01-01,67,30,4,bombing,rail,0,0,0", "A", "precision must be 1, 2 or 3, got '4'"),
        ("A,2024-01-01,67,30,1,bombing,rail,-1,0,0", "A", "fatalities must be a non-negative whole number, got '-1'"),
        ("A,2024-01-01,67,30,1,bombing,rail,0,2.5,0", "A", "injured must be a non-negative whole number, got '2.5'"),
        ("A,2024-01-01,67,30,1,bombing,rail,0,0", "A", "has 9 fields, the header has 10"),
    ] as [(String, String?, String)])
    func eachBadValueIsRejectedWithItsReason(row: String, id: String?, reason: String) async throws {
        let set = try await incidents(Self.header + "\nOK,2024-01-01,67,30,1,bombing,rail,0,0,0\n" + row + "\n")
        #expect(set.read == 2)
        #expect(set.incidents.map(\.id) == ["OK"])
        #expect(set.rejected == [RejectedRecord(file: "test.csv", line: 3, id: id, reason: reason)])
    }

    @Test func integralDecimalsAndNegativeZeroAreFine() async throws {
        let set = try await incidents(Self.header + "\nA,2024-01-01,67,30,1.0,bombing,rail,2.0,-0,0\n")
        #expect(set.rejected.isEmpty)
        #expect(set.incidents[0].fatalities == 2 && set.incidents[0].injured == 0)
    }

    @Test func aRepeatedIdIsRejectedAndTheFirstKept() async throws {
        let set = try await incidents(Self.header + """

            A,2024-01-01,67,30,1,bombing,rail,1,0,0
            B,2024-01-02,67,30,1,bombing,rail,0,0,0
            A,2024-01-03,67,30,1,bombing,rail,9,0,0
            """)
        #expect(set.incidents.map(\.fatalities) == [1, 0])
        #expect(set.rejected == [RejectedRecord(file: "test.csv", line: 4, id: "A", reason: "duplicate id (first accepted on line 2)")])
    }

    @Test func strictModeTurnsTheFirstRejectionIntoAnError() async throws {
        let text = Self.header + "\nA,2024-01-01,67,95,1,bombing,rail,0,0,0\nB,2024-01-01,67,99,1,bombing,rail,0,0,0\n"
        await #expect(throws: InputError(.rejected, file: "test.csv", location: "line 2",
                                         reason: "latitude 95 is outside [-90, 90] (strict mode)")) {
            try await IncidentReader.read(bytes: Array(text.utf8), name: "test.csv", strict: true)
        }
    }

    @Test func geoJSONRejectionsAreLocatedByFeatureIndex() async throws {
        let text = """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","geometry":{"type":"Point","coordinates":[67,30]},"properties":{"id":"A","date":"2024-01-01","precision":1}},
          {"type":"Feature","geometry":{"type":"LineString","coordinates":[[67,30],[68,30]]},"properties":{"id":"B","date":"2024-01-01","precision":1}}]}
        """
        let set = try await incidents(text, name: "t.geojson")
        #expect(set.rejected == [RejectedRecord(file: "t.geojson", line: 1, id: "B", reason: "geometry must be a Point, got LineString", numbering: .feature)])
    }
}
