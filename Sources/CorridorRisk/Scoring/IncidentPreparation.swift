/// The first stage of scoring (METHOD §2): each incident dated on or before T reduced to what
/// the join needs, with the factors that do not depend on the unit computed once: its weight
/// `s·p`, its kernel's reach R_i, its decay as of T and as of the trend's earlier date, its
/// trend window and history bucket.
struct PreparedIncidents: Sendable {
    /// The incidents the join sees, in input order.
    var join: [JoinIncident] = []
    /// Their ids, in the same order (for the top incidents' tie-break).
    var ids: [String] = []
    /// All the incidents (shared, not copied) and, for each one the join sees, its index there
    /// (for the top incidents' details).
    let all: [Incident]
    var source: [Int32] = []
    /// The kernel reaches `JoinIncident.radiusClass` indexes.
    var reaches: [KernelReach] = []
    /// Dated after T: not scored.
    var future = 0
    /// Of a category the model weights 0 (a peaceful protest, an arrest): not a threat.
    var excluded = 0
    /// Weighted 0 for another reason (a precision factor of 0): they reach no unit.
    var weightless = 0

    /// The incident the join knows as `k`.
    func incident(_ k: Int) -> Incident { all[Int(source[k])] }

    /// The prepared incidents, made in `parallelism` contiguous slices at once and joined in
    /// order (the same result for any number of slices).
    static func make(_ all: [Incident], asOf: CalendarDay?, parameters p: ModelParameters,
                     parallelism: Int = 1) async -> PreparedIncidents {
        var prepared = PreparedIncidents(all: all, parameters: p)
        guard let asOf else { return prepared }
        let slices = max(1, min(parallelism, all.count / 50_000))
        let cuts = (0...slices).map { all.count * $0 / slices }
        let reachClass = prepared.classOf
        let done = await withTaskGroup(of: (Int, Slice).self) { group in
            for k in 0..<slices {
                group.addTask { (k, Slice(all, cuts[k]..<cuts[k + 1], asOf: asOf, parameters: p, classOf: reachClass)) }
            }
            var done = [Slice?](repeating: nil, count: slices)
            for await (k, slice) in group { done[k] = slice }
            return done.compactMap { $0 }
        }
        prepared.join.reserveCapacity(done.reduce(0) { $0 + $1.join.count })
        for slice in done {
            prepared.join += slice.join
            prepared.ids += slice.ids
            prepared.source += slice.source
            prepared.future += slice.future
            prepared.excluded += slice.excluded
            prepared.weightless += slice.weightless
        }
        return prepared
    }

    /// The reach classes, before any incident is looked at.
    private init(all: [Incident], parameters p: ModelParameters) {
        self.all = all
        let r = p.radiusKm * 1000
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
    }

    /// Each precision's index in `reaches`.
    private var classOf = PerPrecision<UInt8> { _ in 0 }

    /// One contiguous slice of the incidents, prepared.
    private struct Slice: Sendable {
        var join: [JoinIncident] = []
        var ids: [String] = []
        var source: [Int32] = []
        var future = 0, excluded = 0, weightless = 0

        init(_ all: [Incident], _ range: Range<Int>, asOf: CalendarDay, parameters p: ModelParameters,
             classOf: PerPrecision<UInt8>) {
            let t = p.trendDays
            let previousDate = asOf.adding(days: -t)
            join.reserveCapacity(range.count)
            ids.reserveCapacity(range.count)
            source.reserveCapacity(range.count)
            // By index: an `Incident` holds strings, and a copy of each would cost their retains.
            for index in range {
                let date = all[index].date
                guard date <= asOf else { future += 1; continue }
                guard p.categoryWeights[all[index].category] > 0 else { excluded += 1; continue }
                let weight = PreparedIncidents.weight(of: all[index], p)
                guard weight > 0 else { weightless += 1; continue }
                let age = date.days(until: asOf)
                let previousAge = date.days(until: previousDate)
                join.append(JoinIncident(
                    location: all[index].location, weight: weight, targets: all[index].targets,
                    radiusClass: classOf[all[index].precision],
                    decayNow: RiskModel.decay(ageDays: age, halfLifeDays: p.halfLifeDays),
                    decayPrevious: previousAge >= 0 ? RiskModel.decay(ageDays: previousAge, halfLifeDays: p.halfLifeDays) : 0,
                    ageDays: Int32(age),
                    isRecent: RiskModel.isRecent(ageDays: age, trendDays: t),
                    isPrior: RiskModel.isPrior(ageDays: age, trendDays: t),
                    historyBucket: Int32(RiskModel.historyBucket(ageDays: age, stepDays: p.historyStepDays, points: p.historyPoints))))
                ids.append(all[index].id)
                source.append(Int32(index))
            }
        }
    }

    /// `s_i · p_i`: severity times the precision factor.
    static func weight(of i: Incident, _ p: ModelParameters) -> Double {
        RiskModel.severity(categoryWeight: p.categoryWeights[i.category], fatalities: i.fatalities, injured: i.injured,
                           hostages: i.hostages, weights: p.severity) * p.precisionFactors[i.precision]
    }
}
