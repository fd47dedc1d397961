/// The result of scoring: every unit's score and why, corridor summaries, and an account of
/// every incident read. Its JSON form (`jsonData()`) carries the keys of spec §5.
public struct RiskReport: Sendable {
    /// The date scores are computed as of (T); `nil` when no valid incident and none was given.
    public var asOf: CalendarDay?
    public var parameters: ModelParameters
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
    public var read: Int
    public var rejected: Int
    /// Valid but dated after `asOf`.
    public var future: Int
    /// Valid and not after `asOf`, but reaching no unit (farther than R, or weighted 0).
    public var beyondRadius: Int
    /// Contributing to at least one unit.
    public var used: Int

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
    public var id: String
    public var assetId: String
    public var assetName: String
    public var kind: AssetKind
    public var corridors: [String]
    public var startKm: Double
    public var endKm: Double
    public var lengthKm: Double
    /// E: the sum of contributions.
    public var exposure: Double
    /// Weighted incidents per 1000 km² of kernel area.
    public var threat: Double
    /// threat × the asset's criticality.
    public var risk: Double
    /// 0–100.
    public var score: Double
    public var tier: RiskTier
    /// Incidents contributing more than 0.
    public var incidentCount: Int
    /// E² / Σc²: how many equally weighted incidents would give the same exposure.
    public var effectiveIncidents: Double
    public var topIncidents: [TopIncident]
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
    public var id: String
    public var distanceKm: Double
    public var ageDays: Int
    public var contribution: Double
    /// contribution / exposure.
    public var share: Double
}

/// Threat now against threat `trendDays` earlier.
public struct Trend: Hashable, Sendable {
    public var previousThreat: Double
    public var direction: TrendDirection
}

public enum TrendDirection: String, CaseIterable, Hashable, Sendable {
    case none, rising, stable, falling
}

/// The Getis-Ord Gi* statistic of a unit's threat among its neighbours.
public struct HotSpot: Hashable, Sendable {
    public var z: Double
    /// Two-sided normal p-value.
    public var p: Double
    /// ±3 (p ≤ 0.01), ±2 (p ≤ 0.05), ±1 (p ≤ 0.10) or 0, signed as z.
    public var bin: Int
}

/// A corridor's length and scores over its units.
public struct CorridorSummary: Sendable {
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
    public var inputs: [InputFile]

    public init(version: String = CorridorRiskVersion.current, inputs: [InputFile] = []) {
        self.version = version
        self.inputs = inputs
    }
}

/// One input file of a report.
public struct InputFile: Hashable, Sendable {
    /// `infrastructure`, `incidents` or `model`.
    public var role: String
    public var path: String
    /// SHA-256 of the file's bytes, hex.
    public var sha256: String
    public var format: String?
    public var bytes: Int

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
    public static let current = "0.1.0"
}
