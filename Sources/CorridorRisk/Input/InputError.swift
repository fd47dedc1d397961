import Platform

/// Why an input could not be used at all (as opposed to one record being rejected).
///
/// Its description is the one line a user sees: the file, where in it, and the reason.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, which decides the command-line exit code.
    public enum Kind: Hashable, Sendable {
        /// The file is missing or cannot be read.
        case unreadable
        /// The file can be read but is not what it should be (wrong format, bad geometry, …).
        case malformed
        /// Strict mode: a record was rejected.
        case rejected
    }

    /// Which kind of failure (decides the CLI exit code).
    public var kind: Kind
    /// The file, as the caller named it.
    public var file: String
    /// Where in the file, e.g. `line 12` or `feature 3 (id "road-n25")`; `nil` for the whole file.
    public var location: String?
    /// What is wrong, in words a user can act on.
    public var reason: String

    /// An error about `file` (at `location`, when known).
    public init(_ kind: Kind, file: String, location: String? = nil, reason: String) {
        self.kind = kind
        self.file = file
        self.location = location
        self.reason = reason
    }

    public var description: String {
        if let location { return "\(file): \(location): \(reason)" }
        return "\(file): \(reason)"
    }

    /// Runs a file-system read; a failure becomes an `.unreadable` error naming `file`.
    static func reading<T>(_ file: String, _ body: () throws(SystemError) -> T) throws(InputError) -> T {
        do {
            return try body()
        } catch {
            throw InputError(.unreadable, file: file, reason: error.reason)
        }
    }

    /// The bytes of the file at `path`; a failure becomes an `.unreadable` error naming it.
    static func contents(of path: String) throws(InputError) -> ByteBuffer {
        try reading(path) { () throws(SystemError) in try ByteBuffer.contents(ofFile: path) }
    }

    static func featureLocation(_ index: Int, id: String?) -> String {
        id.map { "feature \(index) (id \"\($0)\")" } ?? "feature \(index)"
    }
}
