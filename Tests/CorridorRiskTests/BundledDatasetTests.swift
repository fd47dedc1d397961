import Testing
@testable import CorridorRisk

/// The bundled Balochistan dataset: it loads cleanly, its counts are pinned, and its headline
/// results are ones a reader can check against the data.
@Suite struct BundledDatasetTests {
    static func load() async throws -> (Infrastructure, IncidentSet) {
        (try InfrastructureReader.read(path: FixturePath.of("balochistan/infrastructure.geojson")),
         try await IncidentReader.read(path: FixturePath.of("balochistan/incidents.csv")))
    }

    @Test func loadsWithZeroRejectionsAndPinnedCounts() async throws {
        let (infra, set) = try await Self.load()
        #expect(infra.warnings.isEmpty)
        var byKind: [AssetKind: Int] = [:]
        for a in infra.assets { byKind[a.kind, default: 0] += 1 }
        #expect(byKind == [.rail: 4, .road: 9, .port: 2, .airport: 5, .station: 2, .mine: 2, .powerPlant: 2,
                           .dam: 1, .borderCrossing: 1, .other: 1])
        #expect(set.format == .native)
        #expect(set.rejected.isEmpty)
        #expect(set.read == 41 && set.incidents.count == 41)
    }

    @Test func theFourFoundingIncidentsArePresent() async throws {
        let (_, set) = try await Self.load()
        let byID = Dictionary(uniqueKeysWithValues: set.incidents.map { ($0.id, $0) })
        let jaffar = try #require(byID["inc_2025_03_jaffar_hijack"])
        #expect(jaffar.date.description == "2025-03-11")
        #expect(jaffar.category == .hijacking)
        #expect(jaffar.targets.contains(.rail))
        #expect(jaffar.hostages == 354)
        #expect(try #require(byID["inc_2024_11_quetta_station"]).date.description == "2024-11-09")
        let duki = try #require(byID["inc_2024_10_duki_mines"])
        #expect(duki.date.components.year == 2024 && duki.date.components.month == 10)
        #expect(duki.targets.contains(.mining))
        #expect(try #require(byID["inc_2021_07_dasu_bus"]).date.description == "2021-07-14")
    }

    @Test func theBolanPassRailSegmentsCarryTheHighestRiskAtTheEndOfMarch2025() async throws {
        let (infra, set) = try await Self.load()
        let report = try await RiskScorer().score(infrastructure: infra, incidents: [set], asOf: CalendarDay(iso: "2025-03-31"))
        #expect(report.incidents.read == 41 && report.incidents.rejected == 0)
        // The hijacking and the later incidents are not yet known on 31 March 2025.
        #expect(report.incidents.future == 6)
        let ranked = report.units.sorted { $0.risk > $1.risk }
        // ML-3 reaches Sibi at its km 240 (schematic chainage) and climbs through the Bolan Pass
        // to Mach and Quetta; the three riskiest units of the whole network are there, around
        // the hijack site, with the Jaffar Express hijacking as their main incident.
        for unit in ranked.prefix(3) {
            #expect(unit.assetId == "rail-ml3-rohri-quetta", "\(unit.id)")
            #expect(unit.startKm >= 240 && unit.endKm <= 300, "\(unit.id) at km \(unit.startKm)")
            #expect(unit.topIncidents.first?.id == "inc_2025_03_jaffar_hijack")
            #expect(unit.tier == .extreme)
            #expect(unit.hotspot?.bin == 3)
            #expect(unit.trend.direction == .rising)
        }
        let route = try #require(report.corridors.first { $0.name == "Jaffar Express route" })
        #expect(route.maxScore == ranked.filter { $0.corridors.contains("Jaffar Express route") }.map(\.score).max())
    }

    /// The Spezand derailments of August and September 2025 are coded to Mastung's point with
    /// precision 3 (region only): spread over 50 km of uncertainty they reach more segments than
    /// a point-placed report would, each less.
    @Test func theRegionOnlySpezandReportsReachMoreSegmentsEachLess() async throws {
        let (infra, set) = try await Self.load()
        func reach(_ model: PrecisionModel) async throws -> (units: Int, largest: Double) {
            var p = ModelParameters.defaults
            p.precisionModel = model
            p.topIncidents = 1000
            let r = try await RiskScorer(parameters: p).score(infrastructure: infra, incidents: [set])
            let hits = r.units.flatMap { $0.topIncidents.filter { $0.id.hasPrefix("inc_2025_0") && $0.id.hasSuffix("_spezand_jaffar") } }
            return (Set(r.units.filter { $0.topIncidents.contains { $0.id == "inc_2025_09_spezand_jaffar" } }.map(\.id)).count,
                    hits.map(\.contribution).max() ?? 0)
        }
        let spread = try await reach(.spread), point = try await reach(.weight)
        #expect(spread.units > point.units, "\(spread.units) vs \(point.units) units")
        #expect(spread.largest < point.largest)
    }
}
