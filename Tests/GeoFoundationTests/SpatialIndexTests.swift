import Testing
@testable import GeoFoundation
import TestSupport

@Suite struct SpatialIndexTests {
    @Test func queriesEqualABruteForceScanOnThousandsOfRandomBoxes() throws {
        let context = GEOSContext()
        var rng = SplitMix64(seed: 2024)
        let boxes = (0..<3_000).map { _ -> Envelope in
            let x = rng.unit() * 1_000, y = rng.unit() * 1_000
            return Envelope(minX: x, minY: y, maxX: x + rng.unit() * 30, maxY: y + rng.unit() * 30)
        }
        let index = try SpatialIndex(envelopes: boxes, in: context)
        #expect(index.count == boxes.count)
        var hits: [Int] = []
        for _ in 0..<500 {
            let x = rng.unit() * 1_000, y = rng.unit() * 1_000, size = rng.unit() * 60
            let query = Envelope(minX: x, minY: y, maxX: x + size, maxY: y + size)
            try index.query(query, into: &hits)
            let brute = boxes.indices.filter { boxes[$0].intersects(query) }
            #expect(hits == brute)
        }
        // A point query (a degenerate rectangle) works the same way.
        let p = Envelope(minX: 500, minY: 500, maxX: 500, maxY: 500)
        #expect(try index.query(p) == boxes.indices.filter { boxes[$0].intersects(p) })
    }

    @Test func anEmptyIndexAnswersNothing() throws {
        let index = try SpatialIndex(envelopes: [], in: GEOSContext())
        #expect(try index.query(Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1)).isEmpty)
    }

    @Test func queryingByGeometryUsesItsEnvelope() throws {
        let context = GEOSContext()
        let index = try SpatialIndex(envelopes: [
            Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1),
            Envelope(minX: 5, minY: 5, maxX: 6, maxY: 6),
        ], in: context)
        var hits: [Int] = []
        try index.query(intersecting: Geometry(wkt: "LINESTRING (0.5 0.5, 5.5 5.5)", in: context), into: &hits)
        #expect(hits == [0, 1])
        try index.query(intersecting: Geometry(point: Coordinate(5.5, 5.5), in: context), into: &hits)
        #expect(hits == [1])
    }
}
