extension Shape {
    /// The same shape with every coordinate run passed through `transform` (a run is a line,
    /// a ring, or a multipoint's points), so a bulk projection handles each run in one call.
    public func mapRuns<E: Error>(_ transform: ([Coordinate]) throws(E) -> [Coordinate]) throws(E) -> Shape {
        switch self {
        case .point(let c): return .point(try transform([c])[0])
        case .multiPoint(let cs): return .multiPoint(try transform(cs))
        case .lineString(let cs): return .lineString(try transform(cs))
        case .multiLineString(let ls): return .multiLineString(try ls.map { (l) throws(E) in try transform(l) })
        case .polygon(let rings): return .polygon(try rings.map { (r) throws(E) in try transform(r) })
        case .multiPolygon(let ps):
            return .multiPolygon(try ps.map { (p) throws(E) in try p.map { (r) throws(E) in try transform(r) } })
        }
    }

    /// The shape with geodesic points inserted so no edge is longer than `maxEdgeMetres`.
    ///
    /// An edge between two lon/lat vertices is a geodesic; once projected it is a curve, and a
    /// planar segment between the projected ends would miss it. Short pieces keep the difference
    /// under a centimetre at 2 km. Points are unchanged.
    public func densified(maxEdgeMetres: Double, geodesic: Geodesic = .wgs84) -> Shape {
        func run(_ cs: [Coordinate]) -> [Coordinate] {
            guard var out = cs.first.map({ [$0] }) else { return cs }
            for (a, b) in zip(cs, cs.dropFirst()) {
                let d = geodesic.distance(a, b)
                let pieces = Int((d / maxEdgeMetres).rounded(.up))
                if pieces > 1 {
                    out += geodesic.points(from: a, to: b, atDistances: (1..<pieces).map { d * Double($0) / Double(pieces) })
                }
                out.append(b)
            }
            return out
        }
        switch self {
        case .point, .multiPoint: return self
        default: return mapRuns(run)
        }
    }

    /// Whether every coordinate is finite and within lon [-180, 180], lat [-90, 90].
    public var hasValidLonLat: Bool {
        allCoordinates.allSatisfy { $0.x.isFinite && $0.y.isFinite && abs($0.x) <= 180 && abs($0.y) <= 90 }
    }
}

extension CoordinateTransformer {
    /// The shape with every coordinate transformed from source to target, one call per run.
    public func forward(_ shape: Shape) throws -> Shape {
        try shape.mapRuns { (run: [Coordinate]) throws -> [Coordinate] in
            var out = run
            try forward(&out)
            return out
        }
    }
}
