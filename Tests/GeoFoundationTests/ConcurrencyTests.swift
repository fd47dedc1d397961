import Testing
@testable import GeoFoundation
import TestSupport

/// Each task owns its GEOS and PROJ contexts (the types are not Sendable, so the compiler
/// forbids sharing them); many tasks at once must agree with one serial run.
@Suite struct ConcurrencyTests {
    /// A deterministic workload touching every part of the layer; returns numbers to compare.
    static func workload(seed: UInt64) throws -> [Double] {
        let geos = GEOSContext()
        let tm = try CoordinateTransformer.transverseMercator(centralMeridian: 67, in: ProjContext())
        var rng = SplitMix64(seed: seed)
        var lonLat = (0..<200).map { _ in Coordinate(66 + rng.unit() * 2, 29 + rng.unit() * 2) }
        let lengths = [Geodesic.wgs84.length(of: lonLat)]
        try tm.forward(&lonLat)
        let line = try Geometry(.lineString(Array(lonLat.prefix(20))), in: geos)
        let prepared = try PreparedGeometry(line)
        let index = try SpatialIndex(envelopes: lonLat.map {
            Envelope(minX: $0.x - 5_000, minY: $0.y - 5_000, maxX: $0.x + 5_000, maxY: $0.y + 5_000)
        }, in: geos)
        var out = lengths
        for c in lonLat.suffix(180) {
            let p = try Geometry(point: c, in: geos)
            out.append(try prepared.distance(to: p))
            out.append(Double(try index.query(Envelope(minX: c.x, minY: c.y, maxX: c.x, maxY: c.y)).count))
        }
        return out
    }

    @Test func manyTasksAtOnceMatchASerialRun() async throws {
        let seeds: [UInt64] = Array(1...24)
        let serial = try seeds.map { try Self.workload(seed: $0) }
        let parallel = try await withThrowingTaskGroup(of: (Int, [Double]).self) { group in
            for (i, seed) in seeds.enumerated() {
                group.addTask { (i, try Self.workload(seed: seed)) }
            }
            var results = [[Double]](repeating: [], count: seeds.count)
            for try await (i, r) in group { results[i] = r }
            return results
        }
        #expect(parallel == serial)
    }
}
