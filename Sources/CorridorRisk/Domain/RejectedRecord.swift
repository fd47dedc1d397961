/// An input record that was not used, with where it was and why: nothing is dropped silently.
public struct RejectedRecord: Hashable, Sendable {
    /// The file it came from, as given by the caller.
    public var file: String
    /// CSV: the physical line where the record starts (header = line 1).
    /// GeoJSON: the 0-based feature index.
    public var line: Int
    /// The record's id when it had a readable one.
    public var id: String?
    /// A reason a user can act on, e.g. `latitude 95 is outside [-90, 90]`.
    public var reason: String
    /// What `line` counts: CSV lines, GeoJSON features or GDAL feature ids.
    public var numbering: Numbering

    /// How a record's position is counted in its file.
    public enum Numbering: Hashable, Sendable {
        case line, feature, featureID
    }

    /// A rejection of the record at `line` of `file`.
    public init(file: String, line: Int, id: String?, reason: String, numbering: Numbering = .line) {
        self.file = file
        self.line = line
        self.id = id
        self.reason = reason
        self.numbering = numbering
    }

    /// Where it was, in words: `line 12`, `feature 3`, `feature id 7`, as every message says it.
    public var place: String {
        switch numbering {
        case .line: "line \(line)"
        case .feature: "feature \(line)"
        case .featureID: "feature id \(line)"
        }
    }
}
