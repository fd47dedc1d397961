import Testing
@testable import CorridorRisk

/// Trend: threat as of T against threat as of T − 180 days (spec §3).
@Suite struct TrendTests {
    func direction(_ incidents: [Incident]) async throws -> Trend {
        try await Build.score([Build.site("P")], incidents).units[0].trend
    }

    @Test func noneWhenBothAreZero() async throws {
        #expect(try await direction([]).direction == .none)
    }

    @Test func risingWhenEverythingIsRecent() async throws {
        let t = try await direction([Build.incident("NEW", at: Build.origin, date: "2024-12-01")])
        #expect(t.previousThreat == 0)
        #expect(t.direction == .rising)
    }

    @Test func fallingWhenOnlyOldIncidentsDecay() async throws {
        // Dated 280 days before T: now D(280), then D(100); ratio 2^(−180/365) ≈ 0.71 ≤ 0.8.
        let t = try await direction([Build.incident("OLD", at: Build.origin, date: "2024-03-26")])
        #expect(t.direction == .falling)
    }

    @Test func stableInBetween() async throws {
        // An old bombing exactly at T − 180 (then D = 1, now D ≈ 0.711) and a small new incident
        // (category other: a quarter of the bombing's weight) keep the ratio near 0.96.
        let t = try await direction([
            Build.incident("OLD", at: Build.origin, date: "2024-07-04", category: .bombing),
            Build.incident("NEW", at: Build.origin, date: "2024-12-31", category: .other),
        ])
        #expect(t.direction == .stable)
    }
}
