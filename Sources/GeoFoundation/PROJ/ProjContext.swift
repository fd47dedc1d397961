import CPROJ

/// Owns one PROJ context (`PJ_CONTEXT`): the unit of thread confinement in PROJ.
///
/// Not `Sendable`: give each thread or task its own context. PROJ's log is routed into this
/// object instead of stderr, and network access for grids is off, so runs are quiet and offline.
/// Every PROJ call that can fail goes through `make` or `check`, which turn the failure and
/// PROJ's own reason into a `PROJError` (the same funnel `GEOSContext` has for GEOS).
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

    // MARK: - Calling PROJ

    /// Runs a PROJ call that signals failure with NULL; the failure becomes a `PROJError` with
    /// PROJ's reason.
    func make<T>(_ operation: String, _ body: (OpaquePointer) -> T?) throws(PROJError) -> T {
        log.last = nil
        guard let result = body(handle) else { throw failure(operation) }
        return result
    }

    /// Runs a PROJ call whose success `succeeded` judges from its result (a count, a status).
    func check<T>(_ operation: String, _ body: (OpaquePointer) -> T, succeeded: (T) -> Bool) throws(PROJError) -> T {
        log.last = nil
        let result = body(handle)
        guard succeeded(result) else { throw failure(operation) }
        return result
    }

    /// A `PROJError` for `operation` with the reason PROJ gave for its last failure.
    func failure(_ operation: String, detail: String? = nil) -> PROJError {
        let reason = lastErrorMessage()
        return PROJError(operation: operation, message: detail.map { "\(reason) (\($0))" } ?? reason)
    }

    /// The reason for the last failure: PROJ's log line if it wrote one, else its errno text.
    private func lastErrorMessage() -> String {
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
