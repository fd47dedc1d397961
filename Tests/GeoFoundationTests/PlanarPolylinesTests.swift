import GeoFoundation
import Testing
import TestSupport

/// The join's point-to-polyline kernel against GEOS's distance, the reference, on a million
/// random pairs: lines with two to forty vertices, multi-part lines, points, repeated vertices.
@Suite struct PlanarPolylinesTests {
    @Test func aMillionRandomPairsAgreeWithGEOSToOneInABillion() throws {
        var rng = SplitMix64(seed: 21)
        let geos = GEOSContext()
        var items = PlanarPolylines()
        var references: [Geometry] = []
        func vertex() -> Coordinate { Coordinate(rng.unit() * 100_000 - 50_000, rng.unit() * 100_000 - 50_000) }
        for k in 0..<1_000 {
            let runs: [[Coordinate]]
            switch k % 10 {
            case 0: runs = [[vertex()]]                                              // a point site
            case 1: runs = [(0..<(2 + rng.below(6))).map { _ in vertex() }, (0..<(2 + rng.below(6))).map { _ in vertex() }]
            case 2: let v = vertex(); runs = [[v, v, vertex(), vertex()]]          // a repeated vertex
            default:
                var p = vertex()
                runs = [(0..<(2 + rng.below(39))).map { _ in
                    p = Coordinate(p.x + rng.unit() * 4_000 - 2_000, p.y + rng.unit() * 4_000 - 2_000)
                    return p
                }]
            }
            items.append(runs: runs)
            let shape: Shape = runs.count > 1 ? .multiLineString(runs) : (runs[0].count == 1 ? .point(runs[0][0]) : .lineString(runs[0]))
            references.append(try Geometry(shape, in: geos))
        }
        var worst = 0.0
        for _ in 0..<1_000_000 {
            let h = rng.below(items.count)
            let p = Coordinate(rng.unit() * 140_000 - 70_000, rng.unit() * 140_000 - 70_000)
            let ours = items.nearest(toX: p.x, y: p.y, item: h).squaredDistance.squareRoot()
            let reference = try references[h].distance(to: try Geometry(point: p, in: geos))
            let error = abs(ours - reference) / max(reference, 1)
            worst = max(worst, error)
        }
        #expect(worst <= 1e-9, "worst relative difference \(worst)")
    }

    @Test func theNearestPointsEastingIsReturned() {
        var items = PlanarPolylines()
        items.append(runs: [[Coordinate(0, 0), Coordinate(1_000, 0)], [Coordinate(5_000, 5_000)]])
        let onLine = items.nearest(toX: 300, y: 40, item: 0)
        #expect(onLine.squaredDistance == 1_600 && onLine.x == 300)
        let atVertex = items.nearest(toX: 5_100, y: 5_000, item: 0)
        #expect(atVertex.squaredDistance == 10_000 && atVertex.x == 5_000)
    }
}

/// The transverse Mercator's line scale factor: a planar distance divided by it equals the
/// geodesic one, where the plain planar distance is measurably long.
@Suite struct TransverseMercatorScaleTests {
    @Test func correctedPlanarDistancesEqualGeodesics() throws {
        var rng = SplitMix64(seed: 22)
        let tm = try CoordinateTransformer.transverseMercator(centralMeridian: 67, in: ProjContext())
        var worstPlain = 0.0, worstCorrected = 0.0
        for _ in 0..<20_000 {
            let a = Coordinate(67 + (rng.unit() - 0.5) * 2.8, -60 + rng.unit() * 120)
            let b = Geodesic.wgs84.direct(from: a, azimuth: rng.unit() * 360, distance: 100 + rng.unit() * 60_000).point
            var projected = [a, b]
            try tm.forward(&projected)
            let (p, q) = (projected[0], projected[1])
            guard abs(p.x) <= 150_000, abs(q.x) <= 150_000 else { continue }
            let planar = ((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)).squareRoot()
            let geodesic = Geodesic.wgs84.distance(a, b)
            let r2 = TransverseMercatorScale.radiusProduct(latitude: (a.y + b.y) / 2)
            let corrected = TransverseMercatorScale.ellipsoidalLength(planar: planar, x1: p.x, x2: q.x, radiusProduct: r2)
            worstPlain = max(worstPlain, abs(planar - geodesic) / geodesic)
            worstCorrected = max(worstCorrected, abs(corrected - geodesic) / geodesic)
            #expect(planar / geodesic <= TransverseMercatorScale.maximum(withinEasting: 150_000) + 1e-9)
        }
        #expect(worstPlain > 1e-4, "the uncorrected distance is long by up to \(worstPlain)")
        #expect(worstCorrected < 1e-7, "corrected: \(worstCorrected)")
    }
}
