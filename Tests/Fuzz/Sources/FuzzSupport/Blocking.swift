import Dispatch
import CFuzzDriver
@_exported import CorridorRisk

/// Starts libFuzzer with `callback` as the input handler. SwiftPM names an executable's entry
/// point `<Module>_main`; each target defines that and calls this.
public func runFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                      _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, callback)
}

/// Holds a result handed from a task back to the waiting fuzzer thread (the semaphore orders
/// the write before the read).
private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}

/// Runs async library code from libFuzzer's synchronous callback.
public func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) -> Result<T, any Error> {
    let box = ResultBox<T>()
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

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether `FUZZ_TRACE` is set: the targets then say on stderr what each input became (to check
/// that the seeds are read as meant: run the binary on the seed files with `-runs=0`).
public let tracing = getenv("FUZZ_TRACE") != nil

/// Prints `message` to stderr when tracing.
public func trace(_ message: @autoclosure () -> String) {
    guard tracing else { return }
    let line = message() + "\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
}

/// `FUZZ_TOLERATE`: texts, separated by `|`, one of which, found in the description of an error
/// that is not an `InputError`, makes a target accept the error as if it were one (traced).
/// Unset by default, so such an error is a failure; set it to keep fuzzing past a known,
/// reported finding, e.g. `FUZZ_TOLERATE='closed linestring|empty point has no coordinate'`.
public let tolerated: [String] = getenv("FUZZ_TOLERATE").map { String(cString: $0) }
    .map { $0.split(separator: "|").map(String.init).filter { !$0.isEmpty } } ?? []

/// Whether `error` is an `InputError` or a tolerated known finding (see `tolerated`).
public func isInputErrorOrTolerated(_ error: any Error) -> Bool {
    if error is InputError { return true }
    let text = "\(error)"
    guard tolerated.contains(where: { text.contains($0) }) else { return false }
    trace("tolerated: \(error)")
    return true
}
