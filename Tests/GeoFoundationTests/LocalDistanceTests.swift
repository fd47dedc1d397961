import GeoFoundation
import Testing
import TestSupport

/// The quick short-distance estimate against PROJ's geodesics (GeographicLib).
@Suite struct LocalDistanceTests {
    @Test func theEstimateIsWithinItsStatedErrorBelowEightyDegrees() {
        var rng = SplitMix64(seed: 13)
        var worst = 0.0
        for _ in 0..<100_000 {
            let a = Coordinate(-180 + rng.unit() * 360, -79 + rng.unit() * 158)
            let d = rng.unit() * 100_000
            let b = Geodesic.wgs84.direct(from: a, azimuth: rng.unit() * 360, distance: d).point
            guard abs(b.y) <= 80, d > 1 else { continue }
            let estimate = LocalDistance.estimate(LocalDistance.Site(a), LocalDistance.Site(b))
            worst = max(worst, abs(estimate - d) / d)
        }
        #expect(worst < 3.5e-4, "worst relative error \(worst)")
        #expect(worst * 5 < LocalDistance.margin(forBandMetres: 100_000))
    }

    @Test func theShortWayRoundIsTakenAcrossTheAntimeridian() {
        let a = Coordinate(179.9, 10), b = Coordinate(-179.9, 10)
        let d = LocalDistance.estimate(LocalDistance.Site(a), LocalDistance.Site(b))
        #expect(abs(d - Geodesic.wgs84.distance(a, b)) < 10)
    }
}
