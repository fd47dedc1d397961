import RealModule

/// The scale of a transverse Mercator with k₀ = 1 (`CoordinateTransformer.transverseMercator`):
/// a length in the plane is longer than on the ellipsoid by the line scale factor
/// 1 + (x₁² + x₁x₂ + x₂²) / (6ρν), x₁ and x₂ the eastings of its ends and ρν the product of the
/// ellipsoid's radii of curvature. Dividing by it turns a planar distance into the geodesic one to
/// about 1e-8 relative within 150 km of the central meridian, where the plain planar distance is
/// up to 2.8e-4 long.
public enum TransverseMercatorScale {
    /// ρν at `latitude` degrees on `geodesic`'s ellipsoid (m²).
    public static func radiusProduct(latitude: Double, geodesic: Geodesic = .wgs84) -> Double {
        let e2 = geodesic.flattening * (2 - geodesic.flattening)
        let s = Double.sin(latitude * .pi / 180)
        let w = 1 - e2 * s * s
        let a = geodesic.equatorialRadius
        return a * a * (1 - e2) / (w * w)
    }

    /// The ellipsoidal length of a planar segment of length `planar` between eastings `x1`, `x2`.
    @inline(__always)
    public static func ellipsoidalLength(planar: Double, x1: Double, x2: Double, radiusProduct r2: Double) -> Double {
        planar / (1 + (x1 * x1 + x1 * x2 + x2 * x2) / (6 * r2))
    }

    /// The largest scale factor within `easting` metres of the central meridian.
    public static func maximum(withinEasting easting: Double) -> Double {
        1 + easting * easting / (2 * 6_335_000.0 * 6_335_000.0)   // the smallest ρν is at the equator
    }
}
