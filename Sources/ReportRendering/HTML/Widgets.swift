import CorridorRisk

/// Small inline SVG figures for tables: a unit's history as a sparkline, its smoothed score's
/// interval as a bar, a corridor's kilometres by tier as a stacked bar.
enum Widgets {
    /// The history, oldest first, scaled to its largest value.
    static func sparkline(_ w: inout HTMLWriter, _ history: [Double], width: Double = 96, height: Double = 22) {
        let top = history.max() ?? 0
        let n = history.count
        let points = history.enumerated().map { i, v -> String in
            let x = n > 1 ? 2 + Double(i) * (width - 4) / Double(n - 1) : width / 2
            let y = height - 3 - (top > 0 ? v / top * (height - 6) : 0)
            return svg(x) + "," + svg(y)
        }
        w.svgElement(width: width, height: height, ["class": "spark", "role": "img",
                                                    "aria-label": "threat history, oldest first"]) { w in
            w.element("title", [:], "threat month by month, oldest first: "
                      + history.map { ReportDigest.fixed($0, 2) }.joined(separator: ", "))
            w.line(2, height - 3, width - 2, height - 3, ["stroke": HTMLStyle.rule, "stroke-width": "1"])
            w.polyline(points, ["fill": "none", "stroke": HTMLStyle.ink, "stroke-width": "1.5", "stroke-linejoin": "round"])
        }
    }

    /// The smoothed score's interval on a 0–100 axis, its point estimate as a tick and the raw
    /// score as a hollow dot.
    static func intervalBar(_ w: inout HTMLWriter, _ u: UnitScore, level: Double, width: Double = 130) {
        guard let s = u.smoothed else { return }
        func x(_ v: Double) -> Double { 4 + max(0, min(100, v)) / 100 * (width - 8) }
        w.svgElement(width: width, height: 18, ["class": "interval", "role": "img",
                                                "aria-label": "smoothed score interval"]) { w in
            w.element("title", [:], "smoothed \(ReportDigest.fixed(s.score, 1)), \(ReportDigest.fixed(level * 100, 0)) % interval "
                      + "\(ReportDigest.fixed(s.scoreLow, 1))–\(ReportDigest.fixed(s.scoreHigh, 1)); raw score \(ReportDigest.fixed(u.score, 1))")
            w.line(4, 9, width - 4, 9, ["stroke": HTMLStyle.rule, "stroke-width": "2"])
            w.rect(x(s.scoreLow), 5, max(1, x(s.scoreHigh) - x(s.scoreLow)), 8,
                   ["fill": HTMLStyle.color(s.tier), "fill-opacity": "0.55", "stroke": HTMLStyle.outline, "stroke-width": "0.8"])
            w.line(x(s.score), 2, x(s.score), 16, ["stroke": HTMLStyle.ink, "stroke-width": "2"])
            w.circle(x(u.score), 9, 3, ["fill": "#ffffff", "stroke": HTMLStyle.ink, "stroke-width": "1.3"])
        }
    }

    /// A corridor's segment kilometres by tier, minimal to extreme.
    static func tierBar(_ w: inout HTMLWriter, _ c: CorridorSummary) {
        let total = RiskTier.allCases.reduce(0) { $0 + c.kmByTier[$1] }
        guard total > 0 else {
            w.element("span", ["class": "muted small"], "no segments")
            return
        }
        let width = 160.0
        w.svgElement(width: width, height: 14, ["class": "bar"]) { w in
            let parts = RiskTier.allCases.compactMap { t -> String? in
                c.kmByTier[t] > 0 ? "\(t.rawValue) \(ReportDigest.fixed(c.kmByTier[t], 1)) km" : nil
            }
            w.element("title", [:], c.name + ": " + parts.joined(separator: ", "))
            var x = 0.0
            for t in RiskTier.allCases where c.kmByTier[t] > 0 {
                let part = width * c.kmByTier[t] / total
                w.rect(x, 1, part, 12, ["fill": HTMLStyle.color(t)])
                x += part
            }
            w.rect(0.5, 1, 159, 12, ["fill": "none", "stroke": "#8c96a3", "stroke-width": "1"])
        }
    }
}
