import CGEOS

/// Owns one reentrant GEOS context (`GEOSContextHandle_t`) and the readers and writers made in it.
///
/// A GEOS context must be used by one thread at a time. This class is deliberately not
/// `Sendable`: Swift's concurrency checker keeps each instance, and every geometry made in it,
/// inside the task that created it. Give each worker its own context.
/// GEOS's error and notice messages are captured here, never printed, and turned into `GEOSError`.
public final class GEOSContext {
    let handle: GEOSContextHandle_t
    private let messages = MessageSink()
    private var wktReader: OpaquePointer?
    private var wktWriter: OpaquePointer?
    private var wkbReader: OpaquePointer?
    private var wkbWriter: OpaquePointer?

    /// Creates a context whose messages are captured rather than printed.
    public init() {
        guard let handle = GEOS_init_r() else {
            fatalError("GEOS_init_r returned NULL: out of memory")
        }
        self.handle = handle
        let sink = Unmanaged.passUnretained(messages).toOpaque()
        _ = GEOSContext_setErrorMessageHandler_r(handle, captureError, sink)
        _ = GEOSContext_setNoticeMessageHandler_r(handle, captureNotice, sink)
    }

    deinit {
        if let wktReader { GEOSWKTReader_destroy_r(handle, wktReader) }
        if let wktWriter { GEOSWKTWriter_destroy_r(handle, wktWriter) }
        if let wkbReader { GEOSWKBReader_destroy_r(handle, wkbReader) }
        if let wkbWriter { GEOSWKBWriter_destroy_r(handle, wkbWriter) }
        GEOS_finish_r(handle)
    }

    /// The version of the GEOS library in use, e.g. `"3.11.1-CAPI-1.17.1"`.
    public static var libraryVersion: String { String(cString: GEOSversion()) }

    /// The last notice GEOS gave in this context (e.g. why a geometry is invalid), if any.
    public var lastNotice: String? { messages.notice }

    // MARK: - Calling GEOS

    /// Runs a GEOS call that signals failure with NULL and turns the failure into a thrown error.
    func make<T>(_ operation: String, _ body: (GEOSContextHandle_t) -> T?) throws -> T {
        messages.error = nil
        guard let result = body(handle) else { throw failure(operation) }
        return result
    }

    /// Runs a GEOS call that returns 0 on failure (an `int` status).
    func check(_ operation: String, _ body: (GEOSContextHandle_t) -> Int32) throws {
        messages.error = nil
        if body(handle) == 0 { throw failure(operation) }
    }

    /// Runs a GEOS predicate that returns 1 (true), 0 (false) or 2 (failure).
    func predicate(_ operation: String, _ body: (GEOSContextHandle_t) -> CChar) throws -> Bool {
        messages.error = nil
        switch body(handle) {
        case 0: return false
        case 1: return true
        default: throw failure(operation)
        }
    }

    private func failure(_ operation: String) -> GEOSError {
        GEOSError(operation: operation, message: messages.error ?? "GEOS reported no message")
    }

    // MARK: - Lazily made readers and writers (one per context; freed in deinit)

    func withWKTReader<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        if wktReader == nil { wktReader = try make("WKT reader creation") { GEOSWKTReader_create_r($0) } }
        return try body(wktReader!)
    }

    func withWKTWriter<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        if wktWriter == nil {
            let writer = try make("WKT writer creation") { GEOSWKTWriter_create_r($0) }
            GEOSWKTWriter_setTrim_r(handle, writer, 1)
            GEOSWKTWriter_setRoundingPrecision_r(handle, writer, -1)
            wktWriter = writer
        }
        return try body(wktWriter!)
    }

    func withWKBReader<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        if wkbReader == nil { wkbReader = try make("WKB reader creation") { GEOSWKBReader_create_r($0) } }
        return try body(wkbReader!)
    }

    func withWKBWriter<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        if wkbWriter == nil { wkbWriter = try make("WKB writer creation") { GEOSWKBWriter_create_r($0) } }
        return try body(wkbWriter!)
    }
}

/// Where the C message handlers leave GEOS's messages; owned by its context.
private final class MessageSink {
    var error: String?
    var notice: String?
}

private let captureError: GEOSMessageHandler_r = { message, userdata in
    guard let message, let userdata else { return }
    Unmanaged<MessageSink>.fromOpaque(userdata).takeUnretainedValue().error = String(cString: message)
}

private let captureNotice: GEOSMessageHandler_r = { message, userdata in
    guard let message, let userdata else { return }
    Unmanaged<MessageSink>.fromOpaque(userdata).takeUnretainedValue().notice = String(cString: message)
}
