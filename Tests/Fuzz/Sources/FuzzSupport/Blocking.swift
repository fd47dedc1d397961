import Dispatch
@_exported import CorridorRisk

/// Runs async library code from libFuzzer's synchronous callback.
public func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) -> Result<T, any Error> {
    final class Box: @unchecked Sendable { var result: Result<T, any Error>? }
    let box = Box()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
        done.signal()
    }
    done.wait()
    return box.result!
}

/// Stops the fuzzer with a message when an invariant breaks (libFuzzer saves the input).
public func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("invariant broken: \(message())") }
}
