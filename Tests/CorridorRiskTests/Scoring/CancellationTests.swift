import Testing
@testable import CorridorRisk

@Suite struct CancellationTests {
    @Test func cancellingAScoringStopsIt() async throws {
        let (assets, incidents) = ScoringPropertyTests.randomCase(seed: 3, count: 200_000)
        let task = Task {
            try await Build.score(assets, incidents)
        }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}
