/// A failure reported by GEOS, carrying the message GEOS gave so a user can act on it.
public struct GEOSError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The GEOS operation that failed, e.g. `"WKT read"` or `"distance"`.
    public var operation: String
    /// GEOS's own message, e.g. `"ParseException: Expected word but encountered end of stream"`.
    public var message: String

    /// An error from `operation` with GEOS's `message`.
    public init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    public var description: String { "GEOS \(operation) failed: \(message)" }
}
