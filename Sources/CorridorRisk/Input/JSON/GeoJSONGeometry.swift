/// Reads a GeoJSON geometry object into a `Shape`, checking what RFC 7946 requires:
/// positions of at least two finite numbers in lon/lat range, lines of two or more positions,
/// closed rings of four or more.
enum GeoJSONGeometry {
    static func shape(_ json: JSONValue) throws(Rejection) -> Shape {
        guard case .object = json else { throw Rejection("geometry must be an object, got \(json.kindName)") }
        guard let type = json["type"]?.string else { throw Rejection("geometry has no 'type'") }
        guard let coordinates = json["coordinates"] else {
            if type == "GeometryCollection" { throw Rejection("GeometryCollection is not supported") }
            throw Rejection("\(type) geometry has no 'coordinates'")
        }
        switch type {
        case "Point": return .point(try position(coordinates))
        case "LineString": return .lineString(try line(coordinates))
        case "Polygon": return .polygon(try polygon(coordinates))
        case "MultiPoint": return .multiPoint(try list(coordinates, "MultiPoint").map { v throws(Rejection) in try position(v) })
        case "MultiLineString": return .multiLineString(try nonEmpty(list(coordinates, "MultiLineString"), "MultiLineString").map { v throws(Rejection) in try line(v) })
        case "MultiPolygon": return .multiPolygon(try nonEmpty(list(coordinates, "MultiPolygon"), "MultiPolygon").map { v throws(Rejection) in try polygon(v) })
        default: throw Rejection("unknown geometry type '\(type)'")
        }
    }

    private static func list(_ v: JSONValue, _ what: String) throws(Rejection) -> [JSONValue] {
        guard let items = v.array else { throw Rejection("\(what) coordinates must be an array, got \(v.kindName)") }
        return items
    }

    private static func nonEmpty(_ items: [JSONValue], _ what: String) throws(Rejection) -> [JSONValue] {
        if items.isEmpty { throw Rejection("empty \(what)") }
        return items
    }

    static func position(_ v: JSONValue) throws(Rejection) -> Coordinate {
        guard let items = v.array, items.count >= 2, let x = items[0].number, let y = items[1].number else {
            throw Rejection("a position must be an array of two numbers [lon, lat]")
        }
        try RecordValidation.coordinate(x, name: "longitude", limit: 180)
        try RecordValidation.coordinate(y, name: "latitude", limit: 90)
        return Coordinate(x, y)
    }

    private static func line(_ v: JSONValue) throws(Rejection) -> [Coordinate] {
        let points = try list(v, "LineString").map { p throws(Rejection) in try position(p) }
        if points.isEmpty { throw Rejection("empty LineString") }
        if points.count < 2 { throw Rejection("a LineString needs at least 2 positions, got \(points.count)") }
        return points
    }

    private static func polygon(_ v: JSONValue) throws(Rejection) -> [[Coordinate]] {
        let rings = try list(v, "Polygon")
        if rings.isEmpty { throw Rejection("empty Polygon") }
        return try rings.map { r throws(Rejection) in
            let ring = try list(r, "Polygon ring").map { p throws(Rejection) in try position(p) }
            if ring.count < 4 { throw Rejection("a Polygon ring needs at least 4 positions, got \(ring.count)") }
            if ring.first != ring.last { throw Rejection("a Polygon ring must be closed (first position = last)") }
            return ring
        }
    }
}
