@testable import CorridorRiskGDAL
import CorridorRisk
import Testing

/// Profile files: what they may say, and a one-line error naming the key or rule otherwise.
@Suite struct AssetProfileTests {
    func error(_ json: String) -> String? {
        do {
            _ = try AssetProfile.parse(json: json)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aRuleMatchesWhenEveryConditionHolds() throws {
        let p = try AssetProfile.parse(json: #"{"rules": [{"where": {"railway": "rail", "usage": ["main", "branch"]}, "kind": "rail"}]}"#)
        let rule = try #require(p.rules.first)
        #expect(rule.matches(["railway": "rail", "usage": "main"]))
        #expect(!rule.matches(["railway": "rail"]))
        #expect(!rule.matches(["railway": "rail", "usage": "industrial"]))
        let any = try AssetProfile.parse(json: #"{"rules": [{"where": {"aeroway": "*"}, "kind": "airport"}]}"#)
        #expect(any.rules[0].matches(["aeroway": "aerodrome"]) && !any.rules[0].matches(["aeroway": ""]))
    }

    @Test func anUnknownKeyOrKindIsNamed() {
        #expect(error(#"{"kind": "type", "criticalty": "c"}"#)?.contains("profile criticalty is not a profile key") == true)
        #expect(error(#"{"rules": [{"where": {"highway": "trunk"}, "kind": "raod"}]}"#)?.contains("rules[0].kind must be one of") == true)
        #expect(error(#"{"rules": [{"where": {"highway": "trunk"}, "kind": "road", "speed": 3}]}"#)?.contains("rules[0].speed is not a rule key") == true)
        #expect(error(#"{"rules": [{"kind": "road"}]}"#)?.contains("rules[0].where is missing") == true)
        #expect(error(#"{"rules": [{"where": {"highway": "trunk"}, "kind": "road", "criticality": 11}]}"#)?.contains("(0, 10]") == true)
        #expect(error(#"{"name": "name"}"#)?.contains("needs rules or a kind property") == true)
        #expect(error("[1]")?.contains("must be a JSON object") == true)
        #expect(error("{")?.contains("is not valid JSON") == true)
    }

    @Test func aShapefilesCutFieldNamesAreMatched() {
        let (p, notes) = AssetProfile.native.matchingTruncatedFields(["id", "kind", "criticalit", "corridors"], file: "net.shp")
        #expect(p.criticality == "criticalit")
        #expect(p.corridors == "corridors" && p.kindProperty == "kind")
        #expect(notes == ["net.shp: field 'criticalit' read as 'criticality' (a Shapefile cuts field names at 10 characters)"])
        // Where the full name is there too, nothing changes.
        #expect(AssetProfile.native.matchingTruncatedFields(["criticality", "criticalit"], file: "x").notes.isEmpty)
    }
}
