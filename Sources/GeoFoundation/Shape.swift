/// A geometry as plain Swift values: what readers produce and what GEOS geometries are built from.
///
/// Rings are closed (first coordinate equals last); a polygon's first ring is its shell and the
/// rest are holes. `Shape` is `Sendable`, so it crosses threads where GEOS handles may not.
public enum Shape: Hashable, Sendable {
    case point(Coordinate)
    case lineString([Coordinate])
    case polygon([[Coordinate]])
    case multiPoint([Coordinate])
    case multiLineString([[Coordinate]])
    case multiPolygon([[[Coordinate]]])

    /// The OGC name of the geometry type, as GeoJSON and WKT spell it.
    public var typeName: String {
        switch self {
        case .point: "Point"
        case .lineString: "LineString"
        case .polygon: "Polygon"
        case .multiPoint: "MultiPoint"
        case .multiLineString: "MultiLineString"
        case .multiPolygon: "MultiPolygon"
        }
    }

    /// Every coordinate, in storage order.
    public var allCoordinates: [Coordinate] {
        switch self {
        case .point(let c): [c]
        case .lineString(let cs), .multiPoint(let cs): cs
        case .polygon(let rings), .multiLineString(let rings): rings.flatMap { $0 }
        case .multiPolygon(let polys): polys.flatMap { $0.flatMap { $0 } }
        }
    }

    /// The bounding rectangle; `nil` when the shape holds no coordinate.
    public var envelope: Envelope? { Envelope(covering: allCoordinates) }
}
