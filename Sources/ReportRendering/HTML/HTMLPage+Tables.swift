import CorridorRisk

extension HTMLPage {
    func corridors(_ w: inout HTMLWriter) {
        section(&w, "corridors", "Corridors") { w in
            guard !report.corridors.isEmpty else {
                w.element("p", ["class": "muted"], "No asset names a corridor.")
                return
            }
            w.element("p", ["class": "small muted"],
                      "Kilometres of segments in each tier. Max score covers all the corridor's units (sites too); the mean is length-weighted over its segments.")
            w.line("<div class=\"tablewrap\"><table>")
            w.raw("<thead><tr><th>corridor</th><th class=\"num\">km</th><th class=\"num\">max score</th><th class=\"num\">mean score</th>")
            for t in RiskTier.allCases {
                w.raw("<th class=\"num\"><span class=\"sw t-\(t.rawValue)\"></span>\(t.rawValue)</th>")
            }
            w.line("<th>km by tier</th></tr></thead><tbody>")
            for c in report.corridors {
                w.raw("<tr>")
                w.element("td", [:], DisplayText.clean(c.name))
                w.element("td", ["class": "num"], Self.fixed(c.lengthKm, 1))
                w.element("td", ["class": "num"], c.maxScore.map { Self.fixed($0, 1) } ?? "—")
                w.element("td", ["class": "num"], c.meanScore.map { Self.fixed($0, 1) } ?? "—")
                for t in RiskTier.allCases {
                    w.element("td", ["class": c.kmByTier[t] > 0 ? "num" : "num muted"], Self.fixed(c.kmByTier[t], 1))
                }
                w.raw("<td>")
                Widgets.tierBar(&w, c)
                w.line("</td></tr>")
            }
            w.line("</tbody></table></div>")
        }
    }

    func topUnits(_ w: inout HTMLWriter) {
        let level = report.parameters.intervalLevel
        section(&w, "top-units", "Top \(digest.topUnits.count) units by risk") { w in
            guard !digest.topUnits.isEmpty else {
                w.element("p", ["class": "muted"], "No unit has any exposure.")
                return
            }
            w.element("p", ["class": "small muted"],
                      "Ranked by risk (threat × the asset's criticality). Smoothed: the score shrunk towards the network's rate as far as "
                      + "its evidence is thin, with its \(Self.fixed(level * 100, 0)) % interval (bar; dot: the raw score). "
                      + "Low data: the score rests on \(report.parameters.lowDataIncidents) incidents or fewer. History: the threat "
                      + "month by month over the last \(report.parameters.historyPoints) points. Main incidents: id (share of the "
                      + "unit's exposure, distance, age) and the start of the description.")
            w.line("<div class=\"tablewrap\"><table class=\"top\">")
            w.line("<thead><tr><th class=\"num\">#</th><th>unit</th><th>where</th><th class=\"num\">score</th><th>smoothed</th>"
                   + "<th>trend</th><th>history</th><th>incidents</th></tr></thead>")
            for (index, u) in digest.topUnits.enumerated() {
                w.raw("<tbody class=\"unit-row\"" + HTMLWriter.attributes(["data-unit": u.id]) + "><tr class=\"figures\"><td class=\"num\">")
                if index < 3 { w.element("span", ["class": "rank"], "\(index + 1)") } else { w.text("\(index + 1)") }
                w.raw("</td><td>")
                w.element("div", ["class": "id"], DisplayText.clean(u.id))
                w.element("div", ["class": "small"], DisplayText.clean(u.assetName))
                w.raw("</td>")
                w.element("td", [:], ReportDigest.place(u))
                w.raw("<td class=\"num\">")
                w.element("b", [:], Self.fixed(u.score, 1))
                w.raw(" ")
                badge(&w, u.tier)
                if u.lowData { w.raw("<br/>"); w.element("span", ["class": "flag"], "low data") }
                w.raw("</td><td class=\"nw\">")
                if let s = u.smoothed {
                    w.text("\(Self.fixed(s.score, 1)) [\(Self.fixed(s.scoreLow, 1))–\(Self.fixed(s.scoreHigh, 1))]")
                    w.raw("<br/>")
                    Widgets.intervalBar(&w, u, level: level)
                } else {
                    w.text("—")
                }
                w.raw("</td><td class=\"nw\">")
                trendCell(&w, u)
                w.raw("</td><td>")
                Widgets.sparkline(&w, u.history)
                w.raw("</td>")
                w.element("td", ["class": "small"], ReportDigest.concentration(u))
                w.line("</tr>")
                w.raw("<tr class=\"detail\"><td></td><td colspan=\"7\">")
                mainIncidents(&w, u)
                w.line("</td></tr></tbody>")
            }
            w.line("</table></div>")
        }
    }

    private func trendCell(_ w: inout HTMLWriter, _ u: UnitScore) {
        let t = u.trend
        let cls: String? = switch t.direction {
        case .rising: "up"
        case .falling: "down"
        case .stable: nil
        case .none: "muted"
        }
        w.element("span", ["class": cls], ReportDigest.trend(t))
        if t.direction != .none {
            w.raw("<br/>")
            w.element("span", ["class": "small muted"], "\(Self.fixed(t.priorThreat, 2)) → \(Self.fixed(t.recentThreat, 2))")
        }
    }

    private func mainIncidents(_ w: inout HTMLWriter, _ u: UnitScore) {
        let lines = digest.mainIncidents(u)
        guard !lines.isEmpty else {
            w.element("span", ["class": "muted small"], "no incident of its own (in reach of others only through its neighbours)")
            return
        }
        w.raw("<ul class=\"mi\">")
        for line in lines { w.element("li", [:], "▸ " + line) }
        w.raw("</ul>")
    }
}
