import Testing
import GeoFoundation
import Foundation
@testable import CorridorRisk

/// Contributions computed by hand from spec §3.
@Suite struct ContributionTests {
    @Test func oneIncidentAtAKnownDistanceAndAge() async throws {
        // A point site and a bombing exactly 10 km away, 365 days old, precision 2, 2 dead, 3 hurt.
        let x = Build.incident("B", at: Build.offset(Build.origin, km: 10, azimuth: 57), date: "2024-01-01",
                               precision: .nearTown, category: .bombing, fatalities: 2, injured: 3)
        let decay = 0.5                                                                 // 2^(−365/365)
        let severity = 2.0 * (1 + log(1 + 2 + 0.5 * 3))                                 // bombing
        let area = Double.pi * 25 * 25 / 3
        // v2.0: ρ = 10 km widens the kernel to R_i = √(25² + 10²) and lowers it by (25/R_i)²; p = 0.8.
        let ri = (25.0 * 25 + 10 * 10).squareRoot()
        let spread = 25 * 25 / (ri * ri) * (1 - (10 / ri) * (10 / ri)) * (1 - (10 / ri) * (10 / ri))
        // v1.1 (the weight model): the plain kernel and p = 0.6.
        let plain = (1 - (10.0 / 25) * (10.0 / 25)) * (1 - (10.0 / 25) * (10.0 / 25))  // 0.7056
        let v11 = try ModelParameters.load(path: FixturePath.of("models/v1.1.json"))
        for (parameters, c) in [(ModelParameters.defaults, severity * 0.8 * spread * decay),
                                (v11, severity * 0.6 * plain * decay)] {                // port: target not relevant
            let u = try await Build.score([Build.site("P", criticality: 2)], [x], parameters: parameters).units[0]
            #expect(close(u.exposure, c, digits: 7))
            #expect(close(u.threat, 1000 * c / area, digits: 7))
            #expect(close(u.risk, 2 * 1000 * c / area, digits: 7))
            #expect(close(u.score, 100 * (1 - exp(-2 * 1000 * c / area / 10)), digits: 7))
            #expect(u.incidentCount == 1 && u.effectiveIncidents == 1)
            let top = try #require(u.topIncidents.first)
            #expect(abs(top.distanceKm - 10) < 0.001)  // within 1 m of the geodesic value
            #expect(top.ageDays == 365 && top.share == 1)
        }
    }

    @Test func anIncidentInsideAPolygonSiteIsAtDistanceZero() async throws {
        let square: Shape = .polygon([[Coordinate(62.30, 25.10), Coordinate(62.36, 25.10), Coordinate(62.36, 25.16),
                                       Coordinate(62.30, 25.16), Coordinate(62.30, 25.10)]])
        let x = Build.incident("IN", at: Coordinate(62.31, 25.15), category: .armedAssault)
        let r = try await Build.score([Asset(id: "Q", kind: .port, geometry: square)], [x])
        let top = try #require(r.units[0].topIncidents.first)
        #expect(top.distanceKm == 0)
        #expect(close(top.contribution, 2.0 * (1 + log(1.0))))  // K(0) = 1, D(0) = 1, s = w_cat
    }

    @Test func theTargetMultiplierAppliesOnlyToRelevantPairs() async throws {
        let near = Build.offset(Build.origin, km: 5, azimuth: 90)
        let rail = Build.incident("R", at: near, targets: [.rail])
        let plain = Build.incident("O", at: near, targets: [.security])
        let onRail = try await Build.score([Build.site("S", kind: .station)], [rail]).units[0].exposure
        let offRail = try await Build.score([Build.site("S", kind: .station)], [plain]).units[0].exposure
        #expect(close(onRail / offRail, 1.5))
    }

    /// Spec §3: which targets are relevant to which assets.
    @Test func eachTargetRelevancePair() {
        let expected: [AssetKind: TargetSet] = [
            .rail: [.rail], .station: [.rail], .road: [.road], .borderCrossing: [.road],
            .pipeline: [.energy], .powerPlant: [.energy], .dam: [.energy], .port: [.maritime],
            .airport: [.aviation], .mine: [.mining], .other: [],
        ]
        for kind in AssetKind.allCases {
            let asset = Asset(id: "a", kind: kind, geometry: .point(Build.origin))
            #expect(RiskModel.relevantTargets(kind: asset.kind, cpec: asset.cpec) == expected[kind]!, "\(kind)")
            var cpec = asset
            cpec.cpec = true
            #expect(RiskModel.relevantTargets(kind: cpec.kind, cpec: cpec.cpec) == expected[kind]!.union([.foreignNationals]))
        }
        // Security, civilians, government and other are relevant to no asset.
        let never = TargetSet([.security, .civilians, .government, .other])
        for kind in AssetKind.allCases {
            #expect(RiskModel.relevantTargets(kind: kind, cpec: true).isDisjoint(with: never))
        }
    }

    @Test func incidentsBeyondTheRadiusOrInTheFutureAreCountedNotUsed() async throws {
        let far = Build.incident("FAR", at: Build.offset(Build.origin, km: 25.5, azimuth: 0))
        let later = Build.incident("LATER", at: Build.origin, date: "2025-01-01")
        let used = Build.incident("USED", at: Build.origin)
        let r = try await Build.score([Build.site("P")], [far, later, used])
        #expect(r.incidents == IncidentAccounting(read: 3, rejected: 0, future: 1, excluded: 0, beyondRadius: 1, used: 1))
        #expect(r.units[0].topIncidents.map(\.id) == ["USED"])
    }

    @Test func aCategoryWeightedZeroIsExcludedAndAZeroPrecisionFactorReachesNoUnit() async throws {
        var p = ModelParameters.defaults
        p.categoryWeights[.unrest] = 0
        p.precisionFactors[.region] = 0
        let r = try await Build.score([Build.site("P")], [
            Build.incident("U", at: Build.origin, category: .unrest),
            Build.incident("N", at: Build.origin, category: .nonViolent),
            Build.incident("R", at: Build.origin, precision: .region),
            Build.incident("B", at: Build.origin),
        ], parameters: p)
        #expect(r.incidents == IncidentAccounting(read: 4, rejected: 0, future: 0, excluded: 2, beyondRadius: 1, used: 1))
        #expect(r.units[0].incidentCount == 1)
    }

    @Test func withoutValidIncidentsEveryUnitScoresZeroAndAsOfIsNull() async throws {
        let r = try await Build.score([Build.line("L", km: 15), Build.site("P")], [], asOf: nil)
        #expect(r.asOf == nil)
        #expect(r.units.allSatisfy { $0.score == 0 && $0.tier == .minimal && $0.trend.direction == .none })
        #expect(String(decoding: r.jsonData(), as: UTF8.self).contains("\"asOf\": null"))
    }

    @Test func topIncidentsTieBreakOnTheSmallerId() async throws {
        let at = Build.offset(Build.origin, km: 3, azimuth: 10)
        let r = try await Build.score([Build.site("P")], ["b", "B", "a", "A2", "A10"].map { Build.incident($0, at: at) })
        // Equal contributions: code-point order, so uppercase before lowercase and "A10" before "A2".
        #expect(r.units[0].topIncidents.map(\.id) == ["A10", "A2", "B", "a", "b"])
    }
}

/// Units and incidents on either side of the 180° meridian (Fiji, the Chukotka coast).
@Suite struct AntimeridianTests {
    @Test func incidentsAcrossTheAntimeridianReachAUnit() async throws {
        let port = Coordinate(179.95, -17.0)
        let west = Build.incident("W", at: Coordinate(179.90, -17.0))     // about 5 km west
        let east = Build.incident("E", at: Coordinate(-179.98, -17.0))    // about 7.5 km east, across 180°
        let r = try await Build.score([Build.site("P", at: port)], [west, east])
        let found = Dictionary(uniqueKeysWithValues: r.units[0].topIncidents.map { ($0.id, $0.distanceKm) })
        #expect(Set(found.keys) == ["W", "E"])
        #expect(abs(found["E"]! - Geodesic.wgs84.distance(port, east.location) / 1000) < 0.001)
        #expect(r.incidents.used == 2)
    }

    @Test func hotSpotNeighboursAreFoundAcrossTheAntimeridian() async throws {
        let sums = try await HotSpotNeighbours(points: [Coordinate(179.9, 60), Coordinate(-179.9, 60), Coordinate(170, 60)], bandKm: 50)
            .sums(of: [1, 10, 100], parallelism: 2)
        #expect(sums.map(\.count) == [2, 2, 1] && sums.map(\.sum) == [11, 11, 100])
    }
}
