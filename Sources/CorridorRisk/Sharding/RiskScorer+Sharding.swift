/// Scoring past one machine: `partial` joins one shard's units, `merge` makes the report from
/// all the parts. The report is byte for byte the one `score` makes from the same inputs.
///
/// Only the join is split: it is the work that grows with units × nearby incidents. Each shard
/// and the merge read the whole inputs and settle `asOf`, units and duplicate ids as one run
/// does (a shard's join keeps the whole run's projection zones, so its distances and sums are
/// bit for bit the whole run's); what needs every unit at once (smoothing, Gi*, places,
/// corridors, tiers, the accounting) is done once, at the merge.
extension RiskScorer {
    /// Joins the units of `shard` (see `Shard`) and returns their sums.
    public func partial(infrastructure: Infrastructure, incidents sets: [IncidentSet], asOf: CalendarDay? = nil,
                        shard: Shard) async throws -> PartialResult {
        let timer = PhaseTimer(observer: observer)
        var run = try await prepare(infrastructure, sets, asOf: asOf, joinShare: 1 / Double(shard.count), timer: timer)
        run.input.activeUnits = Self.members(of: shard, order: ZonePlan.spatialOrder(of: run.units))
        let join = try await timer.measure("join") { try await SpatialJoin(input: run.input).run(workers: parallelism) }
        try Task.checkCancellation()
        return PartialResult(shard: shard, join: join, input: run.input, asOf: run.asOf, parameters: parametersText,
                             inputs: Self.digests(infrastructure, sets), version: CorridorRiskVersion.current)
    }

    /// The report of the run whose shards are `parts` (all N of them, each once, in any
    /// order), made from the same inputs and model. A part of another run, model or input is
    /// an `InputError` naming it.
    public func merge(_ parts: [PartialResult], infrastructure: Infrastructure, incidents sets: [IncidentSet],
                      asOf: CalendarDay? = nil, places gazetteer: Gazetteer? = nil,
                      provenance: Provenance = Provenance()) async throws -> RiskReport {
        let timer = PhaseTimer(observer: observer)
        let run = try await prepare(infrastructure, sets, asOf: asOf, joinShare: 0, timer: timer)
        let ordered = try Self.check(parts, against: run, parameters: parametersText, inputs: Self.digests(infrastructure, sets))
        let join = timer.measure("merge parts") { PartialResult.assemble(ordered, input: run.input) }
        return try await report(run, join, infrastructure, sets, gazetteer, provenance, timer: timer)
    }

    /// Which units `shard` joins: its slice of the west-to-east order.
    static func members(of shard: Shard, order: [Int]) -> [Bool] {
        var member = [Bool](repeating: false, count: order.count)
        for position in shard.units(of: order.count) { member[order[position]] = true }
        return member
    }

    /// The model as a report echoes it, the text parts compare.
    var parametersText: String {
        var w = JSONWriter(pretty: false)
        parameters.write(to: &w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// `role:sha256` of each scored input (the paths may differ from machine to machine).
    static func digests(_ infrastructure: Infrastructure, _ sets: [IncidentSet]) -> [String] {
        inputs(infrastructure, sets, nil).map { "\($0.role):\($0.sha256 ?? "in-memory")" }
    }

    /// The parts sorted by shard, once each are all the shards of this run; else the error.
    static func check(_ parts: [PartialResult], against run: Run, parameters: String, inputs: [String]) throws(InputError) -> [PartialResult] {
        guard let first = parts.first else {
            throw InputError(.malformed, file: "merge", reason: "no partial result given")
        }
        let n = first.shard.count
        let order = ZonePlan.spatialOrder(of: run.units)
        var byIndex = [PartialResult?](repeating: nil, count: n)
        for part in parts {
            func refuse(_ reason: String) -> InputError {
                InputError(.malformed, file: part.file.isEmpty ? "shard \(part.shard)" : part.file, reason: reason)
            }
            guard part.shard.count == n else { throw refuse("is shard \(part.shard), but \(first.file) is of \(n) shards") }
            if let other = byIndex[part.shard.index - 1] { throw refuse("is shard \(part.shard), like \(other.file)") }
            guard part.inputs == inputs else {
                throw refuse("was made from other inputs (\(part.inputs.joined(separator: ", "))): give merge the same "
                             + "--infrastructure and --incidents files as the partial runs")
            }
            guard part.parameters == parameters else {
                throw refuse("was made with another model: give merge the same model options as the partial runs")
            }
            guard part.asOf == run.asOf else {
                throw refuse("was scored as of \(part.asOf?.description ?? "none"), the merge as of \(run.asOf?.description ?? "none"): give the same --as-of")
            }
            guard part.unitCount == run.units.count, part.incidentCount == run.input.incidents.count else {
                throw refuse("has \(part.unitCount) units and \(part.incidentCount) incidents, the merge's inputs give "
                             + "\(run.units.count) and \(run.input.incidents.count)")
            }
            let member = members(of: part.shard, order: order)
            if let stray = part.totals.first(where: { !member[$0.unit] })?.unit ?? part.reached.first(where: { !member[$0.unit] })?.unit {
                throw refuse("has unit \(stray), which is not in shard \(part.shard)")
            }
            byIndex[part.shard.index - 1] = part
        }
        let missing = byIndex.indices.filter { byIndex[$0] == nil }.map { "\($0 + 1)/\(n)" }
        guard missing.isEmpty else {
            throw InputError(.malformed, file: "merge", reason: "shards \(missing.prefix(10).joined(separator: ", ")) are missing: give all \(n) parts")
        }
        return byIndex.compactMap { $0 }
    }
}
