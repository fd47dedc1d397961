/// One scored unit: a segment `<assetId>#<k>` or a site `<assetId>`.
public struct UnitScore: Sendable {
    /// `<assetId>#<k>` for a segment, `<assetId>` for a site.
    public var id: String
    /// The asset it belongs to.
    public var assetId: String
    /// The asset's display name.
    public var assetName: String
    /// The asset's kind.
    public var kind: AssetKind
    /// The asset's corridors.
    public var corridors: [String]
    /// Chainage of the segment's start along its asset (0 for a site).
    public var startKm: Double
    /// Chainage of the segment's end (0 for a site).
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
    /// Which way the threat is moving: the recent window against the one before.
    public var trend: Trend
    /// `nil` when the statistic is undefined for this unit (or for all, when n < 3 or S = 0).
    public var hotspot: HotSpot?
    /// The threat shrunk towards the network's rate, with its interval; `nil` when no unit has
    /// any exposure.
    public var smoothed: SmoothedThreat?
    /// The score rests on `lowDataIncidents` incidents or fewer: too few to rank on.
    public var lowData: Bool
    /// The threat as of T − k·historyStepDays, oldest first; the last is `threat`.
    public var history: [Double]
    /// The places around the unit; nil when the report has no gazetteer.
    public var places: UnitPlaces?
    /// The unit's own geometry in lon/lat (not part of the JSON report).
    public var geometry: Shape
    /// Mid-chainage point, site point or polygon centroid (not part of the JSON report).
    public var representativePoint: Coordinate

    /// Whether `a` ranks before `b` among the riskiest: larger risk, then the smaller id.
    public static func ranksBefore(_ a: UnitScore, _ b: UnitScore) -> Bool {
        a.risk != b.risk ? a.risk > b.risk : a.id < b.id
    }
}

/// One of a unit's largest contributions, with the incident itself (its date, description and
/// source are there for whoever reads the report).
public struct TopIncident: Sendable {
    /// The incident as it was read.
    public var incident: Incident
    /// Shortest distance to the unit (0 inside a polygon site).
    public var distanceKm: Double
    /// Whole days from the incident to `asOf`.
    public var ageDays: Int
    /// c_i: what it adds to the unit's exposure.
    public var contribution: Double
    /// contribution / exposure.
    public var share: Double

    /// The incident's id.
    public var id: String { incident.id }
}

/// Which way a unit's threat is moving (METHOD §4).
public struct Trend: Hashable, Sendable {
    /// Threat as of asOf − trendDays, with only the incidents known then.
    public var previousThreat: Double
    /// Threat from the incidents of the last `trendDays` days, decayed to asOf.
    public var recentThreat: Double
    /// Threat from the incidents of the `trendDays` before those, decayed to asOf − trendDays.
    public var priorThreat: Double
    /// Rising, stable, falling, or none when both compared threats are 0.
    public var direction: TrendDirection
}

/// A unit's Empirical-Bayes threat (METHOD §3.2): shrunk towards the network-wide rate as far as
/// its own evidence is thin, with the interval the Gamma posterior gives, and the scores of all
/// three.
public struct SmoothedThreat: Hashable, Sendable {
    /// The posterior mean threat.
    public var threat: Double
    /// The lower and upper ends of its interval (`intervalLevel`).
    public var low: Double
    public var high: Double
    /// The score of `threat`, `low` and `high` (× the asset's criticality, as for the raw score).
    public var score: Double
    public var scoreLow: Double
    public var scoreHigh: Double
    /// The tier of `score`.
    public var tier: RiskTier
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
    /// The same bins after the Benjamini–Hochberg false-discovery-rate correction over all units:
    /// what the map colours, since testing hundreds of units at once makes some p ≤ 0.05 by chance.
    public var binFdr: Int
}

/// The places that name a unit (METHOD §9).
public struct UnitPlaces: Hashable, Sendable {
    /// The place nearest the unit's point within `placeNearKm`, if any.
    public var near: PlaceReference?
    /// The places nearest a segment's start and end within `placeEndKm` (nil on sites).
    public var from: String?
    public var to: String?
}

/// A place and where the unit lies from it.
public struct PlaceReference: Hashable, Sendable {
    public var name: String
    /// Geodesic distance from the place to the unit's point.
    public var distanceKm: Double
    /// The unit's direction as seen from the place; nil when it is closer than 1 km ("at Mach").
    public var bearing: CompassPoint?
}
