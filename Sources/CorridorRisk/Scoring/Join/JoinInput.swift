/// An incident reduced to what the join needs, with every factor that does not depend on the
/// unit computed once (METHOD §2, §4).
struct JoinIncident: Sendable {
    var location: Coordinate
    /// s_i · p_i: severity times location precision.
    var weight: Double
    var targets: TargetSet
    /// Which of `JoinInput.radii` is its kernel's reach R_i.
    var radiusClass: UInt8
    /// D(Δ) as of T.
    var decayNow: Double
    /// D as of T − trendDays; 0 when the incident is later than that.
    var decayPrevious: Double
    /// Whole days from the incident to T.
    var ageDays: Int32
    /// Dated in (T − t, T] (the recent trend window) or in (T − 2t, T − t] (the prior one).
    var isRecent: Bool
    var isPrior: Bool
    /// Its history bucket (`RiskModel.historyBucket`).
    var historyBucket: Int32
}

/// A kernel reach used by some incidents: R_i and the spread kernel's height (R/R_i)².
struct KernelReach: Sendable, Hashable {
    var radiusM: Double
    var scale: Double
}

/// Everything the spatial join reads; immutable and shared by every worker.
struct JoinInput: Sendable {
    var units: [ScoringUnit]
    /// Targets relevant to each unit's asset (`g = targetMultiplier` when they meet).
    var relevance: [TargetSet]
    var incidents: [JoinIncident]
    /// Incident ids, in the same order, for the top-incident tie-break.
    var ids: [String]
    /// The distinct kernel reaches, indexed by `JoinIncident.radiusClass` (one per precision
    /// class at most; one in all under the weight model).
    var reaches: [KernelReach]
    var targetMultiplier: Double
    var topK: Int
    /// Buckets per unit for the history.
    var historyPoints: Int
    /// Which units this join scores (a shard's slice, `Shard`); the others keep empty totals.
    /// Zones are planned from every unit, so a unit's distances, and so its sums, are bit for
    /// bit those of a run over the whole network.
    var activeUnits: [Bool]? = nil

    /// The longest reach: how far any incident can be from a unit it touches.
    var maxRadiusM: Double { reaches.map(\.radiusM).max() ?? 0 }
}
