import GeoFoundation

/// Names each unit by the places around it (METHOD §9): the nearest place to its representative
/// point within `placeNearKm`, with the compass bearing from the place, and for a segment the
/// places nearest its two ends within `placeEndKm`. Places are found through an STRtree of their
/// points and measured geodesically, so a gazetteer of a whole country costs little per unit.
struct PlaceNaming {
    private let places: [Place]
    private let geos = GEOSContext()
    private let tree: SpatialIndex
    private let geodesic = Geodesic.wgs84

    init(_ gazetteer: Gazetteer) throws {
        places = gazetteer.places
        tree = try SpatialIndex(envelopes: places.map { Envelope(minX: $0.location.x, minY: $0.location.y,
                                                                 maxX: $0.location.x, maxY: $0.location.y) }, in: geos)
    }

    func places(for unit: ScoringUnit, parameters p: ModelParameters) throws -> UnitPlaces {
        var near: PlaceReference?
        if let (place, d, azimuth) = try nearest(to: unit.representative, withinKm: p.placeNearKm) {
            near = PlaceReference(name: place.name, distanceKm: d / 1000,
                                  bearing: RiskModel.isAtPlace(distanceMetres: d) ? nil : RiskModel.compassPoint(azimuth: azimuth))
        }
        guard unit.isSegment, case .lineString(let line) = unit.geometry, let start = line.first, let end = line.last else {
            return UnitPlaces(near: near, from: nil, to: nil)
        }
        return UnitPlaces(near: near, from: try nearest(to: start, withinKm: p.placeEndKm)?.0.name,
                          to: try nearest(to: end, withinKm: p.placeEndKm)?.0.name)
    }

    /// The nearest place within `limitKm` of `c` (ties: the smaller name), its distance (m) and the
    /// forward azimuth at the place towards `c`.
    private func nearest(to c: Coordinate, withinKm limitKm: Double) throws -> (Place, Double, Double)? {
        guard !places.isEmpty else { return nil }
        let box = Envelope(minX: c.x, minY: c.y, maxX: c.x, maxY: c.y).widened(byMetres: limitKm * 1000 + 1)
        var candidates = Set<Int>()
        for copy in [box, box.shifted(by: 360), box.shifted(by: -360)] {
            candidates.formUnion(try tree.query(copy))
        }
        var best: (Place, Double, Double)?
        for i in candidates.sorted() {
            let place = places[i]
            let g = geodesic.inverse(place.location, c)
            guard RiskModel.isWithin(distanceMetres: g.distance, limitKm: limitKm) else { continue }
            if let b = best, g.distance > b.1 || (g.distance == b.1 && !RiskModel.breaksTie(place.name, before: b.0.name)) { continue }
            best = (place, g.distance, g.initialAzimuth)
        }
        return best
    }
}
