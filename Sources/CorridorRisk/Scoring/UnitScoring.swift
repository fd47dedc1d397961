/// From a unit's sums to its score (METHOD §3–§4): threat, risk, score, tier, effective
/// incidents, the top incidents and the trend.
struct UnitScoring {
    let parameters: ModelParameters
    let prepared: PreparedIncidents

    func score(_ u: ScoringUnit, _ t: UnitTotals, asset: Asset) -> UnitScore {
        let p = parameters
        let threat = RiskModel.threat(exposure: t.exposure, kernelAreaKm2: u.kernelAreaKm2)
        let risk = RiskModel.risk(threat: threat, criticality: asset.criticality)
        let score = RiskModel.score(risk: risk, kappa: p.kappa)
        let previous = RiskModel.threat(exposure: t.previous, kernelAreaKm2: u.kernelAreaKm2)
        return UnitScore(
            id: u.id, assetId: asset.id, assetName: asset.name, kind: asset.kind, corridors: asset.corridors,
            startKm: u.startKm, endKm: u.endKm, lengthKm: u.lengthKm,
            exposure: t.exposure, threat: threat, risk: risk, score: score, tier: p.tier(for: score),
            incidentCount: t.count,
            effectiveIncidents: RiskModel.effectiveIncidents(exposure: t.exposure, sumOfSquares: t.sumOfSquares),
            topIncidents: t.top.map { e in
                let i = Int(e.incident)
                return TopIncident(incident: prepared.incidents[i], distanceKm: e.distanceM / 1000,
                                   ageDays: Int(prepared.join[i].ageDays), contribution: e.contribution,
                                   share: e.contribution / t.exposure)
            },
            trend: Trend(previousThreat: previous,
                         direction: RiskModel.trendDirection(now: threat, before: previous, rising: p.trendRising,
                                                             falling: p.trendFalling)),
            hotspot: nil, geometry: u.geometry, representativePoint: u.representative)
    }
}
