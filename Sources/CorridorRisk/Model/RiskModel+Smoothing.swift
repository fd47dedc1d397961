extension RiskModel {
    /// The network-wide prior of the Empirical-Bayes smoothing (METHOD §3.2): Marshall's global
    /// estimator on compound-Poisson equivalent counts.
    public struct SmoothingPrior: Hashable, Sendable {
        /// φ = Σ c² / Σ E: the mean weight of one incident's contribution, which turns exposure
        /// into an equivalent count `e = E/φ`.
        public var phi: Double
        /// m = Σ e / Σ b: the network's rate per 1000 km² in equivalent counts.
        public var mean: Double
        /// s² = Σ b (e/b − m)² / Σ b − m / mean(b): the spread of the units' rates beyond what
        /// chance alone would give; ≤ 0 means no spread can be seen.
        public var variance: Double

        /// The Gamma prior's shape α = m²/s² and rate β = m/s²; nil when s² ≤ 0.
        public var gamma: (shape: Double, rate: Double)? {
            variance > 0 ? (mean * mean / variance, mean / variance) : nil
        }
    }

    /// The prior from every unit's exposure E, Σc² and kernel area W (km²); nil when Σ E = 0.
    public static func smoothingPrior(exposure: [Double], sumOfSquares: [Double], kernelAreaKm2: [Double]) -> SmoothingPrior? {
        let totalE = exposure.reduce(0, +)
        guard totalE > 0, !exposure.isEmpty else { return nil }
        let phi = sumOfSquares.reduce(0, +) / totalE
        let b = kernelAreaKm2.map { $0 / 1000 }
        let totalB = b.reduce(0, +)
        let m = totalE / phi / totalB
        var spread = 0.0
        for (e, bu) in zip(exposure, b) {
            let d = e / phi / bu - m
            spread += bu * d * d
        }
        let variance = spread / totalB - m / (totalB / Double(b.count))
        return SmoothingPrior(phi: phi, mean: m, variance: variance)
    }

    /// A unit's smoothed threat and its interval at `level` (e.g. 0.90: the 5 % and 95 %
    /// quantiles), in threat units. The unit's rate has the Gamma(α + e, β + b) posterior; when
    /// the prior has no spread (s² ≤ 0) every unit gets the network rate φ·m.
    public static func smoothedThreat(prior: SmoothingPrior, exposure: Double, kernelAreaKm2 w: Double, level: Double,
                                      quantile: (_ p: Double, _ shape: Double) -> Double = GammaDistribution.quantile)
        -> (threat: Double, low: Double, high: Double) {
        guard let (alpha, beta) = prior.gamma else {
            let rate = prior.phi * prior.mean
            return (rate, rate, rate)
        }
        let shape = alpha + exposure / prior.phi
        let rate = beta + w / 1000
        return (prior.phi * shape / rate,
                prior.phi * quantile((1 - level) / 2, shape) / rate,
                prior.phi * quantile((1 + level) / 2, shape) / rate)
    }

    /// Whether a unit rests on too few incidents to rank on.
    public static func isLowData(incidentCount: Int, threshold: Int) -> Bool { incidentCount <= threshold }

    // MARK: - False discovery rate (METHOD §5)

    /// Benjamini–Hochberg bins, as ArcGIS applies them: over the m units with a p-value, sorted
    /// ascending, k(q) is the largest k with p₍ₖ₎ ≤ k·q/m, and a unit passes level q when its
    /// p ≤ p₍ₖ₍q₎₎. The bin is 3, 2 or 1 for the strictest of q = 0.01, 0.05, 0.10 it passes, else
    /// 0, signed as z; nil where there is no p-value.
    public static func fdrBins(p: [Double?], z: [Double?]) -> [Int?] {
        let sorted = p.compactMap { $0 }.sorted()
        let m = Double(sorted.count)
        func threshold(_ q: Double) -> Double? {
            var best: Double?
            for (k, pk) in sorted.enumerated() where pk <= Double(k + 1) * q / m { best = pk }
            return best
        }
        let levels = [(0.01, 3), (0.05, 2), (0.10, 1)].map { (threshold($0.0), $0.1) }
        return zip(p, z).map { p, z in
            guard let p, let z else { return nil }
            let level = levels.first { t, _ in t.map { p <= $0 } ?? false }?.1 ?? 0
            return z < 0 ? -level : level
        }
    }
}
