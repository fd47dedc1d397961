import Testing
@testable import GeoFoundation
import TestSupport

/// Values published with GeographicLib (Karney), the reference implementation PROJ embeds;
/// they are independent of this code and pin PROJ's geodesic API as wrapped here.
@Suite struct GeodesicTests {
    let wgs84 = Geodesic.wgs84

    @Test func inverseMatchesGeographicLibTestCases() {
        // (lat1, lon1, azi1, lat2, lon2, azi2, s12) from GeographicLib's test suite.
        let cases: [(Double, Double, Double, Double, Double, Double, Double)] = [
            (35.60777, -139.44815, 111.098748429560326, -11.17491, -69.95921, 129.289270889708762, 8935244.5604818305),
            (55.52454, 106.05087, 22.020059880982801, 77.03196, 197.18234, 109.112041110671519, 4105086.1713924406),
            (-21.97856, 142.59065, -32.44456876433189, 41.84138, 98.56635, -41.84359951440466, 8394328.894657671),
        ]
        for (lat1, lon1, azi1, lat2, lon2, azi2, s12) in cases {
            let r = wgs84.inverse(Coordinate(lon1, lat1), Coordinate(lon2, lat2))
            #expect(abs(r.distance - s12) < 1e-8)
            #expect(abs(r.initialAzimuth - azi1) < 1e-12)
            #expect(abs(r.finalAzimuth - azi2) < 1e-12)
        }
    }

    @Test func wellingtonToSalamancaWhereVincentyFails() {
        let wellington = Coordinate(174 + 49 / 60.0, -(41 + 19 / 60.0))
        let salamanca = Coordinate(-(5 + 30 / 60.0), 40 + 58 / 60.0)
        let r = wgs84.inverse(wellington, salamanca)
        #expect(abs(r.distance - 19_960_543.857179) < 0.5e-6)
        #expect(abs(r.initialAzimuth - 160.39137649664) < 0.5e-11)
    }

    @Test func jfkToParisDistanceToTheMetre() {
        // GeodSolve0: JFK (40.6 N, 73.8 W) to Charles de Gaulle (49.01666667 N, 2.55 E).
        let r = wgs84.inverse(Coordinate(-73.8, 40.6), Coordinate(2.55, 49.01666667))
        #expect(abs(r.distance - 5_853_226) < 0.5)
        #expect(abs(r.initialAzimuth - 53.47022) < 0.5e-5)
    }

    @Test func directSolvesTheForwardProblem() {
        // GeodSolve1: from JFK at azimuth 53.5 for 5850 km.
        let (p, azi2) = wgs84.direct(from: Coordinate(-73.77888889, 40.63972222), azimuth: 53.5, distance: 5_850e3)
        #expect(abs(p.lat - 49.01467) < 0.5e-5)
        #expect(abs(p.lon - 2.56106) < 0.5e-5)
        #expect(abs(azi2 - 111.62947) < 0.5e-5)
    }

    @Test func pointsAlongAGeodesicLieOnItAtTheirDistances() {
        let a = Coordinate(67.0, 30.0), b = Coordinate(67.0, 30.3)
        let total = wgs84.distance(a, b)
        let points = wgs84.points(from: a, to: b, atDistances: [0, 10_000, total])
        #expect(abs(wgs84.distance(a, points[1]) - 10_000) < 1e-6)
        #expect(abs(points[0].lat - 30.0) < 1e-12)
        #expect(abs(points[2].lat - 30.3) < 1e-12 && abs(points[2].lon - 67.0) < 1e-12)
        // A meridian: the geodesic keeps its longitude.
        #expect(abs(points[1].lon - 67.0) < 1e-12)
    }

    @Test func polylineLengthSumsItsGeodesicEdges() {
        let line = [Coordinate(67.0, 30.0), Coordinate(67.0, 30.3), Coordinate(67.1, 30.3)]
        let expected = wgs84.distance(line[0], line[1]) + wgs84.distance(line[1], line[2])
        #expect(wgs84.length(of: line) == expected)
        // The spec's worked example: the rail R from (67 30) to (67 30.3) is 33.2565 km.
        #expect(abs(wgs84.length(of: Array(line.prefix(2))) / 1000 - 33.2565) < 5e-5)
    }

    @Test func polygonAreaAndPerimeterMatchThePlanimeter() {
        // Planimeter0: the diamond (0,-1), (-1,0), (0,1), (1,0) given as lat, lon.
        let ring = [Coordinate(-1, 0), Coordinate(0, -1), Coordinate(1, 0), Coordinate(0, 1), Coordinate(-1, 0)]
        let (area, perimeter) = wgs84.areaAndPerimeter(ofRing: ring)
        #expect(abs(perimeter - 627_598.2731) < 1e-4)
        #expect(abs(area - 24_619_419_146.0) < 1)
        // The orientation does not change the (positive) area.
        #expect(abs(wgs84.areaAndPerimeter(ofRing: ring.reversed()).area - area) < 1e-3)
    }
}
