import Foundation
import Testing
@testable import CorridorRisk

/// Many scorings at once share nothing but immutable values: each has its own GEOS and PROJ
/// contexts, so together they give exactly the bytes of one run.
@Suite struct ConcurrentScoringTests {
    @Test func manyScoringsAtOnceGiveTheBytesOfOne() async throws {
        let (network, set) = try await BundledDatasetTests.load()
        let alone = try await RiskScorer(parallelism: 1).score(infrastructure: network, incidents: [set]).jsonData()
        let together = try await withThrowingTaskGroup(of: Data.self) { group in
            for k in 0..<8 {
                group.addTask {
                    try await RiskScorer(parallelism: 1 + k % 3).score(infrastructure: network, incidents: [set]).jsonData()
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(together.count == 8)
        #expect(together.allSatisfy { $0 == alone })
    }

    @Test func cancellingMidwayStopsWithCancellationError() async throws {
        let (assets, incidents) = ScoringPropertyTests.randomCase(seed: 8, count: 300_000)
        let task = Task { try await Build.score(assets, incidents) }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}
