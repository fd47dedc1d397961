import CorridorRisk

/// The map's legend, an SVG of its own beside the map (it stays put while the map pans and
/// zooms): tiers, low-data and hot-spot marks, incident dots with counts that add up to the
/// accounting, places and context lines, the projection and a north arrow.
struct MapLegend {
    let scene: MapScene
    let accounting: IncidentAccounting
    /// What the halos mean on this map: hot spots (a report) or risers and fallers (a diff).
    let haloLegend: [(color: String, dashed: Bool, text: String)]
    static let width = 250.0

    func write(into w: inout HTMLWriter) {
        var body = HTMLWriter()
        let height = draw(into: &body)
        w.svgElement(width: Self.width, height: height, ["class": "legend-svg", "font-size": "12", "role": "img",
                                                         "aria-label": "Map legend"]) { $0.raw(body.out) }
    }

    /// Draws everything and returns the height used.
    private func draw(into w: inout HTMLWriter) -> Double {
        let p = scene.parameters
        let x = 10.0, right = Self.width - 10
        var y = 18.0
        func heading(_ text: String) {
            w.text(x, y, text, ["font-weight": "700", "font-size": "13", "fill": HTMLStyle.ink])
        }
        func note(_ text: String, _ dx: Double = 0) {
            w.text(x + dx, y, text, ["font-size": "11", "fill": HTMLStyle.muted])
        }
        heading("Risk tier")
        w.text(right, y, "score", ["text-anchor": "end", "font-size": "11", "fill": HTMLStyle.muted])
        let bounds = [0.0] + p.tierBounds + [100.0]
        for (index, tier) in RiskTier.allCases.enumerated().reversed() {
            y += 20
            w.line(x + 2, y - 4, x + 30, y - 4, ["stroke": HTMLStyle.outline, "stroke-width": svg(HTMLStyle.casingWidth), "stroke-linecap": "round"])
            w.line(x + 2, y - 4, x + 30, y - 4, ["stroke": HTMLStyle.color(tier), "stroke-width": svg(HTMLStyle.lineWidth), "stroke-linecap": "round"])
            w.rect(x + 42, y - 9, 10, 10, ["fill": HTMLStyle.color(tier), "stroke": HTMLStyle.outline, "stroke-width": "1.6"])
            w.text(x + 62, y, tier.rawValue, ["fill": HTMLStyle.ink])
            w.text(right, y, "\(ReportDigest.number(bounds[index]))–\(ReportDigest.number(bounds[index + 1]))",
                   ["text-anchor": "end", "fill": HTMLStyle.muted])
        }
        y += 20
        w.line(x + 2, y - 4, x + 30, y - 4, ["stroke": HTMLStyle.outline, "stroke-width": svg(HTMLStyle.casingWidth)])
        w.line(x + 2, y - 4, x + 30, y - 4, ["stroke": "#ffffff", "stroke-width": svg(HTMLStyle.lineWidth)])
        w.line(x + 2, y - 4, x + 30, y - 4, ["stroke": HTMLStyle.color(.high), "stroke-width": svg(HTMLStyle.lineWidth),
                                               "stroke-dasharray": HTMLStyle.lowDataDash])
        w.rect(x + 42, y - 9, 10, 10, ["fill": "#ffffff", "stroke": HTMLStyle.color(.high), "stroke-width": "3"])
        w.text(x + 62, y, "low data: ≤ \(p.lowDataIncidents) incidents", ["fill": HTMLStyle.ink])
        y += 15
        note("line: segment · square: site", 0)

        if !haloLegend.isEmpty {
            y += 26
            heading(haloLegend.count > 2 ? "Hot spots (after FDR)" : "Changes")
            for item in haloLegend {
                y += 19
                w.line(x + 4, y - 4, x + 28, y - 4, ["stroke": item.color, "stroke-width": svg(HTMLStyle.haloWidth), "stroke-opacity": "0.75",
                                                     "stroke-dasharray": item.dashed ? "3 5" : nil])
                w.text(x + 42, y, item.text, ["fill": HTMLStyle.ink, "font-size": "11.5"])
            }
        }

        y += 26
        heading("Incidents")
        let radii: [(Double, String)] = [(0, "0"), (10, "10"), (50, "50"), (150, "150+")]
        let baseline = y + 10 + 2 * HTMLStyle.maxDotRadius
        for ((m, label), cx) in zip(radii, [x + 8, x + 36, x + 76, x + 138]) {
            let r = HTMLStyle.dotRadius(m)
            w.circle(cx, baseline - r, r, ["fill": HTMLStyle.incidentFill, "fill-opacity": "0.35", "stroke": HTMLStyle.incidentStroke,
                                           "stroke-width": "0.8"])
            w.text(cx, baseline + 13, label, ["text-anchor": "middle", "font-size": "11", "fill": HTMLStyle.ink])
        }
        w.circle(x + 200, baseline - 8, 7, ["fill": "none", "stroke": HTMLStyle.incidentStroke, "stroke-width": "0.8"])
        w.text(x + 200, baseline + 13, "reached none", ["text-anchor": "middle", "font-size": "10", "fill": HTMLStyle.ink])
        y = baseline + 28
        note("dot area ∝ 1 + killed + ½ injured")
        y += 13
        note("+ ¼ hostages (the model's weights)")
        let a = accounting, d = scene.dots
        y += 17
        w.text(x, y, "\(a.used + a.beyondRadius) scored: \(a.used) reached a unit, \(a.beyondRadius) none",
               ["class": "dot-count", "font-size": "11.5", "font-weight": "600", "fill": HTMLStyle.ink])
        y += 14
        note("\(d.drawn.count) drawn" + (d.drawn.count < d.eligible ? " (the most severe of \(d.eligible) in view)" : "")
             + (d.outside > 0 ? ", \(d.outside) outside the map" : ""))
        y += 14
        note("not drawn: \(a.future) future, \(a.excluded) excluded, \(a.rejected) rejected")
        y += 14
        note("(of \(a.read) read)")

        if !scene.labels.isEmpty || !scene.context.isEmpty {
            y += 26
            heading("Places")
            if !scene.labels.isEmpty {
                y += 17
                w.circle(x + 6, y - 4, 2.2, ["fill": HTMLStyle.label])
                w.text(x + 16, y, "town, station or site (gazetteer)", ["font-size": "11.5", "fill": HTMLStyle.ink])
            }
            for (kind, color, dash, text) in [(MapContext.Line.Kind.coast, HTMLStyle.coast, nil as String?, "coast"),
                                              (.border, HTMLStyle.border, "6 3 1.5 3", "international border")]
            where scene.context.contains(where: { $0.kind == kind }) {
                y += 17
                w.line(x + 2, y - 4, x + 30, y - 4, ["stroke": color, "stroke-width": "1.3", "stroke-dasharray": dash])
                w.text(x + 42, y, text, ["font-size": "11.5", "fill": HTMLStyle.ink])
            }
        }

        y += 30
        heading("Projection")
        northArrow(&w, x: right - 10, y: y + 4)
        y += 16
        note("equirectangular, x scaled by")
        y += 13
        note("cos \(MapFrame.degrees(scene.frame.centerLat, "N", "S")), true there; north up;")
        y += 13
        note("graticule every \(ReportDigest.number(scene.frame.graticuleStep))°; scale bar on the map")
        return y + 10
    }

    private func northArrow(_ w: inout HTMLWriter, x: Double, y: Double) {
        w.group(["class": "north-arrow"]) { w in
            w.path("M\(svg(x)),\(svg(y - 12)) L\(svg(x + 8)),\(svg(y + 12)) L\(svg(x)),\(svg(y + 6))Z",
                   ["fill": "#ffffff", "stroke": HTMLStyle.outline, "stroke-width": "1"])
            w.path("M\(svg(x)),\(svg(y - 12)) L\(svg(x - 8)),\(svg(y + 12)) L\(svg(x)),\(svg(y + 6))Z",
                   ["fill": HTMLStyle.outline, "stroke": HTMLStyle.outline, "stroke-width": "1"])
            w.text(x, y - 16, "N", ["text-anchor": "middle", "font-weight": "700", "font-size": "12", "fill": HTMLStyle.outline])
        }
    }
}
