/// An axis-aligned rectangle, the unit of every spatial-index query.
public struct Envelope: Hashable, Sendable {
    /// West (or left) edge.
    public var minX: Double
    /// South (or bottom) edge.
    public var minY: Double
    /// East (or right) edge.
    public var maxX: Double
    /// North (or top) edge.
    public var maxY: Double

    /// A rectangle from its bounds; callers keep `min <= max`.
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// The smallest rectangle holding every coordinate; `nil` for none.
    public init?<C: Collection>(covering coordinates: C) where C.Element == Coordinate {
        guard let first = coordinates.first else { return nil }
        var e = Envelope(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
        for c in coordinates.dropFirst() { e.expand(toInclude: c) }
        self = e
    }

    /// Grows the rectangle to hold `c`.
    public mutating func expand(toInclude c: Coordinate) {
        minX = Swift.min(minX, c.x); maxX = Swift.max(maxX, c.x)
        minY = Swift.min(minY, c.y); maxY = Swift.max(maxY, c.y)
    }

    /// Grows the rectangle to hold `other`.
    public mutating func expand(toInclude other: Envelope) {
        minX = Swift.min(minX, other.minX); maxX = Swift.max(maxX, other.maxX)
        minY = Swift.min(minY, other.minY); maxY = Swift.max(maxY, other.maxY)
    }

    /// The rectangle widened by `dx` on the left and right and by `dy` below and above.
    public func expanded(dx: Double, dy: Double) -> Envelope {
        Envelope(minX: minX - dx, minY: minY - dy, maxX: maxX + dx, maxY: maxY + dy)
    }

    /// Whether the two closed rectangles share at least one point.
    public func intersects(_ other: Envelope) -> Bool {
        minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
    }

    /// Whether `c` lies in the closed rectangle.
    public func contains(_ c: Coordinate) -> Bool {
        c.x >= minX && c.x <= maxX && c.y >= minY && c.y <= maxY
    }

    /// East–west extent.
    public var width: Double { maxX - minX }
    /// North–south extent.
    public var height: Double { maxY - minY }
}
