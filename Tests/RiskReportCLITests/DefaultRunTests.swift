import Testing
import Foundation

@Suite struct DefaultRunTests {
    @Test func noArgumentsScoresTheBundledDataset() throws {
        let r = try CLI.run([])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.text.hasPrefix("Balochistan corridors (bundled dataset)"))
        #expect(r.text.contains("Top 10 units by risk"))
        #expect(r.text.contains("rail-ml3-rohri-quetta#"))
        #expect(r.text.contains("read 41 = rejected 0"))
        #expect(!r.text.contains("\u{1B}["))  // no colour into a pipe
    }

    @Test func itRunsFromAnyDirectoryAndWhenCopiedElsewhere() throws {
        let place = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: place) }
        let copy = place.appendingPathComponent("risk-report")
        try FileManager.default.copyItem(at: CLI.executable, to: copy)
        let here = try CLI.run(["--format", "json"])
        let there = try CLI.run(["--format", "json"], executable: copy, in: place)
        #expect(there.status == 0, "\(there.stderr)")
        #expect(there.stdout == here.stdout)
    }

    @Test func theReportIsTheSameWhateverTheThreadCount() throws {
        let one = try CLI.run(["--format", "json", "--threads", "1"])
        let two = try CLI.run(["--format", "json", "--threads", "2"])
        #expect(one.status == 0 && one.stdout == two.stdout)
    }

    @Test func helpExplainsEachOptionWithAnExample() throws {
        let root = try CLI.run(["--help"])
        #expect(root.status == 0 && root.text.contains("score") && root.text.contains("diff") && root.text.contains("Example"))
        let r = try CLI.run(["score", "--help"])
        #expect(r.status == 0)
        for option in ["--infrastructure", "--incidents", "--incident-format", "--as-of", "--model", "--segment-km",
                       "--radius-km", "--half-life-days", "--kappa", "--format", "--output", "--top", "--corridor",
                       "--strict", "--quiet", "--places"] {
            #expect(r.text.contains(option), "\(option)")
        }
        #expect(r.text.contains("Example"))
    }
}
