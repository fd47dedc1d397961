import Testing
@testable import GeoFoundation
import TestSupport

@Suite struct GeometryTests {
    let context = GEOSContext()

    @Test func shapesSurviveTheTripThroughGEOS() throws {
        let shapes: [Shape] = [
            .point(Coordinate(67.0, 30.2)),
            .lineString([Coordinate(0, 0), Coordinate(1, 1), Coordinate(2, 0)]),
            .polygon([[Coordinate(0, 0), Coordinate(4, 0), Coordinate(4, 4), Coordinate(0, 4), Coordinate(0, 0)],
                      [Coordinate(1, 1), Coordinate(1, 2), Coordinate(2, 2), Coordinate(1, 1)]]),
            .multiPoint([Coordinate(1, 2), Coordinate(3, 4)]),
            .multiLineString([[Coordinate(0, 0), Coordinate(1, 0)], [Coordinate(2, 0), Coordinate(3, 1)]]),
            .multiPolygon([[[Coordinate(0, 0), Coordinate(1, 0), Coordinate(1, 1), Coordinate(0, 0)]],
                           [[Coordinate(5, 5), Coordinate(6, 5), Coordinate(6, 6), Coordinate(5, 5)]]]),
        ]
        for shape in shapes {
            #expect(try Geometry(shape, in: context).shape() == shape)
        }
    }

    @Test func wktAndWkbRoundTrip() throws {
        let g = try Geometry(wkt: "LINESTRING (67 30, 67 30.3, 67.125 30.5)", in: context)
        #expect(try g.wkt() == "LINESTRING (67 30, 67 30.3, 67.125 30.5)")
        let back = try Geometry(wkb: try g.wkb(), in: context)
        #expect(try back.shape() == g.shape())
    }

    @Test func badWKTIsASwiftErrorWithGEOSsReason() throws {
        do {
            _ = try Geometry(wkt: "LINESTRING (1 2, 3", in: context)
            Issue.record("malformed WKT must not parse")
        } catch let error as GEOSError {
            #expect(error.operation == "WKT read")
            #expect(error.message.contains("ParseException"))
        }
        #expect(throws: GEOSError.self) { _ = try Geometry(wkb: [1, 2, 3], in: context) }
    }

    @Test func anUnclosedRingIsAnErrorNotACrash() throws {
        let open: Shape = .polygon([[Coordinate(0, 0), Coordinate(1, 0), Coordinate(1, 1), Coordinate(0, 1)]])
        #expect(throws: GEOSError.self) { _ = try Geometry(open, in: context) }
        let badHole: Shape = .polygon([
            [Coordinate(0, 0), Coordinate(4, 0), Coordinate(4, 4), Coordinate(0, 0)],
            [Coordinate(1, 1), Coordinate(2, 1)],
        ])
        #expect(throws: GEOSError.self) { _ = try Geometry(badHole, in: context) }
    }

    @Test func distanceIsHandComputable() throws {
        let line = try Geometry(.lineString([Coordinate(0, 0), Coordinate(10, 0)]), in: context)
        #expect(try line.distance(to: Geometry(point: Coordinate(5, 3), in: context)) == 3)
        #expect(try line.distance(to: Geometry(point: Coordinate(13, 4), in: context)) == 5)
        #expect(try line.isWithinDistance(5, of: Geometry(point: Coordinate(13, 4), in: context)))
        #expect(try !line.isWithinDistance(4.999, of: Geometry(point: Coordinate(13, 4), in: context)))
        let (onLine, atPoint) = try line.nearestPoints(to: Geometry(point: Coordinate(4, -2), in: context))
        #expect(onLine == Coordinate(4, 0) && atPoint == Coordinate(4, -2))
    }

    @Test func pointInPolygonCentroidAndValidity() throws {
        let square = try Geometry(.polygon([[Coordinate(0, 0), Coordinate(2, 0), Coordinate(2, 2),
                                             Coordinate(0, 2), Coordinate(0, 0)]]), in: context)
        #expect(try square.contains(Geometry(point: Coordinate(1, 1), in: context)))
        #expect(try !square.contains(Geometry(point: Coordinate(3, 1), in: context)))
        #expect(try square.centroid().shape() == .point(Coordinate(1, 1)))
        #expect(try square.isValid())
        #expect(try square.envelope() == Envelope(minX: 0, minY: 0, maxX: 2, maxY: 2))

        let bowtie = try Geometry(wkt: "POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))", in: context)
        #expect(try !bowtie.isValid())
        #expect(try bowtie.validityReason().contains("Self-intersection"))
        #expect(try Geometry(wkt: "POINT EMPTY", in: context).envelope() == nil)
    }

    @Test func preparedDistanceEqualsPlainDistance() throws {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<50 {
            let line = try Geometry(.lineString((0..<8).map { _ in Coordinate(rng.unit() * 100, rng.unit() * 100) }),
                                    in: context)
            let prepared = try PreparedGeometry(line)
            for _ in 0..<40 {
                let p = try Geometry(point: Coordinate(rng.unit() * 140 - 20, rng.unit() * 140 - 20), in: context)
                let plain = try line.distance(to: p)
                #expect(try prepared.distance(to: p) == plain)
                #expect(try prepared.isWithinDistance(plain + 1e-9, of: p))
                #expect(try plain == 0 || !prepared.isWithinDistance(plain * 0.999, of: p))
            }
        }
        let polygon = try Geometry(wkt: "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))", in: context)
        let prepared = try PreparedGeometry(polygon)
        #expect(try prepared.contains(Geometry(point: Coordinate(5, 5), in: context)))
        #expect(try prepared.distance(to: Geometry(point: Coordinate(5, 5), in: context)) == 0)
    }
}
