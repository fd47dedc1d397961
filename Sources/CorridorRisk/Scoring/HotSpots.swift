#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GeoFoundation

/// Getis-Ord Gi* over all units with x = threat and binary weights: w_ij = 1 when the geodesic
/// distance between representative points is at most `hotspotKm` (self included) (spec §3).
enum HotSpots {
    static func compute(points: [Coordinate], values x: [Double], distanceKm: Double) throws -> [HotSpot?] {
        let n = points.count
        guard n >= 3 else { return [HotSpot?](repeating: nil, count: n) }
        let mean = x.reduce(0, +) / Double(n)
        // Σ(x − x̄)²/n equals the spec's Σx²/n − x̄² but is exactly 0 when all x are equal.
        let s = (x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)).squareRoot()
        guard s > 0 else { return [HotSpot?](repeating: nil, count: n) }

        let neighbours = try neighbourLists(points, distanceM: distanceKm * 1000)
        return (0..<n).map { i in
            let k = Double(neighbours[i].count)  // Σ w_ij = Σ w_ij² for binary weights
            let sum = neighbours[i].reduce(0) { $0 + x[$1] }
            let denominator = s * ((Double(n) * k - k * k) / Double(n - 1)).squareRoot()
            guard denominator > 0 else { return nil }  // every unit is a neighbour: 0/0
            let z = (sum - mean * k) / denominator
            let p = erfc(abs(z) / 2.0.squareRoot())
            let level = p <= 0.01 ? 3 : p <= 0.05 ? 2 : p <= 0.10 ? 1 : 0
            return HotSpot(z: z, p: p, bin: z < 0 ? -level : level)
        }
    }

    /// For each point, the points within `distanceM` (itself included), ascending, found through
    /// an STRtree of degree boxes and confirmed geodesically.
    static func neighbourLists(_ points: [Coordinate], distanceM: Double) throws -> [[Int]] {
        let geos = GEOSContext()
        let boxes = points.map { ZonePlan.widen(Envelope(minX: $0.x, minY: $0.y, maxX: $0.x, maxY: $0.y), byMetres: distanceM) }
        let tree = try SpatialIndex(envelopes: boxes, in: geos)
        var hits: [Int] = []
        return try points.map { p in
            // The point itself and its copies 360° east and west, for neighbours across 180°.
            var found = Set<Int>()
            for shift in [0.0, 360, -360] {
                try tree.query(Envelope(minX: p.x + shift, minY: p.y, maxX: p.x + shift, maxY: p.y), into: &hits)
                found.formUnion(hits)
            }
            return found.sorted().filter { Geodesic.wgs84.distance(p, points[$0]) <= distanceM }
        }
    }
}
