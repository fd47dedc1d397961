/// From a unit's sums to its score (METHOD §3–§4): threat, risk, score, tier, effective
/// incidents, the top incidents, the trend, the low-data flag and the history.
struct UnitScoring {
    let parameters: ModelParameters
    let prepared: PreparedIncidents

    /// `history` is the unit's exposure by history bucket.
    func score(_ u: ScoringUnit, _ t: UnitTotals, history: ArraySlice<Double>, asset: Asset) -> UnitScore {
        let p = parameters
        let w = u.kernelAreaKm2
        let threat = RiskModel.threat(exposure: t.exposure, kernelAreaKm2: w)
        let risk = RiskModel.risk(threat: threat, criticality: asset.criticality)
        let score = RiskModel.score(risk: risk, kappa: p.kappa)
        return UnitScore(
            id: u.id, assetId: asset.id, assetName: asset.name, kind: asset.kind, corridors: asset.corridors,
            startKm: u.startKm, endKm: u.endKm, lengthKm: u.lengthKm,
            exposure: t.exposure, threat: threat, risk: risk, score: score, tier: p.tier(for: score),
            incidentCount: t.count,
            effectiveIncidents: RiskModel.effectiveIncidents(exposure: t.exposure, sumOfSquares: t.sumOfSquares),
            topIncidents: t.top.map { e in
                let i = Int(e.incident)
                return TopIncident(incident: prepared.incident(i), distanceKm: e.distanceM / 1000,
                                   ageDays: Int(prepared.join[i].ageDays), contribution: e.contribution,
                                   share: e.contribution / t.exposure)
            },
            trend: trend(t, kernelAreaKm2: w, threat: threat), hotspot: nil, smoothed: nil,
            lowData: RiskModel.isLowData(incidentCount: t.count, threshold: p.lowDataIncidents),
            history: RiskModel.history(buckets: Array(history), exposure: t.exposure, kernelAreaKm2: w,
                                       stepDays: p.historyStepDays, halfLifeDays: p.halfLifeDays),
            places: nil, geometry: u.geometry, representativePoint: u.representative)
    }

    /// The trend: the recent window against the prior one (v2.0), or threat now against threat
    /// `trendDays` ago (the v1.1 rule, by model file).
    private func trend(_ t: UnitTotals, kernelAreaKm2 w: Double, threat: Double) -> Trend {
        let p = parameters
        let previous = RiskModel.threat(exposure: t.previous, kernelAreaKm2: w)
        let recent = RiskModel.threat(exposure: t.recent, kernelAreaKm2: w)
        let prior = RiskModel.threat(exposure: t.prior, kernelAreaKm2: w)
        let (now, before) = p.trendModel == .v1 ? (threat, previous) : (recent, prior)
        return Trend(previousThreat: previous, recentThreat: recent, priorThreat: prior,
                     direction: RiskModel.trendDirection(now: now, before: before, rising: p.trendRising,
                                                         falling: p.trendFalling))
    }
}
