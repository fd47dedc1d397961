import Testing
import Foundation
@testable import CorridorRisk

/// Getis-Ord Gi* on five units, computed by hand.
@Suite struct HotSpotTests {
    /// Five points 30 km apart along a parallel: with a 50 km band each neighbours itself and
    /// the next ones only.
    let points = (0..<5).map { Build.offset(Build.origin, km: 30 * Double($0), azimuth: 90) }
    let x = [10.0, 8, 1, 0, 0]

    @Test func fiveUnitsByHand() throws {
        let spots = try HotSpots.compute(points: points, values: x, distanceKm: 50)
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
        #expect(abs(spots[0]!.z - 1.97105) < 1e-5 && abs(spots[2]!.z + 0.45486) < 1e-5)
    }

    @Test func undefinedCasesAreNull() throws {
        // Fewer than three units.
        #expect(try HotSpots.compute(points: Array(points.prefix(2)), values: [1, 2], distanceKm: 50) == [nil, nil])
        // No variation at all.
        #expect(try HotSpots.compute(points: points, values: [3, 3, 3, 3, 3], distanceKm: 50).allSatisfy { $0 == nil })
        // A unit whose neighbourhood is every unit.
        let spots = try HotSpots.compute(points: points, values: x, distanceKm: 70)
        #expect(spots[2] == nil)      // 0, 30, 60 km either side: all five
        #expect(spots[0] != nil)      // its neighbourhood stops at 60 km
    }
}
