import Platform

/// Told how long each phase of reading or scoring took, e.g. `("join", 0.84)`: for benchmarks
/// and progress displays. Called on whichever task finished the phase.
public typealias PhaseObserver = @Sendable (_ phase: String, _ seconds: Double) -> Void

/// Times a phase and reports it to an optional observer.
struct PhaseTimer {
    let observer: PhaseObserver?

    func measure<T>(_ phase: String, _ body: () throws -> T) rethrows -> T {
        guard let observer else { return try body() }
        let stopwatch = Stopwatch()
        let result = try body()
        observer(phase, stopwatch.seconds)
        return result
    }

    func measure<T>(_ phase: String, _ body: () async throws -> T) async rethrows -> T {
        guard let observer else { return try await body() }
        let stopwatch = Stopwatch()
        let result = try await body()
        observer(phase, stopwatch.seconds)
        return result
    }
}
