import GeoFoundation
import Platform

/// The join of incidents to units (METHOD §2): for each pair closer than the incident's reach
/// R_i, its contribution c_i, summed per unit with the trend, history and top-incident sums.
///
/// Incidents are cut into fixed blocks; each block yields partial sums per unit, and the blocks
/// are added up in block order. Block boundaries depend only on the input, so the sums — and the
/// report's bytes — are the same whatever the number of workers. Each worker owns its GEOS and
/// PROJ contexts and its own `ZoneIndex`; the cost grows with the pairs that the STRtrees find
/// (one tree per reach, so an exactly placed incident never searches as far as a vague one),
/// never with incidents × units.
struct SpatialJoin {
    static let blockSize = 8_192

    let input: JoinInput
    let plan: ZonePlan

    init(input: JoinInput) {
        self.input = input
        plan = ZonePlan(units: input.units, radiusM: input.maxRadiusM).restricted(to: input.activeUnits)
    }

    /// What the join found.
    struct Result: Sendable {
        var totals: [UnitTotals]
        /// Each unit's exposure by history bucket: `historyPoints` values per unit, unit after unit.
        var history: [Double]
        /// One bit per incident: whether it contributed to at least one unit.
        var reached: IncidentBits
        /// Each incident's largest contribution to any unit and that unit (−1: none); ties go to
        /// the smaller unit index.
        var largest: [Double]
        var largestUnit: [Int32]
        /// The longest time a worker took to build its index (part of the join's time).
        var indexSeconds = 0.0
    }

    /// A block's partial sums for the units it touched, ascending by unit.
    private struct BlockResult: Sendable {
        var units: [Int32] = []
        var totals: [UnitTotals] = []
        var history: [Double] = []
        var reached: [Int32] = []
        var largest: [Double] = []
        var largestUnit: [Int32] = []
    }

    func run(workers: Int) async throws -> Result {
        let blocks = (input.incidents.count + Self.blockSize - 1) / Self.blockSize
        let workers = max(1, min(workers, blocks))
        var results = [BlockResult](repeating: BlockResult(), count: blocks)
        var indexSeconds = 0.0
        if blocks > 0 {
            try await withThrowingTaskGroup(of: ([(Int, BlockResult)], Double).self) { group in
                for w in 0..<workers {
                    group.addTask { [self] in
                        let stopwatch = Stopwatch()
                        let index = try ZoneIndex(plan: plan, units: input.units, reaches: input.reaches)
                        let built = stopwatch.seconds
                        var worker = BlockWorker(input: input, index: index)
                        var out: [(Int, BlockResult)] = []
                        for b in stride(from: w, to: blocks, by: workers) {
                            try Task.checkCancellation()
                            out.append((b, try worker.process(block: b)))
                        }
                        return (out, built)
                    }
                }
                for try await (batch, built) in group {
                    for (b, r) in batch { results[b] = r }
                    indexSeconds = max(indexSeconds, built)
                }
            }
        }
        let points = input.historyPoints
        var totals = [UnitTotals](repeating: UnitTotals(), count: input.units.count)
        var history = [Double](repeating: 0, count: input.units.count * points)
        var reached = IncidentBits(count: input.incidents.count)
        var largest: [Double] = []
        var largestUnit: [Int32] = []
        largest.reserveCapacity(input.incidents.count)
        largestUnit.reserveCapacity(input.incidents.count)
        for r in results {
            for i in r.reached { reached.insert(Int(i)) }
            largest += r.largest
            largestUnit += r.largestUnit
            for (k, (u, t)) in zip(r.units, r.totals).enumerated() {
                totals[Int(u)].absorb(t, topK: input.topK, ids: input.ids)
                for j in 0..<points { history[Int(u) * points + j] += r.history[k * points + j] }
            }
        }
        return Result(totals: totals, history: history, reached: reached, largest: largest, largestUnit: largestUnit,
                      indexSeconds: indexSeconds)
    }

    /// Processes blocks with one worker's index and scratch space.
    private struct BlockWorker {
        let input: JoinInput
        let index: ZoneIndex
        /// Dense per-unit scratch, reset for the units a block touched.
        var scratch: [UnitTotals]
        var historyScratch: [Double]
        var touched: [Bool]
        var touchedList: [Int] = []
        var hits: [Int] = []
        var selected: [Int] = []
        var coordinates: [Coordinate] = []
        /// The units within reach of each location met in the current zone and block, and their distances.
        var seen: [LocationKey: Range<Int>] = [:]
        var pairs: [(unit: Int32, distance: Double)] = []

        init(input: JoinInput, index: ZoneIndex) {
            self.input = input
            self.index = index
            scratch = [UnitTotals](repeating: UnitTotals(), count: input.units.count)
            historyScratch = [Double](repeating: 0, count: input.units.count * input.historyPoints)
            touched = [Bool](repeating: false, count: input.units.count)
        }

        /// Appends to `pairs` every unit of `zone` within `reach` (m, on the ellipsoid) of the
        /// projected point `p`, in the STRtree's order.
        mutating func findUnits(near p: Coordinate, latitude: Double, reach r: Double, zone: ZoneIndex.Zone,
                                tree: SpatialIndex, envelopes: [Envelope]) throws {
            let point = try Geometry(point: p, in: index.geos)
            // Each hit is a different unit, so the order of hits does not matter.
            try tree.query(intersecting: point, into: &hits, sorted: false)
            if hits.isEmpty { return }
            let r2 = TransverseMercatorScale.radiusProduct(latitude: latitude)
            let planarReach = r * zone.scale
            for h in hits {
                let e = envelopes[h]
                let dx = max(e.minX - p.x, 0, p.x - e.maxX), dy = max(e.minY - p.y, 0, p.y - e.maxY)
                guard dx * dx + dy * dy < planarReach * planarReach else { continue }
                let d = try zone.distance(unit: h, to: p, point: point, radiusProduct: r2)
                if d < r { pairs.append((Int32(h), d)) }
            }
        }

        mutating func process(block: Int) throws -> BlockResult {
            let lo = block * SpatialJoin.blockSize
            let hi = min(lo + SpatialJoin.blockSize, input.incidents.count)
            var reachedFlags = [Bool](repeating: false, count: hi - lo)
            var largest = [Double](repeating: 0, count: hi - lo)
            var largestUnit = [Int32](repeating: -1, count: hi - lo)
            let geos = index.geos
            let incidents = input.incidents, relevance = input.relevance, ids = input.ids, reaches = input.reaches
            let multiplier = input.targetMultiplier, topK = input.topK, points = input.historyPoints
            for zone in index.zones {
                let window = zone.plan.window, zoneUnits = zone.plan.units
                let envelopes = zone.envelopes
                selected.removeAll(keepingCapacity: true)
                coordinates.removeAll(keepingCapacity: true)
                for i in lo..<hi where window.containsWrapped(incidents[i].location) {
                    selected.append(i)
                    coordinates.append(incidents[i].location)
                }
                if selected.isEmpty { continue }
                try zone.transformer.forward(&coordinates)
                seen.removeAll(keepingCapacity: true)
                pairs.removeAll(keepingCapacity: true)
                for (k, i) in selected.enumerated() {
                    let incident = incidents[i]
                    let reach = reaches[Int(incident.radiusClass)]
                    let r = reach.radiusM
                    // Incidents at one place (a town's centroid, say) share their units and distances.
                    let key = LocationKey(incident.location, incident.radiusClass)
                    let found: Range<Int>
                    if let known = seen[key] {
                        found = known
                    } else {
                        let start = pairs.count
                        try findUnits(near: coordinates[k], latitude: incident.location.y, reach: r, zone: zone,
                                      tree: zone.trees[Int(incident.radiusClass)], envelopes: envelopes)
                        found = start..<pairs.count
                        seen[key] = found
                    }
                    for (h, d) in pairs[found] {
                        let u = zoneUnits[Int(h)]
                        let kernel = RiskModel.spreadKernel(distance: d, spreadRadius: r, scale: reach.scale)
                        let g = RiskModel.relevance(incidentTargets: incident.targets, assetTargets: relevance[u],
                                                    multiplier: multiplier)
                        let c = RiskModel.contribution(weight: incident.weight, relevance: g, kernel: kernel,
                                                       decay: incident.decayNow)
                        guard c > 0 else { continue }
                        reachedFlags[i - lo] = true
                        if c > largest[i - lo] || (c == largest[i - lo] && Int32(u) < largestUnit[i - lo]) {
                            largest[i - lo] = c
                            largestUnit[i - lo] = Int32(u)
                        }
                        if !touched[u] {
                            touched[u] = true
                            touchedList.append(u)
                        }
                        let previous = RiskModel.contribution(weight: incident.weight, relevance: g, kernel: kernel,
                                                              decay: incident.decayPrevious)
                        scratch[u].exposure += c
                        scratch[u].sumOfSquares += c * c
                        scratch[u].count += 1
                        scratch[u].previous += previous
                        if incident.isRecent { scratch[u].recent += c }
                        if incident.isPrior { scratch[u].prior += previous }
                        historyScratch[u * points + Int(incident.historyBucket)] += c
                        TopList.insert(TopEntry(incident: Int32(i), distanceM: d, contribution: c),
                                       into: &scratch[u].top, limit: topK, ids: ids)
                    }
                }
            }
            touchedList.sort()
            var out = BlockResult()
            for (k, flag) in reachedFlags.enumerated() where flag { out.reached.append(Int32(lo + k)) }
            out.largest = largest
            out.largestUnit = largestUnit
            for u in touchedList {
                out.units.append(Int32(u))
                out.totals.append(scratch[u])
                scratch[u] = UnitTotals()
                for j in 0..<points {
                    out.history.append(historyScratch[u * points + j])
                    historyScratch[u * points + j] = 0
                }
                touched[u] = false
            }
            touchedList.removeAll(keepingCapacity: true)
            return out
        }
    }
}

/// One bit per incident (a set of incident positions), packed in words.
struct IncidentBits: Sendable, Hashable {
    private(set) var words: [UInt64]
    let count: Int

    init(count: Int) {
        self.count = count
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    mutating func insert(_ i: Int) { words[i >> 6] |= 1 << UInt64(i & 63) }
    func contains(_ i: Int) -> Bool { words[i >> 6] & (1 << UInt64(i & 63)) != 0 }
    /// How many bits are set.
    var population: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
}

/// An incident location and its reach class, as a dictionary key (exact bits: only incidents at
/// the very same coordinates share their distances).
struct LocationKey: Hashable {
    let x: UInt64, y: UInt64, reach: UInt8

    init(_ c: Coordinate, _ reach: UInt8) {
        x = c.x.bitPattern
        y = c.y.bitPattern
        self.reach = reach
    }
}
