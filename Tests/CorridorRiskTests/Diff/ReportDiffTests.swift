import Foundation
import Testing
@testable import CorridorRisk

/// The diff of two reports (METHOD §10) on hand-made reports whose expected changes are worked out
/// here from the rule.
@Suite struct ReportDiffTests {
    static func report(asOf: String, units: [(id: String, threat: Double, score: Double, tier: String, count: Int)],
                       corridors: String = "[]", inputs: String? = #"[{"role": "incidents", "path": "a.csv", "bytes": 12, "sha256": "ab"}]"#) -> ReportSnapshot {
        let list = units.map { u in
            #"{"id": "\#(u.id)", "assetName": "A \#(u.id)", "kind": "rail", "startKm": 0.0, "endKm": 10.0, "threat": \#(u.threat), "score": \#(u.score), "tier": "\#(u.tier)", "incidentCount": \#(u.count)}"#
        }.joined(separator: ",")
        let json = #"{"asOf": "\#(asOf)", "parameters": {"segmentKm": 10.0}, "units": [\#(list)], "corridors": \#(corridors)"#
            + (inputs.map { #", "inputs": \#($0)"# } ?? "") + "}"
        return try! ReportSnapshot.read(bytes: Array(json.utf8), name: asOf + ".json")
    }

    @Test func eachUnitIsClassifiedByItsThreatRatio() {
        let old = Self.report(asOf: "2025-01-01", units: [
            ("up", 10, 60, "high", 8), ("moderate", 10, 60, "high", 8), ("same", 10, 60, "high", 8), ("down", 10, 60, "high", 8),
            ("fromZero", 0, 0, "minimal", 3), ("zeros", 0, 0, "minimal", 0), ("lowBase", 1, 9.5, "minimal", 1),
            ("lowBaseTier", 1, 9.5, "minimal", 2), ("gone", 3, 26, "low", 4),
        ])
        let new = Self.report(asOf: "2025-02-01", units: [
            ("added", 5, 39, "low", 3),
            ("up", 12.6, 72, "high", 9), ("moderate", 11.5, 68, "high", 9), ("same", 10.9, 66, "high", 9), ("down", 7.4, 52, "moderate", 6),
            ("fromZero", 2, 18, "minimal", 6), ("zeros", 0, 0, "minimal", 0), ("lowBase", 3, 26, "low", 5),
            ("lowBaseTier", 3, 19.9, "minimal", 4),
        ])
        let d = ReportDiff(old: old, new: new)
        let change = Dictionary(uniqueKeysWithValues: d.units.map { ($0.id, $0.change) })
        #expect(change["up"] == .largeIncrease)            // 1.26 > 1.25
        #expect(change["moderate"] == .moderateIncrease)   // 1.15
        #expect(change["same"] == .limitedChange)          // 1.09
        #expect(change["down"] == .largeDecrease)          // 0.74
        #expect(change["fromZero"] == .largeIncrease)      // 0 → 2, old count 3 > 2: not a low baseline
        #expect(change["zeros"] == .limitedChange)
        #expect(change["lowBase"] == .largeIncrease, "the tier moved (minimal → low), so the low-baseline rule does not hold it")
        #expect(change["lowBaseTier"] == .limitedChange, "1 → 4 incidents, same tier: a low baseline")
        #expect(d.units.map(\.id) == ["up", "moderate", "same", "down", "fromZero", "zeros", "lowBase", "lowBaseTier"])
        #expect(d.added.map(\.id) == ["added"] && d.removed.map(\.id) == ["gone"])
        let down = try! #require(d.units.first { $0.id == "down" })
        #expect(down.tierChange == -1 && down.scoreChange == -8 && down.oldTier == .high && down.newTier == .moderate)
        let summary = Dictionary(uniqueKeysWithValues: d.summary.map { ($0.key, $0.count) })
        #expect(summary == ["tierUp": 1, "tierDown": 1, "sameTier": 6, "added": 1, "removed": 1, "largeIncrease": 3,
                            "moderateIncrease": 1, "limitedChange": 3, "largeDecrease": 1])
    }

    @Test func corridorsAreMatchedByNameThenTheOldOnlyOnes() throws {
        let old = Self.report(asOf: "a", units: [], corridors: #"[{"name": "B", "maxScore": 50.0, "meanScore": 20.0, "kmByTier": {"minimal": 10.0, "low": 5.0, "moderate": 0.0, "high": 0.0, "extreme": 0.0}}, {"name": "Gone", "maxScore": 10.0, "meanScore": null, "kmByTier": {"minimal": 3.0, "low": 0.0, "moderate": 0.0, "high": 0.0, "extreme": 0.0}}]"#)
        let new = Self.report(asOf: "b", units: [], corridors: #"[{"name": "A", "maxScore": 1.0, "meanScore": 1.0, "kmByTier": {"minimal": 2.0, "low": 0.0, "moderate": 0.0, "high": 0.0, "extreme": 0.0}}, {"name": "B", "maxScore": 70.0, "meanScore": 30.0, "kmByTier": {"minimal": 5.0, "low": 10.0, "moderate": 0.0, "high": 0.0, "extreme": 0.0}}]"#)
        let d = ReportDiff(old: old, new: new)
        #expect(d.corridors.map(\.name) == ["A", "B", "Gone"])
        #expect(d.corridors[0].oldMaxScore == nil && d.corridors[0].kmByTierChange[.minimal] == 2)
        #expect(d.corridors[1].kmByTierChange[.minimal] == -5 && d.corridors[1].kmByTierChange[.low] == 5)
        #expect(d.corridors[2].newMaxScore == nil && d.corridors[2].kmByTierChange[.minimal] == -3)
    }

    @Test func theJSONHasTheSpecsKeysAndCopiesTheInputs() throws {
        let d = ReportDiff(old: Self.report(asOf: "a", units: [("u", 1, 10, "minimal", 1)], inputs: nil),
                           new: Self.report(asOf: "b", units: [("u", 2, 20, "low", 9)]))
        let root = try #require(try JSONSerialization.jsonObject(with: d.jsonData()) as? [String: Any])
        #expect(Set(root.keys) == ["old", "new", "units", "added", "removed", "corridors", "summary"])
        #expect((root["old"] as? [String: Any])?["inputs"] is NSNull)
        let newInputs = try #require((root["new"] as? [String: Any])?["inputs"] as? [[String: Any]])
        #expect(newInputs.first?["bytes"] as? Int == 12)
        let unit = try #require((root["units"] as? [[String: Any]])?.first)
        #expect(Array(unit.keys).sorted() == ["assetName", "change", "endKm", "id", "newScore", "newThreat", "newTier", "oldScore",
                                               "oldThreat", "oldTier", "scoreChange", "startKm", "tierChange"])
        #expect(unit["tierChange"] as? Int == 1 && unit["change"] as? String == "largeIncrease")
        let text = String(decoding: d.jsonData(), as: UTF8.self)
        #expect(text.contains(#""bytes": 12"#), "an input's byte count reads as it was written")
    }

    @Test func aV11ReportAndAV20ReportOfTheSameNetworkCompare() throws {
        let old = try ReportSnapshot.read(path: FixturePath.of("tests/reports/spec-example-v1.1.json"))
        let new = try ReportSnapshot.read(path: FixturePath.of("tests/reports/spec-example-v2.0.json"))
        let d = ReportDiff(old: old, new: new)
        #expect(d.units.count == 4 && d.added.isEmpty && d.removed.isEmpty)
        #expect(d.units.allSatisfy { $0.change == .limitedChange }, "two incidents each: a low baseline")
        #expect(d.units.first { $0.id == "R#1" }.map { $0.newScore - $0.oldScore }.map { abs($0 - (47.7041 - 45.7638)) < 1e-3 } == true)
    }

    @Test func aFileThatIsNotAReportSaysWhy() {
        let cases: [(String, String)] = [
            ("xyz", "is not a CorridorRisk report: not JSON (line 1, column 1: unexpected character 'x' where a value should start)"),
            ("[1, 2]", "is not a CorridorRisk report: not a JSON object"),
            (#"{"type": "FeatureCollection", "features": []}"#, "is not a CorridorRisk report: it has no \"units\" array"),
            (#"{"units": [{"id": "a"}], "parameters": {}, "corridors": []}"#, "is not a CorridorRisk report: unit 0 lacks an id, score, threat or tier"),
        ]
        for (text, reason) in cases {
            #expect(throws: InputError(.malformed, file: "x.json", reason: reason)) {
                _ = try ReportSnapshot.read(bytes: Array(text.utf8), name: "x.json")
            }
        }
    }
}
