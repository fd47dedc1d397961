/// The rules a geometry must meet before anything measures it (RFC 7946's, which the GeoJSON
/// readers and `RiskScorer` both apply): finite lon/lat positions in range, lines of two or more
/// positions, closed rings of four or more, no empty multi-geometry.
enum ShapeValidation {
    static func check(_ shape: Shape) throws(Rejection) {
        switch shape {
        case .point(let c):
            try position(c)
        case .multiPoint(let cs):
            if cs.isEmpty { throw Rejection("empty MultiPoint") }
            for c in cs { try position(c) }
        case .lineString(let cs):
            try line(cs)
        case .multiLineString(let lines):
            if lines.isEmpty { throw Rejection("empty MultiLineString") }
            for l in lines { try line(l) }
        case .polygon(let rings):
            try polygon(rings)
        case .multiPolygon(let polygons):
            if polygons.isEmpty { throw Rejection("empty MultiPolygon") }
            for rings in polygons { try polygon(rings) }
        }
    }

    static func position(_ c: Coordinate) throws(Rejection) {
        try RecordValidation.coordinate(c.x, name: "longitude", limit: 180)
        try RecordValidation.coordinate(c.y, name: "latitude", limit: 90)
    }

    private static func line(_ cs: [Coordinate]) throws(Rejection) {
        for c in cs { try position(c) }
        if cs.isEmpty { throw Rejection("empty LineString") }
        if cs.count < 2 { throw Rejection("a LineString needs at least 2 positions, got \(cs.count)") }
    }

    private static func polygon(_ rings: [[Coordinate]]) throws(Rejection) {
        if rings.isEmpty { throw Rejection("empty Polygon") }
        for ring in rings {
            for c in ring { try position(c) }
            if ring.count < 4 { throw Rejection("a Polygon ring needs at least 4 positions, got \(ring.count)") }
            if ring.first != ring.last { throw Rejection("a Polygon ring must be closed (first position = last)") }
        }
    }
}
