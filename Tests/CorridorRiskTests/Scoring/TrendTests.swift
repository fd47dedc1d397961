import Foundation
import Testing
@testable import CorridorRisk

/// Trend (METHOD §4): the last 180 days against the 180 before; under the v1.1 rule, threat as
/// of T against threat as of T − 180 days.
@Suite struct TrendTests {
    func trend(_ incidents: [Incident], parameters: ModelParameters = .defaults) async throws -> Trend {
        try await Build.score([Build.site("P")], incidents, parameters: parameters).units[0].trend
    }

    static var v11: ModelParameters {
        var p = ModelParameters.defaults
        p.trendModel = .v1
        return p
    }

    @Test func noneWhenBothAreZero() async throws {
        #expect(try await trend([]).direction == .none)
    }

    @Test func risingWhenEverythingIsRecent() async throws {
        let t = try await trend([Build.incident("NEW", at: Build.origin, date: "2024-12-01")])
        #expect(t.previousThreat == 0 && t.priorThreat == 0 && t.recentThreat > 0)
        #expect(t.direction == .rising)
    }

    @Test func fallingWhenOnlyThePriorWindowHasIncidents() async throws {
        // 280 days before T: in (T − 360, T − 180], nothing since.
        let t = try await trend([Build.incident("OLD", at: Build.origin, date: "2024-03-26")])
        #expect(t.recentThreat == 0 && t.priorThreat > 0)
        #expect(t.direction == .falling)
    }

    @Test func quietForAYearIsNoTrendNotAFall() async throws {
        // 400 days old: in neither window. v1.1 called this falling (its threat only decayed).
        let old = [Build.incident("OLD", at: Build.origin, date: "2023-11-27")]
        let t = try await trend(old)
        #expect(t.recentThreat == 0 && t.priorThreat == 0 && t.previousThreat > 0)
        #expect(t.direction == .none)
        #expect(try await trend(old, parameters: Self.v11).direction == .falling)
    }

    @Test func stableWhenBothWindowsMatch() async throws {
        // 200 days old (decayed 20 days at T − 180) against 10 days old (decayed 10 days at T).
        let t = try await trend([
            Build.incident("PRIOR", at: Build.origin, date: "2024-06-14"),
            Build.incident("RECENT", at: Build.origin, date: "2024-12-21"),
        ])
        #expect(close(t.recentThreat / t.priorThreat, pow(2, 10 / 365.0)))
        #expect(t.direction == .stable)
    }

    @Test func theV11RuleComparesThreatNowWithThreatThen() async throws {
        // An old bombing exactly at T − 180 (then D = 1, now D ≈ 0.711) and a small new incident
        // (category other: a quarter of the bombing's weight) keep the ratio near 0.96.
        let t = try await trend([
            Build.incident("OLD", at: Build.origin, date: "2024-07-04", category: .bombing),
            Build.incident("NEW", at: Build.origin, date: "2024-12-31", category: .other),
        ], parameters: Self.v11)
        #expect(t.direction == .stable)
    }
}
