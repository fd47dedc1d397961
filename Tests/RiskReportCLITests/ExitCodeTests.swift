import Testing
import Foundation

/// Exit codes: 0 success, 64 usage, 65 data error, 66 input missing, 74 output not writable;
/// every error is one line on stderr naming the file and the reason.
@Suite final class ExitCodeTests {
    let dir: URL

    init() throws { dir = try CLI.temporaryDirectory() }
    deinit { try? FileManager.default.removeItem(at: dir) }

    func file(_ name: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func oneLine(_ r: CLI.Result) -> Bool { r.stderr.split(separator: "\n").count == 1 }

    @Test func usageErrorsAre64() throws {
        #expect(try CLI.run(["--format", "pdf"]).status == 64)
        #expect(try CLI.run(["--as-of", "31/03/2025"]).status == 64)
        #expect(try CLI.run(["--no-such-option"]).status == 64)
        #expect(try CLI.run(["--top", "-1"]).status == 64)
        #expect(try CLI.run(["--corridor", "Nowhere"]).status == 64)
        #expect(try CLI.run(["--kappa", "0"]).status == 64)
    }

    @Test func aReportNeverOverwritesAnInput() throws {
        let incidents = try file("in.csv", "id,date,lon,lat,precision\nA,2024-01-01,67,30,1\n")
        let r = try CLI.run(["--incidents", incidents, "--output", incidents])
        #expect(r.status == 64)
        #expect(try String(contentsOfFile: incidents, encoding: .utf8).hasPrefix("id,date"))
    }

    @Test func aMissingFileIs66() throws {
        let r = try CLI.run(["--incidents", dir.appendingPathComponent("absent.csv").path])
        #expect(r.status == 66)
        #expect(oneLine(r) && r.stderr.contains("absent.csv: cannot open: No such file or directory"))
        #expect(try CLI.run(["--infrastructure", "/nonexistent/net.geojson"]).status == 66)
    }

    @Test func malformedFilesAre65WithTheirLocation() throws {
        let net = try file("net.geojson", #"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"id": "x", "kind": "rail"}, "geometry": {"type": "Point", "coordinates": [67, 30]}}]}"#)
        let r = try CLI.run(["--infrastructure", net])
        #expect(r.status == 65)
        #expect(oneLine(r) && r.stderr.contains("net.geojson: feature 0 (id \"x\"): a rail asset needs a LineString"))
        let broken = try file("broken.geojson", #"{"type": "FeatureCollection", "features": [}"#)
        let b = try CLI.run(["--infrastructure", broken])
        #expect(b.status == 65 && b.stderr.contains("broken.geojson: line 1, column"))
    }

    @Test func strictModeAndNoValidRecordAre65() throws {
        let mixed = try file("mixed.csv", "id,date,lon,lat,precision\nA,2024-01-01,67,30,1\nB,2024-01-01,67,95,1\n")
        let lenient = try CLI.run(["--incidents", mixed, "--format", "json"])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("1 incident records rejected"))
        let strict = try CLI.run(["--incidents", mixed, "--strict"])
        #expect(strict.status == 65)
        #expect(oneLine(strict) && strict.stderr.contains("mixed.csv: line 3: latitude 95 is outside [-90, 90] (strict mode)"))
        // Without a valid incident the run is a data error, but the report still comes out
        // (every unit at 0, as spec section 6 says).
        let empty = try file("empty.csv", "id,date,lon,lat,precision\n")
        let none = try CLI.run(["--incidents", empty, "--format", "json", "--as-of", "2025-01-01"])
        #expect(none.status == 65 && oneLine(none))
        let report = try #require(try JSONSerialization.jsonObject(with: none.stdout) as? [String: Any])
        #expect(report["asOf"] as? String == "2025-01-01")
        #expect((report["units"] as? [[String: Any]])?.allSatisfy { $0["score"] as? Double == 0 } == true)
    }

    @Test func anUnwritableOutputIs74AndLeavesNothingBehind() throws {
        let r = try CLI.run(["--output", dir.appendingPathComponent("no/such/dir/report.txt").path])
        #expect(r.status == 74 && oneLine(r))
        let readOnly = dir.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: readOnly, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: readOnly.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: readOnly.path) }
        if getuid() != 0 {  // root may write anywhere
            #expect(try CLI.run(["--output", readOnly.appendingPathComponent("r.txt").path]).status == 74)
        }
    }

    @Test func outputIsWrittenWhole() throws {
        let target = dir.appendingPathComponent("report.json")
        let r = try CLI.run(["--format", "json", "--output", target.path, "--quiet"])
        #expect(r.status == 0 && r.stdout.isEmpty && r.stderr.isEmpty)
        let written = try Data(contentsOf: target)
        #expect(written == (try CLI.run(["--format", "json"]).stdout))
        // Only the report is left: the temporary file was renamed into place.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.json"])
    }
}
