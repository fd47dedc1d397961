/// The incident file layouts the library reads.
public enum IncidentFormat: String, CaseIterable, Hashable, Sendable {
    /// Decide from the content: GeoJSON by its opening brace, CSV layouts by their header.
    case auto
    /// ACLED's CSV export (both the pre-2023 and the current layout).
    case acled
    /// The Global Terrorism Database CSV export.
    case gtd
    /// CSV with the spec's own column names (`id,date,lon,lat,precision,category,target,…`).
    case native
    /// A GeoJSON FeatureCollection of Points with the native property names.
    case geojson

    /// Recognises a CSV layout from its (lowercased, trimmed) header names.
    static func detect(csvHeader names: [String]) -> IncidentFormat? {
        let set = Set(names)
        if set.contains("event_id_cnty") && set.contains("sub_event_type") { return .acled }
        if set.contains("eventid") && set.contains("iyear") { return .gtd }
        if set.isSuperset(of: ["id", "date", "lon", "lat"]) { return .native }
        return nil
    }
}

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
    public var incidents: [Incident]
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
