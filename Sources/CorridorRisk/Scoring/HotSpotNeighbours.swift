import GeoFoundation
import RealModule

/// Each unit's Gi* neighbourhood — the units whose representative points lie within the band
/// (itself included) — reduced to what Gi* needs: how many, and the sum of their values, summed
/// in ascending unit order so the result is the same for any number of workers.
///
/// Candidates come from a GEOS STRtree of the points' boxes widened by the band (one tree per
/// worker, a GEOS context being single-threaded); `LocalDistance` settles every candidate clearly
/// inside or outside the band, and the exact geodesic only those within its margin of the edge.
/// Nothing per pair is stored, so memory stays linear in the units.
struct HotSpotNeighbours: Sendable {
    let points: [Coordinate]
    let sites: [LocalDistance.Site]
    let bandKm: Double, reach: Double
    let inner: Double, outer: Double
    let boxes: [Envelope]

    init(points: [Coordinate], bandKm: Double) {
        self.points = points
        sites = points.map { LocalDistance.Site($0) }
        self.bandKm = bandKm
        let reach = bandKm * 1000 + 1   // RiskModel.areNeighbours: d ≤ band + 1 m
        self.reach = reach
        let margin = LocalDistance.margin(forBandMetres: reach)
        inner = reach * (1 - margin)
        outer = reach * (1 + margin)
        boxes = points.map { Envelope(minX: $0.x, minY: $0.y, maxX: $0.x, maxY: $0.y).widened(byMetres: reach) }
    }

    /// Neighbour count and value sum per point.
    func sums(of values: [Double], parallelism: Int) async throws -> [(count: Int, sum: Double)] {
        let n = points.count
        let chunk = 2_048
        let chunks = (n + chunk - 1) / chunk
        let workers = max(1, min(parallelism, chunks))
        var out = [(count: Int, sum: Double)](repeating: (0, 0), count: n)
        try await withThrowingTaskGroup(of: [(Int, [(count: Int, sum: Double)])].self) { group in
            for w in 0..<workers {
                group.addTask { [self] in
                    let geos = GEOSContext()
                    let tree = try SpatialIndex(envelopes: boxes, in: geos)
                    var hits: [Int] = []
                    var done: [(Int, [(count: Int, sum: Double)])] = []
                    for c in stride(from: w, to: chunks, by: workers) {
                        try Task.checkCancellation()
                        let range = (c * chunk)..<min(n, (c + 1) * chunk)
                        done.append((c, try range.map { try neighbourhood(of: $0, values, tree, &hits) }))
                    }
                    return done
                }
            }
            for try await batch in group {
                for (c, results) in batch {
                    for (k, r) in results.enumerated() { out[c * chunk + k] = r }
                }
            }
        }
        return out
    }

    private func neighbourhood(of i: Int, _ values: [Double], _ tree: SpatialIndex, _ hits: inout [Int]) throws -> (count: Int, sum: Double) {
        let p = points[i]
        var candidates: [Int]
        // Near the antimeridian the point's copies 360° east and west find the far side too.
        if abs(p.x) + (reach / 111_000) / max(0.01, cosDegrees(p.y)) >= 180 {
            var found = Set<Int>()
            for copy in p.antimeridianCopies {
                try tree.query(Envelope(minX: copy.x, minY: copy.y, maxX: copy.x, maxY: copy.y), into: &hits)
                found.formUnion(hits)
            }
            candidates = found.sorted()
        } else {
            try tree.query(Envelope(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y), into: &hits)
            candidates = hits
        }
        var count = 0
        var sum = 0.0
        let a = sites[i]
        for j in candidates where isNeighbour(i, j, a) {
            count += 1
            sum += values[j]
        }
        return (count, sum)
    }

    @inline(__always)
    private func isNeighbour(_ i: Int, _ j: Int, _ a: LocalDistance.Site) -> Bool {
        let b = sites[j]
        if a.isEstimable && b.isEstimable {
            let d = LocalDistance.estimate(a, b)
            if d <= inner { return true }
            if d > outer { return false }
        }
        return RiskModel.areNeighbours(distanceMetres: Geodesic.wgs84.distance(points[i], points[j]), bandKm: bandKm)
    }

    private func cosDegrees(_ lat: Double) -> Double { Double.cos(lat * .pi / 180) }
}
