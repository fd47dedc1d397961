import GeoFoundation

/// Getis-Ord Gi* over all units with x = threat and binary weights: w_ij = 1 when the geodesic
/// distance between representative points is at most `hotspotKm` (self included) (METHOD §5).
enum HotSpots {
    static func compute(points: [Coordinate], values x: [Double], distanceKm: Double) throws -> [HotSpot?] {
        let n = points.count
        guard n >= 3 else { return [HotSpot?](repeating: nil, count: n) }
        let mean = x.reduce(0, +) / Double(n)
        let s = RiskModel.standardDeviation(x, mean: mean)
        guard s > 0 else { return [HotSpot?](repeating: nil, count: n) }

        let neighbours = try neighbourLists(points, distanceM: distanceKm * 1000)
        return (0..<n).map { i in
            let sum = neighbours[i].reduce(0) { $0 + x[$1] }
            guard let z = RiskModel.giStar(neighbourSum: sum, neighbours: neighbours[i].count, n: n, mean: mean, sd: s) else {
                return nil
            }
            let p = RiskModel.twoSidedP(z)
            return HotSpot(z: z, p: p, bin: RiskModel.hotSpotBin(p: p, z: z))
        }
    }

    /// For each point, the points within `distanceM` (itself included), ascending, found through
    /// an STRtree of degree boxes and confirmed geodesically.
    static func neighbourLists(_ points: [Coordinate], distanceM: Double) throws -> [[Int]] {
        let geos = GEOSContext()
        let boxes = points.map { Envelope(minX: $0.x, minY: $0.y, maxX: $0.x, maxY: $0.y).widened(byMetres: distanceM) }
        let tree = try SpatialIndex(envelopes: boxes, in: geos)
        var hits: [Int] = []
        return try points.map { p in
            // The point itself and its copies 360° east and west, for neighbours across 180°.
            var found = Set<Int>()
            for copy in p.antimeridianCopies {
                try tree.query(Envelope(minX: copy.x, minY: copy.y, maxX: copy.x, maxY: copy.y), into: &hits)
                found.formUnion(hits)
            }
            return found.sorted().filter { Geodesic.wgs84.distance(p, points[$0]) <= distanceM }
        }
    }
}
