import CorridorRisk

/// What the human-readable formats (text, Markdown, HTML) show, computed once so each of them
/// only decides how it looks. Every string from the data passes through `DisplayText.clean`.
struct ReportDigest {
    let input: RenderInput
    var report: RiskReport { input.report }

    /// Units ranked by risk (the unsaturated quantity behind the score), then by id.
    let topUnits: [UnitScore]
    /// Hot units (Gi* bin > 0) with a threat of their own, strongest z first.
    let hotSpots: [UnitScore]
    /// Hot units without an incident of their own: "in a hot area", never ranked.
    let inHotArea: [UnitScore]
    /// Units hot after the false-discovery-rate correction (binFdr > 0): what the map colours.
    let hotAfterFDR: Int
    /// Units with a significant cold spot (bin < 0).
    let coldSpotCount: Int

    init(_ input: RenderInput) {
        self.input = input
        let units = input.report.units
        topUnits = Array(input.report.rankedUnits.filter { $0.score > 0 }.prefix(max(0, input.top)))
        let hot = units.filter { ($0.hotspot?.bin ?? 0) > 0 }
        hotSpots = hot.filter { $0.threat > 0 }.sorted { a, b in
            let (za, zb) = (a.hotspot?.z ?? 0, b.hotspot?.z ?? 0)
            return za != zb ? za > zb : a.id < b.id
        }
        inHotArea = hot.filter { $0.threat == 0 }
        hotAfterFDR = units.filter { ($0.hotspot?.binFdr ?? 0) > 0 }.count
        coldSpotCount = units.filter { ($0.hotspot?.bin ?? 0) < 0 }.count
    }

    /// `km 260–270, between Sibi and Mach` for a segment, `at Gwadar` or `site` for a site.
    static func place(_ u: UnitScore) -> String {
        let text = DisplayText.clean(u.placeDescription)
        return text.isEmpty ? "site" : text
    }

    /// The trend with an arrow.
    static func trend(_ t: Trend) -> String {
        switch t.direction {
        case .rising: "rising ↑"
        case .falling: "falling ↓"
        case .stable: "stable →"
        case .none: "none"
        }
    }

    /// `97.1 extreme`: a score with its tier.
    static func score(_ u: UnitScore) -> String { "\(fixed(u.score, 1)) \(u.tier.rawValue)" }

    /// `smoothed 88.2 [71.0–96.5]`: the Empirical-Bayes score and its interval; nil without one.
    static func smoothed(_ u: UnitScore) -> String? {
        guard let s = u.smoothed else { return nil }
        return "smoothed \(fixed(s.score, 1)) [\(fixed(s.scoreLow, 1))–\(fixed(s.scoreHigh, 1))]"
    }

    /// How many incidents the score rests on: `4 incidents, ≈1.2 effective, the top one 87 %`.
    static func concentration(_ u: UnitScore) -> String {
        var s = count(u.incidentCount, "incident")
        if u.incidentCount > 1 {
            s += ", ≈\(fixed(u.effectiveIncidents, 1)) effective"
            if let top = u.topIncidents.first { s += ", the top one \(fixed(top.share * 100, 0)) %" }
        }
        return s
    }

    /// The history as a sparkline: eight levels of block characters (or ASCII), scaled to its
    /// largest value.
    static func sparkline(_ history: [Double], unicode: Bool) -> String {
        let levels = unicode ? Array("▁▂▃▄▅▆▇█") : Array("_.-~=+*#")
        let top = history.max() ?? 0
        return String(history.map { v in
            guard top > 0, v > 0 else { return levels[0] }
            return levels[min(levels.count - 1, Int((v / top * Double(levels.count - 1)).rounded()))]
        })
    }

    /// The main incidents of a unit: id, share of exposure and the start of its description.
    func mainIncidents(_ u: UnitScore, count: Int = 2, describe: Bool = true) -> [String] {
        u.topIncidents.prefix(count).map { t in
            var s = "\(DisplayText.clean(t.id)) (\(Self.fixed(t.share * 100, 0))%, \(Self.fixed(t.distanceKm, 1)) km, \(t.ageDays) d)"
            if describe, let d = t.incident.description {
                s += ": " + Self.shorten(DisplayText.clean(d), 70)
            }
            return s
        }
    }

    /// The accounting identity in words.
    var accountingLine: String {
        let a = report.incidents
        return "read \(a.read) = rejected \(a.rejected) + future \(a.future) + excluded \(a.excluded) "
            + "+ beyond reach \(a.beyondRadius) + used \(a.used)"
    }

    var modelLine: String {
        let p = report.parameters
        let n = Self.number
        let reaches = LocationPrecision.allCases.dropFirst().map {
            Self.fixed(RiskModel.spreadRadius(radius: p.radiusKm, uncertainty: p.uncertainty($0)), 1)
        }
        let spread = p.precisionModel == .spread ? " (precision 2 and 3 spread to \(reaches.joined(separator: " and ")) km)" : ""
        let trend = p.trendModel == .v2 ? "last \(p.trendDays) d against the \(p.trendDays) before" : "threat against \(p.trendDays) d ago"
        return "segments \(n(p.segmentKm)) km · radius \(n(p.radiusKm)) km\(spread) · half-life \(n(p.halfLifeDays)) d · "
            + "κ \(n(p.kappa)) · trend: \(trend) · hot-spot band \(n(p.hotspotKm)) km"
    }

    /// A number with `digits` decimals (no Foundation formatting, so output is the same everywhere).
    static func fixed(_ v: Double, _ digits: Int) -> String { DecimalText.fixed(v, digits) }

    /// A number without trailing zeros: `25`, `0.5`.
    static func number(_ v: Double) -> String { DecimalText.plain(v) }

    /// `1 incident`, `3 incidents`.
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    static func shorten(_ s: String, _ n: Int) -> String {
        let flat = s.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= n ? flat : String(flat.prefix(n - 1)) + "…"
    }
}

/// Text from the data made safe to show: no control character (NUL, an ANSI escape that could
/// recolour a terminal or move its cursor, a C1 control) reaches a human-readable output; each
/// becomes a visible `\u{…}`, and line breaks and tabs become spaces.
public enum DisplayText {
    /// The text with line breaks and tabs as spaces and every other control character (NUL, ESC
    /// and so ANSI sequences, C1) written as `\u{1B}`: input can never drive the terminal.
    public static func clean(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if u == "\n" || u == "\r" || u == "\t" {
                out.append(" ")
            } else if isControl(u) {
                out.append(contentsOf: "\\u{\(String(u.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    private static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (u.value >= 0x7F && u.value <= 0x9F)
    }
}
