/// The result of scoring: every unit's score and why, corridor summaries, and an account of
/// every incident read. Its JSON form (`jsonData()`) carries the keys of METHOD §7.
public struct RiskReport: Sendable {
    /// The date scores are computed as of (T); `nil` when no valid incident and none was given.
    public var asOf: CalendarDay?
    /// The model used, echoed so the report can be reproduced.
    public var parameters: ModelParameters
    /// Where every incident read ended up.
    public var incidents: IncidentAccounting
    /// Every rejected record, by file then line.
    public var rejected: [RejectedRecord]
    /// Units in asset order, then chainage (`rankedUnits` orders them by risk).
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

    /// Units from the riskiest down: by risk (the unsaturated quantity behind the score, so units
    /// that all score 100 still rank), then by id.
    public var rankedUnits: [UnitScore] { units.sorted(by: UnitScore.ranksBefore) }
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
    public var kmByTier: PerTier<Double>
}
