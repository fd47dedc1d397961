/// What the running system offers: cores, environment, terminals, memory use.
package enum System {
    /// The cores online: the default number of parallel workers.
    package static var processorCount: Int { LibC.onlineProcessors }

    /// An environment variable's value, or nil when unset.
    package static func environment(_ name: String) -> String? { LibC.environmentValue(name) }

    /// Peak resident memory of this process, in bytes.
    package static var peakResidentBytes: Int { LibC.peakResidentBytes }

    /// This process's id.
    package static var processID: Int32 { LibC.processID }
}

/// Standard output and error as byte sinks.
package enum StandardStream: Int32, Sendable {
    case output = 1, error = 2

    /// Writes all bytes; false when the stream is closed or full.
    @discardableResult
    package func write(_ bytes: some Collection<UInt8>) -> Bool {
        let array = Array(bytes)
        return array.withUnsafeBytes { LibC.writeAll(rawValue, $0) }
    }

    /// Writes text (UTF-8), with a line break unless told not to.
    @discardableResult
    package func write(line text: String, newline: Bool = true) -> Bool {
        write(Array((newline ? text + "\n" : text).utf8))
    }

    /// Whether the stream is a terminal (colour and progress are for people, not files or pipes).
    package var isTerminal: Bool { LibC.isTerminal(rawValue) }
}

/// Seconds since an instant, on the monotonic clock (for phase timings and progress).
package struct Stopwatch: Sendable {
    private let start = ContinuousClock.now

    package init() {}

    /// Seconds since the stopwatch was made.
    package var seconds: Double {
        let d = start.duration(to: .now).components
        return Double(d.seconds) + Double(d.attoseconds) / 1e18
    }
}

/// A mutual-exclusion lock for state shared between tasks (a pthread mutex; `Synchronization`'s
/// `Mutex` needs macOS 15, the package supports 13). Owns its mutex and frees it in `deinit`.
package final class Lock: @unchecked Sendable {
    private let mutex = LibC.makeMutex()

    package init() {}

    deinit { LibC.destroyMutex(mutex) }

    /// Runs `body` with the lock held.
    package func locked<T>(_ body: () throws -> T) rethrows -> T {
        LibC.lock(mutex)
        defer { LibC.unlock(mutex) }
        return try body()
    }
}
