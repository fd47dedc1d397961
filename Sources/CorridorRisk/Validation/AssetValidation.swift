import GeoFoundation

/// The rules every asset must meet to be scored (METHOD §1), applied in one place to assets a
/// reader made and assets built in code: a non-empty id used once, a criticality in (0, 10], a
/// geometry that suits the kind (lines for linear kinds; a Point, Polygon or MultiPolygon for
/// sites), well-formed and finite, corridor names that are not blank, and polygons valid enough to have an area.
struct AssetChecker {
    private let geos = GEOSContext()
    /// Each id seen so far, with the index of the asset that had it.
    private var seen: [String: Int] = [:]

    /// Checks the asset at `index`; the reason names the first rule it breaks.
    mutating func check(_ asset: Asset, index: Int) throws(Rejection) {
        _ = try RecordValidation.id(asset.id)
        guard asset.criticality.isFinite, asset.criticality > 0, asset.criticality <= 10 else {
            throw Rejection("criticality must be in (0, 10], got \(RecordValidation.format(asset.criticality))")
        }
        for corridor in asset.corridors where corridor.allSatisfy(\.isWhitespace) {
            throw Rejection("corridor names must not be blank, got \"\(corridor)\" (remove it or name the corridor)")
        }
        try ShapeValidation.check(asset.geometry)
        switch (asset.kind.isLinear, asset.geometry) {
        case (true, .lineString), (true, .multiLineString), (false, .point), (false, .polygon), (false, .multiPolygon):
            break
        case (true, _):
            throw Rejection("a \(asset.kind.rawValue) asset needs a LineString or MultiLineString, got \(asset.geometry.typeName)")
        case (false, _):
            throw Rejection("a \(asset.kind.rawValue) site needs a Point, Polygon or MultiPolygon, got \(asset.geometry.typeName)")
        }
        if let first = seen[asset.id] { throw Rejection("duplicate asset id (also feature \(first))") }
        seen[asset.id] = index
        try checkPolygonValidity(asset.geometry)
    }

    /// Polygons must be valid (no self-intersection) for areas and distances to mean anything.
    private func checkPolygonValidity(_ shape: Shape) throws(Rejection) {
        switch shape {
        case .polygon, .multiPolygon:
            do {
                let g = try Geometry(shape, in: geos)
                if try !g.isValid() { throw Rejection("invalid \(shape.typeName): \(try g.validityReason())") }
            } catch let r as Rejection {
                throw r
            } catch {
                throw Rejection("invalid \(shape.typeName): \(error)")
            }
        default:
            return
        }
    }
}

extension Infrastructure {
    /// Throws the `InputError` a reader would give for the first asset that cannot be scored,
    /// naming it by its position and id.
    public func validate() throws(InputError) {
        var checker = AssetChecker()
        for (index, asset) in assets.enumerated() {
            do throws(Rejection) {
                try checker.check(asset, index: index)
            } catch {
                throw InputError(.malformed, file: file, location: InputError.featureLocation(index, id: asset.id),
                                 reason: error.reason)
            }
        }
    }
}
