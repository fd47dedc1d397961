/// Scores infrastructure against incidents with the corridor risk model (METHOD §1–§6).
///
/// ```swift
/// let network = try BundledDataset.infrastructure()
/// let incidents = try await BundledDataset.incidents()
/// let report = try await RiskScorer().score(infrastructure: network, incidents: [incidents])
/// ```
///
/// `score` reads top to bottom as the model does (METHOD §1–§6), one stage per file: check the
/// inputs, cut units (`Segmenter`), prepare the incidents (`PreparedIncidents`), join them to
/// units (`SpatialJoin`), turn each unit's sums into a score, trend and history
/// (`UnitScoring`), then what needs every unit at once: smoothing (`Smoothing`), hot spots
/// (`HotSpots`), corridors (`Corridors`) and the accounting.
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
    ///
    /// The inputs are checked first, whoever made them: an asset whose geometry does not fit its
    /// kind, an empty shape or a coordinate that is not a finite lon/lat throws the `InputError`
    /// a reader would. Incident ids must be unique across all sets; a later repeat is rejected.
    /// The report records the inputs' files and checksums, followed by `provenance.inputs`.
    /// Cancelling the calling task stops the work and throws `CancellationError`.
    public func score(infrastructure: Infrastructure, incidents sets: [IncidentSet], asOf: CalendarDay? = nil,
                      places gazetteer: Gazetteer? = nil, provenance: Provenance = Provenance()) async throws -> RiskReport {
        let timer = PhaseTimer(observer: observer)
        let run = try await prepare(infrastructure, sets, asOf: asOf, timer: timer)
        let join = try await timer.measure("join") { try await SpatialJoin(input: run.input).run(workers: parallelism) }
        observer?("index", join.indexSeconds)
        try Task.checkCancellation()
        return try await report(run, join, infrastructure, sets, gazetteer, provenance, timer: timer)
    }

    /// What a run settles before the join: the checked inputs, `asOf`, the units, the prepared
    /// incidents and the join's input. A shard (`partial`) and the merge settle it exactly as a
    /// whole run does, from the same inputs.
    struct Run: Sendable {
        var merged: MergedIncidents
        var asOf: CalendarDay?
        var units: [ScoringUnit]
        var prepared: PreparedIncidents
        var input: JoinInput
        var warnings: [String]
        var segmentWarnings: [String]
    }

    /// `joinShare`: the part of the join this process does (1/N for a shard, 0 for a merge),
    /// for the size limits.
    func prepare(_ infrastructure: Infrastructure, _ sets: [IncidentSet], asOf: CalendarDay?, joinShare: Double = 1,
                 timer: PhaseTimer) async throws -> Run {
        let p = parameters
        try p.validate()
        try infrastructure.validate()
        try timer.measure("check incidents") { for set in sets { try set.validate() } }
        let assets = infrastructure.assets
        let merged = timer.measure("merge sets") { MergedIncidents(sets) }
        // Before any work: refuse a run that could not finish, warn of one that will be long.
        let sizeWarning = try WorkEstimate(assets: assets, incidents: merged.incidents, parameters: p).check(joinShare: joinShare)
        let dateWarning = asOf == nil ? merged.outlyingLatestDate() : nil
        let asOf = asOf ?? merged.latestDate
        let (units, segmentWarnings) = try timer.measure("segment") { try Segmenter(parameters: p).units(for: assets, file: infrastructure.file) }
        try Task.checkCancellation()

        let prepared = await timer.measure("prepare incidents") {
            await PreparedIncidents.make(merged.incidents, asOf: asOf, parameters: p, parallelism: parallelism)
        }
        let input = JoinInput(
            units: units, relevance: units.map { RiskModel.relevantTargets(kind: assets[$0.assetIndex].kind, cpec: assets[$0.assetIndex].cpec) },
            incidents: prepared.join, ids: prepared.ids, reaches: prepared.reaches,
            targetMultiplier: p.targetMultiplier, topK: p.topIncidents, historyPoints: p.historyPoints)
        var warnings = sizeWarning.map { [$0] } ?? []
        warnings += dateWarning.map { [$0] } ?? []
        if let asOf, prepared.future > 0, prepared.future == merged.incidents.count {
            warnings.append("all \(prepared.future) valid incidents are dated after asOf \(asOf): nothing is scored; "
                            + "is the date right?")
        }
        return Run(merged: merged, asOf: asOf, units: units, prepared: prepared, input: input, warnings: warnings,
                   segmentWarnings: segmentWarnings)
    }

    /// The report from the join's sums: scores, then what needs every unit at once.
    func report(_ run: Run, _ join: SpatialJoin.Result, _ infrastructure: Infrastructure, _ sets: [IncidentSet],
                _ gazetteer: Gazetteer?, _ provenance: Provenance, timer: PhaseTimer) async throws -> RiskReport {
        let p = parameters
        let assets = infrastructure.assets, units = run.units, prepared = run.prepared
        let scoring = UnitScoring(parameters: p, prepared: prepared)
        let points = p.historyPoints
        var scores = timer.measure("score") {
            units.indices.map { i in
                scoring.score(units[i], join.totals[i], history: join.history[(i * points)..<((i + 1) * points)],
                              asset: assets[units[i].assetIndex])
            }
        }
        timer.measure("smooth") {
            Smoothing.apply(to: &scores, totals: join.totals, units: units,
                            criticality: { assets[units[$0].assetIndex].criticality }, parameters: p)
        }
        let hotspots = try await timer.measure("hotspots") {
            try await HotSpots.compute(points: scores.map(\.representativePoint), values: scores.map(\.threat),
                                       bandKm: p.hotspotKm, parallelism: parallelism)
        }
        for i in scores.indices { scores[i].hotspot = hotspots[i] }
        if let gazetteer {
            try timer.measure("places") {
                let naming = try PlaceNaming(gazetteer)
                for i in scores.indices { scores[i].places = try naming.places(for: units[i], parameters: p) }
            }
        }

        let axisWarning = AxisCheck.warning(prepared.join.map(\.location), assets: assets, radiusM: run.input.maxRadiusM)
        let used = join.reached.population
        let accounting = IncidentAccounting(read: run.merged.read, rejected: run.merged.rejected.count, future: prepared.future,
                                            excluded: prepared.excluded,
                                            beyondRadius: prepared.join.count - used + prepared.weightless, used: used)
        var report = RiskReport(
            asOf: run.asOf, parameters: p, incidents: accounting, rejected: run.merged.rejected, units: scores,
            corridors: Corridors.summaries(assets: assets, units: scores),
            warnings: run.warnings + infrastructure.warnings + run.segmentWarnings + sets.flatMap(\.warnings) + (gazetteer?.warnings ?? [])
                + (axisWarning.map { [$0] } ?? []),
            provenance: Provenance(version: provenance.version,
                                   inputs: Self.inputs(infrastructure, sets, gazetteer) + provenance.inputs))
        report.reached = ReachedIncidents(scored: prepared.ids, bits: join.reached, largest: join.largest,
                                          largestUnit: join.largestUnit)
        return report
    }

    /// The files behind the data, as a report records them.
    static func inputs(_ infrastructure: Infrastructure, _ sets: [IncidentSet], _ gazetteer: Gazetteer?) -> [InputFile] {
        var network = InputFile(role: "infrastructure", path: infrastructure.file, digest: infrastructure.digest, format: infrastructure.format)
        network.layer = infrastructure.layer
        network.profile = infrastructure.profile
        network.routes = infrastructure.routes
        return [network]
            + sets.map { InputFile(role: "incidents", path: $0.file, digest: $0.digest, format: $0.format.rawValue) }
            + (gazetteer.map { [InputFile(role: "places", path: $0.file, digest: $0.digest, format: $0.format)] } ?? [])
    }
}
