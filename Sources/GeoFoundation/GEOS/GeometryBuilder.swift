import CGEOS

/// Turns a `Shape` into a GEOS geometry, copying each coordinate run in one call and freeing
/// every intermediate part if a later part fails (e.g. an unclosed ring).
struct GeometryBuilder {
    let context: GEOSContext
    private var handle: GEOSContextHandle_t { context.handle }

    func make(_ shape: Shape) throws -> OpaquePointer {
        switch shape {
        case .point(let c):
            return try context.make("point creation") { GEOSGeom_createPointFromXY_r($0, c.x, c.y) }
        case .lineString(let cs):
            return try lineString(cs)
        case .polygon(let rings):
            return try polygon(rings)
        case .multiPoint(let cs):
            return try collection(GEOS_MULTIPOINT, cs.map { c in
                { try context.make("point creation") { GEOSGeom_createPointFromXY_r($0, c.x, c.y) } }
            })
        case .multiLineString(let lines):
            return try collection(GEOS_MULTILINESTRING, lines.map { line in { try lineString(line) } })
        case .multiPolygon(let polygons):
            return try collection(GEOS_MULTIPOLYGON, polygons.map { rings in { try polygon(rings) } })
        }
    }

    private func sequence(_ cs: [Coordinate]) throws -> OpaquePointer {
        try cs.withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: Double.self) { doubles in
                try context.make("coordinate copy") {
                    GEOSCoordSeq_copyFromBuffer_r($0, doubles.baseAddress, UInt32(cs.count), 0, 0)
                }
            }
        }
    }

    private func lineString(_ cs: [Coordinate]) throws -> OpaquePointer {
        let seq = try sequence(cs)
        // GEOS takes ownership of the sequence, also when it throws.
        return try context.make("line string creation") { GEOSGeom_createLineString_r($0, seq) }
    }

    private func ring(_ cs: [Coordinate]) throws -> OpaquePointer {
        let seq = try sequence(cs)
        return try context.make("linear ring creation") { GEOSGeom_createLinearRing_r($0, seq) }
    }

    private func polygon(_ rings: [[Coordinate]]) throws -> OpaquePointer {
        guard let shellCoordinates = rings.first else {
            return try context.make("empty polygon creation") { GEOSGeom_createEmptyPolygon_r($0) }
        }
        let shell = try ring(shellCoordinates)
        var holes: [OpaquePointer?] = []
        do {
            for hole in rings.dropFirst() { holes.append(try ring(hole)) }
        } catch {
            GEOSGeom_destroy_r(handle, shell)
            for h in holes { GEOSGeom_destroy_r(handle, h) }
            throw error
        }
        return try holes.withUnsafeMutableBufferPointer { buffer in
            try context.make("polygon creation") {
                GEOSGeom_createPolygon_r($0, shell, buffer.baseAddress, UInt32(buffer.count))
            }
        }
    }

    private func collection(_ type: GEOSGeomTypes, _ makers: [() throws -> OpaquePointer]) throws -> OpaquePointer {
        var parts: [OpaquePointer?] = []
        parts.reserveCapacity(makers.count)
        do {
            for make in makers { parts.append(try make()) }
        } catch {
            for p in parts { GEOSGeom_destroy_r(handle, p) }
            throw error
        }
        return try parts.withUnsafeMutableBufferPointer { buffer in
            try context.make("collection creation") {
                GEOSGeom_createCollection_r($0, Int32(type.rawValue), buffer.baseAddress, UInt32(buffer.count))
            }
        }
    }
}

/// Reads a GEOS geometry back into a `Shape`, copying each coordinate run in one call.
struct ShapeReader {
    let context: GEOSContext

    func shape(of g: OpaquePointer) throws -> Shape {
        let type = try typeID(g)
        switch type {
        case Int32(GEOS_POINT.rawValue):
            guard let c = try coordinates(of: g).first else {
                throw GEOSError(operation: "shape read", message: "an empty point has no coordinate")
            }
            return .point(c)
        case Int32(GEOS_LINESTRING.rawValue), Int32(GEOS_LINEARRING.rawValue):
            return .lineString(try coordinates(of: g))
        case Int32(GEOS_POLYGON.rawValue):
            return .polygon(try rings(of: g))
        case Int32(GEOS_MULTIPOINT.rawValue):
            return .multiPoint(try parts(of: g).flatMap { try coordinates(of: $0) })
        case Int32(GEOS_MULTILINESTRING.rawValue):
            return .multiLineString(try parts(of: g).map { try coordinates(of: $0) })
        case Int32(GEOS_MULTIPOLYGON.rawValue):
            return .multiPolygon(try parts(of: g).map { try rings(of: $0) })
        default:
            throw GEOSError(operation: "shape read", message: "geometry collections have no Shape")
        }
    }

    private func typeID(_ g: OpaquePointer) throws -> Int32 {
        let id = GEOSGeomTypeId_r(context.handle, g)
        if id < 0 { throw GEOSError(operation: "shape read", message: "unknown geometry type") }
        return id
    }

    /// Child geometries, borrowed from (and owned by) `g`.
    private func parts(of g: OpaquePointer) throws -> [OpaquePointer] {
        let n = GEOSGetNumGeometries_r(context.handle, g)
        return try (0..<max(n, 0)).map { i in
            try context.make("part read") { GEOSGetGeometryN_r($0, g, i) }
        }
    }

    private func rings(of polygon: OpaquePointer) throws -> [[Coordinate]] {
        if try context.predicate("emptiness check", { GEOSisEmpty_r($0, polygon) }) { return [] }
        let shell = try context.make("ring read") { GEOSGetExteriorRing_r($0, polygon) }
        var result = [try coordinates(of: shell)]
        let holes = GEOSGetNumInteriorRings_r(context.handle, polygon)
        for i in 0..<max(holes, 0) {
            let hole = try context.make("ring read") { GEOSGetInteriorRingN_r($0, polygon, i) }
            result.append(try coordinates(of: hole))
        }
        return result
    }

    private func coordinates(of g: OpaquePointer) throws -> [Coordinate] {
        let seq = try context.make("coordinate read") { GEOSGeom_getCoordSeq_r($0, g) }
        var size: UInt32 = 0
        try context.check("coordinate read") { GEOSCoordSeq_getSize_r($0, seq, &size) }
        var result = [Coordinate](repeating: Coordinate(0, 0), count: Int(size))
        try result.withUnsafeMutableBufferPointer { buffer in
            try buffer.withMemoryRebound(to: Double.self) { doubles in
                try context.check("coordinate read") {
                    GEOSCoordSeq_copyToBuffer_r($0, seq, doubles.baseAddress, 0, 0)
                }
            }
        }
        return result
    }
}
