import Testing
import Foundation
@testable import CorridorRisk

/// Getis-Ord Gi* on five units, computed by hand.
@Suite struct HotSpotTests {
    /// Five points 30 km apart along a parallel: with a 50 km band each neighbours itself and
    /// the next ones only.
    let points = (0..<5).map { Build.offset(Build.origin, km: 30 * Double($0), azimuth: 90) }
    let x = [10.0, 8, 1, 0, 0]

    @Test func fiveUnitsByHand() async throws {
        let spots = try await HotSpots.compute(points: points, values: x, bandKm: 50)
        // n = 5, mean 3.8, S² = Σx²/n − mean² = 33 − 14.44 = 18.56.
        let s = 18.56.squareRoot()
        func z(_ sum: Double, _ k: Double) -> Double {
            (sum - 3.8 * k) / (s * ((5 * k - k * k) / 4).squareRoot())
        }
        let expected = [z(18, 2), z(19, 3), z(9, 3), z(1, 3), z(0, 2)]
        for (spot, want) in zip(spots, expected) {
            let spot = try #require(spot)
            #expect(abs(spot.z - want) < 1e-12)
            #expect(abs(spot.p - erfc(abs(want) / 2.0.squareRoot())) < 1e-15)
        }
        // z = 1.97105, 1.44039, −0.45486, −1.97105, −1.44039; p = 0.0487, 0.150, 0.649, 0.0487, 0.150.
        #expect(spots.map { $0!.bin } == [2, 0, 0, -2, 0])
        // Benjamini–Hochberg over five p-values (0.0487, 0.0487, 0.150, 0.150, 0.649): no k has
        // p₍ₖ₎ ≤ k·q/5 for q = 0.05 or 0.10, so the two ±2 bins are demoted to 0.
        #expect(spots.map { $0!.binFdr } == [0, 0, 0, 0, 0])
        #expect(abs(spots[0]!.z - 1.97105) < 1e-5 && abs(spots[2]!.z + 0.45486) < 1e-5)
    }

    @Test func undefinedCasesAreNull() async throws {
        // Fewer than three units.
        #expect(try await HotSpots.compute(points: Array(points.prefix(2)), values: [1, 2], bandKm: 50) == [nil, nil])
        // No variation at all.
        #expect(try await HotSpots.compute(points: points, values: [3, 3, 3, 3, 3], bandKm: 50).allSatisfy { $0 == nil })
        // A unit whose neighbourhood is every unit.
        let spots = try await HotSpots.compute(points: points, values: x, bandKm: 70)
        #expect(spots[2] == nil)      // 0, 30, 60 km either side: all five
        #expect(spots[0] != nil)      // its neighbourhood stops at 60 km
    }
}

/// The false-discovery-rate bins on hand-worked lists.
@Suite struct FDRTests {
    @Test func benjaminiHochbergByHand() {
        // m = 6, sorted p: 0.001, 0.008, 0.012, 0.03, 0.2, 0.6.
        // q = 0.01: k·q/m = 0.00167, 0.00333, 0.005 …: only p₍₁₎ = 0.001 passes → threshold 0.001.
        // q = 0.05: 0.00833, 0.0167, 0.025, 0.0333, 0.0417, 0.05: k = 4 (0.03 ≤ 0.0333) → threshold 0.03.
        // q = 0.10: 0.0167, 0.0333, 0.05, 0.0667, 0.0833, 0.1: k = 4 → threshold 0.03.
        let p: [Double?] = [0.012, 0.6, 0.001, 0.03, nil, 0.2, 0.008]
        let z: [Double?] = [2.5, 0.5, -3.3, 2.2, nil, -1.3, 2.65]
        #expect(RiskModel.fdrBins(p: p, z: z) == [2, 0, -3, 2, nil, 0, 2])
        // Unadjusted, the same p-values would have bins 2, 0, −3, 2, nil, 0, 3: FDR demotes the last.
        #expect(zip(p, z).map { p, z in p.map { RiskModel.hotSpotBin(p: $0, z: z!) } } == [2, 0, -3, 2, nil, 0, 3])
    }

    @Test func theBandAllowsOneMetre() {
        #expect(RiskModel.areNeighbours(distanceMetres: 50_000.9, bandKm: 50))
        #expect(!RiskModel.areNeighbours(distanceMetres: 50_001.1, bandKm: 50))
    }
}
