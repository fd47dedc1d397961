import CorridorRisk

/// Writes a scene's layers, bottom to top: land and sea, coast and borders, graticule, unit
/// halos and casings, unit lines and sites, incident dots, town labels, rank markers.
/// Every unit and dot is one element with a tooltip (`<title>`) and, for the page's script, its
/// details as JSON in `data-info` (escaped like any attribute).
struct MapLayers {
    let scene: MapScene
    var frame: MapFrame { scene.frame }

    func write(into w: inout HTMLWriter) {
        w.rect(frame.x0, frame.y0, frame.width, frame.height, ["fill": scene.context.isEmpty && scene.land.isEmpty ? HTMLStyle.land : HTMLStyle.sea])
        w.line("")
        if !scene.land.isEmpty {
            let d = scene.land.map { rings in rings.map { "M" + frame.points($0).joined(separator: " ") + "Z" }.joined() }.joined()
            w.path(d, ["class": "land", "fill": HTMLStyle.land, "fill-rule": "evenodd", "stroke": "none"])
            w.line("")
        }
        for (kind, color, width, dash) in [(MapContext.Line.Kind.coast, HTMLStyle.coast, "1", nil as String?),
                                           (.border, HTMLStyle.border, "1.3", "6 3 1.5 3")] {
            let lines = scene.context.filter { $0.kind == kind }
            guard !lines.isEmpty else { continue }
            w.group(["class": kind.rawValue, "fill": "none", "stroke": color, "stroke-width": width, "stroke-dasharray": dash,
                     "vector-effect": "non-scaling-stroke"]) { w in
                for line in lines { w.polyline(frame.points(line.points), ["vector-effect": "non-scaling-stroke"]) }
            }
        }
        graticule(&w)
        units(&w)
        dots(&w)
        labels(&w)
        rankMarkers(&w)
    }

    private func graticule(_ w: inout HTMLWriter) {
        let step = frame.graticuleStep
        var d = ""
        for lon in MapFrame.graticule(frame.lonMin, frame.lonMax, step) {
            d += "M\(svg(frame.x(lon))),\(svg(frame.y0))V\(svg(frame.y0 + frame.height))"
        }
        for lat in MapFrame.graticule(frame.latMin, frame.latMax, step) {
            d += "M\(svg(frame.x0)),\(svg(frame.y(lat)))H\(svg(frame.x0 + frame.width))"
        }
        if !d.isEmpty { w.path(d, ["class": "graticule", "fill": "none", "stroke": HTMLStyle.graticule, "stroke-width": "0.7",
                                   "vector-effect": "non-scaling-stroke"]) }
        w.line("")
    }

    private func units(_ w: inout HTMLWriter) {
        // Halos first, under every casing, so a highlighted unit shows on any background.
        w.group(["class": "halos", "fill": "none", "stroke-linecap": "round", "stroke-linejoin": "round", "stroke-opacity": "0.6"]) { w in
            for u in scene.units {
                guard let halo = scene.halos[u.id] else { continue }
                for points in shapes(u) {
                    w.polyline(points, ["stroke": halo.color, "stroke-width": svg(HTMLStyle.haloWidth),
                                        "stroke-dasharray": halo.dashed ? "3 5" : nil, "vector-effect": "non-scaling-stroke"])
                }
            }
        }
        w.group(["class": "casings", "fill": "none", "stroke": HTMLStyle.outline, "stroke-width": svg(HTMLStyle.casingWidth),
                 "stroke-linecap": "round", "stroke-linejoin": "round"]) { w in
            for u in scene.units where u.kind.isLinear {
                for p in shapes(u) { w.polyline(p, ["vector-effect": "non-scaling-stroke"]) }
            }
        }
        for u in scene.units {
            let lowData = u.lowData && u.tier > .minimal
            w.group(["class": "unit" + (lowData ? " low-data" : ""), "data-unit": u.id,
                     "data-info": DetailData.unit(u, parameters: scene.parameters)]) { w in
                w.element("title", [:], DetailData.tooltip(u))
                site(&w, u, lowData: lowData)
            }
        }
    }

    /// A segment's coloured line (dashed on white when it rests on too few incidents), or a site:
    /// its area when large enough to see, else a square (hollow when low on data).
    private func site(_ w: inout HTMLWriter, _ u: UnitScore, lowData: Bool) {
        let color = HTMLStyle.color(u.tier)
        if u.kind.isLinear {
            for p in shapes(u) {
                if lowData {
                    w.polyline(p, ["fill": "none", "stroke": "#ffffff", "stroke-width": svg(HTMLStyle.lineWidth),
                                   "vector-effect": "non-scaling-stroke"])
                }
                w.polyline(p, ["class": "tier-line", "fill": "none", "stroke": color, "stroke-width": svg(HTMLStyle.lineWidth),
                               "stroke-linecap": lowData ? "butt" : "round", "stroke-linejoin": "round",
                               "stroke-dasharray": lowData ? HTMLStyle.lowDataDash : nil, "vector-effect": "non-scaling-stroke"])
            }
            return
        }
        if let polygons = visiblePolygons(u) {
            let d = polygons.map { rings in rings.map { "M" + frame.points($0).joined(separator: " ") + "Z" }.joined() }.joined()
            w.path(d, ["fill": color, "fill-opacity": "0.85", "fill-rule": "evenodd", "stroke": HTMLStyle.outline, "stroke-width": "1.2"])
            return
        }
        let half = HTMLStyle.siteSize / 2
        let c = u.representativePoint
        w.rect(frame.x(c.x) - half, frame.y(c.y) - half, HTMLStyle.siteSize, HTMLStyle.siteSize,
               ["fill": lowData ? "#ffffff" : color, "stroke": lowData ? color : HTMLStyle.outline,
                "stroke-width": lowData ? "3" : "1.6"])
    }

    /// The unit's lines (segments) or its marker outline (sites), as formatted points.
    private func shapes(_ u: UnitScore) -> [[String]] {
        switch u.geometry {
        case .lineString(let cs): return [frame.points(cs)]
        case .multiLineString(let parts): return parts.map(frame.points)
        default:
            let c = u.representativePoint
            return [frame.points([c, c])]
        }
    }

    /// A polygon site large enough to see is drawn as its area; nil for a smaller one.
    private func visiblePolygons(_ u: UnitScore) -> [[[Coordinate]]]? {
        let polygons: [[[Coordinate]]]
        switch u.geometry {
        case .polygon(let rings): polygons = [rings]
        case .multiPolygon(let ps): polygons = ps
        default: return nil
        }
        guard let e = u.geometry.envelope,
              e.width * frame.k * frame.s >= HTMLStyle.siteSize || e.height * frame.s >= HTMLStyle.siteSize else { return nil }
        return polygons
    }

    private func dots(_ w: inout HTMLWriter) {
        guard !scene.dots.drawn.isEmpty else { return }
        w.group(["class": "dots", "fill": HTMLStyle.incidentFill, "stroke": HTMLStyle.incidentStroke, "stroke-width": "0.8"]) { w in
            for (incident, reached) in scene.dots.drawn {
                let m = RiskModel.casualtyMeasure(fatalities: incident.fatalities, injured: incident.injured,
                                                  hostages: incident.hostages, weights: scene.parameters.severity)
                let r = HTMLStyle.dotRadius(m)
                w.open("circle", ["class": "inc", "cx": svg(frame.x(incident.location.x)), "cy": svg(frame.y(incident.location.y)),
                                  "r": svg(r), "data-r": svg(r), "fill-opacity": reached ? "0.35" : "0",
                                  "data-info": DetailData.incident(incident, reached: reached)])
                w.element("title", [:], DetailData.incidentTooltip(incident, reached: reached))
                w.close("circle")
            }
        }
    }

    /// Town labels, each in a group anchored at its place (the script keeps it at screen size).
    private func labels(_ w: inout HTMLWriter) {
        guard !scene.labels.isEmpty else { return }
        w.group(["class": "labels", "fill": HTMLStyle.label]) { w in
            for l in scene.labels {
                let anchor = "\(svg(l.anchorX)),\(svg(l.anchorY))"
                w.group(["class": "place", "data-anchor": anchor, "transform": "translate(\(anchor))"]) { w in
                    w.circle(0, 0, 2.2, ["fill": HTMLStyle.label])
                    w.text(l.x - l.anchorX, l.y - l.anchorY, l.place.name,
                           ["class": "place-label", "text-anchor": l.anchor, "font-size": svg(l.fontSize),
                            "font-weight": l.bold ? "700" : nil, "stroke": HTMLStyle.labelHalo, "stroke-width": "3",
                            "paint-order": "stroke", "stroke-linejoin": "round"])
                }
            }
        }
    }

    /// The top three units get a numbered circle next to their point (anchored like the labels).
    private func rankMarkers(_ w: inout HTMLWriter) {
        guard !scene.ranked.isEmpty else { return }
        w.group(["class": "rank-labels"]) { w in
            for (rank, u) in scene.ranked.enumerated() {
                let anchor = "\(svg(frame.x(u.representativePoint.x))),\(svg(frame.y(u.representativePoint.y)))"
                let dy = -16 - Double(rank) * 4
                w.group(["class": "rank", "data-anchor": anchor, "transform": "translate(\(anchor))"]) { w in
                    w.line(0, 0, 16, dy, ["stroke": HTMLStyle.ink, "stroke-width": "1.3"])
                    w.circle(16, dy, 9, ["fill": "#ffffff", "stroke": HTMLStyle.ink, "stroke-width": "1.6"])
                    w.text(16, dy + 4, "\(rank + 1)", ["text-anchor": "middle", "font-size": "11.5", "font-weight": "700",
                                                       "fill": HTMLStyle.ink])
                }
            }
        }
    }
}
