#if canImport(Glibc)
import Glibc
#endif

/// Phase-by-phase progress on stderr, shown only when stderr is a terminal (and not `--quiet`).
struct Progress {
    let enabled: Bool
    private var started = Self.now()
    private var phaseStart = Self.now()

    init(enabled: Bool) { self.enabled = enabled }

    static var stderrIsTerminal: Bool { isatty(2) != 0 }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Starts a phase: "reading incidents…".
    mutating func begin(_ phase: String) {
        phaseStart = Self.now()
        guard enabled else { return }
        Standard.error("\u{1B}[2K\r\(phase)…", newline: false)
    }

    /// Ends the current phase with its duration.
    func end(_ detail: String = "") {
        guard enabled else { return }
        let seconds = Self.now() - phaseStart
        Standard.error(" \(detail)\(detail.isEmpty ? "" : ", ")\(format(seconds)) s")
    }

    func finish() {
        guard enabled else { return }
        Standard.error("done in \(format(Self.now() - started)) s")
    }

    private func format(_ s: Double) -> String {
        let tenths = Int((s * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}

/// Writing to the standard streams.
enum Standard {
    static func error(_ text: String, newline: Bool = true) {
        _ = write(2, Array((newline ? text + "\n" : text).utf8))
    }

    /// Writes all bytes to stdout; false when the stream is closed or full.
    static func output(_ bytes: [UInt8]) -> Bool { write(1, bytes) }

    private static func write(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var written = 0
            while written < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 { if errno == EINTR { continue }; return false }
                written += n
            }
            return true
        }
    }
}

extension Standard {
    /// Whether standard output is a terminal (colour is for people, not files or pipes).
    static var isTerminal: Bool { isatty(1) != 0 }

    /// https://no-color.org: any non-empty NO_COLOR turns colour off.
    static var noColor: Bool {
        guard let value = getenv("NO_COLOR") else { return false }
        return value.pointee != 0
    }
}
