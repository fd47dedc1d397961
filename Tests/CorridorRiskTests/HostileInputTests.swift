import Testing
import Foundation
@testable import CorridorRisk

/// The hostile corpus (Fixtures/hostile, plus very large cases generated here): each input has
/// one exact outcome, a clear error or counted rejections and warnings. Never a crash, a hang or
/// a silently lost record.
@Suite struct HostileInputTests {
    func read(_ name: String, format: IncidentFormat = .auto) async throws -> IncidentSet {
        try await IncidentReader.read(path: FixturePath.of("hostile/" + name), format: format)
    }

    func readError(_ name: String) async -> InputError? {
        do {
            _ = try await read(name)
            return nil
        } catch {
            return error as? InputError
        }
    }

    func network(_ name: String) throws -> Infrastructure {
        try InfrastructureReader.read(path: FixturePath.of("hostile/" + name))
    }

    func networkError(_ name: String) -> InputError? {
        do {
            _ = try network(name)
            return nil
        } catch {
            return error as? InputError
        }
    }

    // MARK: incidents

    @Test func aRecordCutShortIsRejected() async throws {
        let set = try await read("truncated-record.csv")
        #expect(set.incidents.map(\.id) == ["A"])
        #expect(set.rejected.map(\.reason) == ["has 2 fields, the header has 5"])
        #expect(set.rejected.first?.line == 3)
    }

    @Test func aQuoteLeftOpenAtTheEndIsRejected() async throws {
        let set = try await read("truncated-quote.csv")
        #expect(set.incidents.map(\.id) == ["A"])
        #expect(set.rejected.map(\.reason) == ["unterminated quoted field: a quote opened in this record never closes"])
    }

    @Test func utf16IsAnError() async throws {
        let error = await readError("utf16.csv")
        #expect(error?.kind == .malformed)
        #expect(error?.reason == "is UTF-16 (or binary), not UTF-8 text: re-save it as UTF-8")
    }

    @Test func latin1IsReadWithAWarning() async throws {
        let set = try await read("latin1.csv")
        #expect(set.incidents.count == 1)
        #expect(set.incidents[0].description == "attaque pr\u{FFFD}s de Quetta")
        #expect(set.warnings.count == 1)
        #expect(set.warnings[0].contains("1 byte sequence is not valid UTF-8"))
    }

    @Test func aHeaderOnlyFileHasNoRecords() async throws {
        let set = try await read("header-only.csv")
        #expect(set.read == 0 && set.incidents.isEmpty && set.rejected.isEmpty)
    }

    @Test func extremeNumbersAreNamed() async throws {
        let set = try await read("numbers.csv")
        #expect(set.incidents.map(\.id) == ["NEGZERO"])
        #expect(set.incidents[0].fatalities == 0)
        #expect(set.rejected.map(\.reason) == ["latitude is not a finite number", "longitude 'NaN' is not a decimal number",
                                               "fatalities must be a non-negative whole number, got 'inf'"])
    }

    @Test func aFileWithoutAValidRowKeepsEveryRejection() async throws {
        let set = try await read("no-valid-row.csv")
        #expect(set.read == 3 && set.incidents.isEmpty)
        #expect(set.rejected.map(\.reason) == ["missing date", "coordinates are exactly (0, 0), the usual stand-in for an unknown location",
                                               "precision must be 1, 2 or 3, got '5'"])
    }

    @Test func aMillionColumnLineIsRejected() async throws {
        let line = "X" + String(repeating: ",", count: 1_000_000)
        let set = try await incidents("id,date,lon,lat,precision\nA,2024-01-01,67,30,1\n" + line + "\n")
        #expect(set.incidents.map(\.id) == ["A"])
        #expect(set.rejected.map(\.reason) == ["has 1000001 fields, the header has 5"])
    }

    @Test func aHundredMegabyteFieldIsRejected() async throws {
        var bytes = Array("id,date,lon,lat,precision,description\nA,2024-01-01,67,30,1,\"".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 100 << 20)
        bytes += Array("\"\nB,2024-01-01,67,30,1,short\n".utf8)
        let set = try await IncidentReader.read(bytes: bytes, name: "big.csv")
        #expect(set.incidents.map(\.id) == ["B"])
        #expect(set.rejected.map(\.reason) == ["field 6 is 104857600 bytes long (the limit is 1048576 per field)"])
        #expect(set.rejected.first?.line == 2)
    }

    @Test func truncatedAndInvalidJSONAreErrorsWithTheirPlace() async throws {
        let truncated = await readError("truncated.geojson")
        #expect(truncated?.kind == .malformed)
        #expect(truncated?.location == "line 1, column 152")  // where the cut string begins
        #expect(truncated?.reason == "invalid JSON: unterminated string")
        let nan = await readError("nan.geojson")
        #expect(nan?.reason == "invalid JSON: unexpected character 'N' where a value should start")
    }

    @Test func deepNestingIsAnErrorNotAStackOverflow() async throws {
        let error = await readError("deep.json")
        #expect(error?.reason == "invalid JSON: nesting deeper than 256 levels")
    }

    @Test func hugeAndNegativeZeroCoordinatesInGeoJSON() async throws {
        let set = try await read("huge-number.geojson")
        #expect(set.rejected.map(\.reason) == ["longitude is not a finite number",
                                               "coordinates are exactly (0, 0), the usual stand-in for an unknown location"])
    }

    @Test func swappedLatitudeAndLongitudeAreWarnedAbout() async throws {
        let network = try InfrastructureReader.read(path: FixturePath.of("balochistan/infrastructure.geojson"))
        let good = try await IncidentReader.read(path: FixturePath.of("balochistan/incidents.csv"))
        var swapped = good
        swapped.incidents = good.incidents.map { var i = $0; i.location = Coordinate($0.location.y, $0.location.x); return i }
        let warned = try await RiskScorer().score(infrastructure: network, incidents: [swapped])
        #expect(warned.warnings.contains { $0.contains("would lie inside it with longitude and latitude swapped") })
        let fine = try await RiskScorer().score(infrastructure: network, incidents: [good])
        #expect(!fine.warnings.contains { $0.contains("swapped") })
    }

    /// Found by FuzzIncidents: a quote followed by a combining mark is one Swift `Character`,
    /// so a writer that doubled quotes per Character left it single and broke the record.
    @Test func aQuoteFollowedByACombiningMarkRoundTrips() async throws {
        let tricky = Incident(id: "id \"\u{0617}z: \"x", date: CalendarDay(year: 2024, month: 1, day: 1)!,
                              location: Coordinate(67, 30), precision: .exact, category: .bombing,
                              description: "a \"\u{0301}quoted\" note, with a comma", source: "\"\u{0617}")
        let set = try await incidents(IncidentWriter.nativeCSV([tricky]))
        #expect(set.rejected.isEmpty)
        #expect(set.incidents == [tricky])
        #expect(IncidentWriter.csvField("\"\u{0617}") == "\"\"\"\u{0617}\"")
    }

    // MARK: infrastructure

    @Test func aSelfIntersectingPolygonIsAnError() {
        let error = networkError("self-intersecting-polygon.geojson")
        #expect(error?.location == "feature 0 (id \"bowtie\")")
        #expect(error?.reason.hasPrefix("invalid Polygon: Self-intersection") == true)
    }

    @Test func aSelfCrossingLineIsFine() throws {
        #expect(try network("self-crossing-line.geojson").assets.count == 1)
    }

    @Test func emptyGeometriesAndDuplicateIdsAreErrors() {
        #expect(networkError("empty-line.geojson")?.reason == "empty LineString")
        let duplicate = networkError("duplicate-ids.geojson")
        #expect(duplicate?.location == "feature 1 (id \"same\")")
        #expect(duplicate?.reason == "duplicate asset id (also feature 0)")
    }

    @Test func aNetworkWithoutLinesIsScoredWithAWarning() throws {
        let n = try network("no-linear-asset.geojson")
        #expect(n.assets.count == 2)
        #expect(n.warnings == ["\(FixturePath.of("hostile/no-linear-asset.geojson")): no linear asset (rail, road or pipeline): only sites will be scored"])
    }

    @Test func deepNestingInAModelFileIsAnError() throws {
        let deep = try String(contentsOfFile: FixturePath.of("hostile/deep.json"), encoding: .utf8)
        #expect {
            _ = try ModelParameters.parse(json: deep)
        } throws: { error in
            (error as? ModelError)?.reason.contains("nesting deeper than 256 levels") == true
        }
    }
}
