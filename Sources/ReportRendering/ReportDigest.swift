import CorridorRisk

/// What the human-readable formats (text, Markdown, HTML) show, computed once so each of them
/// only decides how it looks.
struct ReportDigest {
    let input: RenderInput
    var report: RiskReport { input.report }

    /// Units ranked by risk (the unsaturated quantity behind the score), then by id.
    let topUnits: [UnitScore]
    /// Units with a significant hot spot (Gi* bin > 0), strongest first.
    let hotSpots: [UnitScore]
    /// Units with a significant cold spot (bin < 0).
    let coldSpotCount: Int

    init(_ input: RenderInput) {
        self.input = input
        let units = input.report.units
        topUnits = Array(input.report.rankedUnits.filter { $0.score > 0 }.prefix(max(0, input.top)))
        hotSpots = units.filter { ($0.hotspot?.bin ?? 0) > 0 }
            .sorted { ($0.hotspot!.z, $1.id) > ($1.hotspot!.z, $0.id) }
        coldSpotCount = units.filter { ($0.hotspot?.bin ?? 0) < 0 }.count
    }

    /// `260.0–270.0 km` for a segment, `site` for a site.
    static func chainage(_ u: UnitScore) -> String {
        u.kind.isLinear ? "\(fixed(u.startKm, 1))–\(fixed(u.endKm, 1)) km" : "site"
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

    /// The main incidents of a unit: id, share of exposure and the start of its description.
    func mainIncidents(_ u: UnitScore, count: Int = 2, describe: Bool = true) -> [String] {
        u.topIncidents.prefix(count).map { t in
            var s = "\(t.id) (\(Self.fixed(t.share * 100, 0))%, \(Self.fixed(t.distanceKm, 1)) km, \(t.ageDays) d)"
            if describe, let d = t.incident.description {
                s += ": " + Self.shorten(d, 70)
            }
            return s
        }
    }

    /// The accounting identity in words.
    var accountingLine: String {
        let a = report.incidents
        return "read \(a.read) = rejected \(a.rejected) + future \(a.future) + beyond \(Self.fixed(report.parameters.radiusKm, 0)) km \(a.beyondRadius) + used \(a.used)"
    }

    var modelLine: String {
        let p = report.parameters
        return "segments \(Self.number(p.segmentKm)) km · radius \(Self.number(p.radiusKm)) km · half-life \(Self.number(p.halfLifeDays)) d · κ \(Self.number(p.kappa)) · trend \(p.trendDays) d · hot-spot band \(Self.number(p.hotspotKm)) km"
    }

    /// A number with `digits` decimals (no Foundation formatting, so output is the same everywhere).
    static func fixed(_ v: Double, _ digits: Int) -> String {
        guard v.isFinite else { return "—" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let r = (abs(v) * scale).rounded()
        let whole = Int(r / scale)
        var s = (v < 0 && r != 0 ? "-" : "") + String(whole)
        if digits > 0 {
            let frac = String(Int(r - Double(whole) * scale))
            s += "." + String(repeating: "0", count: digits - frac.count) + frac
        }
        return s
    }

    /// A number without trailing zeros: `25`, `0.5`.
    static func number(_ v: Double) -> String {
        v.rounded() == v && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }

    /// `1 incident`, `3 incidents`.
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    static func shorten(_ s: String, _ n: Int) -> String {
        let flat = s.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= n ? flat : String(flat.prefix(n - 1)) + "…"
    }
}
