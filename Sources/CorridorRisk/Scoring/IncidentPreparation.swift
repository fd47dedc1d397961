/// The first stage of scoring (METHOD §2): each incident dated on or before T reduced to what
/// the join needs, with the factors that do not depend on the unit computed once: its weight
/// `s·p` and its decay as of T and as of the trend's earlier date.
struct PreparedIncidents: Sendable {
    /// The incidents the join sees, in input order.
    var join: [JoinIncident] = []
    /// Their ids, in the same order (for the top incidents' tie-break).
    var ids: [String] = []
    /// The incidents themselves, in the same order (for the top incidents' details).
    var incidents: [Incident] = []
    /// Incidents dated after T: not scored.
    var future = 0

    init(_ all: [Incident], asOf: CalendarDay?, parameters p: ModelParameters) {
        guard let asOf else { return }
        let previousDate = asOf.adding(days: -p.trendDays)
        join.reserveCapacity(all.count)
        ids.reserveCapacity(all.count)
        incidents.reserveCapacity(all.count)
        for incident in all {
            guard incident.date <= asOf else { future += 1; continue }
            let age = incident.date.days(until: asOf)
            let previousAge = incident.date.days(until: previousDate)
            join.append(JoinIncident(
                location: incident.location, weight: Self.weight(of: incident, p), targets: incident.targets,
                decayNow: RiskModel.decay(ageDays: age, halfLifeDays: p.halfLifeDays),
                decayPrevious: previousAge >= 0 ? RiskModel.decay(ageDays: previousAge, halfLifeDays: p.halfLifeDays) : 0,
                ageDays: Int32(age)))
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
