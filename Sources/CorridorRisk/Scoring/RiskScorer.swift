#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scores infrastructure against incidents with the corridor risk model (spec §2–§5).
///
/// ```swift
/// let infrastructure = try InfrastructureReader.read(path: "infrastructure.geojson")
/// let incidents = try await IncidentReader.read(path: "acled.csv")
/// let report = try await RiskScorer().score(infrastructure: infrastructure, incidents: [incidents])
/// ```
public struct RiskScorer: Sendable {
    /// The model to score with (validated at the start of each run).
    public var parameters: ModelParameters
    /// How many workers join incidents to units; the report is identical for any value.
    public var parallelism: Int
    /// Told the duration of each phase (segment, join, score, hotspots).
    public var observer: PhaseObserver?

    /// A scorer with the given model, workers and phase observer.
    public init(parameters: ModelParameters = .defaults, parallelism: Int = IncidentReader.defaultParallelism,
                observer: PhaseObserver? = nil) {
        self.parameters = parameters
        self.parallelism = max(1, parallelism)
        self.observer = observer
    }

    /// Scores every unit as of `asOf` (default: the latest valid incident date).
    /// Incident ids must be unique across all sets; a later repeat is rejected.
    /// Cancelling the calling task stops the work and throws `CancellationError`.
    public func score(infrastructure: Infrastructure, incidents sets: [IncidentSet], asOf: CalendarDay? = nil,
                      provenance: Provenance = Provenance()) async throws -> RiskReport {
        try parameters.validate()
        let p = parameters
        let timer = PhaseTimer(observer: observer)
        let (incidents, rejected, read) = Self.merge(sets)
        let asOf = asOf ?? incidents.map(\.date).max()
        let (units, segmentWarnings) = try timer.measure("segment") { try Segmenter(parameters: p).units(for: infrastructure.assets) }
        try Task.checkCancellation()

        // Incidents dated after T are not scored; the rest go to the join.
        var joined: [JoinIncident] = []
        var ids: [String] = []
        var future = 0
        if let asOf {
            let previousDate = asOf.adding(days: -p.trendDays)
            joined.reserveCapacity(incidents.count)
            ids.reserveCapacity(incidents.count)
            for incident in incidents {
                guard incident.date <= asOf else { future += 1; continue }
                let age = incident.date.days(until: asOf)
                let previousAge = incident.date.days(until: previousDate)
                joined.append(JoinIncident(
                    location: incident.location, weight: weight(of: incident), targets: incident.targets.rawValue,
                    decayNow: exp2(-Double(age) / p.halfLifeDays),
                    decayPrevious: previousAge >= 0 ? exp2(-Double(previousAge) / p.halfLifeDays) : 0,
                    ageDays: Int32(age)))
                ids.append(incident.id)
            }
        }
        let assets = infrastructure.assets
        let input = JoinInput(units: units, relevance: units.map { Self.relevantTargets(assets[$0.assetIndex]) },
                              incidents: joined, ids: ids, radiusM: p.radiusKm * 1000,
                              targetMultiplier: p.targetMultiplier, topK: p.topIncidents)
        let join = try await timer.measure("join") { try await SpatialJoin(input: input).run(workers: parallelism) }
        observer?("index", join.indexSeconds)
        try Task.checkCancellation()

        var scores = timer.measure("score") {
            zip(units, join.totals).map { unit, totals in
                unitScore(unit, totals, asset: assets[unit.assetIndex], joined: joined, ids: ids)
            }
        }
        let hotspots = try timer.measure("hotspots") {
            try HotSpots.compute(points: scores.map(\.representativePoint), values: scores.map(\.threat),
                                 distanceKm: p.hotspotKm)
        }
        for i in scores.indices { scores[i].hotspot = hotspots[i] }

        let axisWarning = Self.swappedAxesWarning(joined.map(\.location), assets: assets, radiusM: p.radiusKm * 1000)
        let accounting = IncidentAccounting(read: read, rejected: rejected.count, future: future,
                                            beyondRadius: joined.count - join.used, used: join.used)
        return RiskReport(
            asOf: asOf, parameters: p, incidents: accounting, rejected: rejected, units: scores,
            corridors: Corridors.summaries(assets: assets, units: scores),
            warnings: infrastructure.warnings + segmentWarnings + sets.flatMap(\.warnings) + (axisWarning.map { [$0] } ?? []),
            provenance: provenance)
    }

    /// s_i · p_i: the category weight times the severity term, times the precision factor.
    func weight(of i: Incident) -> Double {
        let p = parameters
        let casualties = p.severity.fatalities * Double(i.fatalities) + p.severity.injured * Double(i.injured)
            + p.severity.hostages * Double(i.hostages)
        let s = (p.categoryWeights[i.category] ?? i.category.defaultWeight) * (1 + log(1 + casualties))
        return s * (p.precisionFactors[i.precision] ?? 0)
    }

    /// A warning when most incidents lie outside the network's extent but would lie inside it
    /// with longitude and latitude swapped: the commonest column mix-up in hand-made files.
    static func swappedAxesWarning(_ points: [Coordinate], assets: [Asset], radiusM: Double) -> String? {
        guard points.count >= 5, var extent = assets.first?.geometry.envelope else { return nil }
        for a in assets.dropFirst() { if let e = a.geometry.envelope { extent.expand(toInclude: e) } }
        extent = ZonePlan.widen(extent, byMetres: radiusM)
        let outside = points.filter { !extent.contains($0) }.count
        let swappedInside = points.filter { extent.contains(Coordinate($0.y, $0.x)) }.count
        guard outside * 2 > points.count, swappedInside * 2 > points.count else { return nil }
        return "\(outside) of \(points.count) incidents lie outside the infrastructure's extent but would lie inside it "
            + "with longitude and latitude swapped: check the order of the coordinate columns"
    }

    /// The targets relevant to an asset (spec §3): g applies when an incident has one of them.
    static func relevantTargets(_ a: Asset) -> UInt16 {
        var t = TargetSet()
        switch a.kind {
        case .rail, .station: t.insert(.rail)
        case .road, .borderCrossing: t.insert(.road)
        case .pipeline, .powerPlant, .dam: t.insert(.energy)
        case .port: t.insert(.maritime)
        case .airport: t.insert(.aviation)
        case .mine: t.insert(.mining)
        case .other: break
        }
        if a.cpec { t.insert(.foreignNationals) }
        return t.rawValue
    }

    private func unitScore(_ u: ScoringUnit, _ t: UnitTotals, asset: Asset, joined: [JoinIncident],
                           ids: [String]) -> UnitScore {
        let p = parameters
        let threat = 1000 * t.exposure / u.kernelAreaKm2
        let risk = threat * asset.criticality
        let score = 100 * (1 - exp(-risk / p.kappa))
        let previous = 1000 * t.previous / u.kernelAreaKm2
        let direction: TrendDirection =
            threat == 0 && previous == 0 ? .none
            : threat >= p.trendRising * previous ? .rising
            : threat <= p.trendFalling * previous ? .falling
            : .stable
        return UnitScore(
            id: u.id, assetId: asset.id, assetName: asset.name, kind: asset.kind, corridors: asset.corridors,
            startKm: u.startKm, endKm: u.endKm, lengthKm: u.lengthKm,
            exposure: t.exposure, threat: threat, risk: risk, score: score, tier: p.tier(for: score),
            incidentCount: t.count,
            effectiveIncidents: t.sumOfSquares > 0 ? t.exposure * t.exposure / t.sumOfSquares : 0,
            topIncidents: t.top.map { e in
                TopIncident(id: ids[Int(e.incident)], distanceKm: e.distanceM / 1000,
                            ageDays: Int(joined[Int(e.incident)].ageDays), contribution: e.contribution,
                            share: e.contribution / t.exposure)
            },
            trend: Trend(previousThreat: previous, direction: direction), hotspot: nil,
            geometry: u.geometry, representativePoint: u.representative)
    }

    /// Concatenates the sets in order, rejecting an id already accepted in an earlier set.
    static func merge(_ sets: [IncidentSet]) -> (incidents: [Incident], rejected: [RejectedRecord], read: Int) {
        guard sets.count > 1 else {
            return (sets.first?.incidents ?? [], sets.first?.rejected ?? [], sets.first?.read ?? 0)
        }
        var incidents: [Incident] = []
        var rejected: [RejectedRecord] = []
        var firstFile: [String: String] = [:]
        for set in sets {
            var duplicates: [RejectedRecord] = []
            for (incident, line) in zip(set.incidents, set.lines) {
                if let file = firstFile[incident.id] {
                    duplicates.append(RejectedRecord(file: set.file, line: line, id: incident.id,
                                                     reason: "duplicate id (first accepted in \(file))"))
                } else {
                    firstFile[incident.id] = set.file
                    incidents.append(incident)
                }
            }
            rejected += (set.rejected + duplicates).sorted { $0.line < $1.line }
        }
        return (incidents, rejected, sets.reduce(0) { $0 + $1.read })
    }
}
