/// A failure reported by PROJ, with PROJ's own reason.
public struct PROJError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was being done, e.g. `"create EPSG:4326 -> +proj=tmerc"` or `"forward transform"`.
    public var operation: String
    /// PROJ's message, e.g. `"crs not found"` or `"Invalid coordinate"`.
    public var message: String

    /// An error from `operation` with PROJ's `message`.
    public init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    public var description: String { "PROJ \(operation) failed: \(message)" }
}
