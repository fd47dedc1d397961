import CGDAL

/// GDAL, registered once and told to keep quiet: its messages are read back with
/// `GDALError.last` and turned into Swift errors, never printed.
public enum GDALLibrary {
    private static let registered: Bool = {
        GDALAllRegister()
        CPLSetErrorHandler(CPLQuietErrorHandler)
        // The OSM driver keeps its node index in memory up to this size before spilling to disk.
        CPLSetConfigOption("OSM_MAX_TMPFILE_SIZE", "1024")
        CPLSetConfigOption("OGR_INTERLEAVED_READING", "YES")
        return true
    }()

    /// Registers the drivers (once) and silences GDAL's stderr output.
    public static func ensureRegistered() { _ = registered }

    /// The GDAL release in use, e.g. `"3.6.2"`.
    public static var version: String {
        ensureRegistered()
        return String(cString: GDALVersionInfo("RELEASE_NAME"))
    }
}

/// A failure reported by GDAL, with GDAL's own message.
public struct GDALError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was being done, e.g. `"open"` or `"create layer units_lines"`.
    public var operation: String
    /// GDAL's message (its last error on this thread), or a reason of our own.
    public var message: String

    public init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    /// An error for `operation` with GDAL's last message on this thread (then cleared).
    static func last(_ operation: String, fallback: String = "GDAL gave no reason") -> GDALError {
        let text = CPLGetLastErrorMsg().map { String(cString: $0) } ?? ""
        CPLErrorReset()
        return GDALError(operation: operation, message: text.isEmpty ? fallback : text)
    }

    public var description: String { message }
}

/// Runs a GDAL call that returns `OGRERR_NONE` on success.
@inline(__always)
func check(_ operation: String, _ body: () -> OGRErr) throws(GDALError) {
    CPLErrorReset()
    guard body() == OGRERR_NONE else { throw GDALError.last(operation) }
}
