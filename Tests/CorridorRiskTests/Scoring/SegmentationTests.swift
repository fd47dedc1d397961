import Testing
import GeoFoundation
@testable import CorridorRisk

@Suite struct SegmentationTests {
    func chainages(_ km: Double) async throws -> [(Double, Double)] {
        try await Build.score([Build.line("L", km: km)], []).units.map { ($0.startKm, $0.endKm) }
    }

    @Test func aTailShorterThanHalfASegmentMergesIntoThePreviousOne() async throws {
        let c = try await chainages(34)
        #expect(c.count == 3)
        #expect(c[0] == (0, 10) && c[1] == (10, 20))
        #expect(c[2].0 == 20 && abs(c[2].1 - 34) < 1e-9)
    }

    @Test func aTailOfHalfASegmentOrMoreStandsAlone() async throws {
        let c = try await chainages(36)
        #expect(c.count == 4)
        #expect(c[3].0 == 30 && abs(c[3].1 - 36) < 1e-9)
    }

    @Test func aLineShorterThanOneSegmentIsOneSegment() async throws {
        let r = try await Build.score([Build.line("S", km: 4)], [])
        #expect(r.units.map(\.id) == ["S#1"])
        #expect(abs(r.units[0].lengthKm - 4) < 1e-9)
    }

    @Test func cutPointsLieOnTheGeodesicAtTheirChainage() async throws {
        let a = Coordinate(62.3, 25.1), b = Coordinate(64.4, 28.9)  // one long, oblique geodesic edge
        let r = try await Build.score([Asset(id: "E", kind: .road, geometry: .lineString([a, b]))], [])
        for u in r.units {
            guard case .lineString(let cs) = u.geometry else { Issue.record("segment is not a line"); continue }
            #expect(abs(Geodesic.wgs84.distance(a, cs.first!) / 1000 - u.startKm) < 1e-6)
            #expect(abs(Geodesic.wgs84.distance(a, cs.last!) / 1000 - u.endKm) < 1e-6)
            // The mid-chainage point is the representative point.
            #expect(abs(Geodesic.wgs84.distance(a, u.representativePoint) / 1000 - (u.startKm + u.endKm) / 2) < 1e-6)
        }
    }

    @Test func interiorVerticesBelongToTheirSegment() async throws {
        let v0 = Build.origin, v1 = Build.offset(v0, km: 7, azimuth: 0), v2 = Build.offset(v1, km: 7, azimuth: 90)
        let r = try await Build.score([Asset(id: "V", kind: .road, geometry: .lineString([v0, v1, v2]))], [])
        #expect(r.units.count == 1)  // 14 km: 10 + 4, and 4 < 5 merges
        guard case .lineString(let cs) = r.units[0].geometry else { return }
        #expect(cs == [v0, v1, v2])
    }

    @Test func multiLineStringChainageAccumulatesAndIdsContinue() async throws {
        let p1 = [Build.origin, Build.offset(Build.origin, km: 12, azimuth: 0)]
        let start2 = Build.offset(Build.origin, km: 50, azimuth: 90)
        let p2 = [start2, Build.offset(start2, km: 24, azimuth: 0)]
        let r = try await Build.score([Asset(id: "M", kind: .rail, geometry: .multiLineString([p1, p2]))], [])
        #expect(r.units.map(\.id) == ["M#1", "M#2", "M#3"])
        #expect(abs(r.units[0].endKm - 12) < 1e-9)            // 12 km part: one segment (2 < 5 merged)
        #expect(abs(r.units[1].startKm - 12) < 1e-9 && abs(r.units[1].endKm - 22) < 1e-9)
        #expect(abs(r.units[2].endKm - 36) < 1e-9)            // 24 = 10 + 14
    }

    @Test func zeroLengthPartsAreSkippedWithAWarningAndDuplicatesDropped() async throws {
        let p = Build.origin
        let asset = Asset(id: "Z", kind: .road, geometry: .multiLineString([[p, p], [p, p, Build.offset(p, km: 3, azimuth: 0)]]))
        let r = try await Build.score([asset], [])
        #expect(r.units.map(\.id) == ["Z#1"])
        #expect(abs(r.units[0].lengthKm - 3) < 1e-9)
        #expect(r.warnings == ["asset Z: part 1 has zero length and was skipped"])
    }

    @Test func sitesAreSingleUnitsWithTheirKernelArea() async throws {
        let square: Shape = .polygon([[Coordinate(62.33, 25.10), Coordinate(62.35, 25.10), Coordinate(62.35, 25.12),
                                       Coordinate(62.33, 25.12), Coordinate(62.33, 25.10)]])
        let r = try await Build.score([Build.site("P"), Asset(id: "Q", kind: .port, geometry: square)], [])
        #expect(r.units.map(\.id) == ["P", "Q"])
        #expect(r.units.allSatisfy { $0.startKm == 0 && $0.endKm == 0 && $0.lengthKm == 0 })
        // The polygon's representative point is its planar centroid.
        #expect(abs(r.units[1].representativePoint.x - 62.34) < 1e-12 && abs(r.units[1].representativePoint.y - 25.11) < 1e-12)
    }
}
