/// The first stage of scoring (METHOD §2): each incident dated on or before T reduced to what
/// the join needs, with the factors that do not depend on the unit computed once: its weight
/// `s·p`, its kernel's reach R_i, its decay as of T and as of the trend's earlier date, its
/// trend window and history bucket.
struct PreparedIncidents: Sendable {
    /// The incidents the join sees, in input order.
    var join: [JoinIncident] = []
    /// Their ids, in the same order (for the top incidents' tie-break).
    var ids: [String] = []
    /// The incidents themselves, in the same order (for the top incidents' details).
    var incidents: [Incident] = []
    /// The kernel reaches `JoinIncident.radiusClass` indexes.
    var reaches: [KernelReach] = []
    /// Dated after T: not scored.
    var future = 0
    /// Of a category the model weights 0 (a peaceful protest, an arrest): not a threat.
    var excluded = 0
    /// Weighted 0 for another reason (a precision factor of 0): they reach no unit.
    var weightless = 0

    init(_ all: [Incident], asOf: CalendarDay?, parameters p: ModelParameters) {
        let r = p.radiusKm * 1000
        var classOf = PerPrecision<UInt8> { _ in 0 }
        for precision in LocationPrecision.allCases {
            let ri = RiskModel.spreadRadius(radius: r, uncertainty: p.uncertainty(precision) * 1000)
            let reach = KernelReach(radiusM: ri, scale: RiskModel.spreadScale(radius: r, spreadRadius: ri))
            if let k = reaches.firstIndex(of: reach) {
                classOf[precision] = UInt8(k)
            } else {
                classOf[precision] = UInt8(reaches.count)
                reaches.append(reach)
            }
        }
        guard let asOf else { return }
        let t = p.trendDays
        let previousDate = asOf.adding(days: -t)
        join.reserveCapacity(all.count)
        ids.reserveCapacity(all.count)
        incidents.reserveCapacity(all.count)
        for incident in all {
            guard incident.date <= asOf else { future += 1; continue }
            guard p.categoryWeights[incident.category] > 0 else { excluded += 1; continue }
            let weight = Self.weight(of: incident, p)
            guard weight > 0 else { weightless += 1; continue }
            let age = incident.date.days(until: asOf)
            let previousAge = incident.date.days(until: previousDate)
            join.append(JoinIncident(
                location: incident.location, weight: weight, targets: incident.targets,
                radiusClass: classOf[incident.precision],
                decayNow: RiskModel.decay(ageDays: age, halfLifeDays: p.halfLifeDays),
                decayPrevious: previousAge >= 0 ? RiskModel.decay(ageDays: previousAge, halfLifeDays: p.halfLifeDays) : 0,
                ageDays: Int32(age),
                isRecent: RiskModel.isRecent(ageDays: age, trendDays: t),
                isPrior: RiskModel.isPrior(ageDays: age, trendDays: t),
                historyBucket: Int32(RiskModel.historyBucket(ageDays: age, stepDays: p.historyStepDays, points: p.historyPoints))))
            ids.append(incident.id)
            incidents.append(incident)
        }
    }

    /// `s_i · p_i`: severity times the precision factor.
    static func weight(of i: Incident, _ p: ModelParameters) -> Double {
        RiskModel.severity(categoryWeight: p.categoryWeights[i.category], fatalities: i.fatalities, injured: i.injured,
                           hostages: i.hostages, weights: p.severity) * p.precisionFactors[i.precision]
    }
}
