import Testing
@testable import GeoFoundation

@Suite struct ShapeTransformTests {
    @Test func densifiedEdgesAreShortAndOnTheGeodesic() {
        let a = Coordinate(60, 25), b = Coordinate(61, 26.5)
        guard case .lineString(let cs) = Shape.lineString([a, b]).densified(maxEdgeMetres: 2_000) else {
            Issue.record("not a line")
            return
        }
        let g = Geodesic.wgs84
        #expect(cs.first == a && cs.last == b)
        #expect(zip(cs, cs.dropFirst()).allSatisfy { g.distance($0, $1) <= 2_000 + 1e-6 })
        // Every inserted point is on the a–b geodesic: the two legs add up to the whole.
        let whole = g.distance(a, b)
        #expect(cs.allSatisfy { abs(g.distance(a, $0) + g.distance($0, b) - whole) < 1e-6 })
        #expect(Shape.point(a).densified(maxEdgeMetres: 10) == .point(a))
    }

    @Test func projectingAShapeProjectsEachRunInBulk() throws {
        let proj = ProjContext()
        let tm = try CoordinateTransformer.transverseMercator(centralMeridian: 63, in: proj)
        let rings: [[Coordinate]] = [[Coordinate(62, 25), Coordinate(64, 25), Coordinate(64, 26), Coordinate(62, 25)]]
        let projected = try tm.forward(Shape.multiPolygon([rings]))
        guard case .multiPolygon(let ps) = projected else {
            Issue.record("type changed")
            return
        }
        for (p, c) in zip(ps[0][0], rings[0]) { #expect(p == (try tm.forward(c))) }
    }

    @Test func validLonLatRejectsNonFiniteAndOutOfRange() {
        #expect(Shape.lineString([Coordinate(1, 2), Coordinate(3, 4)]).hasValidLonLat)
        #expect(!Shape.lineString([Coordinate(1, 2), Coordinate(.nan, 4)]).hasValidLonLat)
        #expect(!Shape.point(Coordinate(181, 0)).hasValidLonLat)
    }

    @Test func polygonAreaSubtractsHolesAndSumsPerimeters() {
        let g = Geodesic.wgs84
        let outer = [Coordinate(0, 0), Coordinate(1, 0), Coordinate(1, 1), Coordinate(0, 1), Coordinate(0, 0)]
        let hole = [Coordinate(0.25, 0.25), Coordinate(0.5, 0.25), Coordinate(0.5, 0.5), Coordinate(0.25, 0.25)]
        let (ao, po) = g.areaAndPerimeter(ofRing: outer)
        let (ah, ph) = g.areaAndPerimeter(ofRing: hole)
        let both = g.areaAndPerimeter(ofPolygons: [[outer, hole], [outer]])
        #expect(abs(both.area - (ao - ah + ao)) < 1e-3)
        #expect(abs(both.perimeter - (po + ph + po)) < 1e-6)
    }
}
