import RealModule

/// A quick estimate of a short ellipsoidal distance, for deciding whether two points are within
/// a band without a geodesic inverse for every pair: the pair's offsets in longitude and latitude
/// scaled by the mean of their parallel and meridian radii. Below 80° of latitude its relative
/// error is under 3.5e-4 up to 100 km and grows with the square of the distance (1.3e-3 at 200 km,
/// 8e-3 at 500 km; measured against GeographicLib), so `margin(forBandMetres:)` is a safe band
/// either side of which the estimate decides and inside which the caller asks `Geodesic`.
public struct LocalDistance: Sendable {
    /// A point with the radii the estimate needs.
    public struct Site: Sendable {
        let lambda: Double, phi: Double
        /// Meridian radius of curvature, and the prime-vertical radius times cos φ (m).
        let meridian: Double, parallel: Double
        /// Whether the estimate may be used (|latitude| ≤ 80°).
        public let isEstimable: Bool

        /// The site of a lon/lat coordinate.
        public init(_ c: Coordinate, geodesic: Geodesic = .wgs84) {
            let e2 = geodesic.flattening * (2 - geodesic.flattening)
            phi = c.y * .pi / 180
            lambda = c.x * .pi / 180
            let s = Double.sin(phi), w = 1 - e2 * s * s
            meridian = geodesic.equatorialRadius * (1 - e2) / (w * w.squareRoot())
            parallel = geodesic.equatorialRadius / w.squareRoot() * Double.cos(phi)
            isEstimable = abs(c.y) <= 80
        }
    }

    /// The estimated distance in metres between two sites (longitude difference taken the short way).
    @inline(__always)
    public static func estimate(_ a: Site, _ b: Site) -> Double {
        var dl = b.lambda - a.lambda
        if dl > .pi { dl -= 2 * .pi } else if dl < -.pi { dl += 2 * .pi }
        let x = dl * (a.parallel + b.parallel) * 0.5
        let y = (b.phi - a.phi) * (a.meridian + b.meridian) * 0.5
        return (x * x + y * y).squareRoot()
    }

    /// The relative margin around a band of `band` metres inside which the estimate cannot
    /// decide: 0.2 % up to 100 km (six times the largest error seen), growing as the square beyond.
    public static func margin(forBandMetres band: Double) -> Double {
        0.002 * max(1, (band / 100_000) * (band / 100_000))
    }
}
