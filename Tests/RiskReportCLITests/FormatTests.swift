import Testing
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct FormatTests {
    func json(_ args: [String]) throws -> [String: Any] {
        let r = try CLI.run(args)
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
    }

    @Test func jsonHasTheSpecsKeys() throws {
        let report = try json(["--format", "json", "--as-of", "2025-03-31"])
        for key in ["asOf", "parameters", "incidents", "rejected", "units", "corridors"] {
            #expect(report[key] != nil, "\(key)")
        }
        #expect(report["asOf"] as? String == "2025-03-31")
        let accounting = try #require(report["incidents"] as? [String: Int])
        #expect(accounting["read"] == 41 && accounting["future"] == 6)
        let unit = try #require((report["units"] as? [[String: Any]])?.first)
        for key in ["id", "assetId", "assetName", "kind", "corridors", "startKm", "endKm", "lengthKm", "exposure",
                    "threat", "risk", "score", "tier", "incidentCount", "effectiveIncidents", "topIncidents", "trend", "hotspot",
                    "smoothed", "lowData", "history", "places"] {
            #expect(unit[key] != nil, "\(key)")
        }
        // Every input is recorded with its SHA-256.
        let inputs = try #require(report["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["role"] as? String } == ["infrastructure", "incidents", "places"])
        #expect(inputs.allSatisfy { ($0["sha256"] as? String)?.count == 64 })
    }

    @Test func geojsonIsOneFeaturePerUnit() throws {
        let units = try #require(try json(["--format", "json"])["units"] as? [[String: Any]])
        let geo = try json(["--format", "geojson"])
        #expect(geo["type"] as? String == "FeatureCollection")
        let features = try #require(geo["features"] as? [[String: Any]])
        #expect(features.count == units.count)
        let first = try #require(features.first)
        #expect((first["geometry"] as? [String: Any])?["type"] as? String == "LineString")
        #expect((first["properties"] as? [String: Any])?["tier"] != nil)
    }

    @Test func csvIsOneRowPerUnit() throws {
        let units = try #require(try json(["--format", "json"])["units"] as? [[String: Any]])
        let r = try CLI.run(["--format", "csv"])
        let lines = r.text.split(separator: "\n")
        #expect(lines.first?.hasPrefix("id,assetId,assetName,kind,corridors,startKm") == true)
        #expect(lines.count == units.count + 1)
    }

    @Test func markdownHasItsTables() throws {
        let r = try CLI.run(["--format", "markdown", "--top", "3"])
        #expect(r.text.hasPrefix("# Balochistan corridors"))
        #expect(r.text.contains("| corridor | km |"))
        #expect(r.text.contains("## Top 3 units by risk"))
    }

    @Test func htmlIsWellFormedXMLWithAMap() throws {
        let r = try CLI.run(["--format", "html"])
        #expect(r.status == 0)
        let parser = XMLParser(data: r.stdout)
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(r.text.contains("<svg"))
    }

    @Test func corridorFilterKeepsOnlyThatCorridor() throws {
        let report = try json(["--format", "json", "--corridor", "Jaffar Express route"])
        let units = try #require(report["units"] as? [[String: Any]])
        #expect(!units.isEmpty)
        #expect(units.allSatisfy { ($0["corridors"] as? [String])?.contains("Jaffar Express route") == true })
        #expect((report["corridors"] as? [[String: Any]])?.count == 1)
    }

    @Test func modelFileAndOverridesAreEchoed() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let model = dir.appendingPathComponent("model.json")
        try Data(#"{"radiusKm": 30, "categoryWeights": {"unrest": 0}}"#.utf8).write(to: model)
        let report = try json(["--format", "json", "--model", model.path, "--kappa", "40"])
        let p = try #require(report["parameters"] as? [String: Any])
        #expect(p["radiusKm"] as? Double == 30 && p["kappa"] as? Double == 40)
        #expect((p["categoryWeights"] as? [String: Double])?["unrest"] == 0)
        #expect((report["inputs"] as? [[String: Any]])?.last?["role"] as? String == "model")
    }
}

/// `risk-report diff` end to end.
@Suite struct DiffCommandTests {
    static func reports() throws -> (URL, URL, URL) {
        let dir = try CLI.temporaryDirectory()
        let old = dir.appendingPathComponent("march.json"), new = dir.appendingPathComponent("october.json")
        #expect(try CLI.run(["--as-of", "2025-03-31", "--format", "json", "--output", old.path]).status == 0)
        #expect(try CLI.run(["--format", "json", "--output", new.path]).status == 0)
        return (dir, old, new)
    }

    @Test func theWeeklyBriefNamesWhatWentUpAndDown() throws {
        let (dir, old, new) = try Self.reports()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try CLI.run(["diff", old.path, new.path])
        #expect(text.status == 0)
        #expect(text.text.hasPrefix("What changed: 2025-03-31 → 2025-10-07\n"))
        #expect(text.text.contains("Went up a tier ("))
        #expect(text.text.contains("Went down a tier ("))
        let json = try CLI.run(["diff", old.path, new.path, "--format", "json"])
        let root = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        #expect((root["units"] as? [Any])?.count == 529)
        let html = try CLI.run(["diff", old.path, new.path, "--format", "html"])
        #expect(html.status == 0 && html.text.contains("id=\"map-svg\"") && html.text.contains(">Quetta</text>"))
        let csv = try CLI.run(["diff", old.path, new.path, "--format", "csv"])
        #expect(csv.text.hasPrefix("status,id,assetName,startKm,endKm,change,"))
    }

    @Test func aFileThatIsNotAReportExits65() throws {
        let (dir, old, _) = try Self.reports()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = CLI.fixtures.appendingPathComponent("balochistan/infrastructure.geojson").path
        let r = try CLI.run(["diff", old.path, bad])
        #expect(r.status == 65)
        #expect(r.stderr == "risk-report: error: \(bad): is not a CorridorRisk report: it has no \"units\" array\n")
        #expect(try CLI.run(["diff", old.path, "/nonexistent.json"]).status == 66)
        #expect(try CLI.run(["diff", old.path, old.path, "--format", "geojson"]).status == 64)
    }
}
