import Testing
@testable import GeoFoundation
import TestSupport

/// Linear referencing along geodesic polylines, checked against the direct geodesic problem.
@Suite struct GeodesicPolylineTests {
    let g = Geodesic.wgs84

    @Test func lengthIsTheSumOfTheGeodesicEdgesWithRepeatsDropped() {
        let a = Coordinate(67, 30), b = Coordinate(67.4, 30.2), c = Coordinate(67.5, 30.9)
        let line = GeodesicPolyline([a, a, b, b, b, c])
        #expect(line.vertices == [a, b, c])
        #expect(abs(line.length - (g.distance(a, b) + g.distance(b, c))) < 1e-6)
        #expect(line.chainage.count == 3)
    }

    @Test func thePointAtAChainageLiesOnTheGeodesicEdgeThatHoldsIt() {
        let a = Coordinate(67, 30), b = Coordinate(68, 30.5), c = Coordinate(68.2, 31.5)
        let line = GeodesicPolyline([a, b, c])
        let first = g.distance(a, b)
        for s in [0.0, 1_000, first / 2, first, first + 12_345, line.length] {
            let expected: Coordinate
            if s <= first {
                expected = g.direct(from: a, azimuth: g.inverse(a, b).initialAzimuth, distance: s).point
            } else {
                expected = g.direct(from: b, azimuth: g.inverse(b, c).initialAzimuth, distance: s - first).point
            }
            let p = line.point(at: s)
            #expect(g.distance(p, expected) < 1e-6, "at \(s) m")
        }
        // Beyond the ends the point is clamped.
        #expect(line.point(at: -5) == a)
        #expect(line.point(at: line.length + 5) == c)
    }

    @Test func aSliceRunsFromCutToCutThroughTheVerticesBetween() {
        let vertices = [Coordinate(67, 30), Coordinate(67.1, 30.1), Coordinate(67.3, 30.1), Coordinate(67.3, 30.4)]
        let line = GeodesicPolyline(vertices)
        let from = 5_000.0, to = line.chainage[2] + 3_000
        let piece = line.slice(from: from, to: to)
        #expect(piece.first == line.point(at: from))
        #expect(piece.last == line.point(at: to))
        #expect(Array(piece.dropFirst().dropLast()) == [vertices[1], vertices[2]])
        #expect(abs(g.length(of: piece) - (to - from)) < 1e-6)
    }

    @Test func randomSlicesAddUpToTheWholeLine() {
        var rng = SplitMix64(seed: 11)
        var v = [Coordinate(60 + rng.unit() * 10, 25 + rng.unit() * 5)]
        for _ in 0..<30 { v.append(Coordinate(v.last!.x + rng.unit() * 0.2 - 0.05, v.last!.y + rng.unit() * 0.2 - 0.1)) }
        let line = GeodesicPolyline(v)
        var cuts = (0..<8).map { _ in rng.unit() * line.length }.sorted()
        cuts = [0] + cuts + [line.length]
        let total = zip(cuts, cuts.dropFirst()).reduce(0.0) { $0 + g.length(of: line.slice(from: $1.0, to: $1.1)) }
        #expect(abs(total - line.length) < 1e-6)
    }
}
