/// Every number the model uses (spec §3), with the spec's defaults. Reports echo the values used.
public struct ModelParameters: Hashable, Sendable {
    /// Segment length L in km.
    public var segmentKm: Double = 10
    /// Kernel radius R in km: incidents farther than this from a unit do not reach it.
    public var radiusKm: Double = 25
    /// Half-life H in days of an incident's weight.
    public var halfLifeDays: Double = 365
    /// Scale κ of the score curve `100 · (1 − exp(−risk/κ))`.
    public var kappa: Double = 10
    /// How far back (days) the trend compares: threat now against threat `trendDays` earlier.
    public var trendDays: Int = 180
    /// Neighbourhood distance (km) of the Getis-Ord Gi* hot-spot statistic.
    public var hotspotKm: Double = 50
    /// w_cat per category.
    public var categoryWeights: [IncidentCategory: Double] =
        Dictionary(uniqueKeysWithValues: IncidentCategory.allCases.map { ($0, $0.defaultWeight) })
    /// p_i per location precision.
    public var precisionFactors: [LocationPrecision: Double] = [.exact: 1.0, .nearTown: 0.6, .region: 0.2]
    /// g: the factor for an incident whose target is relevant to the asset.
    public var targetMultiplier: Double = 1.5
    /// Weights of fatalities, injured and hostages inside the severity logarithm.
    public var severity = SeverityWeights()
    /// How many top incidents each unit lists.
    public var topIncidents: Int = 5
    /// Lower bounds of the low, moderate, high and extreme tiers.
    public var tierBounds: [Double] = [20, 40, 60, 80]
    /// threat ≥ trendRising · previous is "rising".
    public var trendRising: Double = 1.25
    /// threat ≤ trendFalling · previous is "falling".
    public var trendFalling: Double = 0.8

    /// The spec's defaults.
    public static let defaults = ModelParameters()

    /// The defaults.
    public init() {}

    /// Weights of the casualty counts in `s = w_cat · (1 + ln(1 + a·F + b·I + c·G))`.
    public struct SeverityWeights: Hashable, Sendable {
        /// Weight of each person killed.
        public var fatalities: Double = 1
        /// Weight of each person injured.
        public var injured: Double = 0.5
        /// Weight of each hostage taken.
        public var hostages: Double = 0.25
        /// The defaults.
        public init() {}
    }

    /// Checks every value is usable; the error names the parameter and what it must be.
    public func validate() throws(ModelError) {
        func positive(_ v: Double, _ name: String) throws(ModelError) {
            guard v.isFinite, v > 0 else { throw ModelError(key: name, reason: "must be a positive number, got \(v)") }
        }
        func nonNegative(_ v: Double, _ name: String) throws(ModelError) {
            guard v.isFinite, v >= 0 else { throw ModelError(key: name, reason: "must be a non-negative number, got \(v)") }
        }
        try positive(segmentKm, "segmentKm")
        try positive(radiusKm, "radiusKm")
        try positive(halfLifeDays, "halfLifeDays")
        try positive(kappa, "kappa")
        try nonNegative(hotspotKm, "hotspotKm")
        try nonNegative(targetMultiplier, "targetMultiplier")
        try nonNegative(severity.fatalities, "severity.fatalities")
        try nonNegative(severity.injured, "severity.injured")
        try nonNegative(severity.hostages, "severity.hostages")
        try nonNegative(trendRising, "trendRising")
        try nonNegative(trendFalling, "trendFalling")
        guard trendDays >= 0 else { throw ModelError(key: "trendDays", reason: "must be a whole number of days ≥ 0") }
        guard topIncidents >= 0 else { throw ModelError(key: "topIncidents", reason: "must be a whole number ≥ 0") }
        for c in IncidentCategory.allCases {
            try nonNegative(categoryWeights[c] ?? c.defaultWeight, "categoryWeights.\(c.rawValue)")
        }
        for p in LocationPrecision.allCases {
            try nonNegative(precisionFactors[p] ?? 0, "precisionFactors.\(p.rawValue)")
        }
        guard tierBounds.count == 4, tierBounds.allSatisfy({ $0.isFinite && $0 >= 0 && $0 <= 100 }),
              zip(tierBounds, tierBounds.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw ModelError(key: "tierBounds", reason: "must be 4 increasing numbers in [0, 100], got \(tierBounds)")
        }
    }

    /// The tier a score falls in.
    public func tier(for score: Double) -> RiskTier {
        if score >= tierBounds[3] { return .extreme }
        if score >= tierBounds[2] { return .high }
        if score >= tierBounds[1] { return .moderate }
        if score >= tierBounds[0] { return .low }
        return .minimal
    }
}

/// The five risk tiers, from the score bands in `ModelParameters.tierBounds`.
public enum RiskTier: String, CaseIterable, Hashable, Sendable, Comparable {
    case minimal, low, moderate, high, extreme

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A model parameter that cannot be used, named by its key in the model file.
public struct ModelError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The parameter, as spelled in a model file (e.g. `radiusKm`, `categoryWeights.bombing`).
    public var key: String
    /// What is wrong with it and what it must be.
    public var reason: String
    /// An error about the parameter `key`.
    public init(key: String, reason: String) {
        self.key = key
        self.reason = reason
    }
    public var description: String { "model parameter \(key) \(reason)" }
}
