/// The result of scoring: every unit's score and why, corridor summaries, and an account of
/// every incident read. Its JSON form (`jsonData()`) carries the keys of spec §5.
public struct RiskReport: Sendable {
    /// The date scores are computed as of (T); `nil` when no valid incident and none was given.
    public var asOf: CalendarDay?
    /// The model used, echoed so the report can be reproduced.
    public var parameters: ModelParameters
    /// Where every incident read ended up.
    public var incidents: IncidentAccounting
    /// Every rejected record, by file then line.
    public var rejected: [RejectedRecord]
    /// Units in asset order, then chainage.
    public var units: [UnitScore]
    /// Corridors in order of first appearance in the infrastructure file.
    public var corridors: [CorridorSummary]
    /// Things a reader should know that are not rejections (skipped zero-length parts, …).
    public var warnings: [String]
    /// What produced the report: library version and each input file's checksum.
    public var provenance: Provenance

    /// A report from its parts (the scorer makes them; this is for tests and tools).
    public init(asOf: CalendarDay?, parameters: ModelParameters, incidents: IncidentAccounting,
                rejected: [RejectedRecord], units: [UnitScore], corridors: [CorridorSummary],
                warnings: [String], provenance: Provenance) {
        self.asOf = asOf
        self.parameters = parameters
        self.incidents = incidents
        self.rejected = rejected
        self.units = units
        self.corridors = corridors
        self.warnings = warnings
        self.provenance = provenance
    }
}

/// Where every incident read ended up: `read = rejected + future + beyondRadius + used`.
public struct IncidentAccounting: Hashable, Sendable {
    /// Records read from every incident file.
    public var read: Int
    /// Records that failed validation (listed in `RiskReport.rejected`).
    public var rejected: Int
    /// Valid but dated after `asOf`.
    public var future: Int
    /// Valid and not after `asOf`, but reaching no unit (farther than R, or weighted 0).
    public var beyondRadius: Int
    /// Contributing to at least one unit.
    public var used: Int

    /// An accounting from its five counts.
    public init(read: Int, rejected: Int, future: Int, beyondRadius: Int, used: Int) {
        self.read = read
        self.rejected = rejected
        self.future = future
        self.beyondRadius = beyondRadius
        self.used = used
    }
}

/// One scored unit: a segment `<assetId>#<k>` or a site `<assetId>`.
public struct UnitScore: Sendable {
    /// `<assetId>#<k>` for a segment, `<assetId>` for a site.
    public var id: String
    /// The asset it belongs to.
    public var assetId: String
    public var assetName: String
    public var kind: AssetKind
    /// The asset's corridors.
    public var corridors: [String]
    /// Chainage of the segment's start and end along its asset (0 for a site).
    public var startKm: Double
    public var endKm: Double
    /// endKm − startKm (0 for a site).
    public var lengthKm: Double
    /// E: the sum of contributions.
    public var exposure: Double
    /// Weighted incidents per 1000 km² of kernel area.
    public var threat: Double
    /// threat × the asset's criticality.
    public var risk: Double
    /// 0–100.
    public var score: Double
    /// The score's band.
    public var tier: RiskTier
    /// Incidents contributing more than 0.
    public var incidentCount: Int
    /// E² / Σc²: how many equally weighted incidents would give the same exposure.
    public var effectiveIncidents: Double
    /// The largest contributions, largest first (ties: smaller id first).
    public var topIncidents: [TopIncident]
    /// Threat now against threat `trendDays` earlier.
    public var trend: Trend
    /// `nil` when the statistic is undefined for this unit (or for all, when n < 3 or S = 0).
    public var hotspot: HotSpot?
    /// The unit's own geometry in lon/lat (not part of the JSON report).
    public var geometry: Shape
    /// Mid-chainage point, site point or polygon centroid (not part of the JSON report).
    public var representativePoint: Coordinate
}

/// One of a unit's largest contributions.
public struct TopIncident: Hashable, Sendable {
    /// The incident's id.
    public var id: String
    /// Shortest distance to the unit (0 inside a polygon site).
    public var distanceKm: Double
    /// Whole days from the incident to `asOf`.
    public var ageDays: Int
    /// c_i: what it adds to the unit's exposure.
    public var contribution: Double
    /// contribution / exposure.
    public var share: Double
}

/// Threat now against threat `trendDays` earlier.
public struct Trend: Hashable, Sendable {
    /// Threat as of asOf − trendDays, with only the incidents known then.
    public var previousThreat: Double
    /// Rising, stable, falling, or none when both threats are 0.
    public var direction: TrendDirection
}

/// Which way threat moved over the trend period (thresholds `trendRising`, `trendFalling`).
public enum TrendDirection: String, CaseIterable, Hashable, Sendable {
    case none, rising, stable, falling
}

/// The Getis-Ord Gi* statistic of a unit's threat among its neighbours.
public struct HotSpot: Hashable, Sendable {
    /// The standardised Gi* score: positive for clusters of high threat.
    public var z: Double
    /// Two-sided normal p-value.
    public var p: Double
    /// ±3 (p ≤ 0.01), ±2 (p ≤ 0.05), ±1 (p ≤ 0.10) or 0, signed as z.
    public var bin: Int
}

/// A corridor's length and scores over its units.
public struct CorridorSummary: Sendable {
    /// The corridor's name, as the infrastructure spells it.
    public var name: String
    /// Total length of its segments.
    public var lengthKm: Double
    /// Highest score over all its units (segments and sites); `nil` when it has none.
    public var maxScore: Double?
    /// Length-weighted mean score over its segments; `nil` when it has no segment.
    public var meanScore: Double?
    /// Segment kilometres in each tier.
    public var kmByTier: [RiskTier: Double]
}

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
    /// `infrastructure`, `incidents` or `model`.
    public var role: String
    /// The path as given.
    public var path: String
    /// SHA-256 of the file's bytes, hex.
    public var sha256: String
    /// The layout read (`acled`, `geojson`, …).
    public var format: String?
    /// Size in bytes.
    public var bytes: Int

    /// An input's record.
    public init(role: String, path: String, sha256: String, format: String?, bytes: Int) {
        self.role = role
        self.path = path
        self.sha256 = sha256
        self.format = format
        self.bytes = bytes
    }
}

/// The library version recorded in every report.
public enum CorridorRiskVersion {
    /// Semantic version of this release.
    public static let current = "0.1.0"
}
