/// An incident reduced to what the join needs, with its date-dependent factors precomputed.
struct JoinIncident: Sendable {
    var location: Coordinate
    /// s_i · p_i: severity times location precision.
    var weight: Double
    var targets: TargetSet
    /// D(Δ) as of T.
    var decayNow: Double
    /// D as of T − trendDays; 0 when the incident is later than that.
    var decayPrevious: Double
    /// Whole days from the incident to T.
    var ageDays: Int32
}

/// Everything the spatial join reads; immutable and shared by every worker.
struct JoinInput: Sendable {
    var units: [ScoringUnit]
    /// Targets relevant to each unit's asset (`g = targetMultiplier` when they meet).
    var relevance: [TargetSet]
    var incidents: [JoinIncident]
    /// Incident ids, in the same order, for the top-incident tie-break.
    var ids: [String]
    var radiusM: Double
    var targetMultiplier: Double
    var topK: Int
}
