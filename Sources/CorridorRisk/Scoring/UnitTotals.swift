/// One incident among a unit's largest contributions.
struct TopEntry: Sendable {
    var incident: Int32
    var distanceM: Double
    var contribution: Double
}

/// A unit's sums over the incidents that reach it (its history buckets are kept beside, in one
/// flat array per join, `SpatialJoin.Result.history`).
struct UnitTotals: Sendable {
    /// E(u) = Σ c_i.
    var exposure = 0.0
    /// Σ c_i², for the effective number of incidents E²/Σc².
    var sumOfSquares = 0.0
    /// Incidents with c_i > 0.
    var count = 0
    /// E as of T − trendDays (only incidents dated by then, decayed to then).
    var previous = 0.0
    /// E from the incidents of the recent trend window, decayed to T.
    var recent = 0.0
    /// E from the incidents of the prior trend window, decayed to T − trendDays.
    var prior = 0.0
    /// The largest contributions, largest first (ties: smaller id first).
    var top: [TopEntry] = []

    /// Adds another partial sum (a later block of incidents) to this one.
    mutating func absorb(_ other: UnitTotals, topK: Int, ids: [String]) {
        exposure += other.exposure
        sumOfSquares += other.sumOfSquares
        count += other.count
        previous += other.previous
        recent += other.recent
        prior += other.prior
        for entry in other.top { TopList.insert(entry, into: &top, limit: topK, ids: ids) }
    }
}

/// Keeps the `limit` largest contributions in order.
enum TopList {
    /// Whether `a` ranks before `b`: larger contribution, then the smaller id in code-point order.
    @inline(__always)
    static func ranks(_ a: TopEntry, before b: TopEntry, ids: [String]) -> Bool {
        if a.contribution != b.contribution { return a.contribution > b.contribution }
        return ids[Int(a.incident)].utf8.lexicographicallyPrecedes(ids[Int(b.incident)].utf8)
    }

    static func insert(_ entry: TopEntry, into list: inout [TopEntry], limit: Int, ids: [String]) {
        guard limit > 0 else { return }
        if list.count == limit {
            guard ranks(entry, before: list[limit - 1], ids: ids) else { return }
            list.removeLast()
        }
        var i = list.count
        while i > 0, ranks(entry, before: list[i - 1], ids: ids) { i -= 1 }
        list.insert(entry, at: i)
    }
}
