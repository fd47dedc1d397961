import Testing
@testable import CorridorRisk

/// Spec §7: the worked example, number by number, to the six significant digits it quotes.
@Suite struct SpecWorkedExampleTests {
    func report(parallelism: Int = 2) async throws -> RiskReport {
        let infra = try InfrastructureReader.read(path: FixturePath.of("tests/spec-example/infrastructure.geojson"))
        let set = try await IncidentReader.read(path: FixturePath.of("tests/spec-example/incidents.csv"))
        return try await RiskScorer(parallelism: parallelism)
            .score(infrastructure: infra, incidents: [set], asOf: CalendarDay(iso: "2024-12-31"))
    }

    @Test func unitsMatchTheExpectedTable() async throws {
        let r = try await report()
        let expected: [(id: String, start: Double, end: Double, exposure: Double, threat: Double, score: Double,
                        tier: RiskTier, top: String, distance: Double, contribution: Double)] = [
            ("R#1", 0, 10, 5.63588, 6.11821, 45.7638, .moderate, "X2", 18.3567, 4.00302),
            ("R#2", 10, 20, 15.7048, 17.0489, 81.8207, .extreme, "X2", 9.0925, 14.1914),
            ("R#3", 20, 33.2565, 18.0795, 17.9359, 83.3638, .extreme, "X2", 4.81218, 17.4772),
            ("P", 0, 0, 6.4645, 9.87704, 86.1295, .extreme, "X2", 17.3116, 5.10613),
        ]
        #expect(r.units.map(\.id) == expected.map(\.id))
        for (u, e) in zip(r.units, expected) {
            #expect(close(u.startKm, e.start) && close(u.endKm, e.end), "\(u.id) chainage \(u.startKm)–\(u.endKm)")
            #expect(close(u.exposure, e.exposure), "\(u.id) exposure \(u.exposure)")
            #expect(close(u.threat, e.threat), "\(u.id) threat \(u.threat)")
            #expect(close(u.score, e.score), "\(u.id) score \(u.score)")
            #expect(u.tier == e.tier)
            let top = try #require(u.topIncidents.first)
            #expect(top.id == e.top)
            #expect(close(top.distanceKm, e.distance), "\(u.id) distance \(top.distanceKm)")
            #expect(close(top.contribution, e.contribution), "\(u.id) contribution \(top.contribution)")
        }
    }

    @Test func x1OnTheFirstSegmentMatchesTheHandComputation() async throws {
        let r = try await report()
        let x1 = try #require(r.units[0].topIncidents.first { $0.id == "X1" })
        #expect(close(x1.distanceKm, 9.6438, digits: 5))
        #expect(x1.ageDays == 365)
        #expect(close(x1.contribution, 1.63286))
    }

    @Test func trendsHotSpotsAndTheCorridor() async throws {
        let r = try await report()
        let previous = [2.49497, 2.31243, 0.841019, 2.92122]
        for (u, p) in zip(r.units, previous) {
            #expect(close(u.trend.previousThreat, p), "\(u.id) previous \(u.trend.previousThreat)")
            #expect(u.trend.direction == .rising)
            #expect(u.hotspot == nil)
        }
        let corridor = try #require(r.corridors.first)
        #expect(r.corridors.count == 1)
        #expect(corridor.name == "Example corridor")
        #expect(close(corridor.lengthKm, 33.2565))
        #expect(close(try #require(corridor.maxScore), 83.3638))
        #expect(close(try #require(corridor.meanScore), 71.5937))
        #expect(close(corridor.kmByTier[.moderate], 10))
        #expect(close(corridor.kmByTier[.extreme], 23.2565))
        #expect(r.incidents == IncidentAccounting(read: 2, rejected: 0, future: 0, beyondRadius: 0, used: 2))
    }

    @Test func theReportIsTheSameBytesForAnyNumberOfWorkers() async throws {
        let one = try await report(parallelism: 1).jsonData()
        let four = try await report(parallelism: 4).jsonData()
        #expect(one == four)
    }
}
