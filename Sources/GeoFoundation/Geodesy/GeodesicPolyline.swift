/// A polyline with geodesic edges and its chainage (distance along it from the first vertex):
/// linear referencing, the point at a chainage and the piece between two chainages.
///
/// Consecutive duplicate vertices are dropped, so every edge has a length.
public struct GeodesicPolyline: Sendable {
    /// The vertices, without consecutive repeats.
    public let vertices: [Coordinate]
    /// `chainage[i]` = geodesic distance (m) along the line from the first vertex to vertex i.
    public let chainage: [Double]
    private let geodesic: Geodesic

    /// The polyline through `vertices` (consecutive duplicates dropped).
    public init(_ vertices: [Coordinate], geodesic: Geodesic = .wgs84) {
        var distinct: [Coordinate] = []
        distinct.reserveCapacity(vertices.count)
        for c in vertices where distinct.last != c { distinct.append(c) }
        self.vertices = distinct
        self.geodesic = geodesic
        var chainage = [0.0]
        chainage.reserveCapacity(distinct.count)
        for (a, b) in zip(distinct, distinct.dropFirst()) {
            chainage.append(chainage[chainage.count - 1] + geodesic.distance(a, b))
        }
        self.chainage = distinct.isEmpty ? [] : chainage
    }

    /// Length in metres (0 for fewer than two distinct vertices).
    public var length: Double { chainage.last ?? 0 }

    /// The point at chainage `s` metres, on the geodesic edge that holds it (clamped to the ends).
    public func point(at s: Double) -> Coordinate {
        let j = edge(containing: s)
        let offset = s - chainage[j]
        if offset <= 0 { return vertices[j] }
        if j + 1 >= vertices.count || s >= chainage[j + 1] { return vertices[min(j + 1, vertices.count - 1)] }
        return geodesic.point(from: vertices[j], to: vertices[j + 1], atDistance: offset)
    }

    /// The polyline from chainage `a` to `b` (metres): both cut points and every vertex strictly
    /// between them.
    public func slice(from a: Double, to b: Double) -> [Coordinate] {
        var out = [point(at: a)]
        for (i, c) in chainage.enumerated() where c > a && c < b { out.append(vertices[i]) }
        let end = point(at: b)
        if out.last != end { out.append(end) }
        return out
    }

    /// The index of the edge's first vertex: the last vertex at or before `s`.
    private func edge(containing s: Double) -> Int {
        var lo = 0, hi = chainage.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if chainage[mid] <= s { lo = mid } else { hi = mid - 1 }
        }
        return min(lo, max(vertices.count - 2, 0))
    }
}
