import Testing
import Foundation
import SyntheticData
@testable import CorridorRisk
import TestSupport

/// Properties that must hold for any input.
@Suite struct ScoringPropertyTests {
    static func randomCase(seed: UInt64, count: Int = 400) -> ([Asset], [Incident]) {
        var rng = SplitMix64(seed: seed)
        let assets = [
            Build.line("A", km: 60, from: Coordinate(66.9, 29.7)),
            Asset(id: "B", kind: .road, geometry: .lineString([Coordinate(66.5, 30.0), Coordinate(67.4, 30.1), Coordinate(67.5, 30.5)])),
            Build.site("P", at: Coordinate(67.1, 30.1), cpec: true),
        ]
        let incidents = (0..<count).map { i in
            Build.incident("R\(i)", at: Coordinate(66.3 + rng.unit() * 1.4, 29.5 + rng.unit() * 1.2),
                           date: "20\(18 + i % 8)-0\(1 + i % 9)-2\(i % 8)",
                           precision: LocationPrecision(rawValue: 1 + i % 3)!,
                           category: IncidentCategory.allCases[i % IncidentCategory.allCases.count],
                           targets: [IncidentTarget.allCases[i % IncidentTarget.allCases.count]],
                           fatalities: i % 7, injured: i % 4, hostages: i % 11 == 0 ? 20 : 0)
        }
        return (assets, incidents)
    }

    @Test(arguments: [UInt64(11), 12])
    func contributionsSumToExposure(seed: UInt64) async throws {
        let (assets, incidents) = Self.randomCase(seed: seed)
        var p = ModelParameters.defaults
        p.topIncidents = 100_000
        let report = try await Build.score(assets, incidents, asOf: "2023-06-30", parameters: p)
        for u in report.units where u.incidentCount > 0 {
            #expect(u.topIncidents.count == u.incidentCount)
            let sum = u.topIncidents.reduce(0) { $0 + $1.contribution }
            #expect(abs(sum - u.exposure) <= 1e-12 * u.exposure)
            #expect(abs(u.topIncidents.reduce(0) { $0 + $1.share } - 1) < 1e-12)
            let squares = u.topIncidents.reduce(0) { $0 + $1.contribution * $1.contribution }
            #expect(abs(u.effectiveIncidents - u.exposure * u.exposure / squares) <= 1e-9 * u.effectiveIncidents)
        }
    }

    @Test func theAccountingIdentityHolds() async throws {
        let (assets, incidents) = Self.randomCase(seed: 5)
        var csv = IncidentWriter.nativeCSV(incidents)
        csv += "BAD1,2024-01-01,67,95,1,bombing,rail,0,0,0\nBAD2,2024-01-01,67,30,7,bombing,rail,0,0,0\nR3,2020-01-01,67,30,1,bombing,rail,0,0,0\n"
        let set = try await IncidentReader.read(bytes: Array(csv.utf8), name: "r.csv")
        let r = try await RiskScorer().score(infrastructure: Infrastructure(file: "t", assets: assets), incidents: [set],
                                             asOf: CalendarDay(iso: "2022-12-31"))
        let a = r.incidents
        #expect(a.read == incidents.count + 3)
        #expect(a.rejected == 3 && r.rejected.count == 3)
        #expect(a.future > 0 && a.beyondRadius > 0 && a.used > 0)
        #expect(a.read == a.rejected + a.future + a.excluded + a.beyondRadius + a.used)
    }

    @Test(arguments: [UInt64(21), 22, 23])
    func addingAnIncidentNeverLowersAnyExposure(seed: UInt64) async throws {
        let (assets, incidents) = Self.randomCase(seed: seed, count: 300)
        let before = try await Build.score(assets, incidents)
        var rng = SplitMix64(seed: seed * 7)
        let extra = Build.incident("EXTRA", at: Coordinate(66.8 + rng.unit() * 0.6, 29.8 + rng.unit() * 0.5), category: .hijacking)
        let after = try await Build.score(assets, incidents + [extra])
        for (b, a) in zip(before.units, after.units) {
            #expect(a.exposure >= b.exposure, "\(a.id)")
        }
    }

    @Test func movingAnIncidentFartherNeverRaisesItsContribution() async throws {
        let assets = [Build.line("A", km: 20), Build.site("P", at: Build.offset(Build.origin, km: 60, azimuth: 0))]
        var last = [Double](repeating: .infinity, count: 2)
        for step in 0..<30 {
            // Eastward from the line's middle, and from the site: distances grow with each step.
            let km = Double(step)
            let x = [Build.incident("X", at: Build.offset(Build.offset(Build.origin, km: 10, azimuth: 0), km: km, azimuth: 90)),
                     Build.incident("Y", at: Build.offset(assets[1].geometry.allCoordinates[0], km: km, azimuth: 90))]
            let r = try await Build.score(assets, x)
            let now = [r.units.filter { $0.assetId == "A" }.flatMap(\.topIncidents).filter { $0.id == "X" }.map(\.contribution).reduce(0, +),
                       r.units.last!.topIncidents.first { $0.id == "Y" }?.contribution ?? 0]
            for k in 0..<2 { #expect(now[k] <= last[k], "step \(step)") }
            last = now
        }
        #expect(last == [0, 0])
    }

    @Test func theSameInputGivesTheSameBytesWhateverTheWorkerCount() async throws {
        let (assets, incidents) = Self.randomCase(seed: 99, count: 20_000)
        let bytes = try await [1, 2, 3, 8].asyncMap { try await Build.score(assets, incidents, parallelism: $0).jsonData() }
        #expect(bytes.allSatisfy { $0 == bytes[0] })
    }

    /// Widening an incident's uncertainty spreads it: it reaches at least the units it reached
    /// before, never more than the spread kernel's peak (R/R_i)² · s·p·g·D, which falls as ρ grows,
    /// and less than before on any unit within R/√3 of it (there K_i(d) falls with R_i; farther
    /// out it rises, which is the point of spreading: a vague report reaches farther).
    @Test(arguments: [UInt64(31), 32])
    func wideningTheUncertaintySpreadsAnIncidentWithoutRaisingItsPeak(seed: UInt64) async throws {
        let (assets, incidents) = Self.randomCase(seed: seed, count: 150)
        let byID = Dictionary(uniqueKeysWithValues: incidents.map { ($0.id, $0) })
        func pairs(_ rho: Double) async throws -> [String: [String: TopIncident]] {
            var p = ModelParameters.defaults
            p.topIncidents = 100_000
            p.uncertaintyKm = PerPrecision { _ in rho }
            var out: [String: [String: TopIncident]] = [:]
            for u in try await Build.score(assets, incidents, asOf: "2025-12-31", parameters: p).units {
                for t in u.topIncidents { out[t.id, default: [:]][u.id] = t }
            }
            return out
        }
        let rhos = [0.0, 20, 60]
        let runs = try await rhos.asyncMap { try await pairs($0) }
        #expect(runs[0].count > 20)
        for (id, narrow) in runs[0] {
            let i = try #require(byID[id])
            let peak = { (rho: Double) -> Double in
                let ri = RiskModel.spreadRadius(radius: 25, uncertainty: rho)
                return PreparedIncidents.weight(of: i, .defaults) * 1.5 * RiskModel.spreadScale(radius: 25, spreadRadius: ri)
                    * RiskModel.decay(ageDays: i.date.days(until: CalendarDay(iso: "2025-12-31")!), halfLifeDays: 365)
            }
            for k in 1..<rhos.count {
                let wide = try #require(runs[k][id], "\(id) reaches nothing when spread")
                #expect(Set(wide.keys).isSuperset(of: runs[k - 1][id].map { Set($0.keys) } ?? []), "\(id)")
                #expect(wide.values.allSatisfy { $0.contribution <= peak(rhos[k]) * (1 + 1e-12) })
                #expect(peak(rhos[k]) < peak(rhos[k - 1]))
                for (unit, before) in runs[k - 1][id] ?? [:] where before.distanceKm < 25 / 3.0.squareRoot() {
                    #expect(try #require(wide[unit]).contribution <= before.contribution * (1 + 1e-12), "\(id) on \(unit)")
                }
            }
            #expect(narrow.values.allSatisfy { $0.contribution <= peak(0) * (1 + 1e-12) })
        }
    }

    /// The smoothed threat lies between the unit's threat and the network's rate, inside its
    /// interval; the history ends on the threat.
    @Test(arguments: [UInt64(41), 42])
    func smoothingShrinksTowardsTheNetworkAndTheHistoryEndsOnTheThreat(seed: UInt64) async throws {
        let (assets, incidents) = Self.randomCase(seed: seed, count: 300)
        let report = try await Build.score(assets, incidents, asOf: "2024-06-30")
        let e = report.units.map(\.exposure)
        let sq = report.units.map { $0.effectiveIncidents > 0 ? $0.exposure * $0.exposure / $0.effectiveIncidents : 0 }
        let w = report.units.map { $0.threat > 0 ? 1000 * $0.exposure / $0.threat : 1 }
        let prior = try #require(RiskModel.smoothingPrior(exposure: e, sumOfSquares: sq, kernelAreaKm2: w))
        let network = prior.phi * prior.mean
        for u in report.units {
            let s = try #require(u.smoothed)
            #expect(s.threat >= min(u.threat, network) * (1 - 1e-9) && s.threat <= max(u.threat, network) * (1 + 1e-9), "\(u.id)")
            #expect(s.low <= s.threat && s.threat <= s.high)
            #expect(u.history.last == u.threat)
            #expect(u.history.count == 12)
        }
    }
}


extension Array {
    func asyncMap<T>(_ f: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        for e in self { out.append(try await f(e)) }
        return out
    }
}
