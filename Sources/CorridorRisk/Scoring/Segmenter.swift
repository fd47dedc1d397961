import GeoFoundation

/// Cuts linear assets into chainage segments and makes each site one unit (METHOD §1).
///
/// Lengths are geodesic; a cut point is interpolated along the geodesic edge it falls on
/// (`GeodesicPolyline` does the linear referencing).
struct Segmenter {
    let parameters: ModelParameters
    private let geodesic = Geodesic.wgs84

    init(parameters: ModelParameters) {
        self.parameters = parameters
    }

    func units(for assets: [Asset], file: String = "infrastructure") throws -> (units: [ScoringUnit], warnings: [String]) {
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
        try Self.checkUniqueIDs(units, assets: assets, file: file)
        return (units, warnings)
    }

    /// Segment ids are `<asset>#<k>`, so an asset named `a#1` next to a line `a` would share an id
    /// with its first segment: every format would then show two units `a#1`. That is an error
    /// naming both, before any scoring.
    static func checkUniqueIDs(_ units: [ScoringUnit], assets: [Asset], file: String) throws {
        var seen: [String: Int] = [:]
        seen.reserveCapacity(units.count)
        for (k, u) in units.enumerated() {
            guard let first = seen.updateValue(k, forKey: u.id) else { continue }
            let a = assets[units[first].assetIndex].id, b = assets[u.assetIndex].id
            throw InputError(.malformed, file: file, reason: "two scoring units would both be '\(u.id)': "
                             + "from asset '\(a)' and from asset '\(b)' (a segment is named <asset id>#<k>): rename one of them")
        }
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
        for (partNumber, vertices) in parts.enumerated() {
            let part = GeodesicPolyline(vertices, geodesic: geodesic)
            guard part.length > 0 else {
                warnings.append("asset \(asset.id): part \(partNumber + 1) has zero length and was skipped")
                continue
            }
            for (a, b) in Self.pieces(length: part.length, segment: segmentM) {
                let lengthKm = (b - a) / 1000
                units.append(ScoringUnit(
                    id: "\(asset.id)#\(units.count + 1)", assetIndex: index,
                    startKm: (chainage + a) / 1000, endKm: (chainage + b) / 1000, lengthKm: lengthKm,
                    geometry: .lineString(part.slice(from: a, to: b)),
                    representative: part.point(at: (a + b) / 2),
                    kernelAreaKm2: RiskModel.segmentKernelArea(lengthKm: lengthKm, radiusKm: parameters.radiusKm),
                    isSegment: true))
            }
            chainage += part.length
        }
        return units
    }

    /// Piece boundaries along a part of length `length`: cut at every multiple of `segment`,
    /// then a last piece shorter than half a segment is merged into the one before it.
    static func pieces(length: Double, segment: Double) -> [(Double, Double)] {
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

    /// A site's unit. The asset was validated (METHOD §1), so its geometry is a Point, a Polygon
    /// or a MultiPolygon with at least one ring.
    private func site(_ asset: Asset, index: Int, geos: GEOSContext) throws -> ScoringUnit {
        let r = parameters.radiusKm
        let area: Double
        let representative: Coordinate
        switch asset.geometry {
        case .polygon(let rings):
            area = polygonArea([rings])
            representative = try centroid(asset.geometry, geos)
        case .multiPolygon(let polygons):
            area = polygonArea(polygons)
            representative = try centroid(asset.geometry, geos)
        default:
            area = RiskModel.pointKernelArea(radiusKm: r)
            representative = asset.geometry.allCoordinates.first ?? Coordinate(0, 0)
        }
        return ScoringUnit(id: asset.id, assetIndex: index, startKm: 0, endKm: 0, lengthKm: 0,
                           geometry: asset.geometry, representative: representative,
                           kernelAreaKm2: area, isSegment: false)
    }

    /// The kernel area of polygons from their geodesic area (outer rings minus holes) and perimeter.
    private func polygonArea(_ polygons: [[[Coordinate]]]) -> Double {
        let (a, p) = geodesic.areaAndPerimeter(ofPolygons: polygons)
        return RiskModel.polygonKernelArea(areaKm2: a / 1e6, perimeterKm: p / 1000, radiusKm: parameters.radiusKm)
    }

    /// The planar centroid in lon/lat, as the spec defines a polygon's representative point.
    private func centroid(_ shape: Shape, _ geos: GEOSContext) throws -> Coordinate {
        guard case .point(let c) = try Geometry(shape, in: geos).centroid().shape() else {
            throw GEOSError(operation: "centroid", message: "the polygon has no centroid (is it empty?)")
        }
        return c
    }
}
