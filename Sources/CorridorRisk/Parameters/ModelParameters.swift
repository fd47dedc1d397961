/// Every number the model uses (METHOD §2–§5), with the spec's defaults. Reports echo the values
/// used, and the echo is itself a model file that reproduces the run.
///
/// What each parameter is called in a model file, the rule its value must meet and how it is
/// echoed are in one place, `ModelParameters.table`; `validate()`, the model-file reader and the
/// JSON echo all go through it.
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
    public var categoryWeights = PerCategory<Double> { $0.defaultWeight }
    /// p_i per location precision.
    public var precisionFactors = PerPrecision<Double> { [1.0, 0.8, 0.5][$0.tableIndex] }
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
    /// Whether a vaguely placed incident's kernel is widened by its uncertainty (`spread`) or only
    /// weighted down by its precision factor (`weight`, the v1.1 model).
    public var precisionModel: PrecisionModel = .spread
    /// Which trend rule: the last `trendDays` against the `trendDays` before (v2.0), or threat now
    /// against threat `trendDays` ago (v1.1).
    public var trendModel: TrendModel = .v2
    /// ρ per location precision, km: how far an incident may be from its reported point.
    public var uncertaintyKm = PerPrecision<Double> { [0.0, 10, 50][$0.tableIndex] }
    /// A unit resting on this many incidents or fewer is flagged `lowData`.
    public var lowDataIncidents: Int = 2
    /// The probability the smoothed threat's interval covers (0.90: the 5 % and 95 % quantiles).
    public var intervalLevel: Double = 0.9
    /// How many monthly points each unit's history has.
    public var historyPoints: Int = 12
    /// Days between history points.
    public var historyStepDays: Int = 30
    /// A place this close (km) to a unit's point names it ("12 km SW of Mach").
    public var placeNearKm: Double = 50
    /// A place this close (km) to a segment's end names that end ("between Sibi and Mach").
    public var placeEndKm: Double = 15

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

    /// The uncertainty radius ρ (km) the model uses for `precision`: 0 for every class under the
    /// weight model.
    public func uncertainty(_ precision: LocationPrecision) -> Double {
        precisionModel == .weight ? 0 : uncertaintyKm[precision]
    }

    /// Checks every value against its rule; the error names the parameter and what it must be.
    public func validate() throws(ModelError) {
        for parameter in Self.table { try parameter.check(self) }
        // A ratio at or above trendRising and at or below trendFalling would be both.
        guard trendFalling < trendRising else {
            throw ModelError(key: "trendFalling", reason: "must be less than trendRising (\(ModelValue.format(trendRising))), got \(ModelValue.format(trendFalling))")
        }
    }

    /// The tier a score falls in (METHOD §3).
    public func tier(for score: Double) -> RiskTier { RiskModel.tier(score: score, bounds: tierBounds) }
}

/// How location precision enters the model (METHOD §2).
public enum PrecisionModel: String, CaseIterable, Hashable, Sendable {
    /// Spread the kernel of a vaguely placed incident over its uncertainty radius (v2.0).
    case spread
    /// Only weight it down by its precision factor (v1.1).
    case weight
}

/// Which trend rule a report uses (METHOD §4).
public enum TrendModel: String, CaseIterable, Hashable, Sendable {
    /// The last `trendDays` against the `trendDays` before.
    case v2 = "v2.0"
    /// Threat now against threat `trendDays` earlier.
    case v1 = "v1.1"
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
    public var description: String { "model parameter \(key.isEmpty ? "\"\"" : key) \(reason)" }
}
