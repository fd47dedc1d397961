import CGEOS

/// A geometry prepared for repeated queries (GEOS caches an index of its edges).
///
/// Owns the `GEOSPreparedGeometry` and keeps the base geometry alive, as GEOS requires;
/// both are freed exactly once, the prepared one first.
public final class PreparedGeometry {
    /// The geometry this one was prepared from.
    public let base: Geometry
    private let pointer: OpaquePointer
    private let handle: GEOSContextHandle_t
    private var context: GEOSContext { base.context }

    /// Prepares `geometry`; the prepared form answers the same questions faster when asked often.
    public init(_ geometry: Geometry) throws {
        base = geometry
        handle = geometry.handle
        pointer = try geometry.context.make("prepare") { GEOSPrepare_r($0, geometry.pointer) }
    }

    deinit { GEOSPreparedGeom_destroy_r(handle, pointer) }

    /// Planar distance to `other`; equal to `base.distance(to:)`.
    /// The scoring join calls this millions of times, so the success path touches only handles.
    public func distance(to other: Geometry) throws -> Double {
        precondition(other.handle == handle, "geometries from different GEOS contexts")
        var d = 0.0
        if GEOSPreparedDistance_r(handle, pointer, other.pointer, &d) == 1 { return d }
        try context.check("prepared distance") { GEOSPreparedDistance_r($0, pointer, other.pointer, &d) }
        return d
    }

    /// The two closest points, on this geometry and on `other` (GEOS's prepared form).
    public func nearestPoints(to other: Geometry) throws -> (Coordinate, Coordinate) {
        precondition(other.handle == handle, "geometries from different GEOS contexts")
        let seq = try context.make("prepared nearest points") { GEOSPreparedNearestPoints_r($0, pointer, other.pointer) }
        defer { GEOSCoordSeq_destroy_r(handle, seq) }
        var xy = [Double](repeating: 0, count: 4)
        try context.check("prepared nearest points") { GEOSCoordSeq_copyToBuffer_r($0, seq, &xy, 0, 0) }
        return (Coordinate(xy[0], xy[1]), Coordinate(xy[2], xy[3]))
    }

    /// Whether `other` is within `distance`; equal to `base.isWithinDistance(_:of:)`.
    public func isWithinDistance(_ distance: Double, of other: Geometry) throws -> Bool {
        precondition(other.context === context, "geometries from different GEOS contexts")
        return try context.predicate("prepared distance-within") {
            GEOSPreparedDistanceWithin_r($0, pointer, other.pointer, distance)
        }
    }

    /// Whether `other` lies inside the base geometry (point-in-polygon for a point).
    public func contains(_ other: Geometry) throws -> Bool {
        precondition(other.context === context, "geometries from different GEOS contexts")
        return try context.predicate("prepared contains") { GEOSPreparedContains_r($0, pointer, other.pointer) }
    }
}
