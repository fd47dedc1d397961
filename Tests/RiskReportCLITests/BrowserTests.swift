import Foundation
import Testing

/// The HTML report in a real browser: headless Chromium driven by Selenium
/// (`Tests/Browser/check_report.py`) opens the bundled report, finds no console error, measures
/// the town labels (Quetta, Sibi, Mach and Gwadar among them, none overlapping), zooms with the
/// buttons and the keyboard, and clicks the riskiest unit to read its places and top incident.
/// `.ci/run` installs Debian's chromium and chromium-driver and Selenium in `Tests/Browser/.venv`;
/// where they are missing the test is skipped and says so.
@Suite struct BrowserTests {
    static let browserDirectory = CLI.fixtures.deletingLastPathComponent().appendingPathComponent("Tests/Browser")
    static let python = browserDirectory.appendingPathComponent(".venv/bin/python")

    static var missing: String? {
        let fm = FileManager.default
        for (path, what) in [(python.path, "Tests/Browser/.venv with Selenium (.ci/run makes it)"),
                             ("/usr/bin/chromium", "Debian's chromium"), ("/usr/bin/chromedriver", "Debian's chromium-driver")]
        where !fm.isExecutableFile(atPath: path) {
            return "no \(what): the browser test is skipped"
        }
        return nil
    }

    @Test(.enabled(if: missing == nil, Comment(rawValue: missing ?? "")))
    func theReportOpensInChromiumAndTheTopUnitShowsItsDetails() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("report.html")
        #expect(try CLI.run(["--format", "html", "--output", page.path]).status == 0)
        let json = try CLI.run(["--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        let units = try #require(report["units"] as? [[String: Any]])
        let top = try #require(units.max { a, b in
            let (ra, rb) = (a["risk"] as? Double ?? 0, b["risk"] as? Double ?? 0)
            return ra != rb ? ra < rb : (a["id"] as? String ?? "") > (b["id"] as? String ?? "")
        })
        let id = try #require(top["id"] as? String)
        let incident = try #require((top["topIncidents"] as? [[String: Any]])?.first?["id"] as? String)
        let chainage = "km \(Int(top["startKm"] as? Double ?? 0))–\(Int(top["endKm"] as? Double ?? 0))"

        let process = Process()
        process.executableURL = Self.python
        process.arguments = [Self.browserDirectory.appendingPathComponent("check_report.py").path, page.path, "--unit", id,
                             "--expect", chainage, "--expect", incident, "--labels", "Quetta,Sibi,Mach,Gwadar"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let found = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(String(decoding: data, as: UTF8.self))")
        #expect((found["problems"] as? [String]) == [], "\(found["problems"] ?? "")")
        #expect((found["labels"] as? Int ?? 0) >= 20)
        #expect((found["consoleErrors"] as? [String]) == [])
        #expect((found["panel"] as? String)?.contains(incident) == true)
        #expect(process.terminationStatus == 0)
    }
}
