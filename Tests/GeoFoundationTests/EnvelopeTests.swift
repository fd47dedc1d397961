import Testing
@testable import GeoFoundation
import TestSupport

@Suite struct EnvelopeTests {
    @Test func widenedByMetresHoldsEveryPointThatFarFromTheBox() {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<200 {
            let lon = rng.unit() * 340 - 170, lat = rng.unit() * 160 - 80
            let box = Envelope(minX: lon, minY: lat, maxX: lon + rng.unit(), maxY: min(89, lat + rng.unit()))
            let metres = rng.unit() * 100_000
            let wide = box.widened(byMetres: metres)
            for corner in [Coordinate(box.minX, box.minY), Coordinate(box.maxX, box.maxY),
                           Coordinate(box.minX, box.maxY), Coordinate(box.maxX, box.minY)] {
                for azimuth in stride(from: 0.0, to: 360, by: 30) {
                    let p = Geodesic.wgs84.direct(from: corner, azimuth: azimuth, distance: metres).point
                    #expect(wide.containsWrapped(p), "\(p) at \(metres) m from \(corner)")
                }
            }
        }
    }

    @Test func unionCoversEveryBox() {
        let a = Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1), b = Envelope(minX: -2, minY: 0.5, maxX: 0.5, maxY: 3)
        #expect(Envelope(union: [a, b]) == Envelope(minX: -2, minY: 0, maxX: 1, maxY: 3))
        #expect(Envelope(union: [Envelope]()) == nil)
    }

    @Test func aBoxPastTheAntimeridianHoldsPointsOnTheFarSide() {
        let box = Envelope(minX: 179.5, minY: 0, maxX: 180.4, maxY: 1)
        #expect(box.containsWrapped(Coordinate(-179.8, 0.5)))
        #expect(!box.containsWrapped(Coordinate(-179.5, 0.5)))
        #expect(Coordinate(10, 20).antimeridianCopies == [Coordinate(10, 20), Coordinate(370, 20), Coordinate(-350, 20)])
    }
}
