/// What changed between two reports (METHOD §10): each unit matched by id with its change class,
/// the units only one report has, the corridors side by side, and a summary. Reports of
/// different networks still compare: their unmatched units are added or removed.
public struct ReportDiff: Sendable {
    /// A unit present in both reports.
    public struct UnitChange: Sendable {
        public var id: String
        /// From the new report.
        public var assetName: String
        public var startKm: Double
        public var endKm: Double
        /// The unit's place in words, from the new report.
        public var place: String
        public var change: ThreatChange
        public var oldScore: Double
        public var newScore: Double
        public var oldTier: RiskTier
        public var newTier: RiskTier
        public var oldThreat: Double
        public var newThreat: Double

        /// new − old.
        public var scoreChange: Double { newScore - oldScore }
        /// New tier index − old (minimal 0 … extreme 4): positive when the unit went up.
        public var tierChange: Int { newTier.tableIndex - oldTier.tableIndex }
    }

    /// A corridor in either report; a side it is missing from is nil.
    public struct CorridorChange: Sendable {
        public var name: String
        public var oldMaxScore: Double?
        public var newMaxScore: Double?
        public var oldMeanScore: Double?
        public var newMeanScore: Double?
        /// New minus old kilometres in each tier (a side the corridor is missing from counts 0).
        public var kmByTierChange: PerTier<Double>
    }

    public var old: ReportSnapshot
    public var new: ReportSnapshot
    /// Units in both, in the new report's order.
    public var units: [UnitChange]
    /// Units only in the new report, in its order.
    public var added: [ReportSnapshot.Unit]
    /// Units only in the old report, in its order.
    public var removed: [ReportSnapshot.Unit]
    /// The new report's corridors in its order, then those only the old one has.
    public var corridors: [CorridorChange]

    /// The diff of `old` and `new`.
    public init(old: ReportSnapshot, new: ReportSnapshot) {
        self.old = old
        self.new = new
        var oldByID: [String: ReportSnapshot.Unit] = [:]
        for u in old.units where oldByID[u.id] == nil { oldByID[u.id] = u }
        let newIDs = Set(new.units.map(\.id))
        units = new.units.compactMap { n in
            guard let o = oldByID[n.id] else { return nil }
            return UnitChange(id: n.id, assetName: n.assetName, startKm: n.startKm, endKm: n.endKm, place: n.place,
                              change: RiskModel.change(oldThreat: o.threat, newThreat: n.threat, oldIncidents: o.incidentCount,
                                                       newIncidents: n.incidentCount, tierMoved: o.tier != n.tier),
                              oldScore: o.score, newScore: n.score, oldTier: o.tier, newTier: n.tier,
                              oldThreat: o.threat, newThreat: n.threat)
        }
        added = new.units.filter { oldByID[$0.id] == nil }
        removed = old.units.filter { !newIDs.contains($0.id) }
        let oldCorridors = Dictionary(old.corridors.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let newNames = Set(new.corridors.map(\.name))
        corridors = new.corridors.map { n in
            let o = oldCorridors[n.name]
            return CorridorChange(name: n.name, oldMaxScore: o?.maxScore, newMaxScore: n.maxScore, oldMeanScore: o?.meanScore,
                                  newMeanScore: n.meanScore, kmByTierChange: PerTier { n.kmByTier[$0] - (o?.kmByTier[$0] ?? 0) })
        } + old.corridors.filter { !newNames.contains($0.name) }.map { o in
            CorridorChange(name: o.name, oldMaxScore: o.maxScore, newMaxScore: nil, oldMeanScore: o.meanScore,
                           newMeanScore: nil, kmByTierChange: PerTier { -o.kmByTier[$0] })
        }
    }

    /// Counts over the matched units (and the sizes of `added` and `removed`).
    public var summary: [(key: String, count: Int)] {
        [("tierUp", units.filter { $0.tierChange > 0 }.count),
         ("tierDown", units.filter { $0.tierChange < 0 }.count),
         ("sameTier", units.filter { $0.tierChange == 0 }.count),
         ("added", added.count), ("removed", removed.count)]
            + ThreatChange.allCases.map { c in (c.rawValue, units.filter { $0.change == c }.count) }
    }
}
