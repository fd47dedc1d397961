import RealModule

/// The corridor risk model's formulas, each a pure function of its inputs and each in exactly
/// one place. The scorer, the join, the segmenter and the renderers call these; nothing else
/// spells a formula out. Section numbers (§) refer to `Docs/METHOD.md`, which explains each
/// formula in words and with a worked example.
public enum RiskModel {
    // MARK: - What one incident adds (METHOD §2)

    /// The quartic kernel `K(d) = (1 − (d/R)²)²` for `d < R`, else 0: 1 on the unit, ½ at
    /// 0.54 R, 0 from R on. Smooth at R, so moving an incident a metre never jumps a score.
    @inline(__always)
    public static func kernel(distance d: Double, radius r: Double) -> Double {
        guard d < r else { return 0 }
        let q = d / r
        return (1 - q * q) * (1 - q * q)
    }

    /// The widened radius `R_i = √(R² + ρ²)` of an incident whose place is uncertain by ρ: a
    /// report coded to a district town may have happened anywhere around it (METHOD §2.1).
    public static func spreadRadius(radius r: Double, uncertainty rho: Double) -> Double {
        rho == 0 ? r : (r * r + rho * rho).squareRoot()
    }

    /// The spread kernel `K_i(d) = (R/R_i)² · (1 − (d/R_i)²)²` for `d < R_i`: wider and lower than
    /// `K`, with the same mass over the plane (πR²/3), so a vaguely placed incident touches more
    /// units, each less. With ρ = 0 (R_i = R) it is `K` exactly.
    /// `scale` is `spreadScale(radius:spreadRadius:)`, computed once per incident.
    @inline(__always)
    public static func spreadKernel(distance d: Double, spreadRadius ri: Double, scale: Double) -> Double {
        scale * kernel(distance: d, radius: ri)
    }

    /// `(R/R_i)²`, the height of the spread kernel relative to `K` (1 when R_i = R).
    @inline(__always)
    public static func spreadScale(radius r: Double, spreadRadius ri: Double) -> Double {
        let q = r / ri
        return q * q
    }

    /// The severity `s = w_cat · (1 + ln(1 + a·F + b·I + c·G))`: the category weight grows with
    /// the logarithm of the casualties, so a massacre outweighs a skirmish without drowning
    /// every other signal.
    public static func severity(categoryWeight: Double, fatalities: Int, injured: Int, hostages: Int,
                                weights: ModelParameters.SeverityWeights) -> Double {
        categoryWeight * (1 + .log(1 + casualtyMeasure(fatalities: fatalities, injured: injured, hostages: hostages,
                                                         weights: weights)))
    }

    /// `a·F + b·I + c·G`: the casualty measure inside the severity logarithm (maps size dots by it).
    public static func casualtyMeasure(fatalities: Int, injured: Int, hostages: Int,
                                       weights: ModelParameters.SeverityWeights) -> Double {
        weights.fatalities * Double(fatalities) + weights.injured * Double(injured) + weights.hostages * Double(hostages)
    }

    /// The age factor `D(Δ) = 2^(−Δ/H)`: an incident's weight halves every `H` days.
    @inline(__always)
    public static func decay(ageDays: Int, halfLifeDays h: Double) -> Double {
        .exp2(-Double(ageDays) / h)
    }

    /// The targets relevant to an asset: `g` applies when an incident has one of them.
    /// Rail ↔ rail lines and stations, road ↔ roads and border crossings, energy ↔ pipelines,
    /// power plants and dams, maritime ↔ ports, aviation ↔ airports, mining ↔ mines, and
    /// foreign nationals ↔ every CPEC asset.
    public static func relevantTargets(kind: AssetKind, cpec: Bool) -> TargetSet {
        var t = TargetSet()
        switch kind {
        case .rail, .station: t.insert(.rail)
        case .road, .borderCrossing: t.insert(.road)
        case .pipeline, .powerPlant, .dam: t.insert(.energy)
        case .port: t.insert(.maritime)
        case .airport: t.insert(.aviation)
        case .mine: t.insert(.mining)
        case .other: break
        }
        if cpec { t.insert(.foreignNationals) }
        return t
    }

    /// The relevance factor `g`: `multiplier` when any of the incident's targets is relevant
    /// to the asset, else 1.
    @inline(__always)
    public static func relevance(incidentTargets: TargetSet, assetTargets: TargetSet, multiplier: Double) -> Double {
        incidentTargets.isDisjoint(with: assetTargets) ? 1 : multiplier
    }

    /// An incident's contribution to a unit, `c = (s·p) · g · K · D`, from its weight `s·p`
    /// (severity times precision factor), relevance, kernel value and decay.
    @inline(__always)
    public static func contribution(weight: Double, relevance g: Double, kernel: Double, decay: Double) -> Double {
        weight * g * kernel * decay
    }

    // MARK: - Kernel areas (METHOD §3)

    // The kernel's mass over the plane, ∫ K dA, is what a unit "collects" from incidents spread
    // evenly: for a point, 2π ∫₀^R (1 − r²/R²)² r dr = πR²/3. A straight segment of length ℓ adds
    // a band on both sides, ℓ · 2 ∫₀^R (1 − x²/R²)² dx = ℓ · (16/15) R. A polygon adds its own
    // area A and, along its perimeter P, one side of that band: P · (8/15) R (its corners add up
    // to the point term πR²/3). Dividing exposure by this area makes units of any size comparable.

    /// The kernel area of a point site, `π R² / 3` (km², with R in km).
    public static func pointKernelArea(radiusKm r: Double) -> Double { Double.pi * r * r / 3 }

    /// The kernel area of a segment of length ℓ km, `ℓ · (16/15) · R + π R² / 3`.
    public static func segmentKernelArea(lengthKm l: Double, radiusKm r: Double) -> Double {
        l * (16.0 / 15.0) * r + pointKernelArea(radiusKm: r)
    }

    /// The kernel area of a polygon site of area A km² and perimeter P km, `A + P · (8/15) · R + π R² / 3`.
    public static func polygonKernelArea(areaKm2 a: Double, perimeterKm p: Double, radiusKm r: Double) -> Double {
        pointKernelArea(radiusKm: r) + (a + p * (8.0 / 15.0) * r)
    }

    // MARK: - From exposure to a score (METHOD §3)

    /// Threat: exposure per 1000 km² of kernel area, `1000 · E / W`.
    @inline(__always)
    public static func threat(exposure e: Double, kernelAreaKm2 w: Double) -> Double { 1000 * e / w }

    /// Risk: threat times the asset's criticality.
    @inline(__always)
    public static func risk(threat: Double, criticality: Double) -> Double { threat * criticality }

    /// The score `100 · (1 − e^(−risk/κ))`: 0 for no risk, 63 at risk κ, saturating towards 100.
    @inline(__always)
    public static func score(risk: Double, kappa: Double) -> Double { 100 * (1 - .exp(-risk / kappa)) }

    /// The tier a score falls in, from the lower bounds of low, moderate, high and extreme.
    public static func tier(score: Double, bounds: [Double]) -> RiskTier {
        if score >= bounds[3] { return .extreme }
        if score >= bounds[2] { return .high }
        if score >= bounds[1] { return .moderate }
        if score >= bounds[0] { return .low }
        return .minimal
    }

    /// The effective number of incidents `E² / Σc²`: how many equal incidents would give the same
    /// exposure (1 when one incident carries it all); 0 when nothing contributes.
    public static func effectiveIncidents(exposure e: Double, sumOfSquares: Double) -> Double {
        sumOfSquares > 0 ? e * e / sumOfSquares : 0
    }

    // MARK: - Trend and history (METHOD §4)

    /// Whether an incident `ageDays` old falls in the recent window (T − t, T].
    @inline(__always)
    public static func isRecent(ageDays: Int, trendDays t: Int) -> Bool { ageDays < t }

    /// Whether it falls in the prior window (T − 2t, T − t].
    @inline(__always)
    public static func isPrior(ageDays: Int, trendDays t: Int) -> Bool { ageDays >= t && ageDays < 2 * t }

    /// The history bucket of an incident `ageDays` old: bucket j holds the incidents known at
    /// T − j·step but not at T − (j+1)·step; the oldest bucket holds everything older.
    @inline(__always)
    public static func historyBucket(ageDays: Int, stepDays: Int, points: Int) -> Int {
        min(ageDays / stepDays, points - 1)
    }

    /// The threat as of T − k·step for k = points − 1 … 0 (oldest first), from a unit's exposure
    /// summed by history bucket (`buckets[j]`, decayed to T). At T − k·step only the incidents of
    /// buckets k and older are known, each decayed k·step days less than at T:
    /// `threat_k = 1000/W · 2^(k·step/H) · Σ_{j ≥ k} bucket_j`. The last point is the threat itself.
    public static func history(buckets: [Double], exposure: Double, kernelAreaKm2 w: Double,
                               stepDays: Int, halfLifeDays h: Double) -> [Double] {
        let points = buckets.count
        var known = 0.0
        var out = [Double](repeating: 0, count: points)
        for k in stride(from: points - 1, through: 0, by: -1) {
            known += buckets[k]
            out[points - 1 - k] = k == 0 ? threat(exposure: exposure, kernelAreaKm2: w)
                : threat(exposure: known * .exp2(Double(k * stepDays) / h), kernelAreaKm2: w)
        }
        return out
    }

    /// Which way a threat moved from `before` to `now`: none when both are 0, rising at
    /// `now ≥ rising · before`, falling at `now ≤ falling · before`, else stable.
    public static func trendDirection(now: Double, before: Double, rising: Double, falling: Double) -> TrendDirection {
        if now == 0 && before == 0 { return .none }
        if now >= rising * before { return .rising }
        if now <= falling * before { return .falling }
        return .stable
    }

    // MARK: - Hot spots (METHOD §5)

    /// Getis-Ord Gi* with binary weights for a unit with `k` neighbours (itself included) whose
    /// threats sum to `neighbourSum`, among `n` units of mean `mean` and standard deviation `sd`:
    /// `(Σ x_j − x̄ k) / (S · √((n k − k²) / (n − 1)))`. Nil when the denominator is 0 (every
    /// unit is a neighbour: the statistic is 0/0).
    public static func giStar(neighbourSum: Double, neighbours k: Int, n: Int, mean: Double, sd: Double) -> Double? {
        let k = Double(k)
        let denominator = sd * ((Double(n) * k - k * k) / Double(n - 1)).squareRoot()
        guard denominator > 0 else { return nil }
        return (neighbourSum - mean * k) / denominator
    }

    /// Whether two representative points `metres` apart are Gi* neighbours: within the band plus
    /// one metre, so points exactly a band apart (the middles of equal segments on a straight
    /// line) are neighbours whatever the rounding.
    @inline(__always)
    public static func areNeighbours(distanceMetres d: Double, bandKm: Double) -> Bool { d <= bandKm * 1000 + 1 }

    /// The two-sided normal p-value of a z-score, `erfc(|z| / √2)`.
    public static func twoSidedP(_ z: Double) -> Double { .erfc(abs(z) / 2.0.squareRoot()) }

    /// The confidence bin of a p-value: 3 (p ≤ 0.01), 2 (≤ 0.05), 1 (≤ 0.10), else 0, signed as z.
    public static func hotSpotBin(p: Double, z: Double) -> Int {
        let level = p <= 0.01 ? 3 : p <= 0.05 ? 2 : p <= 0.10 ? 1 : 0
        return z < 0 ? -level : level
    }

    /// The population standard deviation `√(Σ(x − x̄)²/n)`: the spec's `√(Σx²/n − x̄²)`, computed
    /// the way that is exactly 0 when every value is equal.
    public static func standardDeviation(_ x: [Double], mean: Double) -> Double {
        (x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count)).squareRoot()
    }
}
