import GeoFoundation

/// Getis-Ord Gi* over all units with x = threat and binary weights: w_ij = 1 when the geodesic
/// distance between representative points is within the band (self included), then the
/// false-discovery-rate bins over all of them (METHOD §5).
enum HotSpots {
    static func compute(points: [Coordinate], values x: [Double], bandKm: Double) throws -> [HotSpot?] {
        let n = points.count
        guard n >= 3 else { return [HotSpot?](repeating: nil, count: n) }
        let mean = x.reduce(0, +) / Double(n)
        let s = RiskModel.standardDeviation(x, mean: mean)
        guard s > 0 else { return [HotSpot?](repeating: nil, count: n) }

        let neighbours = try neighbourLists(points, bandKm: bandKm)
        let z: [Double?] = (0..<n).map { i in
            RiskModel.giStar(neighbourSum: neighbours[i].reduce(0) { $0 + x[$1] }, neighbours: neighbours[i].count,
                             n: n, mean: mean, sd: s)
        }
        let p = z.map { $0.map(RiskModel.twoSidedP) }
        let fdr = RiskModel.fdrBins(p: p, z: z)
        return (0..<n).map { i in
            guard let zi = z[i], let pi = p[i], let fi = fdr[i] else { return nil }
            return HotSpot(z: zi, p: pi, bin: RiskModel.hotSpotBin(p: pi, z: zi), binFdr: fi)
        }
    }

    /// For each point, the points that are its neighbours (itself included), ascending, found
    /// through an STRtree of degree boxes and confirmed geodesically.
    static func neighbourLists(_ points: [Coordinate], bandKm: Double) throws -> [[Int]] {
        let geos = GEOSContext()
        let reach = bandKm * 1000 + 1
        let boxes = points.map { Envelope(minX: $0.x, minY: $0.y, maxX: $0.x, maxY: $0.y).widened(byMetres: reach) }
        let tree = try SpatialIndex(envelopes: boxes, in: geos)
        var hits: [Int] = []
        return try points.map { p in
            // The point itself and its copies 360° east and west, for neighbours across 180°.
            var found = Set<Int>()
            for copy in p.antimeridianCopies {
                try tree.query(Envelope(minX: copy.x, minY: copy.y, maxX: copy.x, maxY: copy.y), into: &hits)
                found.formUnion(hits)
            }
            return found.sorted().filter {
                RiskModel.areNeighbours(distanceMetres: Geodesic.wgs84.distance(p, points[$0]), bandKm: bandKm)
            }
        }
    }
}
