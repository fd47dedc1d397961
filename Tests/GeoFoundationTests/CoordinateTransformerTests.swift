import Testing
@testable import GeoFoundation
import TestSupport

@Suite struct CoordinateTransformerTests {
    @Test func axisOrderIsLonLatEvenForEPSG4326() throws {
        // UTM zone 42N has its central meridian at 69 E: the equator there is (500000, 0).
        let utm = try CoordinateTransformer(to: "EPSG:32642", in: ProjContext())
        let p = try utm.forward(Coordinate(69, 0))
        #expect(abs(p.x - 500_000) < 1e-6)
        #expect(abs(p.y) < 1e-6)
    }

    @Test func roundTripsWithinANanodegree() throws {
        let tm = try CoordinateTransformer.transverseMercator(centralMeridian: 66.5, in: ProjContext())
        var points: [Coordinate] = []
        var rng = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            points.append(Coordinate(64 + rng.unit() * 5, 24 + rng.unit() * 8))
        }
        var projected = points
        try tm.forward(&projected)
        #expect(projected != points)
        var back = projected
        try tm.inverse(&back)
        for (p, q) in zip(points, back) {
            #expect(abs(p.x - q.x) < 1e-9 && abs(p.y - q.y) < 1e-9)
        }
    }

    @Test func localTransverseMercatorIsNearlyDistanceTrue() throws {
        // Within 100 km of the central meridian a planar distance stays within 0.02 % of the
        // geodesic one: the property the scoring's GEOS distances rely on.
        let tm = try CoordinateTransformer.transverseMercator(centralMeridian: 67, in: ProjContext())
        let a = Coordinate(67.9, 29.5), b = Coordinate(68.1, 29.7)
        let pa = try tm.forward(a), pb = try tm.forward(b)
        let planar = ((pa.x - pb.x) * (pa.x - pb.x) + (pa.y - pb.y) * (pa.y - pb.y)).squareRoot()
        let geodesic = Geodesic.wgs84.distance(a, b)
        #expect(abs(planar - geodesic) / geodesic < 2e-4)
    }

    @Test func anUnknownCRSIsAnErrorNotALogLine() throws {
        #expect(throws: PROJError.self) {
            _ = try CoordinateTransformer(to: "EPSG:999999", in: ProjContext())
        }
    }

    @Test func anImpossiblePointIsAnErrorNamingIt() throws {
        let utm = try CoordinateTransformer(to: "EPSG:32642", in: ProjContext())
        var points = [Coordinate(69, 10), Coordinate(69, 95)]
        do {
            try utm.forward(&points)
            Issue.record("a latitude of 95 degrees must not transform")
        } catch let error as PROJError {
            #expect(error.message.contains("point 1"))
        }
    }
}
