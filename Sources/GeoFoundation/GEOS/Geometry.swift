import CGEOS

/// Owns one GEOS geometry and frees it exactly once, in `deinit`.
///
/// A geometry belongs to the context that made it and, like the context, stays in one task
/// (the class is not `Sendable`). Operations between two geometries require the same context.
public final class Geometry {
    /// The context that made this geometry; kept alive for as long as the geometry is.
    public let context: GEOSContext
    let pointer: OpaquePointer
    /// The context's handle, kept here so hot paths need not go through the context object.
    let handle: GEOSContextHandle_t

    /// Takes ownership of a GEOS geometry pointer.
    init(owning pointer: OpaquePointer, in context: GEOSContext) {
        self.pointer = pointer
        self.context = context
        handle = context.handle
    }

    deinit { GEOSGeom_destroy_r(handle, pointer) }

    /// Builds the GEOS geometry for `shape`, copying each coordinate run in bulk.
    public convenience init(_ shape: Shape, in context: GEOSContext) throws {
        self.init(owning: try GeometryBuilder(context: context).make(shape), in: context)
    }

    /// A point, the cheapest geometry to make (no coordinate sequence).
    public convenience init(point: Coordinate, in context: GEOSContext) throws {
        let p = try context.make("point creation") { GEOSGeom_createPointFromXY_r($0, point.x, point.y) }
        self.init(owning: p, in: context)
    }

    /// A rectangular polygon (a point when the rectangle has no extent).
    public convenience init(rectangle e: Envelope, in context: GEOSContext) throws {
        let p: OpaquePointer
        if e.minX == e.maxX && e.minY == e.maxY {
            p = try context.make("point creation") { GEOSGeom_createPointFromXY_r($0, e.minX, e.minY) }
        } else {
            p = try context.make("rectangle creation") {
                GEOSGeom_createRectangle_r($0, e.minX, e.minY, e.maxX, e.maxY)
            }
        }
        self.init(owning: p, in: context)
    }

    /// Parses Well-Known Text; a syntax error comes back as a `GEOSError` with GEOS's message.
    public convenience init(wkt: String, in context: GEOSContext) throws {
        let p = try context.withWKTReader { reader in
            try context.make("WKT read") { GEOSWKTReader_read_r($0, reader, wkt) }
        }
        self.init(owning: p, in: context)
    }

    /// Parses Well-Known Binary (either byte order).
    public convenience init(wkb: [UInt8], in context: GEOSContext) throws {
        let p = try context.withWKBReader { reader in
            try wkb.withUnsafeBufferPointer { bytes in
                try context.make("WKB read") { GEOSWKBReader_read_r($0, reader, bytes.baseAddress, bytes.count) }
            }
        }
        self.init(owning: p, in: context)
    }

    // MARK: - Output

    /// Well-Known Text with full precision and trailing zeros trimmed.
    public func wkt() throws -> String {
        try context.withWKTWriter { writer in
            let text = try context.make("WKT write") { GEOSWKTWriter_write_r($0, writer, pointer) }
            defer { GEOSFree_r(context.handle, text) }
            return String(cString: text)
        }
    }

    /// Well-Known Binary in the machine's byte order.
    public func wkb() throws -> [UInt8] {
        try context.withWKBWriter { writer in
            var size = 0
            let bytes = try context.make("WKB write") { GEOSWKBWriter_write_r($0, writer, pointer, &size) }
            defer { GEOSFree_r(context.handle, bytes) }
            return Array(UnsafeBufferPointer(start: bytes, count: size))
        }
    }

    /// The geometry as Swift values; a geometry collection or an empty point has no `Shape`.
    public func shape() throws -> Shape {
        try ShapeReader(context: context).shape(of: pointer)
    }

    // MARK: - Measures and predicates

    /// Planar (Cartesian) distance between the closest points, 0 when they touch or overlap.
    public func distance(to other: Geometry) throws -> Double {
        precondition(other.context === context, "geometries from different GEOS contexts")
        var d = 0.0
        try context.check("distance") { GEOSDistance_r($0, pointer, other.pointer, &d) }
        return d
    }

    /// Whether the planar distance to `other` is at most `distance` (faster than measuring it).
    public func isWithinDistance(_ distance: Double, of other: Geometry) throws -> Bool {
        precondition(other.context === context, "geometries from different GEOS contexts")
        return try context.predicate("distance-within") {
            GEOSDistanceWithin_r($0, pointer, other.pointer, distance)
        }
    }

    /// The two closest points, on this geometry and on `other`.
    public func nearestPoints(to other: Geometry) throws -> (Coordinate, Coordinate) {
        precondition(other.context === context, "geometries from different GEOS contexts")
        let seq = try context.make("nearest points") { GEOSNearestPoints_r($0, pointer, other.pointer) }
        defer { GEOSCoordSeq_destroy_r(context.handle, seq) }
        var xy = [Double](repeating: 0, count: 4)
        try context.check("nearest points") { GEOSCoordSeq_copyToBuffer_r($0, seq, &xy, 0, 0) }
        return (Coordinate(xy[0], xy[1]), Coordinate(xy[2], xy[3]))
    }

    /// Whether `other` lies inside this geometry (point-in-polygon when `other` is a point).
    public func contains(_ other: Geometry) throws -> Bool {
        precondition(other.context === context, "geometries from different GEOS contexts")
        return try context.predicate("contains") { GEOSContains_r($0, pointer, other.pointer) }
    }

    /// The centroid (planar, in the geometry's own coordinates).
    public func centroid() throws -> Geometry {
        Geometry(owning: try context.make("centroid") { GEOSGetCentroid_r($0, pointer) }, in: context)
    }

    /// Whether the geometry is valid in the OGC sense.
    public func isValid() throws -> Bool {
        try context.predicate("validity check") { GEOSisValid_r($0, pointer) }
    }

    /// Why the geometry is invalid (e.g. `"Self-intersection[1 1]"`), or `"Valid Geometry"`.
    public func validityReason() throws -> String {
        let text = try context.make("validity reason") { GEOSisValidReason_r($0, pointer) }
        defer { GEOSFree_r(context.handle, text) }
        return String(cString: text)
    }

    /// Whether the geometry holds no point at all.
    public func isEmpty() throws -> Bool {
        try context.predicate("emptiness check") { GEOSisEmpty_r($0, pointer) }
    }

    /// The bounding rectangle; `nil` for an empty geometry.
    public func envelope() throws -> Envelope? {
        if try isEmpty() { return nil }
        var e = Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0)
        try context.check("envelope") { GEOSGeom_getExtent_r($0, pointer, &e.minX, &e.minY, &e.maxX, &e.maxY) }
        return e
    }
}

extension Geometry {
    /// The lines of a (Multi)LineString sewn together where they share end points (GEOS's line
    /// merger): a LineString when they form one path, else a MultiLineString of the maximal
    /// paths (split at gaps and at junctions where three or more lines meet).
    public func lineMerged() throws -> Geometry {
        Geometry(owning: try context.make("line merge") { GEOSLineMerge_r($0, pointer) }, in: context)
    }
}
