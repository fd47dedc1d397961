import CorridorRisk
import GeoFoundation

/// Joins the ways of one route (an OSM road's hundreds of short ways, say) into its lines with
/// GEOS's line merger, so chainage runs along the whole road.
///
/// The result depends only on the set of ways, not on their order or direction in the file: each
/// way is first oriented (from its lexicographically smaller end) and the ways sorted, then
/// merged. Gaps and branches leave several lines; they are ordered longest first (the main line
/// carries chainage from 0), ties by their start, and each runs from its western end (the
/// southern one when both ends share a longitude).
struct RouteBuilder {
    let geos = GEOSContext()

    func merge(_ ways: [[Coordinate]]) throws -> [[Coordinate]] {
        let canonical = ways.filter { $0.count >= 2 }.map { w in Self.precedes(w[w.count - 1], w[0]) ? Array(w.reversed()) : w }
            .sorted { a, b in
                if a[0] != b[0] { return Self.precedes(a[0], b[0]) }
                if a.count != b.count { return a.count < b.count }
                return a.lexicographicallyPrecedes(b, by: Self.precedes)
            }
        guard !canonical.isEmpty else { return [] }
        let merged = try Geometry(.multiLineString(canonical), in: geos).lineMerged().shape()
        let parts: [[Coordinate]]
        switch merged {
        case .lineString(let cs): parts = [cs]
        case .multiLineString(let ls): parts = ls
        default: parts = canonical
        }
        let geodesic = Geodesic.wgs84
        return parts.map { p in Self.precedes(p[p.count - 1], p[0]) ? Array(p.reversed()) : p }
            .map { (line: $0, length: geodesic.length(of: $0)) }
            .sorted { a, b in
                if a.length != b.length { return a.length > b.length }
                return a.line.lexicographicallyPrecedes(b.line, by: Self.precedes)
            }
            .map(\.line)
    }

    /// West before east, then south before north.
    static func precedes(_ a: Coordinate, _ b: Coordinate) -> Bool { a.x != b.x ? a.x < b.x : a.y < b.y }
}
