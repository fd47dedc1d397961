import CorridorRisk
import Platform
import ReportRendering

/// Phase-by-phase progress on stderr, shown only when stderr is a terminal (and not `--quiet`).
struct Progress {
    let enabled: Bool
    private let started = Stopwatch()
    private var phase = Stopwatch()

    init(enabled: Bool) { self.enabled = enabled }

    static var stderrIsTerminal: Bool { StandardStream.error.isTerminal }

    /// Starts a phase: "reading incidents…".
    mutating func begin(_ name: String) {
        phase = Stopwatch()
        guard enabled else { return }
        StandardStream.error.write(line: "\u{1B}[2K\r\(name)…", newline: false)
    }

    /// Ends the current phase with its duration.
    func end(_ detail: String = "") {
        guard enabled else { return }
        StandardStream.error.write(line: " \(detail)\(detail.isEmpty ? "" : ", ")\(format(phase.seconds)) s")
    }

    /// Shows each sub-phase of a long phase as it finishes ("scoring… segment 0.1 s · join 3.2 s"),
    /// so a run that takes minutes says where it is; nil when progress is off.
    var phases: PhaseObserver? {
        guard enabled else { return nil }
        return { phase, seconds in
            guard seconds >= 0.05 else { return }
            let tenths = Int((seconds * 10).rounded())
            StandardStream.error.write(line: " \(phase) \(tenths / 10).\(tenths % 10) s ·", newline: false)
        }
    }

    func finish() {
        guard enabled else { return }
        StandardStream.error.write(line: "done in \(format(started.seconds)) s")
    }

    private func format(_ s: Double) -> String {
        let tenths = Int((s * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}

/// Writing to the standard streams.
enum Standard {
    /// One line on stderr; control characters from input (a NUL, an ANSI escape in an id) are
    /// shown escaped, never sent to the terminal.
    static func error(_ text: String) { StandardStream.error.write(line: DisplayText.clean(text)) }

    /// Writes all bytes to stdout; false when the stream is closed or full.
    static func output(_ bytes: [UInt8]) -> Bool { StandardStream.output.write(bytes) }

    /// Whether standard output is a terminal (colour is for people, not files or pipes).
    static var isTerminal: Bool { StandardStream.output.isTerminal }

    /// https://no-color.org: any non-empty NO_COLOR turns colour off.
    static var noColor: Bool { !(System.environment("NO_COLOR") ?? "").isEmpty }
}
