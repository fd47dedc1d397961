import CorridorRisk

/// The terminal report: corridors, the top units with where they are, their scores (raw and
/// smoothed), trend, history and main incidents, hot spots, the incident accounting and rejected
/// records. Tiers are coloured only when `RenderInput.color` is set.
enum TextRenderer {
    static func render(_ input: RenderInput) -> String {
        let d = ReportDigest(input)
        let r = input.report
        let paint = Paint(enabled: input.color)
        var out: [String] = []

        out.append(paint.bold(DisplayText.clean(input.title)) + "  —  as of " + (r.asOf?.description ?? "no incident dates"))
        out.append("model: " + d.modelLine)
        out.append("incidents: " + d.accountingLine)
        out.append("")

        out.append(paint.bold("Corridors") + " (km of segments by tier)")
        var corridorRows = [["corridor", "km", "max", "mean"] + RiskTier.allCases.map(\.rawValue)]
        for c in r.corridors {
            corridorRows.append([DisplayText.clean(c.name), ReportDigest.fixed(c.lengthKm, 1),
                                 c.maxScore.map { ReportDigest.fixed($0, 1) } ?? "—",
                                 c.meanScore.map { ReportDigest.fixed($0, 1) } ?? "—"]
                                + RiskTier.allCases.map { ReportDigest.fixed(c.kmByTier[$0], 1) })
        }
        out += Table.lines(corridorRows, rightAligned: Set(1..<(4 + RiskTier.allCases.count)))
        out.append("")

        out.append(paint.bold("Top \(d.topUnits.count) units") + " by risk (threat × criticality)")
        if d.topUnits.isEmpty { out.append("  no unit has any exposure") }
        for (rank, u) in d.topUnits.enumerated() {
            out.append("\(pad(String(rank + 1), 3)). \(DisplayText.clean(u.id))  \(ReportDigest.place(u))")
            out.append("     \(DisplayText.clean(u.assetName))")
            var figures = "     score " + paint.tier(u.tier, ReportDigest.score(u))
            if let s = ReportDigest.smoothed(u) { figures += "  " + s }
            if u.lowData { figures += "  " + paint.warn("low data") }
            out.append(figures)
            out.append("     trend \(ReportDigest.trend(u.trend))  history \(ReportDigest.sparkline(u.history, unicode: input.unicode))"
                       + "  \(ReportDigest.concentration(u))")
            for line in d.mainIncidents(u) { out.append("     · " + line) }
        }
        out.append("")

        out.append(paint.bold("Hot spots") + " (Getis-Ord Gi*, band \(ReportDigest.number(r.parameters.hotspotKm)) km)")
        if d.hotSpots.isEmpty && d.inHotArea.isEmpty {
            out.append("  no significant hot spot")
        } else {
            out.append("  " + ReportDigest.count(d.hotSpots.count + d.inHotArea.count, "hot unit")
                       + ", \(d.hotAfterFDR) after the false-discovery-rate correction; \(d.coldSpotCount) cold")
            for u in d.hotSpots.prefix(max(input.top, 1)) {
                guard let h = u.hotspot else { continue }
                out.append("  \(DisplayText.clean(u.id))  \(ReportDigest.place(u))  z \(ReportDigest.fixed(h.z, 2))  p \(pValue(h.p))"
                           + "  bin +\(h.bin)  FDR bin +\(h.binFdr)")
            }
            if !d.inHotArea.isEmpty {
                out.append("  \(d.inHotArea.count) more in a hot area without an incident of their own (not ranked)")
            }
        }
        out.append("")

        out.append(paint.bold("Incidents"))
        out.append("  " + d.accountingLine)
        if !r.rejected.isEmpty {
            out.append("  rejected records (\(r.rejected.count)):")
            for x in r.rejected.prefix(20) {
                out.append("    \(DisplayText.clean(x.file)) \(x.place)\(x.id.map { " [\(DisplayText.clean($0))]" } ?? ""): \(DisplayText.clean(x.reason))")
            }
            if r.rejected.count > 20 { out.append("    … and \(r.rejected.count - 20) more (all are in the JSON report)") }
        }
        for w in r.warnings { out.append(paint.warn("warning: ") + DisplayText.clean(w)) }
        return out.joined(separator: "\n") + "\n"
    }

    static func pad(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }

    static func pValue(_ p: Double) -> String { p < 0.001 ? "< 0.001" : ReportDigest.fixed(p, 3) }
}

/// ANSI styling that disappears when colour is off.
struct Paint {
    let enabled: Bool
    func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func bold(_ s: String) -> String { wrap(s, "1") }
    func warn(_ s: String) -> String { wrap(s, "33") }
    func tier(_ t: RiskTier, _ s: String) -> String {
        switch t {
        case .minimal: wrap(s, "32")
        case .low: wrap(s, "36")
        case .moderate: wrap(s, "33")
        case .high: wrap(s, "31")
        case .extreme: wrap(s, "1;97;41")
        }
    }
}

/// Aligned plain-text columns.
enum Table {
    static func lines(_ rows: [[String]], rightAligned: Set<Int>) -> [String] {
        guard let first = rows.first else { return [] }
        let widths = first.indices.map { i in rows.map { $0[i].count }.max() ?? 0 }
        return rows.map { row in
            "  " + row.enumerated().map { i, cell in
                let gap = String(repeating: " ", count: widths[i] - cell.count)
                return rightAligned.contains(i) ? gap + cell : cell + gap
            }.joined(separator: "  ")
        }
    }
}
