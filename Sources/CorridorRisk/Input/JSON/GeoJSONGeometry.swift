/// Reads a GeoJSON geometry object into a `Shape` and checks it with `ShapeValidation` (what
/// RFC 7946 requires: finite lon/lat positions, lines of two or more, closed rings of four or more).
enum GeoJSONGeometry {
    static func shape(_ json: JSONValue) throws(Rejection) -> Shape {
        guard case .object = json else { throw Rejection("geometry must be an object, got \(json.kindName)") }
        guard let type = json["type"]?.string else { throw Rejection("geometry has no 'type'") }
        guard let coordinates = json["coordinates"] else {
            if type == "GeometryCollection" { throw Rejection("GeometryCollection is not supported") }
            throw Rejection("\(type) geometry has no 'coordinates'")
        }
        let shape: Shape
        switch type {
        case "Point": shape = .point(try position(coordinates))
        case "LineString": shape = .lineString(try positions(coordinates, "LineString"))
        case "Polygon": shape = .polygon(try rings(coordinates))
        case "MultiPoint": shape = .multiPoint(try positions(coordinates, "MultiPoint"))
        case "MultiLineString":
            shape = .multiLineString(try list(coordinates, "MultiLineString").map { (v) throws(Rejection) in try positions(v, "LineString") })
        case "MultiPolygon":
            shape = .multiPolygon(try list(coordinates, "MultiPolygon").map { (v) throws(Rejection) in try rings(v) })
        default: throw Rejection("unknown geometry type '\(type)'")
        }
        try ShapeValidation.check(shape)
        return shape
    }

    private static func list(_ v: JSONValue, _ what: String) throws(Rejection) -> [JSONValue] {
        guard let items = v.array else { throw Rejection("\(what) coordinates must be an array, got \(v.kindName)") }
        return items
    }

    /// A position: an array of at least two numbers (range checks are `ShapeValidation`'s).
    static func position(_ v: JSONValue) throws(Rejection) -> Coordinate {
        guard let items = v.array, items.count >= 2, let x = items[0].number, let y = items[1].number else {
            throw Rejection("a position must be an array of two numbers [lon, lat]")
        }
        return Coordinate(x, y)
    }

    private static func positions(_ v: JSONValue, _ what: String) throws(Rejection) -> [Coordinate] {
        try list(v, what).map { (p) throws(Rejection) in try position(p) }
    }

    private static func rings(_ v: JSONValue) throws(Rejection) -> [[Coordinate]] {
        try list(v, "Polygon").map { (r) throws(Rejection) in try positions(r, "Polygon ring") }
    }
}
