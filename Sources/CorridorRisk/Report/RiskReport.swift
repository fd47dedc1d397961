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
    /// Which scored incidents reached at least one unit (for maps; not part of the JSON).
    package var reached = ReachedIncidents()

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

    /// The ids of the incidents that contributed to at least one unit.
    public var reachedIncidentIDs: Set<String> { reached.ids }

    /// Units from the riskiest down: by risk (the unsaturated quantity behind the score, so units
    /// that all score 100 still rank), then by id.
    public var rankedUnits: [UnitScore] { units.sorted(by: UnitScore.ranksBefore) }
}

/// Where every incident read ended up (METHOD §6):
/// `read = rejected + future + excluded + beyondRadius + used`.
public struct IncidentAccounting: Hashable, Sendable {
    /// Records read from every incident file.
    public var read: Int
    /// Records that failed validation (listed in `RiskReport.rejected`).
    public var rejected: Int
    /// Valid but dated after `asOf`.
    public var future: Int
    /// Valid and not after `asOf`, but of a category the model weights 0 (`nonViolent`: a
    /// peaceful protest or an arrest is not a threat to a railway).
    public var excluded: Int
    /// Valid, weighted, not after `asOf`, but reaching no unit (farther than its R_i from all).
    public var beyondRadius: Int
    /// Contributing to at least one unit.
    public var used: Int

    /// An accounting from its six counts.
    public init(read: Int, rejected: Int, future: Int, excluded: Int, beyondRadius: Int, used: Int) {
        self.read = read
        self.rejected = rejected
        self.future = future
        self.excluded = excluded
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

/// The incidents that reached at least one unit, kept as the join found them (ids in input
/// order and one bit each), so a report carries the answer without a set of a million strings.
package struct ReachedIncidents: Sendable {
    var scored: [String] = []
    var bits = IncidentBits(count: 0)
    /// Each scored incident's largest contribution and the index of the unit that got it (−1: none).
    var largest: [Double] = []
    var largestUnit: [Int32] = []

    /// Each incident that reached a unit, with its largest contribution and that unit's position
    /// in `RiskReport.units`.
    package var contributions: [String: (contribution: Double, unit: Int)] {
        var out: [String: (contribution: Double, unit: Int)] = [:]
        for (i, id) in scored.enumerated() where bits.contains(i) { out[id] = (largest[i], Int(largestUnit[i])) }
        return out
    }

    /// The ids whose bit is set.
    var ids: Set<String> {
        var out = Set<String>()
        for (i, id) in scored.enumerated() where bits.contains(i) { out.insert(id) }
        return out
    }
}
