import Testing
import Foundation
@testable import CorridorRisk

/// The cases of the second hostile corpus (issue 14) that the library decides: strict numbers,
/// plausible dates, ids that cannot collide, line endings, encodings and JSON that parsers
/// disagree on. Each has one exact outcome.
@Suite struct SecondHostileCorpusTests {
    static let header = "id,date,lon,lat,precision,category,target,fatalities,injured,hostages"
    static let good = "OK,2024-01-01,67,30,1,bombing,rail,0,0,0"

    func rejection(_ row: String) async throws -> String? {
        let set = try await incidents(Self.header + "\n" + Self.good + "\n" + row + "\n")
        #expect(set.read == 2 && set.incidents.map(\.id) == ["OK"])
        return set.rejected.first?.reason
    }

    // MARK: numbers

    @Test(arguments: [
        ("A,2024-01-01,67,0x1E,1,bombing,rail,0,0,0", "latitude '0x1E' is not a decimal number"),
        ("A,2024-01-01,67,30,1,bombing,rail,0x10,0,0", "fatalities must be a non-negative whole number, got '0x10'"),
        ("A,2024-01-01,67,30,1,bombing,rail,0x1p4,0,0", "fatalities must be a non-negative whole number, got '0x1p4'"),
        ("A,2024-01-01,67,30,1,bombing,rail,0,inf,0", "injured must be a non-negative whole number, got 'inf'"),
        ("A,2024-01-01,67,30,1,bombing,rail,1e20,0,0", "fatalities '1e20' is too large (at most 10^15)"),
    ])
    func numbersAreDecimalAndBounded(row: String, reason: String) async throws {
        #expect(try await rejection(row) == reason)
    }

    @Test func decimalTextIsTheOnlyNumberAccepted() {
        #expect(ByteParsing.double("30.5") == 30.5)
        #expect(ByteParsing.double("-1e3") == -1000)
        for text in ["0x1E", "0x1p4", "nan", "inf", "-infinity", "1_000", " 1", "+", "1e", "."] {
            #expect(ByteParsing.double(text) == nil, "\(text)")
        }
    }

    // MARK: dates

    @Test(arguments: [
        ("A,0001-01-01,67,30,1,bombing,rail,0,0,0", "date 0001-01-01 is outside the plausible range 1900-01-01 to 2100-12-31 (a typo or a stand-in date?)"),
        ("A,9999-12-31,67,30,1,bombing,rail,0,0,0", "date 9999-12-31 is outside the plausible range 1900-01-01 to 2100-12-31 (a typo or a stand-in date?)"),
    ])
    func datesOutsideThePlausibleWindowAreRejected(row: String, reason: String) async throws {
        #expect(try await rejection(row) == reason)
    }

    @Test func anACLEDYearZeroIsRejected() async throws {
        let text = """
        event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp
        PAK1,0000-03-11,0,1,Political violence,Explosions/Remote violence,Remote explosive/landmine/IED,BLA,,2,,,0,20,,586,Southern Asia,Pakistan,Balochistan,Kachhi,,Mach,29.86,67.33,1,Dawn,National,Railway track blown up,0,,1700000000
        """
        let set = try await incidents(text, name: "acled.csv")
        #expect(set.incidents.isEmpty)
        #expect(set.rejected.map(\.reason) == ["date 0000-03-11 is outside the plausible range 1900-01-01 to 2100-12-31 (a typo or a stand-in date?)"])
    }

    @Test func oneOutlyingRowThatSetsAsOfIsNamed() async throws {
        let set = try await incidents(Self.header + "\n" + Self.good + "\nB,2024-02-01,67,30,1,bombing,rail,0,0,0\n"
                                      + "TYPO,2099-12-31,67,30,1,bombing,rail,0,0,0\n")
        let merged = MergedIncidents([set])
        let warning = try #require(merged.outlyingLatestDate())
        #expect(warning.contains("TYPO"))
        #expect(warning.contains("2099-12-31"))
        #expect(merged.outlyingLatestDate(gapDays: 365 * 80) == nil)
    }

    @Test func anAsOfBeforeEveryIncidentIsAWarning() async throws {
        let network = try infrastructure(collection(feature("r", kind: "rail", #"{"type":"LineString","coordinates":[[67,30],[67.1,30]]}"#)))
        let set = try await incidents(Self.header + "\n" + Self.good + "\n")
        let report = try await RiskScorer().score(infrastructure: network, incidents: [set],
                                                  asOf: CalendarDay(year: 2000, month: 1, day: 1))
        #expect(report.warnings.contains { $0.contains("all 1 valid incidents are dated after") })
    }

    // MARK: ids

    @Test func unitIDsThatWouldCollideAreAnError() throws {
        let network = try infrastructure(collection(
            feature("a", kind: "rail", #"{"type":"LineString","coordinates":[[67,30],[67.3,30]]}"#),
            feature("a#1", kind: "station", #"{"type":"Point","coordinates":[67,30.5]}"#)))
        #expect(throws: InputError.self) { try Segmenter(parameters: ModelParameters()).units(for: network.assets, file: network.file) }
        do {
            _ = try Segmenter(parameters: ModelParameters()).units(for: network.assets, file: network.file)
        } catch {
            #expect("\(error)".contains("a#1"))
        }
    }

    @Test(arguments: [
        (#""id": 1e16"#, "id 1e+16 is too large for a number to hold exactly: write it as a string"),
        (#""id": 1.5"#, "id must be a string or a whole number, got 1.5"),
        (#""id": true"#, "id must be a string or a whole number, got true"),
    ])
    func geoJSONIDsThatAreNotIDsSaySo(id: String, reason: String) async throws {
        let text = #"{"type":"FeatureCollection","features":[{"type":"Feature",\#(id),"geometry":{"type":"Point","coordinates":[67,30]},"properties":{"date":"2024-01-01","precision":1}}]}"#
        let set = try await incidents(text, name: "t.geojson")
        #expect(set.rejected.count == 1)
        #expect(set.rejected.first?.reason.contains(reason) == true, "\(set.rejected)")
        #expect(set.rejected.first?.numbering == .feature)
    }

    @Test func aLargeButExactIntegralIDIsKept() async throws {
        let text = #"{"type":"FeatureCollection","features":[{"type":"Feature","id":1000000000000000,"geometry":{"type":"Point","coordinates":[67,30]},"properties":{"date":"2024-01-01","precision":1}}]}"#
        let set = try await incidents(text, name: "t.geojson")
        #expect(set.incidents.map(\.id) == ["1000000000000000"])
    }

    // MARK: layout

    @Test func aCROnlyCSVReadsEveryRecord() async throws {
        let text = [Self.header, Self.good, "B,2024-01-02,67,30,1,bombing,rail,0,0,0"].joined(separator: "\r")
        let set = try await incidents(text + "\r")
        #expect(set.incidents.map(\.id) == ["OK", "B"])
        #expect(set.rejected.isEmpty)
    }

    @Test func aLoneCRInAnLFFileEndsItsRecord() async throws {
        let text = Self.header + "\n" + Self.good + "\rB,2024-01-02,67,30,1,bombing,rail,0,0,0\nC,bad\n"
        let set = try await incidents(text)
        #expect(set.incidents.map(\.id) == ["OK", "B"])
        #expect(set.rejected == [RejectedRecord(file: "test.csv", line: 4, id: "C", reason: "has 2 fields, the header has 10")])
    }

    @Test func aRepeatedHeaderColumnIsAnError() async throws {
        await #expect(throws: InputError.self) {
            _ = try await incidents("id,date,lon,lat,lat,precision,category,target,fatalities,injured,hostages\n")
        }
        do {
            _ = try await incidents("id,date,lon,lat,lat,precision,category,target,fatalities,injured,hostages\n")
        } catch {
            #expect("\(error)".contains("lat"))
        }
    }

    // MARK: JSON

    static func utf16(_ text: String, bom: Bool) -> [UInt8] {
        (bom ? [0xFF, 0xFE] : []) + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    @Test(arguments: [true, false])
    func utf16JSONIsToldToBeResavedInEveryReader(bom: Bool) async throws {
        let network = Self.utf16(collection(feature("r", kind: "rail", #"{"type":"LineString","coordinates":[[67,30],[67.1,30]]}"#)), bom: bom)
        #expect(throws: InputError.self) { try InfrastructureReader.read(bytes: network, name: "n.geojson") }
        do { _ = try InfrastructureReader.read(bytes: network, name: "n.geojson") } catch {
            #expect("\(error)".contains("UTF-16, not UTF-8: re-save it as UTF-8"))
        }
        do {
            _ = try await IncidentReader.read(bytes: Self.utf16(#"{"type":"FeatureCollection","features":[]}"#, bom: bom),
                                              name: "i.geojson", format: .geojson)
            Issue.record("a UTF-16 GeoJSON was read")
        } catch {
            #expect("\(error)".contains("re-save it as UTF-8"))
        }
        let model = FileManager.default.temporaryDirectory.appendingPathComponent("utf16-model-\(UUID().uuidString).json")
        try Data(Self.utf16(#"{"radiusKm": 5}"#, bom: bom)).write(to: model)
        defer { try? FileManager.default.removeItem(at: model) }
        do {
            _ = try ModelParameters.load(path: model.path)
            Issue.record("a UTF-16 model file was read")
        } catch {
            #expect("\(error)".contains("UTF-16, not UTF-8: re-save it as UTF-8"))
        }
    }

    @Test func aKeyGivenTwiceIsAnErrorWhereverItIs() throws {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(#"{"a": 1, "b": 2, "a": 3}"#) }
        do { _ = try JSONParser.parse(#"{"a": 1, "b": 2, "a": 3}"#) } catch {
            #expect(error == JSONParser.Failure(line: 1, column: 18, reason: #"key "a" appears twice in one object: keep one"#))
        }
        // Past the linear search, the set finds it too.
        let many = (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ",")
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse("{\(many), \"k7\": 0}") }
        #expect((try? JSONParser.parse("{\(many)}")) != nil)
        #expect(throws: ModelError.self) { try ModelParameters.parse(json: #"{"radiusKm": 5, "radiusKm": 10}"#) }
        let network = collection(feature("r", kind: "rail", #"{"type":"LineString","coordinates":[[67,30],[67.1,30]]}"#, extra: #""kind": "road""#))
        #expect(throws: InputError.self) { try infrastructure(network) }
    }

    @Test(arguments: [#""\ud800""#, #""\udc00x""#, #""\ud800\u0041""#])
    func aLoneSurrogateIsAnErrorNotAReplacement(text: String) throws {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(text) }
        do { _ = try JSONParser.parse(text) } catch {
            #expect(error.reason.hasPrefix("lone surrogate"))
            #expect(error.column == 2)
        }
        #expect(try JSONParser.parse(#""\ud83d\ude82""#) == .string("🚂"))
    }

    // MARK: model and assets

    @Test func trendThresholdsMustNotOverlap() throws {
        var p = ModelParameters()
        p.trendRising = 0.5
        p.trendFalling = 2
        #expect(throws: ModelError(key: "trendFalling", reason: "must be less than trendRising (0.5), got 2")) { try p.validate() }
        p.trendFalling = 0.5
        #expect(throws: ModelError.self) { try p.validate() }
        p.trendFalling = 0.4
        try p.validate()
    }

    @Test(arguments: [#""""#, #"" ""#, #""\t""#])
    func blankCorridorNamesAreAnError(name: String) throws {
        let network = collection(feature("r", kind: "rail", #"{"type":"LineString","coordinates":[[67,30],[67.1,30]]}"#,
                                         extra: "\"corridors\": [\"CPEC\", \(name)]"))
        #expect(throws: InputError.self) { try infrastructure(network) }
        do { _ = try infrastructure(network) } catch {
            #expect("\(error)".contains("corridor names must not be blank"))
        }
    }

    // MARK: bounds

    @Test func workPastTheLimitIsRefusedBeforeItIsDone() async throws {
        let network = try infrastructure(collection(feature("r", kind: "rail", #"{"type":"LineString","coordinates":[[67,30],[68,30]]}"#)))
        let set = try await incidents(Self.header + "\n" + Self.good + "\n")
        var p = ModelParameters()
        p.segmentKm = 1e-9
        await #expect(throws: WorkTooLarge.self) { _ = try await RiskScorer(parameters: p).score(infrastructure: network, incidents: [set]) }
        p.segmentKm = 1e-320
        await #expect(throws: WorkTooLarge.self) { _ = try await RiskScorer(parameters: p).score(infrastructure: network, incidents: [set]) }
        let estimate = WorkEstimate(assets: network.assets, incidents: set.incidents, parameters: p)
        #expect(estimate.units > 1e15)
    }
}
