import Testing
@testable import CorridorRisk

/// The hand-made samples in real export layouts (Fixtures/samples) read to exactly the records
/// listed in Fixtures/samples/expected, which were derived from the spec's rules separately.
@Suite struct SampleFilesTests {
    @Test(arguments: [
        ("acled-current.csv", IncidentFormat.acled, "acled-current.csv"),
        ("acled-legacy.csv", .acled, "acled-legacy.csv"),
        ("gtd-sample.csv", .gtd, "gtd-sample.csv"),
        ("incidents.geojson", .geojson, "incidents.geojson.csv"),
    ])
    func eachSampleReadsToItsExpectedRecords(file: String, format: IncidentFormat, expected: String) async throws {
        let set = try await IncidentReader.read(path: FixturePath.of("samples/" + file))
        let want = try await IncidentReader.read(path: FixturePath.of("samples/expected/" + expected), format: .native)
        #expect(set.format == format)
        #expect(set.rejected.isEmpty, "\(set.rejected)")
        #expect(set.incidents.count == want.incidents.count)
        for (got, exp) in zip(set.incidents, want.incidents) {
            #expect(got.id == exp.id)
            #expect(got.date == exp.date, "\(got.id)")
            #expect(got.location == exp.location, "\(got.id)")
            #expect(got.precision == exp.precision, "\(got.id)")
            #expect(got.category == exp.category, "\(got.id)")
            #expect(got.targets == exp.targets, "\(got.id): \(got.targets) vs \(exp.targets)")
            #expect([got.fatalities, got.injured, got.hostages] == [exp.fatalities, exp.injured, exp.hostages], "\(got.id)")
        }
    }
}
