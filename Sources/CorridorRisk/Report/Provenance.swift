/// What produced a report, so a reader can tell exactly how to reproduce it.
public struct Provenance: Sendable {
    /// The library's version.
    public var version: String
    /// Every input file, with its checksum.
    public var inputs: [InputFile]

    /// Provenance for this library version and these inputs.
    public init(version: String = CorridorRiskVersion.current, inputs: [InputFile] = []) {
        self.version = version
        self.inputs = inputs
    }
}

/// One input file of a report.
public struct InputFile: Hashable, Sendable {
    /// `infrastructure`, `incidents`, `model` or `places`.
    public var role: String
    /// The path as given.
    public var path: String
    /// SHA-256 of the file's bytes, hex; nil for data built in code.
    public var sha256: String?
    /// The layout read (`acled`, `geojson`, …).
    public var format: String?
    /// Size in bytes; nil for data built in code.
    public var bytes: Int?
    /// The layer read and the profile used (GDAL networks), so the run can be repeated.
    public var layer: String?
    public var profile: String?
    /// The routes merged from ways (GDAL networks).
    public var routes: [RouteSummary] = []

    /// An input's record.
    public init(role: String, path: String, sha256: String?, format: String?, bytes: Int?) {
        self.role = role
        self.path = path
        self.sha256 = sha256
        self.format = format
        self.bytes = bytes
    }

    /// An input's record from its digest (nil for data built in code).
    public init(role: String, path: String, digest: FileDigest?, format: String?) {
        self.init(role: role, path: path, sha256: digest?.sha256, format: format, bytes: digest?.byteCount)
    }
}

/// The library version recorded in every report.
public enum CorridorRiskVersion {
    /// Semantic version of this release.
    public static let current = "0.1.0"
}
