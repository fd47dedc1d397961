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
                    "threat", "risk", "score", "tier", "incidentCount", "effectiveIncidents", "topIncidents", "trend", "hotspot"] {
            #expect(unit[key] != nil, "\(key)")
        }
        // Every input is recorded with its SHA-256.
        let inputs = try #require(report["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["role"] as? String } == ["infrastructure", "incidents"])
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
