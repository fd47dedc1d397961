/// Many polylines (and points, as one-vertex polylines) in a projected plane, their vertices in
/// two flat arrays, with the one query the scoring join asks millions of times: the nearest
/// point of an item to a point. No allocation, no C call per query; GEOS's
/// `Geometry.distance(to:)` is the reference it is tested against.
public struct PlanarPolylines: Sendable {
    /// Vertex coordinates, run after run.
    private var xs: [Double] = []
    private var ys: [Double] = []
    /// Run k's vertices are `runStarts[k] ..< runStarts[k + 1]`.
    private var runStarts: [Int] = [0]
    /// Item h's runs are `itemRuns[h] ..< itemRuns[h + 1]`.
    private var itemRuns: [Int] = [0]

    /// No items yet.
    public init() {}

    /// How many items there are.
    public var count: Int { itemRuns.count - 1 }

    /// Adds an item made of `runs` (each a polyline of at least one vertex) and returns its index.
    @discardableResult
    public mutating func append(runs: [[Coordinate]]) -> Int {
        for run in runs where !run.isEmpty {
            for c in run {
                xs.append(c.x)
                ys.append(c.y)
            }
            runStarts.append(xs.count)
        }
        itemRuns.append(runStarts.count - 1)
        return count - 1
    }

    /// The squared distance from `(px, py)` to item `h`, and the nearest point's x (a
    /// transverse Mercator's easting, which its scale factor depends on).
    @inline(__always)
    public func nearest(toX px: Double, y py: Double, item h: Int) -> (squaredDistance: Double, x: Double) {
        var best = Double.infinity
        var bestX = 0.0
        xs.withUnsafeBufferPointer { x in
            ys.withUnsafeBufferPointer { y in
                for k in itemRuns[h]..<itemRuns[h + 1] {
                    let start = runStarts[k], end = runStarts[k + 1]
                    var ax = x[start], ay = y[start]
                    var d2 = (px - ax) * (px - ax) + (py - ay) * (py - ay)
                    if d2 < best { best = d2; bestX = ax }
                    var i = start + 1
                    while i < end {
                        let bx = x[i], by = y[i]
                        let dx = bx - ax, dy = by - ay
                        let len2 = dx * dx + dy * dy
                        var t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0
                        t = t < 0 ? 0 : (t > 1 ? 1 : t)
                        let qx = ax + t * dx, qy = ay + t * dy
                        d2 = (px - qx) * (px - qx) + (py - qy) * (py - qy)
                        if d2 < best { best = d2; bestX = qx }
                        ax = bx
                        ay = by
                        i += 1
                    }
                }
            }
        }
        return (best, bestX)
    }
}
