import CorridorRisk

/// The diff as a page: the new report's map with the units that went up a tier (red halos) or
/// down (green) marked, and the tables of the text form.
enum DiffHTML {
    static func render(_ input: DiffInput) -> String {
        let d = input.diff
        return HTMLRenderer.document(title: DisplayText.clean(input.title), version: CorridorRiskVersion.current) { w in
            w.line("<header>")
            w.element("h1", [:], DisplayText.clean(input.title))
            w.element("p", ["class": "meta"], DiffTables.sides(d))
            w.element("p", ["class": "meta"], DiffTables.summaryLine(d))
            w.line("</header>")
            map(&w, input)
            for (id, heading, list) in [("up", "Went up a tier", DiffTables.up(d)), ("down", "Went down a tier", DiffTables.down(d)),
                                        ("within", "Large threat changes within a tier", DiffTables.withinTier(d))] {
                w.line("")
                w.open("section", ["id": id])
                w.element("h2", [:], "\(heading) (\(list.count))")
                if list.isEmpty {
                    w.element("p", ["class": "muted"], "None.")
                } else {
                    table(&w, list)
                }
                w.line("</section>")
            }
            w.open("section", ["id": "added-removed"])
            w.element("h2", [:], "Added and removed units")
            w.element("p", [:], "Added (\(d.added.count)): " + d.added.prefix(40).map { "\(DisplayText.clean($0.id)) (\($0.tier.rawValue))" }.joined(separator: ", "))
            w.element("p", [:], "Removed (\(d.removed.count)): " + d.removed.prefix(40).map { "\(DisplayText.clean($0.id)) (\($0.tier.rawValue))" }.joined(separator: ", "))
            w.line("</section>")
            corridors(&w, d)
        }
    }

    private static func map(_ w: inout HTMLWriter, _ input: DiffInput) {
        w.open("section", ["id": "map"])
        w.element("h2", [:], "Map of the new report")
        defer { w.line("</section>") }
        let changes = Dictionary(uniqueKeysWithValues: input.diff.units.map { ($0.id, $0) })
        let halos = Dictionary(uniqueKeysWithValues: input.mapUnits.compactMap { u -> (String, MapScene.Halo)? in
            guard let c = changes[u.id], c.tierChange != 0 else { return nil }
            return (u.id, MapScene.Halo(color: c.tierChange > 0 ? HTMLStyle.rising : HTMLStyle.falling, dashed: false))
        })
        let ranked = DiffTables.up(input.diff).compactMap { c in input.mapUnits.first { $0.id == c.id } }
        guard let scene = MapScene(units: input.mapUnits, ranked: ranked, halos: halos, incidents: [], reached: [],
                                   parameters: .defaults, asOf: nil, places: input.places, context: input.context, maxDots: 0) else {
            w.element("p", ["class": "muted"], "No map: the new report's network was not found (give it with --infrastructure).")
            return
        }
        let accounting = IncidentAccounting(read: 0, rejected: 0, future: 0, excluded: 0, beyondRadius: 0, used: 0)
        MapSVG(scene: scene, legend: MapLegend(scene: scene, accounting: accounting, haloLegend: [
            (HTMLStyle.rising, false, "went up a tier"), (HTMLStyle.falling, false, "went down a tier"),
        ]), caption: "Units coloured by their new tier; red halos: went up a tier; green: went down. Numbered: the largest risers.")
            .write(into: &w)
    }

    private static func table(_ w: inout HTMLWriter, _ list: [ReportDiff.UnitChange]) {
        w.line("<div class=\"tablewrap\"><table>")
        w.line("<thead><tr><th>unit</th><th>where</th><th>tier</th><th class=\"num\">score</th><th class=\"num\">threat</th><th>change</th></tr></thead><tbody>")
        for u in list.prefix(200) {
            w.raw("<tr>")
            w.element("td", ["class": "id"], DisplayText.clean(u.id))
            w.element("td", [:], DisplayText.clean(u.place))
            w.raw("<td class=\"nw\">")
            w.element("span", ["class": "badge t-\(u.oldTier.rawValue)"], u.oldTier.rawValue)
            w.text(" → ")
            w.element("span", ["class": "badge t-\(u.newTier.rawValue)"], u.newTier.rawValue)
            w.raw("</td>")
            w.element("td", ["class": "num"], "\(DiffTables.f(u.oldScore)) → \(DiffTables.f(u.newScore)) (\(DiffTables.signed(u.scoreChange)))")
            w.element("td", ["class": "num"], "\(DiffTables.f(u.oldThreat, 2)) → \(DiffTables.f(u.newThreat, 2))")
            w.element("td", [:], DiffTables.words(u.change))
            w.line("</tr>")
        }
        w.line("</tbody></table></div>")
    }

    private static func corridors(_ w: inout HTMLWriter, _ d: ReportDiff) {
        w.open("section", ["id": "corridors"])
        w.element("h2", [:], "Corridors")
        w.line("<div class=\"tablewrap\"><table>")
        w.raw("<thead><tr><th>corridor</th><th class=\"num\">max score</th><th class=\"num\">mean score</th>")
        for t in RiskTier.allCases { w.raw("<th class=\"num\">\(t.rawValue) km</th>") }
        w.line("</tr></thead><tbody>")
        for c in d.corridors {
            w.raw("<tr>")
            w.element("td", [:], DisplayText.clean(c.name))
            w.element("td", ["class": "num"], "\(DiffTables.optional(c.oldMaxScore)) → \(DiffTables.optional(c.newMaxScore))")
            w.element("td", ["class": "num"], "\(DiffTables.optional(c.oldMeanScore)) → \(DiffTables.optional(c.newMeanScore))")
            for t in RiskTier.allCases { w.element("td", ["class": "num"], DiffTables.signed(c.kmByTierChange[t])) }
            w.line("</tr>")
        }
        w.line("</tbody></table></div>")
        w.line("</section>")
    }
}
