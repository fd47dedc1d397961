import RealModule
import CorridorRisk

/// The map frame: an equirectangular projection with x scaled by cos(mid-latitude).
///
/// This is a display projection only. Around the middle latitude of the data it keeps shapes and
/// distances nearly true (east–west scale error is cos φ / cos φ₀ − 1, a few per cent over the few
/// degrees a province spans), and it needs no projection library, so the page is produced the same
/// everywhere. Kilometres use a sphere of the mean Earth radius (1° of latitude = 111.195 km),
/// within 1 % of the ellipsoid, which is what a scale bar needs.
struct MapFrame {
    static let kmPerDegree = 111.195

    let centerLon: Double
    let centerLat: Double
    /// cos(centre latitude): the x scale factor.
    let k: Double
    /// Map units per degree of latitude.
    let s: Double
    let x0: Double, y0: Double, width: Double, height: Double

    /// A frame `width` wide that shows `envelope` padded by `padKm` (at least), its height chosen
    /// from the data's shape within `minHeight…maxHeight`, the extent widened to fill the frame.
    init(fitting envelope: Envelope, padKm: Double, x0: Double, y0: Double, width: Double,
         minHeight: Double, maxHeight: Double) {
        let midLat = (envelope.minY + envelope.maxY) / 2
        k = max(Double.cos(midLat * .pi / 180), 0.05)
        var w = envelope.width * k
        var h = envelope.height
        let pad = max(0.06 * max(w, h), padKm / Self.kmPerDegree, 0.05)
        w += 2 * pad
        h += 2 * pad
        height = min(max(width * h / w, minHeight), maxHeight)
        s = min(width / w, height / h)
        centerLon = (envelope.minX + envelope.maxX) / 2
        centerLat = midLat
        self.x0 = x0
        self.y0 = y0
        self.width = width
    }

    func x(_ lon: Double) -> Double { x0 + width / 2 + (lon - centerLon) * k * s }
    func y(_ lat: Double) -> Double { y0 + height / 2 - (lat - centerLat) * s }

    var lonMin: Double { centerLon - width / (2 * s * k) }
    var lonMax: Double { centerLon + width / (2 * s * k) }
    var latMin: Double { centerLat - height / (2 * s) }
    var latMax: Double { centerLat + height / (2 * s) }

    func contains(_ c: Coordinate) -> Bool {
        c.x >= lonMin && c.x <= lonMax && c.y >= latMin && c.y <= latMax
    }

    /// Kilometres per map unit, true at the centre latitude in both directions.
    var kmPerUnit: Double { Self.kmPerDegree / s }

    /// `x,y` rounded to one decimal.
    func point(_ c: Coordinate) -> String { svg(x(c.x)) + "," + svg(y(c.y)) }

    /// The points of a line or ring, consecutive repeats after rounding dropped (at least two kept,
    /// so a line shorter than the rounding still draws as a dot with its round caps).
    func points(_ cs: [Coordinate]) -> [String] {
        var out: [String] = []
        out.reserveCapacity(cs.count)
        for c in cs {
            let p = point(c)
            if out.last != p { out.append(p) }
        }
        if out.count == 1 { out.append(out[0]) }
        return out
    }
}

/// The inline SVG map: units coloured by tier, incidents as dots sized by casualties, top units
/// labelled by rank, a legend, a scale bar, a north arrow and a graticule.
struct HTMLMap {
    /// The most incident dots drawn; beyond it the most severe are kept (see `dotOrder`).
    let maxDots: Int
    let digest: ReportDigest
    var input: RenderInput { digest.input }
    var report: RiskReport { digest.report }

    // Layout in viewBox units: the map frame on the left, the legend panel on the right.
    static let viewWidth = 1000.0
    static let frameX = 50.0, frameY = 12.0, frameWidth = 700.0
    static let legendX = 766.0, legendWidth = 226.0

    // Symbol sizes.
    static let lineWidth = 4.4
    static let casingWidth = 6.8
    static let siteSize = 10.0
    static let maxDotRadius = 22.0
    static let dotScale = 1.8

    /// Dot radius for an incident's casualty measure `m`: the dot's area grows with 1 + m.
    static func radius(_ m: Double) -> Double { min(dotScale * (1 + max(0, m)).squareRoot(), maxDotRadius) }

    /// The casualty measure `F·a + I·b + G·c` with the model's severity weights (spec §3), the same
    /// quantity the model takes the logarithm of.
    func casualties(_ i: Incident) -> Double {
        RiskModel.casualtyMeasure(fatalities: i.fatalities, injured: i.injured, hostages: i.hostages,
                                  weights: report.parameters.severity)
    }

    func categoryWeight(_ i: Incident) -> Double {
        report.parameters.categoryWeights[i.category]
    }

    /// The incidents the map may show, and why the others are not shown.
    struct DotSelection {
        var drawn: [Incident]
        /// On or before as-of and inside the frame: the candidates for drawing.
        var eligible: Int
        var future: Int
        var outside: Int
    }

    /// Incidents dated after as-of are never drawn; of those inside the frame, at most `maxDots`
    /// are, the most severe first: larger casualty measure, then larger category weight, then
    /// smaller id (code-point order), so the choice and the drawing order are deterministic.
    /// Dots are drawn in that order, so smaller dots lie on top of larger ones.
    func selectDots(in frame: MapFrame?) -> DotSelection {
        var future = 0, outside = 0
        var candidates: [(incident: Incident, m: Double, w: Double)] = []
        for i in input.incidents {
            if let asOf = report.asOf, i.date > asOf { future += 1; continue }
            guard let frame, frame.contains(i.location) else { outside += 1; continue }
            candidates.append((i, casualties(i), categoryWeight(i)))
        }
        candidates.sort { a, b in
            if a.m != b.m { return a.m > b.m }
            if a.w != b.w { return a.w > b.w }
            return a.incident.id < b.incident.id
        }
        return DotSelection(drawn: candidates.prefix(max(0, maxDots)).map(\.incident), eligible: candidates.count,
                            future: future, outside: outside)
    }

    static func envelope(of units: [UnitScore]) -> Envelope? {
        var env: Envelope?
        for u in units {
            guard let e = u.geometry.envelope else { continue }
            if env == nil { env = e } else { env!.expand(toInclude: e) }
        }
        return env
    }

    // MARK: - Writing

    func write(into w: inout HTMLWriter) {
        guard let env = Self.envelope(of: report.units) else {
            w.element("p", ["class": "muted"], "There is no unit to map.")
            return
        }
        let frame = MapFrame(fitting: env, padKm: report.parameters.radiusKm, x0: Self.frameX, y0: Self.frameY,
                             width: Self.frameWidth, minHeight: 420, maxHeight: 860)
        let dots = selectDots(in: frame)

        var legend = HTMLWriter()
        let legendHeight = writeLegend(into: &legend, frame: frame, dots: dots)
        let inset = insetFrame(main: frame, top: Self.frameY + legendHeight + 30)
        var height = frame.y0 + frame.height + 30
        if let inset { height = max(height, inset.y0 + inset.height + 12) }
        height = max(height, Self.frameY + legendHeight + 10).rounded(.up)

        // Higher tiers are drawn on top: units by tier, then score, then id.
        let ordered = report.units.sorted { a, b in
            if a.tier != b.tier { return a.tier < b.tier }
            if a.score != b.score { return a.score < b.score }
            return a.id < b.id
        }

        let label = "Map of \(report.units.count) scoring units coloured by risk tier, with \(dots.drawn.count) incidents"
        w.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(svg(Self.viewWidth)) \(svg(height))\""
              + " width=\"\(svg(Self.viewWidth))\" height=\"\(svg(height))\" role=\"img\""
              + HTMLWriter.attributes(["aria-label": label]) + " font-size=\"12\">\n")
        w.raw("<defs>")
        for (id, f) in [("map-frame", frame)] + (inset.map { [("map-inset", $0)] } ?? []) {
            w.raw("<clipPath id=\"\(id)\"><rect x=\"\(svg(f.x0))\" y=\"\(svg(f.y0))\" width=\"\(svg(f.width))\" height=\"\(svg(f.height))\"/></clipPath>")
        }
        w.raw("</defs>\n")

        w.raw("<rect x=\"\(svg(frame.x0))\" y=\"\(svg(frame.y0))\" width=\"\(svg(frame.width))\" height=\"\(svg(frame.height))\" fill=\"#f3f5f7\"/>\n")
        w.raw("<g clip-path=\"url(#map-frame)\">\n")
        writeGraticuleLines(into: &w, frame: frame)
        writeLayers(into: &w, frame: frame, units: ordered, dots: dots.drawn, prefix: "")
        if let inset {
            // Where the detail panel looks.
            let x0 = frame.x(inset.lonMin), x1 = frame.x(inset.lonMax), y0 = frame.y(inset.latMax), y1 = frame.y(inset.latMin)
            w.raw("<rect class=\"inset-box\" x=\"\(svg(x0))\" y=\"\(svg(y0))\" width=\"\(svg(x1 - x0))\" height=\"\(svg(y1 - y0))\" fill=\"none\" stroke=\"#1d2330\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>\n")
        }
        w.raw("</g>\n")
        w.raw("<rect x=\"\(svg(frame.x0))\" y=\"\(svg(frame.y0))\" width=\"\(svg(frame.width))\" height=\"\(svg(frame.height))\" fill=\"none\" stroke=\"#8c96a3\" stroke-width=\"1\"/>\n")
        writeGraticuleLabels(into: &w, frame: frame)

        w.raw("<rect x=\"\(svg(Self.legendX))\" y=\"\(svg(Self.frameY))\" width=\"\(svg(Self.legendWidth))\" height=\"\(svg(legendHeight))\" rx=\"4\" fill=\"#f7f8fa\" stroke=\"#d3d8de\"/>\n")
        w.raw(legend.out)

        if let inset {
            let env = Envelope(minX: inset.lonMin, minY: inset.latMin, maxX: inset.lonMax, maxY: inset.latMax)
            w.raw("<text x=\"\(svg(inset.x0))\" y=\"\(svg(inset.y0 - 8))\" font-weight=\"700\" font-size=\"13\" fill=\"#1d2330\">Detail <tspan font-weight=\"400\" font-size=\"11\" fill=\"#5b6472\">(dashed box on the map)</tspan></text>\n")
            w.raw("<rect x=\"\(svg(inset.x0))\" y=\"\(svg(inset.y0))\" width=\"\(svg(inset.width))\" height=\"\(svg(inset.height))\" fill=\"#f3f5f7\"/>\n")
            w.raw("<g class=\"inset\" clip-path=\"url(#map-inset)\">\n")
            writeLayers(into: &w, frame: inset,
                        units: ordered.filter { $0.geometry.envelope?.intersects(env) ?? false },
                        dots: dots.drawn.filter { inset.contains($0.location) }, prefix: "inset-")
            w.raw("</g>\n")
            w.raw("<rect x=\"\(svg(inset.x0))\" y=\"\(svg(inset.y0))\" width=\"\(svg(inset.width))\" height=\"\(svg(inset.height))\" fill=\"none\" stroke=\"#8c96a3\" stroke-width=\"1\"/>\n")
            let km = Self.scaleBarKm(inset, fraction: 0.4)
            w.raw("<rect x=\"\(svg(inset.x0 + 4))\" y=\"\(svg(inset.y0 + inset.height - 30))\" width=\"\(svg(km / inset.kmPerUnit + 36))\" height=\"26\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>")
            writeScaleBar(into: &w, frame: inset, x: inset.x0 + 10, y: inset.y0 + inset.height - 8, fraction: 0.4)
        }
        w.raw("</svg>\n")
    }

    /// A detail panel under the legend around the top three units, when they sit close together
    /// (their padded extent under a third of the main frame each way); `nil` otherwise.
    private func insetFrame(main: MapFrame, top: Double) -> MapFrame? {
        let env = Self.envelope(of: Array(digest.topUnits.prefix(3)))
        guard let env else { return nil }
        let height = max(190, main.y0 + main.height - top)
        let inset = MapFrame(fitting: env, padKm: 3 * report.parameters.radiusKm, x0: Self.legendX, y0: top,
                             width: Self.legendWidth, minHeight: height, maxHeight: height)
        let zoomX = (inset.lonMax - inset.lonMin) * main.k * main.s / main.width
        let zoomY = (inset.latMax - inset.latMin) * main.s / main.height
        return max(zoomX, zoomY) < 0.34 ? inset : nil
    }

    /// Site areas, incident dots, line casings and lines, site squares and rank labels, in that
    /// order, in `frame`. `prefix` marks the detail panel's copies (`inset-unit`, `inset-inc`) so
    /// that the main map keeps exactly one `unit` element per unit.
    private func writeLayers(into w: inout HTMLWriter, frame: MapFrame, units: [UnitScore], dots: [Incident], prefix: String) {
        var lines: [(UnitScore, [[String]])] = []
        var areas: [(UnitScore, [[String]])] = []
        var sites: [(UnitScore, [Coordinate])] = []
        for u in units {
            switch u.geometry {
            case .lineString(let cs): lines.append((u, [frame.points(cs)]))
            case .multiLineString(let parts): lines.append((u, parts.map(frame.points)))
            case .point(let c): sites.append((u, [c]))
            case .multiPoint(let cs): sites.append((u, cs))
            case .polygon(let rings): place(u, [rings], frame, &areas, &sites)
            case .multiPolygon(let polys): place(u, polys, frame, &areas, &sites)
            }
        }
        func unitGroup(_ kind: String, _ u: UnitScore) -> String {
            "<g class=\"\(prefix)unit \(kind)\"" + HTMLWriter.attributes(["data-unit": u.id]) + ">"
        }

        // Site areas large enough to see, under everything else.
        if !areas.isEmpty {
            w.raw("<g stroke=\"\(HTMLStyle.outline)\" stroke-width=\"1.2\" fill-opacity=\"0.85\" fill-rule=\"evenodd\">\n")
            for (u, rings) in areas {
                w.raw(unitGroup("area", u))
                w.element("title", [:], tooltip(u))
                let d = rings.map { "M" + $0.joined(separator: " ") + "Z" }.joined()
                w.raw("<path d=\"\(d)\" fill=\"\(HTMLStyle.color(u.tier))\"/></g>\n")
            }
            w.raw("</g>\n")
        }

        // Incidents under the lines, so the tier colours stay pure; each with its own tooltip.
        if !dots.isEmpty {
            w.raw("<g fill=\"\(HTMLStyle.incidentFill)\" fill-opacity=\"0.3\" stroke=\"\(HTMLStyle.incidentStroke)\" stroke-opacity=\"0.85\" stroke-width=\"0.8\">\n")
            for i in dots {
                let r = Self.radius(casualties(i))
                w.raw("<circle class=\"\(prefix)inc\" cx=\"\(svg(frame.x(i.location.x)))\" cy=\"\(svg(frame.y(i.location.y)))\" r=\"\(svg(r))\">")
                w.element("title", [:], incidentTooltip(i))
                w.raw("</circle>\n")
            }
            w.raw("</g>\n")
        }

        // Segments: a dark casing under every line, then the coloured lines in tier order.
        if !lines.isEmpty {
            w.raw("<g fill=\"none\" stroke=\"\(HTMLStyle.outline)\" stroke-width=\"\(svg(Self.casingWidth))\" stroke-linecap=\"round\" stroke-linejoin=\"round\">\n")
            for (_, parts) in lines {
                for p in parts { w.raw("<polyline points=\"\(p.joined(separator: " "))\"/>") }
            }
            w.raw("\n</g>\n")
            w.raw("<g fill=\"none\" stroke-width=\"\(svg(Self.lineWidth))\" stroke-linecap=\"round\" stroke-linejoin=\"round\">\n")
            for (u, parts) in lines {
                w.raw(unitGroup("seg", u))
                w.element("title", [:], tooltip(u))
                for p in parts {
                    w.raw("<polyline points=\"\(p.joined(separator: " "))\" stroke=\"\(HTMLStyle.color(u.tier))\"/>")
                }
                w.raw("</g>\n")
            }
            w.raw("</g>\n")
        }

        // Point sites as squares with a dark outline, on top of the lines.
        if !sites.isEmpty {
            let half = Self.siteSize / 2
            w.raw("<g stroke=\"\(HTMLStyle.outline)\" stroke-width=\"1.6\">\n")
            for (u, points) in sites {
                w.raw(unitGroup("site", u))
                w.element("title", [:], tooltip(u))
                for c in points {
                    w.raw("<rect x=\"\(svg(frame.x(c.x) - half))\" y=\"\(svg(frame.y(c.y) - half))\" width=\"\(svg(Self.siteSize))\" height=\"\(svg(Self.siteSize))\" fill=\"\(HTMLStyle.color(u.tier))\"/>")
                }
                w.raw("</g>\n")
            }
            w.raw("</g>\n")
        }

        writeRankLabels(into: &w, frame: frame)
    }

    /// A polygon site large enough to see is drawn as its area; a smaller one as a site square.
    private func place(_ u: UnitScore, _ polys: [[[Coordinate]]], _ frame: MapFrame,
                       _ areas: inout [(UnitScore, [[String]])], _ sites: inout [(UnitScore, [Coordinate])]) {
        if let e = u.geometry.envelope, e.width * frame.k * frame.s >= Self.siteSize || e.height * frame.s >= Self.siteSize {
            areas.append((u, polys.flatMap { $0.map(frame.points) }))
        } else {
            sites.append((u, [u.representativePoint]))
        }
    }

    /// id, asset, chainage, score and tier, trend and the main incident.
    func tooltip(_ u: UnitScore) -> String {
        var lines = ["\(u.id) — \(u.assetName)",
                     "\(ReportDigest.chainage(u)) · score \(ReportDigest.fixed(u.score, 1)) · \(u.tier.rawValue)",
                     "trend \(ReportDigest.trend(u.trend)) · \(u.incidentCount) incidents"]
        if let main = digest.mainIncidents(u, count: 1, describe: false).first {
            lines.append("main incident: " + main)
        }
        return lines.joined(separator: "\n")
    }

    func incidentTooltip(_ i: Incident) -> String {
        var counts: [String] = []
        if i.fatalities > 0 { counts.append("\(i.fatalities) killed") }
        if i.injured > 0 { counts.append("\(i.injured) injured") }
        if i.hostages > 0 { counts.append("\(i.hostages) hostages") }
        return "\(i.id) · \(i.date) · \(i.category.rawValue)" + (counts.isEmpty ? "" : " · " + counts.joined(separator: ", "))
    }

    // MARK: - Graticule, scale bar, north arrow

    /// Degrees between graticule lines: the smallest step giving at most 8 intervals.
    static func graticuleStep(_ frame: MapFrame) -> Double {
        let span = max(frame.lonMax - frame.lonMin, frame.latMax - frame.latMin)
        for step in [0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 15, 30, 45] where span / step <= 8 {
            return step
        }
        return 90
    }

    static func graticule(_ lo: Double, _ hi: Double, _ step: Double) -> [Double] {
        var out: [Double] = []
        var i = (lo / step).rounded(.up)
        while i * step <= hi {
            out.append(((i * step) * 1000).rounded() / 1000)
            i += 1
        }
        return out
    }

    static func degrees(_ v: Double, _ positive: String, _ negative: String) -> String {
        let r = (v * 100).rounded() / 100
        return ReportDigest.number(abs(r)) + "°" + (r > 0 ? positive : r < 0 ? negative : "")
    }

    private func writeGraticuleLines(into w: inout HTMLWriter, frame: MapFrame) {
        let step = Self.graticuleStep(frame)
        var d = ""
        for lon in Self.graticule(frame.lonMin, frame.lonMax, step) {
            d += "M\(svg(frame.x(lon))),\(svg(frame.y0))V\(svg(frame.y0 + frame.height))"
        }
        for lat in Self.graticule(frame.latMin, frame.latMax, step) {
            d += "M\(svg(frame.x0)),\(svg(frame.y(lat)))H\(svg(frame.x0 + frame.width))"
        }
        if !d.isEmpty { w.raw("<path d=\"\(d)\" fill=\"none\" stroke=\"#c9d0d8\" stroke-width=\"0.7\"/>\n") }
    }

    private func writeGraticuleLabels(into w: inout HTMLWriter, frame: MapFrame) {
        let step = Self.graticuleStep(frame)
        w.raw("<g fill=\"#5b6472\" font-size=\"11\">\n")
        for lon in Self.graticule(frame.lonMin, frame.lonMax, step) {
            let x = frame.x(lon)
            guard x > frame.x0 + 12, x < frame.x0 + frame.width - 12 else { continue }
            w.raw("<text x=\"\(svg(x))\" y=\"\(svg(frame.y0 + frame.height + 15))\" text-anchor=\"middle\">\(Self.degrees(lon, "E", "W"))</text>")
        }
        for lat in Self.graticule(frame.latMin, frame.latMax, step) {
            let y = frame.y(lat)
            guard y > frame.y0 + 8, y < frame.y0 + frame.height - 8 else { continue }
            w.raw("<text x=\"\(svg(frame.x0 - 5))\" y=\"\(svg(y + 4))\" text-anchor=\"end\">\(Self.degrees(lat, "N", "S"))</text>")
        }
        w.raw("\n</g>\n")
    }

    /// A round length of at most `fraction` of the frame's width: 1, 2 or 5 times a power of ten kilometres.
    static func scaleBarKm(_ frame: MapFrame, fraction: Double = 0.18) -> Double {
        let target = fraction * frame.width * frame.kmPerUnit
        var base = 1.0
        while base * 10 <= target { base *= 10 }
        while base > target { base /= 10 }
        for m in [5.0, 2.0] where m * base <= target { return m * base }
        return base
    }

    /// The scale bar with its left end at (`x`, `y`) (the bar's bottom). It is drawn in the legend
    /// panel, outside the frame, but in the same viewBox units as the map, so it measures the map.
    private func writeScaleBar(into w: inout HTMLWriter, frame: MapFrame, x: Double, y: Double, fraction: Double = 0.18) {
        let km = Self.scaleBarKm(frame, fraction: fraction)
        let length = km / frame.kmPerUnit
        w.raw("<g class=\"scale-bar\">")
        w.raw("<rect x=\"\(svg(x))\" y=\"\(svg(y - 6))\" width=\"\(svg(length / 2))\" height=\"6\" fill=\"#2a2f36\" stroke=\"#2a2f36\" stroke-width=\"0.8\"/>")
        w.raw("<rect x=\"\(svg(x + length / 2))\" y=\"\(svg(y - 6))\" width=\"\(svg(length / 2))\" height=\"6\" fill=\"#ffffff\" stroke=\"#2a2f36\" stroke-width=\"0.8\"/>")
        w.raw("<g font-size=\"10.5\" fill=\"#2a2f36\" text-anchor=\"middle\">")
        w.raw("<text x=\"\(svg(x))\" y=\"\(svg(y - 10))\">0</text>")
        w.raw("<text x=\"\(svg(x + length / 2))\" y=\"\(svg(y - 10))\">\(ReportDigest.number(km / 2))</text>")
        w.raw("<text x=\"\(svg(x + length))\" y=\"\(svg(y - 10))\">\(ReportDigest.number(km))</text>")
        w.raw("<text x=\"\(svg(x + length + 16))\" y=\"\(svg(y))\">km</text>")
        w.raw("</g></g>\n")
    }

    /// A north arrow centred on (`x`, `y`): north is up everywhere in this projection.
    private func writeNorthArrow(into w: inout HTMLWriter, x: Double, y: Double) {
        w.raw("<g class=\"north-arrow\">")
        w.raw("<path d=\"M\(svg(x)),\(svg(y - 12)) L\(svg(x + 8)),\(svg(y + 12)) L\(svg(x)),\(svg(y + 6))Z\" fill=\"#ffffff\" stroke=\"#2a2f36\" stroke-width=\"1\"/>")
        w.raw("<path d=\"M\(svg(x)),\(svg(y - 12)) L\(svg(x - 8)),\(svg(y + 12)) L\(svg(x)),\(svg(y + 6))Z\" fill=\"#2a2f36\" stroke=\"#2a2f36\" stroke-width=\"1\"/>")
        w.raw("<text x=\"\(svg(x))\" y=\"\(svg(y - 16))\" text-anchor=\"middle\" font-weight=\"700\" font-size=\"12\" fill=\"#2a2f36\">N</text>")
        w.raw("</g>\n")
    }

    // MARK: - Rank labels

    /// The top three units get a numbered circle next to their representative point, placed at the
    /// first of a fixed list of offsets that overlaps neither an earlier label nor the frame edge.
    private func writeRankLabels(into w: inout HTMLWriter, frame: MapFrame) {
        let top = Array(digest.topUnits.prefix(3))
        guard !top.isEmpty else { return }
        let r = 9.0
        let anchors = top.map { (frame.x($0.representativePoint.x), frame.y($0.representativePoint.y)) }
        var placed: [(Double, Double)] = []
        let directions: [(Double, Double)] = [(1, -1), (-1, -1), (1, 1), (-1, 1), (1, 0), (-1, 0), (0, -1), (0, 1)]
        w.raw("<g class=\"rank-labels\">\n")
        for (rank, (ax, ay)) in anchors.enumerated() {
            var best: (Double, Double)?
            search: for distance in [22.0, 34.0, 48.0, 64.0] {
                for (dx, dy) in directions {
                    let n = (dx * dx + dy * dy).squareRoot()
                    let cx = ax + dx / n * distance, cy = ay + dy / n * distance
                    guard cx - r > frame.x0, cx + r < frame.x0 + frame.width,
                          cy - r > frame.y0, cy + r < frame.y0 + frame.height else { continue }
                    let clear = placed.allSatisfy { Double.hypot($0.0 - cx, $0.1 - cy) > 2 * r + 3 }
                        && anchors.allSatisfy { Double.hypot($0.0 - cx, $0.1 - cy) > r + 4 }
                    if clear { best = (cx, cy); break search }
                }
            }
            let (cx, cy) = best ?? (ax + 22, ay - 22)
            placed.append((cx, cy))
            w.raw("<line x1=\"\(svg(ax))\" y1=\"\(svg(ay))\" x2=\"\(svg(cx))\" y2=\"\(svg(cy))\" stroke=\"#1d2330\" stroke-width=\"1.3\"/>")
            w.raw("<circle cx=\"\(svg(cx))\" cy=\"\(svg(cy))\" r=\"\(svg(r))\" fill=\"#ffffff\" stroke=\"#1d2330\" stroke-width=\"1.6\"/>")
            w.raw("<text x=\"\(svg(cx))\" y=\"\(svg(cy + 4))\" text-anchor=\"middle\" font-size=\"11.5\" font-weight=\"700\" fill=\"#1d2330\">\(rank + 1)</text>\n")
        }
        w.raw("</g>\n")
    }

    // MARK: - Legend

    /// Writes the legend's content (not its panel) and returns the panel's height.
    private func writeLegend(into w: inout HTMLWriter, frame: MapFrame, dots: DotSelection) -> Double {
        let p = report.parameters
        let x = Self.legendX + 12
        let right = Self.legendX + Self.legendWidth - 12
        var y = Self.frameY + 22

        w.raw("<g class=\"legend\" fill=\"#1d2330\">\n")
        w.raw("<text x=\"\(svg(x))\" y=\"\(svg(y))\" font-weight=\"700\" font-size=\"13\">Risk tier</text>")
        w.raw("<text x=\"\(svg(right))\" y=\"\(svg(y))\" text-anchor=\"end\" font-size=\"11\" fill=\"#5b6472\">score</text>\n")
        y += 8
        let bounds = [0.0] + p.tierBounds + [100.0]
        for (index, tier) in RiskTier.allCases.enumerated().reversed() {
            y += 21
            let range = "\(ReportDigest.number(bounds[index]))–\(ReportDigest.number(bounds[index + 1]))"
            w.raw("<line x1=\"\(svg(x + 2))\" y1=\"\(svg(y - 4))\" x2=\"\(svg(x + 30))\" y2=\"\(svg(y - 4))\" stroke=\"\(HTMLStyle.outline)\" stroke-width=\"\(svg(Self.casingWidth))\" stroke-linecap=\"round\"/>")
            w.raw("<line x1=\"\(svg(x + 2))\" y1=\"\(svg(y - 4))\" x2=\"\(svg(x + 30))\" y2=\"\(svg(y - 4))\" stroke=\"\(HTMLStyle.color(tier))\" stroke-width=\"\(svg(Self.lineWidth))\" stroke-linecap=\"round\"/>")
            w.raw("<rect x=\"\(svg(x + 42))\" y=\"\(svg(y - 9))\" width=\"10\" height=\"10\" fill=\"\(HTMLStyle.color(tier))\" stroke=\"\(HTMLStyle.outline)\" stroke-width=\"1.6\"/>")
            w.raw("<text x=\"\(svg(x + 62))\" y=\"\(svg(y))\">\(tier.rawValue)</text>")
            w.raw("<text x=\"\(svg(right))\" y=\"\(svg(y))\" text-anchor=\"end\" fill=\"#5b6472\">\(range)</text>\n")
        }
        y += 20
        w.raw("<text x=\"\(svg(x))\" y=\"\(svg(y))\" font-size=\"11\" fill=\"#5b6472\">line: segment · square: site</text>\n")
        if report.units.contains(where: { if case .polygon = $0.geometry { true } else if case .multiPolygon = $0.geometry { true } else { false } }) {
            y += 14
            w.raw("<text x=\"\(svg(x))\" y=\"\(svg(y))\" font-size=\"11\" fill=\"#5b6472\">large site areas drawn to scale</text>\n")
        }

        // Incident dots.
        y += 28
        w.raw("<text x=\"\(svg(x))\" y=\"\(svg(y))\" font-weight=\"700\" font-size=\"13\">Incidents</text>\n")
        y += 15
        let sev = p.severity
        func term(_ weight: Double, _ name: String) -> String { weight == 1 ? name : "\(ReportDigest.number(weight))·\(name)" }
        let measure = "1 + \(term(sev.fatalities, "F")) + \(term(sev.injured, "I")) + \(term(sev.hostages, "G"))"
        w.raw("<text x=\"\(svg(x))\" y=\"\(svg(y))\" font-size=\"11\" fill=\"#5b6472\">dot area ∝ \(measure)</text>\n")
        y += 13
        w.raw("<text x=\"\(svg(x))\" y=\"\(svg(y))\" font-size=\"11\" fill=\"#5b6472\">F killed, I injured, G hostages</text>\n")
        let samples: [(Double, String)] = [(0, "0"), (10, "10"), (50, "50"), (150, "150+")]
        let centers = [x + 8, x + 36, x + 76, x + 138]
        let baseline = y + 12 + 2 * Self.maxDotRadius
        for ((m, text), cx) in zip(samples, centers) {
            let r = Self.radius(m)
            w.raw("<circle class=\"legend-dot\" cx=\"\(svg(cx))\" cy=\"\(svg(baseline - r))\" r=\"\(svg(r))\" fill=\"\(HTMLStyle.incidentFill)\" fill-opacity=\"0.3\" stroke=\"\(HTMLStyle.incidentStroke)\" stroke-width=\"0.8\"/>")
            w.raw("<text x=\"\(svg(cx))\" y=\"\(svg(baseline + 14))\" text-anchor=\"middle\" font-size=\"11\">\(text)</text>\n")
        }
        y = baseline + 34
        let asOf = report.asOf?.description ?? "—"
        w.raw("<text class=\"dot-count\" x=\"\(svg(x))\" y=\"\(svg(y))\" font-size=\"11.5\" font-weight=\"600\">showing \(dots.drawn.count) of \(dots.eligible) incidents</text>\n")
        y += 14
        w.raw("<text x=\"\(svg(x))\" y=\"\(svg(y))\" font-size=\"11\" fill=\"#5b6472\">on or before \(asOf) in the frame</text>\n")
        if dots.drawn.count < dots.eligible {
            y += 14
            w.raw("<text x=\"\(svg(x))\" y=\"\(svg(y))\" font-size=\"11\" fill=\"#5b6472\">(the \(dots.drawn.count) most severe)</text>\n")
        }
        if dots.future > 0 {
            y += 14
            w.raw("<text x=\"\(svg(x))\" y=\"\(svg(y))\" font-size=\"11\" fill=\"#5b6472\">\(dots.future) dated later: not drawn</text>\n")
        }
        if dots.outside > 0 {
            y += 14
            w.raw("<text x=\"\(svg(x))\" y=\"\(svg(y))\" font-size=\"11\" fill=\"#5b6472\">\(dots.outside) outside the frame</text>\n")
        }

        // Rank labels.
        if !digest.topUnits.isEmpty {
            y += 28
            w.raw("<circle cx=\"\(svg(x + 9))\" cy=\"\(svg(y - 4))\" r=\"9\" fill=\"#ffffff\" stroke=\"#1d2330\" stroke-width=\"1.6\"/>")
            w.raw("<text x=\"\(svg(x + 9))\" y=\"\(svg(y))\" text-anchor=\"middle\" font-size=\"11.5\" font-weight=\"700\">1</text>")
            w.raw("<text x=\"\(svg(x + 26))\" y=\"\(svg(y))\" font-size=\"11.5\">rank of the top units</text>\n")
        }

        // Scale and north arrow.
        y += 30
        w.raw("<text x=\"\(svg(x))\" y=\"\(svg(y))\" font-weight=\"700\" font-size=\"13\">Scale</text>\n")
        y += 30
        writeScaleBar(into: &w, frame: frame, x: x + 4, y: y)
        writeNorthArrow(into: &w, x: right - 10, y: y - 10)

        // Projection.
        y += 26
        w.raw("<text x=\"\(svg(x))\" y=\"\(svg(y))\" font-size=\"10.5\" fill=\"#5b6472\">Equirectangular, x scaled by</text>\n")
        y += 13
        w.raw("<text x=\"\(svg(x))\" y=\"\(svg(y))\" font-size=\"10.5\" fill=\"#5b6472\">cos \(Self.degrees(frame.centerLat, "N", "S")); scale true there.</text>\n")
        y += 13
        w.raw("<text x=\"\(svg(x))\" y=\"\(svg(y))\" font-size=\"10.5\" fill=\"#5b6472\">Graticule every \(ReportDigest.number(Self.graticuleStep(frame)))°.</text>\n")
        w.raw("</g>\n")
        return y + 14 - Self.frameY
    }
}
