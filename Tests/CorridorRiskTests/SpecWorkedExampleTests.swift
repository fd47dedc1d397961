import Testing
@testable import CorridorRisk

/// METHOD §8 (the spec's §7): the worked example, number by number, to the six significant
/// digits it quotes, under the v2.0 defaults and under `Fixtures/models/v1.1.json`.
@Suite struct SpecWorkedExampleTests {
    static func report(parameters: ModelParameters = .defaults, parallelism: Int = 2) async throws -> RiskReport {
        let infra = try InfrastructureReader.read(path: FixturePath.of("tests/spec-example/infrastructure.geojson"))
        let set = try await IncidentReader.read(path: FixturePath.of("tests/spec-example/incidents.csv"))
        return try await RiskScorer(parameters: parameters, parallelism: parallelism)
            .score(infrastructure: infra, incidents: [set], asOf: CalendarDay(iso: "2024-12-31"))
    }

    @Test func unitsMatchTheExpectedTable() async throws {
        let r = try await Self.report()
        let expected: [(id: String, start: Double, end: Double, exposure: Double, threat: Double, score: Double,
                        tier: RiskTier, top: String, distance: Double, contribution: Double)] = [
            ("R#1", 0, 10, 5.97148, 6.48253, 47.7041, .moderate, "X2", 18.3567, 4.00302),
            ("R#2", 10, 20, 16.0383, 17.4109, 82.467, .extreme, "X2", 9.0925, 14.1914),
            ("R#3", 20, 33.2565, 18.3594, 18.2136, 83.8195, .extreme, "X2", 4.81218, 17.4772),
            ("P", 0, 0, 6.68983, 10.2213, 87.0524, .extreme, "X2", 17.3116, 5.10613),
        ]
        #expect(r.units.map(\.id) == expected.map(\.id))
        for (u, e) in zip(r.units, expected) {
            #expect(roundsTo(u.startKm, e.start) && roundsTo(u.endKm, e.end), "\(u.id) chainage \(u.startKm)–\(u.endKm)")
            #expect(roundsTo(u.exposure, e.exposure), "\(u.id) exposure \(u.exposure)")
            #expect(roundsTo(u.threat, e.threat), "\(u.id) threat \(u.threat)")
            #expect(roundsTo(u.score, e.score), "\(u.id) score \(u.score)")
            #expect(u.tier == e.tier)
            let top = try #require(u.topIncidents.first)
            #expect(top.id == e.top)
            #expect(roundsTo(top.distanceKm, e.distance), "\(u.id) distance \(top.distanceKm)")
            #expect(roundsTo(top.contribution, e.contribution), "\(u.id) contribution \(top.contribution)")
            #expect(u.lowData)
        }
    }

    @Test func x1OnTheFirstSegmentMatchesTheHandComputation() async throws {
        let r = try await Self.report()
        let x1 = try #require(r.units[0].topIncidents.first { $0.id == "X1" })
        #expect(roundsTo(x1.distanceKm, 9.6438, digits: 5))
        #expect(x1.ageDays == 365)
        // ρ = 10 km, R_1 = 26.9258 km, K_1 = 0.862069 · 0.759897, p = 0.8, D = 0.5, s = 5.008155, g = 1.5.
        #expect(roundsTo(RiskModel.spreadRadius(radius: 25, uncertainty: 10), 26.9258))
        #expect(roundsTo(RiskModel.spreadKernel(distance: x1.distanceKm, spreadRadius: 26.925824035672520,
                                             scale: RiskModel.spreadScale(radius: 25, spreadRadius: 26.925824035672520)),
                      0.655083))
        #expect(roundsTo(x1.contribution, 1.96846))
        #expect(roundsTo(RiskModel.segmentKernelArea(lengthKm: 10, radiusKm: 25), 921.165))
    }

    @Test func trendsHistoryHotSpotsAndTheCorridor() async throws {
        let r = try await Self.report()
        let previous = [3.00775, 2.82196, 1.23191, 3.40577]
        let recent = [4.34561, 15.406, 17.3384, 7.80159]
        for (u, (p, n)) in zip(r.units, zip(previous, recent)) {
            #expect(roundsTo(u.trend.previousThreat, p), "\(u.id) previous \(u.trend.previousThreat)")
            #expect(roundsTo(u.trend.recentThreat, n), "\(u.id) recent \(u.trend.recentThreat)")
            #expect(u.trend.priorThreat == 0)
            #expect(u.trend.direction == .rising)
            #expect(u.hotspot == nil)
            #expect(u.history.last == u.threat)
        }
        let history = [3.99901, 3.77755, 3.56835, 3.37074, 3.18408, 3.00775, 2.84118, 2.68384, 2.53521, 2.39482,
                       6.86256, 6.48253]
        #expect(r.units[0].history.count == 12)
        for (h, e) in zip(r.units[0].history, history) { #expect(roundsTo(h, e), "history \(h) vs \(e)") }
        let corridor = try #require(r.corridors.first)
        #expect(r.corridors.count == 1)
        #expect(corridor.name == "Example corridor")
        #expect(roundsTo(corridor.lengthKm, 33.2565))
        #expect(roundsTo(try #require(corridor.maxScore), 83.8195))
        #expect(roundsTo(try #require(corridor.meanScore), 72.5532))
        #expect(roundsTo(corridor.kmByTier[.moderate], 10))
        #expect(roundsTo(corridor.kmByTier[.extreme], 23.2565))
        #expect(r.incidents == IncidentAccounting(read: 2, rejected: 0, future: 0, excluded: 0, beyondRadius: 0, used: 2))
    }

    @Test func smoothingFindsNoSpreadAndGivesEveryUnitTheNetworkRate() async throws {
        let r = try await Self.report()
        let prior = try #require(RiskModel.smoothingPrior(
            exposure: r.units.map(\.exposure), sumOfSquares: r.units.map { $0.exposure * $0.exposure / $0.effectiveIncidents },
            kernelAreaKm2: r.units.map { 1000 * $0.exposure / $0.threat }))
        #expect(roundsTo(prior.phi, 11.8897))
        #expect(roundsTo(prior.mean, 1.12929))
        #expect(roundsTo(prior.variance, -1.10948))
        for u in r.units {
            let s = try #require(u.smoothed)
            #expect(roundsTo(s.threat, 13.4269) && s.low == s.threat && s.high == s.threat)
            #expect(roundsTo(s.score, u.id == "P" ? 93.1805 : 73.8857))
            #expect(s.tier == (u.id == "P" ? .extreme : .high))
        }
    }

    /// The v1.1 model file in Fixtures/models reproduces v1.1's worked example.
    @Test func theV11ModelFileReproducesTheV11Figures() async throws {
        let v11 = try ModelParameters.load(path: FixturePath.of("models/v1.1.json"))
        #expect(v11.precisionModel == .weight && v11.trendModel == .v1)
        let r = try await Self.report(parameters: v11)
        #expect(roundsTo(r.units[0].exposure, 5.63588))
        #expect(roundsTo(r.units[0].threat, 6.11821))
        #expect(zip(r.units.map(\.score), [45.7638, 81.8207, 83.3638, 86.1295]).allSatisfy { roundsTo($0, $1) })
        #expect(zip(r.units.map(\.trend.previousThreat), [2.49497, 2.31243, 0.841019, 2.92122]).allSatisfy { roundsTo($0, $1) })
        #expect(r.units.allSatisfy { $0.trend.direction == .rising })
        #expect(roundsTo(try #require(r.corridors.first?.meanScore), 71.5937))
    }

    @Test func theReportIsTheSameBytesForAnyNumberOfWorkers() async throws {
        let one = try await Self.report(parallelism: 1).jsonData()
        let four = try await Self.report(parallelism: 4).jsonData()
        #expect(one == four)
    }
}
