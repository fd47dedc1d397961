import CPROJ

/// Owns one PROJ context (`PJ_CONTEXT`): the unit of thread confinement in PROJ.
///
/// Not `Sendable`: give each thread or task its own context. PROJ's log is routed into this
/// object instead of stderr, and network access for grids is off, so runs are quiet and offline.
public final class ProjContext {
    let handle: OpaquePointer
    private let log = LogSink()

    /// A new, quiet, offline context.
    public init() {
        guard let handle = proj_context_create() else {
            fatalError("proj_context_create returned NULL: out of memory")
        }
        self.handle = handle
        proj_log_func(handle, Unmanaged.passUnretained(log).toOpaque(), captureLog)
        proj_log_level(handle, PJ_LOG_ERROR)
        _ = proj_context_set_enable_network(handle, 0)
    }

    deinit { proj_context_destroy(handle) }

    /// The PROJ library version, e.g. `"9.1.1"`.
    public static var libraryVersion: String {
        let info = proj_info()
        return info.version.map { String(cString: $0) } ?? "unknown"
    }

    /// Forgets the last logged line so the next failure reports its own reason.
    func resetLog() { log.last = nil }

    /// The reason for the last failure: PROJ's log line if it wrote one, else its errno text.
    func lastErrorMessage() -> String {
        if let line = log.last { return line }
        let code = proj_context_errno(handle)
        if code != 0, let text = proj_context_errno_string(handle, code) { return String(cString: text) }
        return "PROJ reported no reason"
    }
}

private final class LogSink {
    var last: String?
}

private let captureLog: PJ_LOG_FUNCTION = { userdata, _, message in
    guard let userdata, let message else { return }
    Unmanaged<LogSink>.fromOpaque(userdata).takeUnretainedValue().last = String(cString: message)
}
