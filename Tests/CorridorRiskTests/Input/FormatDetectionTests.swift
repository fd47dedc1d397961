import Testing
@testable import CorridorRisk

@Suite struct FormatDetectionTests {
    @Test func eachLayoutIsRecognisedFromItsContent() async throws {
        #expect(try await incidents(ACLEDReaderTests.currentHeader + "\n").format == .acled)
        #expect(try await incidents(GTDReaderTests.header + "\n").format == .gtd)
        #expect(try await incidents("id,date,lon,lat,precision\n").format == .native)
        #expect(try await incidents("  {\"type\":\"FeatureCollection\",\"features\":[]}").format == .geojson)
    }

    @Test func anUnknownHeaderIsAnErrorThatSaysWhatWasExpected() async throws {
        do {
            _ = try await incidents("name,when,where\nx,y,z\n")
            Issue.record("an unknown layout must not be read")
        } catch let error as InputError {
            #expect(error.kind == .malformed)
            #expect(error.description.hasPrefix("test.csv: line 1: unrecognised incidents layout"))
        }
    }

    @Test func anExplicitFormatOverridesDetection() async throws {
        await #expect(throws: InputError.self) {
            try await incidents("id,date,lon,lat,precision\n", format: .acled)
        }
    }

    @Test func unreadableAndEmptyFilesAreErrorsNamingTheFile() async throws {
        do {
            _ = try await IncidentReader.read(path: "/nonexistent/incidents.csv")
            Issue.record("a missing file must be an error")
        } catch let error as InputError {
            #expect(error.kind == .unreadable)
            #expect(error.description == "/nonexistent/incidents.csv: cannot open: No such file or directory")
        }
        await #expect(throws: InputError(.unreadable, file: "/tmp", reason: "is a directory, not a file")) {
            try await IncidentReader.read(path: "/tmp")
        }
        await #expect(throws: InputError(.malformed, file: "test.csv", reason: "is empty: no header line")) {
            try await incidents("")
        }
    }

    @Test func utf16IsAnErrorWithAFix() async throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for b in "id,date\n".utf8 { bytes += [b, 0] }
        await #expect(throws: InputError(.malformed, file: "u.csv", reason: "is UTF-16 (or binary), not UTF-8 text: re-save it as UTF-8")) {
            try await IncidentReader.read(bytes: bytes, name: "u.csv")
        }
    }
}
