import CPROJ

/// Geodesics on an ellipsoid through PROJ's `geodesic.h` (Karney's algorithms, accurate to
/// nanometres). Coordinates are lon/lat degrees; the C API's latitude-first order stays inside.
///
/// A value type holding only constants, so one instance is shared freely across threads.
public struct Geodesic: Sendable {
    private let g: geod_geodesic
    /// The ellipsoid's equatorial radius (m) and flattening.
    public let equatorialRadius: Double
    public let flattening: Double

    /// The WGS84 ellipsoid (a = 6378137 m, f = 1/298.257223563), the one every lon/lat input uses.
    public static let wgs84 = Geodesic(equatorialRadius: 6_378_137, flattening: 1 / 298.257223563)

    /// An ellipsoid from its equatorial radius (metres) and flattening.
    public init(equatorialRadius: Double, flattening: Double) {
        self.equatorialRadius = equatorialRadius
        self.flattening = flattening
        var g = geod_geodesic()
        geod_init(&g, equatorialRadius, flattening)
        self.g = g
    }

    /// The inverse problem: distance and azimuths between two points.
    public func inverse(_ a: Coordinate, _ b: Coordinate) -> GeodesicInverse {
        var s12 = 0.0, azi1 = 0.0, azi2 = 0.0
        withUnsafePointer(to: g) { geod_inverse($0, a.lat, a.lon, b.lat, b.lon, &s12, &azi1, &azi2) }
        return GeodesicInverse(distance: s12, initialAzimuth: azi1, finalAzimuth: azi2)
    }

    /// Shortest distance in metres between two points.
    public func distance(_ a: Coordinate, _ b: Coordinate) -> Double {
        inverse(a, b).distance
    }

    /// The direct problem: where a geodesic from `start` at `azimuth` (degrees clockwise from
    /// north) ends after `distance` metres, and its azimuth there.
    public func direct(from start: Coordinate, azimuth: Double, distance: Double) -> (point: Coordinate, azimuth: Double) {
        var lat2 = 0.0, lon2 = 0.0, azi2 = 0.0
        withUnsafePointer(to: g) { geod_direct($0, start.lat, start.lon, azimuth, distance, &lat2, &lon2, &azi2) }
        return (Coordinate(lon2, lat2), azi2)
    }

    /// Points on the geodesic from `a` to `b` at each distance (metres from `a`), solving the
    /// inverse problem once.
    public func points(from a: Coordinate, to b: Coordinate, atDistances distances: [Double]) -> [Coordinate] {
        var line = geod_geodesicline()
        withUnsafePointer(to: g) { geod_inverseline(&line, $0, a.lat, a.lon, b.lat, b.lon, UInt32(GEOD_ALL.rawValue)) }
        return distances.map { s in
            var lat = 0.0, lon = 0.0, azi = 0.0
            geod_position(&line, s, &lat, &lon, &azi)
            return Coordinate(lon, lat)
        }
    }

    /// The point `distance` metres from `a` along the geodesic towards `b`.
    public func point(from a: Coordinate, to b: Coordinate, atDistance distance: Double) -> Coordinate {
        points(from: a, to: b, atDistances: [distance])[0]
    }

    /// Length in metres of a polyline whose edges are geodesics.
    public func length(of polyline: [Coordinate]) -> Double {
        zip(polyline, polyline.dropFirst()).reduce(0) { $0 + distance($1.0, $1.1) }
    }

    /// Area (m², always positive) and perimeter (m) of a ring with geodesic edges; the ring may
    /// be given open or closed.
    public func areaAndPerimeter(ofRing ring: [Coordinate]) -> (area: Double, perimeter: Double) {
        var ring = ring
        if ring.count > 1, ring.first == ring.last { ring.removeLast() }
        guard ring.count >= 3 else { return (0, length(of: ring) * 2) }
        var lats = ring.map(\.lat), lons = ring.map(\.lon)
        var area = 0.0, perimeter = 0.0
        withUnsafePointer(to: g) {
            geod_polygonarea($0, &lats, &lons, Int32(ring.count), &area, &perimeter)
        }
        return (abs(area), perimeter)
    }

    /// Area (m²: each polygon's outer ring minus its holes) and perimeter (m: every ring) of
    /// polygons given as rings, summed over all of them. Rings may be open or closed.
    public func areaAndPerimeter(ofPolygons polygons: [[[Coordinate]]]) -> (area: Double, perimeter: Double) {
        var area = 0.0, perimeter = 0.0
        for rings in polygons {
            for (i, ring) in rings.enumerated() {
                let (a, p) = areaAndPerimeter(ofRing: ring)
                area += i == 0 ? a : -a
                perimeter += p
            }
        }
        return (area, perimeter)
    }
}

/// The solution of the geodesic inverse problem.
public struct GeodesicInverse: Hashable, Sendable {
    /// Distance in metres.
    public var distance: Double
    /// Azimuth at the first point, degrees clockwise from north.
    public var initialAzimuth: Double
    /// Azimuth at the second point (the forward direction there).
    public var finalAzimuth: Double
}
