import GeoFoundation

/// Cuts linear assets into chainage segments and makes each site one unit (spec §2).
///
/// Lengths are geodesic; a cut point is interpolated along the geodesic edge it falls on.
struct Segmenter {
    let parameters: ModelParameters
    private let geodesic = Geodesic.wgs84

    init(parameters: ModelParameters) {
        self.parameters = parameters
    }

    func units(for assets: [Asset]) throws -> (units: [ScoringUnit], warnings: [String]) {
        let geos = GEOSContext()
        var units: [ScoringUnit] = []
        var warnings: [String] = []
        for (index, asset) in assets.enumerated() {
            if asset.kind.isLinear {
                units += segments(of: asset, index: index, warnings: &warnings)
            } else {
                units.append(try site(asset, index: index, geos: geos))
            }
        }
        return (units, warnings)
    }

    // MARK: - Linear assets

    private func segments(of asset: Asset, index: Int, warnings: inout [String]) -> [ScoringUnit] {
        let parts: [[Coordinate]]
        switch asset.geometry {
        case .lineString(let cs): parts = [cs]
        case .multiLineString(let lines): parts = lines
        default: parts = []
        }
        let segmentM = parameters.segmentKm * 1000
        var units: [ScoringUnit] = []
        var chainage = 0.0  // metres before the current part
        for (partNumber, raw) in parts.enumerated() {
            var vertices: [Coordinate] = []
            for c in raw where vertices.last != c { vertices.append(c) }
            let part = Part(vertices: vertices, geodesic: geodesic)
            guard part.length > 0 else {
                warnings.append("asset \(asset.id): part \(partNumber + 1) has zero length and was skipped")
                continue
            }
            for (a, b) in pieces(length: part.length, segment: segmentM) {
                units.append(ScoringUnit(
                    id: "\(asset.id)#\(units.count + 1)", assetIndex: index,
                    startKm: (chainage + a) / 1000, endKm: (chainage + b) / 1000, lengthKm: (b - a) / 1000,
                    geometry: .lineString(part.slice(from: a, to: b)),
                    representative: part.point(at: (a + b) / 2),
                    kernelAreaKm2: (b - a) / 1000 * (16.0 / 15.0) * parameters.radiusKm + pointKernelArea,
                    isSegment: true))
            }
            chainage += part.length
        }
        return units
    }

    /// Piece boundaries along a part of length `length`: cut at every multiple of `segment`,
    /// then a last piece shorter than half a segment is merged into the one before it.
    func pieces(length: Double, segment: Double) -> [(Double, Double)] {
        var cuts = [0.0]
        var k = 1.0
        while k * segment < length {
            cuts.append(k * segment)
            k += 1
        }
        cuts.append(length)
        if cuts.count > 2, length - cuts[cuts.count - 2] < segment / 2 {
            cuts.remove(at: cuts.count - 2)
        }
        return zip(cuts, cuts.dropFirst()).map { ($0, $1) }
    }

    // MARK: - Sites

    private var pointKernelArea: Double { Double.pi * parameters.radiusKm * parameters.radiusKm / 3 }

    private func site(_ asset: Asset, index: Int, geos: GEOSContext) throws -> ScoringUnit {
        let r = parameters.radiusKm
        var area = pointKernelArea
        var representative: Coordinate
        switch asset.geometry {
        case .point(let c):
            representative = c
        case .polygon(let rings):
            let (a, p) = measure([rings])
            area += a + p * (8.0 / 15.0) * r
            representative = try centroid(asset.geometry, geos)
        case .multiPolygon(let polygons):
            let (a, p) = measure(polygons)
            area += a + p * (8.0 / 15.0) * r
            representative = try centroid(asset.geometry, geos)
        default:
            representative = asset.geometry.allCoordinates.first ?? Coordinate(0, 0)
        }
        return ScoringUnit(id: asset.id, assetIndex: index, startKm: 0, endKm: 0, lengthKm: 0,
                           geometry: asset.geometry, representative: representative,
                           kernelAreaKm2: area, isSegment: false)
    }

    /// Geodesic area (outer rings minus holes) and perimeter (all rings), in km² and km.
    private func measure(_ polygons: [[[Coordinate]]]) -> (area: Double, perimeter: Double) {
        var area = 0.0, perimeter = 0.0
        for rings in polygons {
            for (i, ring) in rings.enumerated() {
                let (a, p) = geodesic.areaAndPerimeter(ofRing: ring)
                area += i == 0 ? a : -a
                perimeter += p
            }
        }
        return (area / 1e6, perimeter / 1000)
    }

    /// The planar centroid in lon/lat, as the spec defines a polygon's representative point.
    private func centroid(_ shape: Shape, _ geos: GEOSContext) throws -> Coordinate {
        guard case .point(let c) = try Geometry(shape, in: geos).centroid().shape() else {
            return shape.allCoordinates.first ?? Coordinate(0, 0)
        }
        return c
    }
}

/// One LineString part with its cumulative geodesic chainage, for cutting and interpolating.
struct Part {
    let vertices: [Coordinate]
    /// cumulative[i] = geodesic distance (m) from the first vertex to vertex i.
    let cumulative: [Double]
    let geodesic: Geodesic

    init(vertices: [Coordinate], geodesic: Geodesic) {
        self.vertices = vertices
        self.geodesic = geodesic
        var cumulative = [0.0]
        for (a, b) in zip(vertices, vertices.dropFirst()) {
            cumulative.append(cumulative[cumulative.count - 1] + geodesic.distance(a, b))
        }
        self.cumulative = cumulative
    }

    var length: Double { cumulative.last ?? 0 }

    /// The point at chainage `s` (m), on the geodesic edge that holds it.
    func point(at s: Double) -> Coordinate {
        let j = edge(containing: s)
        let offset = s - cumulative[j]
        if offset <= 0 { return vertices[j] }
        if j + 1 >= vertices.count || s >= cumulative[j + 1] { return vertices[min(j + 1, vertices.count - 1)] }
        return geodesic.point(from: vertices[j], to: vertices[j + 1], atDistance: offset)
    }

    /// The polyline from chainage `a` to `b`: both cut points and every vertex strictly between.
    func slice(from a: Double, to b: Double) -> [Coordinate] {
        var out = [point(at: a)]
        for (i, c) in cumulative.enumerated() where c > a && c < b { out.append(vertices[i]) }
        let end = point(at: b)
        if out.last != end { out.append(end) }
        return out
    }

    /// The index of the edge's first vertex: the last vertex at or before `s`.
    private func edge(containing s: Double) -> Int {
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if cumulative[mid] <= s { lo = mid } else { hi = mid - 1 }
        }
        return min(lo, max(vertices.count - 2, 0))
    }
}
