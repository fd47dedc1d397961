import CorridorRisk

/// Everything a map draws, decided before anything is written: the frame, the units in drawing
/// order with their halos, the incident dots, the context lines and the decluttered town labels.
struct MapScene {
    /// How a unit is emphasised under its line: a hot spot (report) or a riser/faller (diff).
    struct Halo {
        var color: String
        /// Dashed: emphasised without an incident of its own ("in a hot area").
        var dashed: Bool
    }

    /// Which incidents the map may show, and why the others are not shown.
    struct Dots {
        /// Drawn, most severe first; `reached` says whether each contributed to a unit.
        var drawn: [(incident: Incident, reached: Bool)] = []
        /// Scored (on or before as-of, not excluded) and inside the frame.
        var eligible = 0
        /// Scored but outside the frame.
        var outside = 0
    }

    static let width = 1000.0

    let frame: MapFrame
    /// Units in drawing order: lower tiers first, so higher tiers lie on top.
    let units: [UnitScore]
    let halos: [String: Halo]
    let dots: Dots
    let context: [MapContext.Line]
    /// Land polygons (outer ring and holes) that reach into the frame.
    let land: [[[Coordinate]]]
    let labels: [PlacedLabel]
    /// The top three units, for numbered rank markers.
    let ranked: [UnitScore]
    let parameters: ModelParameters

    /// A scene of `units`; nil when there is nothing to map.
    init?(units: [UnitScore], ranked: [UnitScore], halos: [String: Halo], incidents: [Incident], reached: Set<String>,
          parameters: ModelParameters, asOf: CalendarDay?, places: [Place], context: MapContext?, maxDots: Int) {
        guard let extent = Envelope(union: units.compactMap(\.geometry.envelope)) else { return nil }
        let frame = MapFrame(fitting: extent, padKm: parameters.radiusKm, x0: 0, y0: 0, width: Self.width,
                             minHeight: 520, maxHeight: 900)
        self.frame = frame
        self.units = units.sorted { a, b in
            if a.tier != b.tier { return a.tier < b.tier }
            if a.score != b.score { return a.score < b.score }
            return a.id < b.id
        }
        self.halos = halos
        self.ranked = Array(ranked.prefix(3))
        self.parameters = parameters
        let view = frame.envelope
        self.context = (context?.lines ?? []).filter { line in
            Envelope(covering: line.points).map { $0.intersects(view) } ?? false
        }
        land = (context?.land ?? []).filter { rings in
            rings.first.flatMap { Envelope(covering: $0) }.map { $0.intersects(view) } ?? false
        }
        dots = Self.selectDots(incidents, reached: reached, parameters: parameters, asOf: asOf, frame: frame, limit: maxDots)
        labels = LabelPlacement.place(places, in: frame)
    }

    /// Incidents dated after as-of or of an excluded category are not scored and never drawn; of
    /// the scored ones inside the frame at most `limit` are, the most severe first (larger casualty
    /// measure, then larger category weight, then smaller id), so the choice and the drawing order
    /// are deterministic and smaller dots lie on top of larger ones.
    static func selectDots(_ incidents: [Incident], reached: Set<String>, parameters p: ModelParameters, asOf: CalendarDay?,
                           frame: MapFrame, limit: Int) -> Dots {
        var out = Dots()
        var candidates: [(incident: Incident, m: Double, w: Double)] = []
        for i in incidents {
            guard let asOf, i.date <= asOf, p.categoryWeights[i.category] > 0 else { continue }
            guard frame.contains(i.location) else { out.outside += 1; continue }
            candidates.append((i, RiskModel.casualtyMeasure(fatalities: i.fatalities, injured: i.injured, hostages: i.hostages,
                                                             weights: p.severity), p.categoryWeights[i.category]))
        }
        candidates.sort { a, b in
            if a.m != b.m { return a.m > b.m }
            if a.w != b.w { return a.w > b.w }
            return a.incident.id < b.incident.id
        }
        out.eligible = candidates.count
        out.drawn = candidates.prefix(max(0, limit)).map { ($0.incident, reached.contains($0.incident.id)) }
        return out
    }
}
