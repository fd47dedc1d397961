import GeoFoundation
import Testing
import TestSupport
@testable import CorridorRisk

/// The Gi* neighbourhoods found through the STRtree and the quick distance estimate equal a
/// brute-force scan with exact geodesics, for any number of workers, including pairs a few
/// centimetres either side of the band, near the poles and across the antimeridian.
@Suite struct HotSpotNeighbourTests {
    /// Brute force: every pair, exact geodesic, ascending order.
    func bruteForce(_ points: [Coordinate], _ values: [Double], bandKm: Double) -> [(count: Int, sum: Double)] {
        points.indices.map { i in
            var count = 0, sum = 0.0
            for j in points.indices where RiskModel.areNeighbours(distanceMetres: Geodesic.wgs84.distance(points[i], points[j]), bandKm: bandKm) {
                count += 1
                sum += values[j]
            }
            return (count, sum)
        }
    }

    func expectSame(_ points: [Coordinate], _ values: [Double], bandKm: Double, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let expected = bruteForce(points, values, bandKm: bandKm)
        for workers in [1, 3] {
            let got = try await HotSpotNeighbours(points: points, bandKm: bandKm).sums(of: values, parallelism: workers)
            #expect(got.map(\.count) == expected.map(\.count), sourceLocation: sourceLocation)
            #expect(got.map(\.sum) == expected.map(\.sum), "summed in the same order", sourceLocation: sourceLocation)
        }
    }

    @Test func randomPointsOverPakistanMatchABruteForceScan() async throws {
        var rng = SplitMix64(seed: 11)
        let points = (0..<1_500).map { _ in Coordinate(61 + rng.unit() * 14, 24 + rng.unit() * 13) }
        let values = points.indices.map { _ in rng.unit() * 10 }
        try await expectSame(points, values, bandKm: 50)
        try await expectSame(points, values, bandKm: 300)
    }

    @Test func pairsAtTheEdgeOfTheBandAreDecidedExactly() async throws {
        // Partners placed 50 km + 1 m ± a few centimetres away, in every direction and latitude.
        var rng = SplitMix64(seed: 12)
        var points: [Coordinate] = []
        for k in 0..<400 {
            let a = Coordinate(-179.5 + rng.unit() * 359, -85 + rng.unit() * 170)
            let d = 50_001 + (k % 2 == 0 ? -0.03 : 0.03)
            points.append(a)
            points.append(Geodesic.wgs84.direct(from: a, azimuth: rng.unit() * 360, distance: d).point)
        }
        for i in points.indices where abs(points[i].x) > 180 { points[i] = Coordinate(points[i].x - 360 * (points[i].x > 0 ? 1 : -1), points[i].y) }
        try await expectSame(points, points.indices.map(Double.init), bandKm: 50)
    }
}
