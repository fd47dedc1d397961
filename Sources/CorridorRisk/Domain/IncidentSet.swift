/// What reading one incidents file produced: the accepted incidents, in file order, and every
/// rejected record with its reason.
public struct IncidentSet: Sendable {
    /// The file as the caller named it.
    public var file: String
    /// The layout that was read (never `.auto`).
    public var format: IncidentFormat
    /// Records (CSV rows or GeoJSON features) read: accepted plus rejected.
    public var read: Int
    /// The accepted incidents, in file order.
    public var incidents: [Incident] { didSet { readerChecked = false } }
    /// Whether a reader made these incidents with the checks of `validate()` (which then need not
    /// look at a million incidents again); any change to `incidents` clears it.
    package var readerChecked = false
    /// Where each accepted incident was: its CSV line, or its feature index for GeoJSON.
    public var lines: [Int]
    /// Rejected records in file order.
    public var rejected: [RejectedRecord]
    /// Observations about the whole file that are not rejections (e.g. likely swapped axes).
    public var warnings: [String]
    /// The file's SHA-256 and size (`nil` for sets built in code).
    public var digest: FileDigest?

    /// A set built in code; `lines` has one entry per incident.
    public init(file: String, format: IncidentFormat, read: Int, incidents: [Incident], lines: [Int],
                rejected: [RejectedRecord], warnings: [String] = []) {
        precondition(lines.count == incidents.count, "one line per incident")
        self.file = file
        self.format = format
        self.read = read
        self.incidents = incidents
        self.lines = lines
        self.rejected = rejected
        self.warnings = warnings
    }
}
