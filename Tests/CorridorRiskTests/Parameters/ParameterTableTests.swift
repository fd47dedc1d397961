import Testing
@testable import CorridorRisk

/// The one table of model parameters drives the model file, validation and the echo.
@Suite struct ParameterTableTests {
    @Test func everyParameterIsEchoedInTableOrderAndReadsBack() throws {
        var p = ModelParameters.defaults
        p.segmentKm = 7; p.trendDays = 90; p.categoryWeights[.sabotage] = 0.25; p.precisionFactors[.nearTown] = 0.7
        p.severity.injured = 0.75; p.tierBounds = [10, 30, 50, 70]; p.topIncidents = 3
        var w = JSONWriter(pretty: false)
        p.write(to: &w)
        let echo = try JSONParser.parse(String(decoding: w.bytes, as: UTF8.self))
        guard case .object(let pairs) = echo else { Issue.record("not an object"); return }
        #expect(pairs.map(\.key) == ModelParameters.knownKeys)
        #expect(try ModelParameters.parse(echo, base: .defaults) == p)
    }

    @Test func tablesAreTotal() {
        let p = ModelParameters.defaults
        #expect(IncidentCategory.allCases.allSatisfy { p.categoryWeights[$0] == $0.defaultWeight })
        #expect(LocationPrecision.allCases.map { p.precisionFactors[$0] } == [1.0, 0.8, 0.5])
        #expect(LocationPrecision.allCases.map { p.uncertaintyKm[$0] } == [0, 10, 50])
        #expect(IncidentCategory.allCases.map(\.tableIndex) == Array(0..<IncidentCategory.allCases.count))
        #expect(RiskTier.allCases.map(\.tableIndex) == Array(0..<5))
    }

    @Test(arguments: [
        (#"{"radiusKm": -1}"#, "radiusKm", "must be a positive number, got -1.0"),
        (#"{"hotspotKm": -1}"#, "hotspotKm", "must be a non-negative number, got -1.0"),
        (#"{"categoryWeights": {"bombing": -2}}"#, "categoryWeights.bombing", "must be a non-negative number, got -2.0"),
        (#"{"severity": {"injured": -1}}"#, "severity.injured", "must be a non-negative number, got -1.0"),
        (#"{"trendDays": -3}"#, "trendDays", "must be a whole number of days ≥ 0"),
        (#"{"topIncidents": -1}"#, "topIncidents", "must be a whole number ≥ 0"),
        (#"{"tierBounds": [1, 2, 3]}"#, "tierBounds", "must be an array of 4 numbers, got 3"),
        (#"{"precisionFactors": {"4": 1}}"#, "precisionFactors.4", #"is not a precision (expected "1", "2" or "3")"#),
        (#"{"severity": "x"}"#, "severity", "must be an object, got a string"),
        (#"{"uncertaintyKm": {"3": -1}}"#, "uncertaintyKm.3", "must be a non-negative number, got -1.0"),
        (#"{"uncertaintyKm": {"2": "ten"}}"#, "uncertaintyKm.2", "must be a number, got a string"),
        (#"{"uncertaintyKm": {"2": 1e999}}"#, "uncertaintyKm.2", "must be a finite number"),
        (#"{"intervalLevel": 1}"#, "intervalLevel", "must be a number between 0 and 1 (exclusive), got 1.0"),
        (#"{"intervalLevel": 0}"#, "intervalLevel", "must be a number between 0 and 1 (exclusive), got 0.0"),
        (#"{"historyPoints": 0}"#, "historyPoints", "must be a whole number ≥ 1"),
        (#"{"historyStepDays": 0}"#, "historyStepDays", "must be a whole number of days ≥ 1"),
        (#"{"precisionModel": "blur"}"#, "precisionModel", #"must be one of "spread", "weight", got "blur""#),
        (#"{"trendModel": 1.1}"#, "trendModel", "must be a string, got a number"),
    ])
    func eachRuleIsEnforcedWithItsReason(json: String, key: String, reason: String) {
        #expect {
            _ = try ModelParameters.parse(json: json)
        } throws: { error in
            (error as? ModelError) == ModelError(key: key, reason: reason)
        }
    }

    @Test func validateAppliesTheSameRulesToParametersSetInCode() {
        var p = ModelParameters.defaults
        p.kappa = .nan
        #expect(throws: ModelError(key: "kappa", reason: "must be a positive number, got nan")) { try p.validate() }
        p = .defaults
        p.precisionFactors[.region] = -0.1
        #expect(throws: ModelError(key: "precisionFactors.3", reason: "must be a non-negative number, got -0.1")) { try p.validate() }
    }
}
