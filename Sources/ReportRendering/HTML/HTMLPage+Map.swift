import CorridorRisk

extension HTMLPage {
    /// The map: units by tier, hot spots (after the false-discovery-rate correction) as halos,
    /// incident dots, town labels and the coast and borders.
    func map(_ w: inout HTMLWriter) {
        section(&w, "map", "Map") { w in
            let halos = Dictionary(uniqueKeysWithValues: report.units.compactMap { u -> (String, MapScene.Halo)? in
                guard let h = u.hotspot, h.binFdr > 0 else { return nil }
                return (u.id, MapScene.Halo(color: HTMLStyle.hotSpot(h.binFdr), dashed: u.threat == 0))
            })
            guard let scene = MapScene(units: report.units, ranked: digest.topUnits, halos: halos, incidents: input.incidents,
                                       reached: report.reachedIncidentIDs, parameters: report.parameters, asOf: report.asOf,
                                       places: input.places, context: input.context, maxDots: options.maxIncidentDots) else {
                w.element("p", ["class": "muted"], "There is no unit to map.")
                return
            }
            let legend = MapLegend(scene: scene, accounting: report.incidents, haloLegend: [
                (HTMLStyle.hotSpot(3), false, "99 %"), (HTMLStyle.hotSpot(2), false, "95 %"), (HTMLStyle.hotSpot(1), false, "90 %"),
                (HTMLStyle.hotSpot(2), true, "in a hot area only"),
            ])
            let attribution = input.context.map { " " + $0.attribution + "." } ?? ""
            MapSVG(scene: scene, legend: legend, caption:
                "Scoring units coloured by risk tier (lines: segments; squares: sites), higher tiers on top; dashed or hollow: "
                + "the score rests on \(report.parameters.lowDataIncidents) incidents or fewer. Purple halos: hot spots after the "
                + "false-discovery-rate correction. Blue dots: incidents scored, area growing with casualties; hollow: reached no unit. "
                + "Numbered circles: the three highest-ranked units. Scroll or use + and − to zoom, drag to pan, click a unit or a dot "
                + "for its details; without script, hover for a summary." + attribution).write(into: &w)
        }
    }
}
