import GeoFoundation

/// Getis-Ord Gi* over all units with x = threat and binary weights: w_ij = 1 when the geodesic
/// distance between representative points is within the band (self included), then the
/// false-discovery-rate bins over all of them (METHOD §5).
enum HotSpots {
    static func compute(points: [Coordinate], values x: [Double], bandKm: Double, parallelism: Int = 1) async throws -> [HotSpot?] {
        let n = points.count
        guard n >= 3 else { return [HotSpot?](repeating: nil, count: n) }
        let mean = x.reduce(0, +) / Double(n)
        let s = RiskModel.standardDeviation(x, mean: mean)
        guard s > 0 else { return [HotSpot?](repeating: nil, count: n) }

        let sums = try await HotSpotNeighbours(points: points, bandKm: bandKm).sums(of: x, parallelism: parallelism)
        let z: [Double?] = (0..<n).map { i in
            RiskModel.giStar(neighbourSum: sums[i].sum, neighbours: sums[i].count, n: n, mean: mean, sd: s)
        }
        let p = z.map { $0.map(RiskModel.twoSidedP) }
        let fdr = RiskModel.fdrBins(p: p, z: z)
        return (0..<n).map { i in
            guard let zi = z[i], let pi = p[i], let fi = fdr[i] else { return nil }
            return HotSpot(z: zi, p: pi, bin: RiskModel.hotSpotBin(p: pi, z: zi), binFdr: fi)
        }
    }
}
