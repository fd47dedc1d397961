import Testing
import Foundation

/// The second hostile corpus (issue 14) through the executable: where a report may be written,
/// bounds checked before the work, strict numbers on the command line, and messages that name
/// the place and the reason in one clean line.
@Suite final class SecondHostileCorpusCLITests {
    let dir: URL

    init() throws { dir = try CLI.temporaryDirectory() }
    deinit { try? FileManager.default.removeItem(at: dir) }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String, mode: Int? = nil) throws -> String {
        let p = path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: p))
        if let mode { try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: p) }
        return p
    }

    func mode(_ p: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: p)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    func oneLine(_ r: CLI.Result) -> Bool { r.stderr.split(separator: "\n").count == 1 }

    /// A small network and incidents file, so each run takes a fraction of a second.
    func inputs() throws -> [String] {
        let net = try write("net.geojson", #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"r","kind":"rail"},"geometry":{"type":"LineString","coordinates":[[67,30],[67.5,30]]}}]}"#)
        let inc = try write("in.csv", "id,date,lon,lat,precision\nA,2024-01-01,67.1,30.01,1\nB,2024-03-01,67.2,30.02,1\n")
        return ["--infrastructure", net, "--incidents", inc]
    }

    // MARK: --output

    @Test func devicesAreWrittenInPlaceNeverReplaced() throws {
        let null = try CLI.run(try inputs() + ["--output", "/dev/null"])
        #expect(null.status == 0)
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
        let full = try CLI.run(try inputs() + ["--output", "/dev/full"])
        #expect(full.status == 74 && oneLine(full))
        #expect(full.stderr.contains("/dev/full"))
        #expect(stat("/dev/full", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test func aFIFOIsWrittenThroughNotReplaced() throws {
        let fifo = path("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        let args = try inputs() + ["--format", "json", "--output", fifo, "--quiet"]
        // The reader must exist before the writer opens the FIFO; read it on another thread.
        nonisolated(unsafe) var received = Data()
        let reader = Thread { received = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data() }
        reader.start()
        let r = try CLI.run(args)
        // Should the run have failed before opening the FIFO, this open releases the reader.
        let release = open(fifo, O_WRONLY | O_NONBLOCK)
        if release >= 0 { close(release) }
        while !reader.isFinished { usleep(10_000) }
        #expect(r.status == 0)
        #expect(received == (try CLI.run(try inputs() + ["--format", "json"])).stdout)
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
    }

    @Test func aSymlinkIsFollowedAndSaysSo() throws {
        let real = try write("real.txt", "old")
        let link = path("link.txt")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let r = try CLI.run(try inputs() + ["--output", link])
        #expect(r.status == 0)
        #expect(r.stderr.contains("is a symbolic link") && r.stderr.contains("real.txt"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        #expect(try String(contentsOfFile: real, encoding: .utf8).contains("as of 2024-03-01"))
    }

    @Test func aReportKeepsItsModeAndAReadOnlyOneNeedsForce() throws {
        let privateReport = try write("private.txt", "old", mode: 0o600)
        #expect(try CLI.run(try inputs() + ["--output", privateReport]).status == 0)
        #expect(try mode(privateReport) == 0o600)

        let locked = try write("locked.txt", "old", mode: 0o444)
        let refused = try CLI.run(try inputs() + ["--output", locked])
        #expect(refused.status == 74 && oneLine(refused))
        #expect(refused.stderr.contains("is read-only (mode 444): pass --force to replace it"))
        #expect(try String(contentsOfFile: locked, encoding: .utf8) == "old")
        let forced = try CLI.run(try inputs() + ["--output", locked, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: locked, encoding: .utf8).contains("as of 2024-03-01"))
        #expect(try mode(locked) == 0o444)
    }

    @Test func theBundledDataIsNeverAnOutput() throws {
        let bundled = CLI.fixtures.appendingPathComponent("balochistan/incidents.csv").path
        let before = try Data(contentsOf: URL(fileURLWithPath: bundled))
        let r = try CLI.run(["--output", bundled])
        #expect(r.status == 64 && oneLine(r))
        #expect(r.stderr.contains("is in the bundled data"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: bundled)) == before)
    }

    @Test(arguments: [
        ("", "--output needs a file name"),
        ("outt/", "ends in '/': name a file in that directory"),
        (".", "is a directory: name a file in it"),
    ])
    func namesThatAreNotFilesAreUsageErrors(output: String, message: String) throws {
        let r = try CLI.run(try inputs() + ["--output", output], in: dir)
        #expect(r.status == 64 && oneLine(r), "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    // MARK: bounds and numbers

    @Test func aSegmentLengthThatWouldExhaustMemoryIsRefusedAtOnce() throws {
        let r = try CLI.run(try inputs() + ["--segment-km", "1e-9"])
        #expect(r.status == 64 && oneLine(r), "\(r.stderr)")
        #expect(r.stderr.contains("scoring units"), "\(r.stderr)")
        let model = try write("tiny.json", #"{"segmentKm": 1e-320}"#)
        let m = try CLI.run(try inputs() + ["--model", model])
        #expect(m.status == 64 && oneLine(m), "\(m.stderr)")
    }

    @Test(arguments: [
        (["--segment-km", "0x10"], "'0x10' is invalid for '--segment-km <km>': not a decimal number"),
        (["--segment-km", "-5"], "must be a positive number"),
        (["--radius-km", "-1"], "must be a positive number"),
        (["--kappa", "-1"], "must be a positive number"),
        (["--top", "-1"], "--top"),
        (["--threads", "-1"], "--threads"),
    ])
    func badNumbersOnTheCommandLineAreNamed(arguments: [String], message: String) throws {
        let r = try CLI.run(try inputs() + arguments)
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(!r.stderr.contains("Missing value"), "\(r.stderr)")
    }

    @Test func aHugeTierBoundsListGivesAShortError() throws {
        let bounds = (0..<1_000_000).map(String.init).joined(separator: ",")
        let model = try write("bounds.json", "{\"tierBounds\": [\(bounds)]}")
        let r = try CLI.run(try inputs() + ["--model", model])
        #expect(r.status != 0 && oneLine(r))
        #expect(r.stderr.utf8.count < 400, "\(r.stderr.utf8.count) bytes")
    }

    // MARK: messages

    @Test func controlCharactersInInputNeverReachTheTerminal() throws {
        let net = try inputs()
        let inc = try write("esc.csv", "id,date,lon,lat,precision,description\n"
                            + "A\u{1B}[31m,2024-01-01,67.1,30.01,1,x\nB,2024-01-01,67.1,30.01,1,\u{1B}[2J\u{1B}[Hbomb\u{0}\n")
        let r = try CLI.run([net[0], net[1], "--incidents", inc])
        #expect(r.status == 0)
        #expect(!r.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0 })
        #expect(!r.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0 })
        #expect(r.text.contains("\\u{1B}"))
    }

    @Test func aCROnlyExportIsRead() throws {
        let net = try inputs()
        let inc = try write("cr.csv", "id,date,lon,lat,precision\rA,2024-01-01,67.1,30.01,1\rB,2024-02-01,67.2,30.02,1\r")
        let r = try CLI.run([net[0], net[1], "--incidents", inc, "--format", "json"])
        #expect(r.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        let counts = try #require(report["incidents"] as? [String: Any])
        #expect(counts["read"] as? Int == 2 && counts["used"] as? Int == 2)
    }
}
