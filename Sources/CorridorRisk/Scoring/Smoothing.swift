/// Empirical-Bayes smoothing over every unit at once (METHOD §3.2): the network-wide prior, then
/// each unit's posterior threat, interval and their scores.
enum Smoothing {
    /// Sets `smoothed` on every score; all stay nil when no unit has any exposure.
    static func apply(to scores: inout [UnitScore], totals: [UnitTotals], units: [ScoringUnit],
                      criticality: (Int) -> Double, parameters p: ModelParameters) {
        guard let prior = RiskModel.smoothingPrior(exposure: totals.map(\.exposure), sumOfSquares: totals.map(\.sumOfSquares),
                                                   kernelAreaKm2: units.map(\.kernelAreaKm2)) else { return }
        // Units with no exposure share one posterior shape; each quantile is worked out once per shape.
        var quantiles: [QuantileKey: Double] = [:]
        func quantile(_ q: Double, _ shape: Double) -> Double {
            let key = QuantileKey(p: q, shape: shape)
            if let known = quantiles[key] { return known }
            let x = GammaDistribution.quantile(q, shape: shape)
            quantiles[key] = x
            return x
        }
        for i in scores.indices {
            let (threat, low, high) = RiskModel.smoothedThreat(prior: prior, exposure: totals[i].exposure,
                                                               kernelAreaKm2: units[i].kernelAreaKm2,
                                                               level: p.intervalLevel, quantile: quantile)
            let c = criticality(i)
            func score(_ t: Double) -> Double { RiskModel.score(risk: RiskModel.risk(threat: t, criticality: c), kappa: p.kappa) }
            let s = score(threat)
            scores[i].smoothed = SmoothedThreat(threat: threat, low: low, high: high, score: s, scoreLow: score(low),
                                                scoreHigh: score(high), tier: p.tier(for: s))
        }
    }

    private struct QuantileKey: Hashable {
        var p: Double
        var shape: Double
    }
}
