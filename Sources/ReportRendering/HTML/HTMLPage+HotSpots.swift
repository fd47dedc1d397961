import CorridorRisk

extension HTMLPage {
    /// Hot spots: ranked by z only among the units with a threat of their own; the units that are
    /// hot only because their neighbours are ("in a hot area") are counted and listed apart.
    func hotSpots(_ w: inout HTMLWriter) {
        let band = ReportDigest.number(report.parameters.hotspotKm)
        section(&w, "hot-spots", "Hot spots (Getis-Ord Gi*)") { w in
            if report.units.allSatisfy({ $0.hotspot == nil }) {
                w.element("p", ["class": "muted"],
                          "Gi* is undefined for this report: fewer than 3 units, no variation in threat, or every unit within \(band) km of all the others.")
                return
            }
            w.line("<div class=\"stats\">")
            stat(&w, "\(digest.hotSpots.count + digest.inHotArea.count)", "hot units (p ≤ 0.10)")
            stat(&w, "\(digest.hotAfterFDR)", "hot after the FDR correction (mapped)")
            stat(&w, "\(digest.inHotArea.count)", "in a hot area, no incident of their own")
            stat(&w, "\(digest.coldSpotCount)", "cold units")
            stat(&w, band + " km", "neighbourhood band")
            w.line("</div>")
            guard !digest.hotSpots.isEmpty else {
                w.element("p", ["class": "muted"], "No unit with a threat of its own is a significant hot spot.")
                return
            }
            w.element("p", ["class": "small muted"],
                      "A hot spot is a unit whose neighbours within \(band) km have a higher threat, together, than chance would give. "
                      + "With hundreds of units tested at once some pass p ≤ 0.05 by chance; the FDR bin (Benjamini–Hochberg) keeps "
                      + "only what survives that, and is what the map shows. Ranked by z among units with a threat of their own:")
            w.line("<div class=\"tablewrap\"><table>")
            w.line("<thead><tr><th>unit</th><th>where</th><th class=\"num\">threat</th><th>tier</th><th class=\"num\">z</th>"
                   + "<th class=\"num\">p</th><th class=\"num\">bin</th><th class=\"num\">FDR bin</th></tr></thead><tbody>")
            for u in digest.hotSpots.prefix(max(input.top, 1)) {
                guard let h = u.hotspot else { continue }
                w.raw("<tr>")
                w.element("td", ["class": "id"], DisplayText.clean(u.id))
                w.element("td", [:], ReportDigest.place(u))
                w.element("td", ["class": "num"], Self.fixed(u.threat, 2))
                w.raw("<td>")
                badge(&w, u.tier)
                w.raw("</td>")
                w.element("td", ["class": "num"], Self.fixed(h.z, 2))
                w.element("td", ["class": "num"], TextRenderer.pValue(h.p))
                w.element("td", ["class": "num"], "+\(h.bin)")
                w.element("td", ["class": "num"], h.binFdr > 0 ? "+\(h.binFdr)" : "0")
                w.line("</tr>")
            }
            w.line("</tbody></table></div>")
            if digest.hotSpots.count > max(input.top, 1) {
                w.element("p", ["class": "small muted"], "… and \(digest.hotSpots.count - max(input.top, 1)) more hot units with a threat (all are in the JSON report).")
            }
            if !digest.inHotArea.isEmpty {
                let names = digest.inHotArea.prefix(12).map { DisplayText.clean($0.id) }.joined(separator: ", ")
                w.element("p", ["class": "small"], "In a hot area without an incident of their own (not ranked): \(names)"
                          + (digest.inHotArea.count > 12 ? " and \(digest.inHotArea.count - 12) more." : "."))
            }
        }
    }

    func trends(_ w: inout HTMLWriter) {
        let p = report.parameters
        section(&w, "trends", "Trends") { w in
            w.element("p", ["class": "small muted"], p.trendModel == .v2
                ? "Each unit's threat from the incidents of the last \(p.trendDays) days against that of the \(p.trendDays) days before: "
                  + "rising at ≥ \(ReportDigest.number(p.trendRising))×, falling at ≤ \(ReportDigest.number(p.trendFalling))×, none when both are 0 "
                  + "(a stretch where nothing new happened is not falling, it is quiet)."
                : "Each unit's threat now against its threat \(p.trendDays) days earlier (the v1.1 rule): rising at ≥ "
                  + "\(ReportDigest.number(p.trendRising))× the earlier value, falling at ≤ \(ReportDigest.number(p.trendFalling))×, none when both are 0.")
            w.line("<div class=\"stats\">")
            for (d, label) in [(TrendDirection.rising, "rising ↑"), (.stable, "stable →"), (.falling, "falling ↓"), (.none, "no trend")] {
                stat(&w, "\(report.units.filter { $0.trend.direction == d }.count)", label)
            }
            w.line("</div>")
            let risingTop = digest.topUnits.filter { $0.trend.direction == .rising }
            if !risingTop.isEmpty {
                w.open("p", ["class": "small"])
                w.text("Rising among the top units: ")
                for (i, u) in risingTop.enumerated() {
                    if i > 0 { w.text(", ") }
                    w.element("code", [:], DisplayText.clean(u.id))
                }
                w.text(".")
                w.line("</p>")
            }
        }
    }
}
