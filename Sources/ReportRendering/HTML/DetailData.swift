import CorridorRisk

/// What the map tells about a unit or an incident: a one-line-per-fact tooltip for hovering
/// (works without script), and the details as compact JSON for the click panel.
enum DetailData {
    static func tooltip(_ u: UnitScore) -> String {
        var lines = ["\(DisplayText.clean(u.id)) — \(DisplayText.clean(u.assetName))",
                     "\(ReportDigest.place(u)) · score \(ReportDigest.score(u))" + (ReportDigest.smoothed(u).map { " · " + $0 } ?? ""),
                     "trend \(ReportDigest.trend(u.trend)) · \(ReportDigest.concentration(u))" + (u.lowData && u.tier > .minimal ? " · low data" : "")]
        if let top = u.topIncidents.first {
            lines.append("main incident: \(DisplayText.clean(top.id)) (\(ReportDigest.fixed(top.share * 100, 0))%)")
        }
        return lines.joined(separator: "\n")
    }

    static func incidentTooltip(_ i: Incident, reached: Bool) -> String {
        "\(DisplayText.clean(i.id)) · \(i.date) · \(i.category.rawValue)" + (casualties(i).map { " · " + $0 } ?? "")
            + (reached ? "" : " · reached no unit")
    }

    static func casualties(_ i: Incident) -> String? {
        var parts: [String] = []
        if i.fatalities > 0 { parts.append("\(i.fatalities) killed") }
        if i.injured > 0 { parts.append("\(i.injured) injured") }
        if i.hostages > 0 { parts.append("\(i.hostages) hostages") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// The unit's details for the click panel.
    static func unit(_ u: UnitScore, parameters p: ModelParameters) -> String {
        var w = JSONWriter(pretty: false)
        w.beginObject()
        w.field("kind", "unit")
        w.field("id", DisplayText.clean(u.id))
        w.field("name", DisplayText.clean(u.assetName))
        w.field("place", ReportDigest.place(u))
        w.field("score", ReportDigest.fixed(u.score, 1))
        w.field("tier", u.tier.rawValue)
        w.field("color", HTMLStyle.color(u.tier))
        if let s = u.smoothed {
            w.key("smoothed")
            w.beginArray()
            for v in [s.scoreLow, s.score, s.scoreHigh] { w.number((v * 10).rounded() / 10) }
            w.endArray()
            w.field("level", ReportDigest.fixed(p.intervalLevel * 100, 0))
        }
        w.field("lowData", u.lowData && u.tier > .minimal)
        w.field("trend", ReportDigest.trend(u.trend))
        w.key("history")
        w.beginArray()
        for h in u.history { w.number((h * 1000).rounded() / 1000) }
        w.endArray()
        w.field("incidents", ReportDigest.concentration(u))
        if let h = u.hotspot, h.bin != 0 {
            w.field("hotspot", "Gi* z \(ReportDigest.fixed(h.z, 2)), bin \(h.bin > 0 ? "+" : "")\(h.bin), after FDR \(h.binFdr > 0 ? "+" : "")\(h.binFdr)"
                    + (u.threat == 0 ? " (in a hot area, no incident of its own)" : ""))
        }
        w.key("top")
        w.beginArray()
        for t in u.topIncidents {
            w.beginObject()
            w.field("id", DisplayText.clean(t.id))
            w.field("share", ReportDigest.fixed(t.share * 100, 0))
            w.field("km", ReportDigest.fixed(t.distanceKm, 1))
            w.field("date", t.incident.date.description)
            w.field("text", t.incident.description.map { ReportDigest.shorten(DisplayText.clean($0), 160) })
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// The incident's details for the click panel.
    static func incident(_ i: Incident, reached: Bool) -> String {
        var w = JSONWriter(pretty: false)
        w.beginObject()
        w.field("kind", "incident")
        w.field("id", DisplayText.clean(i.id))
        w.field("date", i.date.description)
        w.field("category", i.category.rawValue)
        w.field("precision", i.precision.rawValue)
        w.field("casualties", casualties(i))
        w.field("targets", i.targets.description)
        w.field("reached", reached)
        w.field("text", i.description.map { ReportDigest.shorten(DisplayText.clean($0), 400) })
        w.field("source", i.source.map { ReportDigest.shorten(DisplayText.clean($0), 300) })
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
