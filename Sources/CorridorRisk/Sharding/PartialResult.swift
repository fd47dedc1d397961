/// What one shard's join found, for `RiskScorer.merge` to put together: the sums of its units
/// and, per incident it reached, the largest contribution and to which unit.
///
/// Merging is exact and order-free: each unit belongs to one shard, so its sums are copied,
/// never added; an incident's `reached` bits are OR-ed and its largest contribution is the
/// maximum over shards (ties to the smaller unit index), which is what one run computes. The
/// header repeats what the run settled (units, valid incidents, `asOf`, every parameter, the
/// inputs' SHA-256), so a part made from other data or another model is refused, not merged.
public struct PartialResult: Sendable {
    /// The file format's version; a reader refuses any other.
    public static let formatVersion = 1

    public let shard: Shard
    /// The positions of this part's units in the shard order (`Shard`), among `unitCount`.
    public let units: Range<Int>
    public let unitCount: Int
    /// Valid, scorable incidents of the run (the join's input).
    public let incidentCount: Int
    public let asOf: CalendarDay?
    /// The model, as a report's `parameters` object (compact JSON): the same text means the same model.
    public let parameters: String
    /// The SHA-256 of each scored input (network, then incident files), as `role:sha256`.
    public let inputs: [String]
    /// The tool version that wrote it.
    public let version: String
    /// Where it was read from ("" when made in memory), for messages.
    public internal(set) var file = ""

    /// Each non-empty unit of the slice, ascending, with its sums and history.
    var totals: [(unit: Int, totals: UnitTotals, history: [Double])]
    /// Each incident the slice reached, ascending.
    var reached: [(incident: Int, largest: Double, unit: Int)]

    init(shard: Shard, units: Range<Int>, unitCount: Int, incidentCount: Int, asOf: CalendarDay?, parameters: String,
         inputs: [String], version: String, totals: [(unit: Int, totals: UnitTotals, history: [Double])],
         reached: [(incident: Int, largest: Double, unit: Int)]) {
        self.shard = shard
        self.units = units
        self.unitCount = unitCount
        self.incidentCount = incidentCount
        self.asOf = asOf
        self.parameters = parameters
        self.inputs = inputs
        self.version = version
        self.totals = totals
        self.reached = reached
    }

    /// The slice of a join over `input.activeUnits`.
    init(shard: Shard, join: SpatialJoin.Result, input: JoinInput, asOf: CalendarDay?, parameters: String,
         inputs: [String], version: String) {
        let active = input.activeUnits ?? [Bool](repeating: true, count: input.units.count)
        let points = input.historyPoints
        var totals: [(unit: Int, totals: UnitTotals, history: [Double])] = []
        for u in active.indices where active[u] && join.totals[u].count > 0 {
            totals.append((u, join.totals[u], Array(join.history[(u * points)..<((u + 1) * points)])))
        }
        var reached: [(incident: Int, largest: Double, unit: Int)] = []
        for i in 0..<join.reached.count where join.reached.contains(i) {
            reached.append((i, join.largest[i], Int(join.largestUnit[i])))
        }
        self.init(shard: shard, units: shard.units(of: input.units.count), unitCount: input.units.count, incidentCount: input.incidents.count,
                  asOf: asOf, parameters: parameters, inputs: inputs, version: version, totals: totals, reached: reached)
    }

    /// The join result of the whole run from all its parts (checked to be the N shards of one
    /// run, each once, in any order), for `input`.
    static func assemble(_ parts: [PartialResult], input: JoinInput) -> SpatialJoin.Result {
        let points = input.historyPoints
        var totals = [UnitTotals](repeating: UnitTotals(), count: input.units.count)
        var history = [Double](repeating: 0, count: input.units.count * points)
        var bits = IncidentBits(count: input.incidents.count)
        var largest = [Double](repeating: 0, count: input.incidents.count)
        var largestUnit = [Int32](repeating: -1, count: input.incidents.count)
        for part in parts {
            for (u, t, h) in part.totals {
                totals[u] = t
                history.replaceSubrange((u * points)..<((u + 1) * points), with: h)
            }
            for (i, c, u) in part.reached {
                bits.insert(i)
                if c > largest[i] || (c == largest[i] && Int32(u) < largestUnit[i]) {
                    largest[i] = c
                    largestUnit[i] = Int32(u)
                }
            }
        }
        return SpatialJoin.Result(totals: totals, history: history, reached: bits, largest: largest, largestUnit: largestUnit)
    }
}
