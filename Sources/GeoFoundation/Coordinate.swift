/// A planar or geographic position: `x` is longitude (or easting), `y` latitude (or northing).
///
/// Two `Double`s in that order, so an array of coordinates is handed to GEOS and PROJ as an
/// interleaved buffer without copying.
public struct Coordinate: Hashable, Sendable, CustomStringConvertible {
    /// Longitude in degrees, or easting in metres.
    public var x: Double
    /// Latitude in degrees, or northing in metres.
    public var y: Double

    /// A coordinate from its two components.
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    /// Longitude for a geographic coordinate (an alias of `x` that reads better in geodesy code).
    public var lon: Double { x }
    /// Latitude for a geographic coordinate (an alias of `y`).
    public var lat: Double { y }

    public var description: String { "(\(x) \(y))" }
}
