import Testing
@testable import CorridorRisk

@Suite struct ModelFileTests {
    @Test func aSubsetOverridesTheDefaults() throws {
        let p = try ModelParameters.parse(json: """
            {"radiusKm": 30, "trendDays": 90, "categoryWeights": {"bombing": 2.5},
             "precisionFactors": {"3": 0.1}, "severity": {"hostages": 0.5}, "tierBounds": [10, 30, 50, 70]}
            """)
        #expect(p.radiusKm == 30 && p.trendDays == 90)
        #expect(p.categoryWeights[.bombing] == 2.5 && p.categoryWeights[.hijacking] == 3)
        #expect(p.precisionFactors[.region] == 0.1 && p.precisionFactors[.exact] == 1)
        #expect(p.severity.hostages == 0.5 && p.severity.fatalities == 1)
        #expect(p.tier(for: 65) == .high)
        #expect(p.segmentKm == 10)
    }

    @Test(arguments: [
        (#"{"radiusKM": 30}"#, "radiusKM"),
        (#"{"categoryWeights": {"arson": 1}}"#, "categoryWeights.arson"),
        (#"{"precisionFactors": {"4": 1}}"#, "precisionFactors.4"),
        (#"{"severity": {"deaths": 1}}"#, "severity.deaths"),
        (#"{"kappa": 0}"#, "kappa"),
        (#"{"segmentKm": "10"}"#, "segmentKm"),
        (#"{"trendDays": 1.5}"#, "trendDays"),
        (#"{"tierBounds": [20, 10, 60, 80]}"#, "tierBounds"),
        (#"{"radiusKm": 1e400}"#, "radiusKm"),
        (#"[1, 2]"#, "(file)"),
        (#"{"radiusKm": 3"#, "(file)"),
    ])
    func aBadModelFileNamesTheKey(json: String, key: String) {
        #expect {
            _ = try ModelParameters.parse(json: json)
        } throws: { error in
            (error as? ModelError)?.key == key
        }
    }

    @Test func theReportEchoesTheParametersUsed() async throws {
        var p = ModelParameters.defaults
        p.kappa = 7
        let json = String(decoding: try await Build.score([Build.site("P")], [], parameters: p).jsonData(), as: UTF8.self)
        #expect(json.contains("\"kappa\": 7.0"))
        // The echoed parameters are themselves a valid model file that reproduces the run.
        let echoed = try ModelParameters.parse(try #require(JSONParser.parse(json)["parameters"]), base: .defaults)
        #expect(echoed == p)
    }
}
