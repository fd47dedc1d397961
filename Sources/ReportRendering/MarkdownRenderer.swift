import CorridorRisk

/// The same content as the terminal report, as Markdown tables for pasting into a brief.
enum MarkdownRenderer {
    static func render(_ input: RenderInput) -> String {
        let d = ReportDigest(input)
        let r = input.report
        var out: [String] = []
        out.append("# \(escape(input.title))")
        out.append("")
        out.append("As of **\(r.asOf?.description ?? "—")**. Model: \(d.modelLine).")
        out.append("")
        out.append("Incidents: \(d.accountingLine).")
        out.append("")
        out.append("## Corridors")
        out.append("")
        out.append("| corridor | km | max score | mean score | " + RiskTier.allCases.map { "\($0.rawValue) km" }.joined(separator: " | ") + " |")
        out.append("|---|---:|---:|---:|" + String(repeating: "---:|", count: RiskTier.allCases.count))
        for c in r.corridors {
            let cells = [escape(c.name), ReportDigest.fixed(c.lengthKm, 1), c.maxScore.map { ReportDigest.fixed($0, 1) } ?? "—",
                         c.meanScore.map { ReportDigest.fixed($0, 1) } ?? "—"]
                + RiskTier.allCases.map { ReportDigest.fixed(c.kmByTier[$0], 1) }
            out.append("| " + cells.joined(separator: " | ") + " |")
        }
        out.append("")
        out.append("## Top \(d.topUnits.count) units by risk")
        out.append("")
        out.append("| # | unit | asset | chainage | score | tier | trend | main incidents |")
        out.append("|---:|---|---|---|---:|---|---|---|")
        for (rank, u) in d.topUnits.enumerated() {
            let cells = ["\(rank + 1)", "`\(u.id)`", escape(u.assetName), ReportDigest.chainage(u), ReportDigest.fixed(u.score, 1),
                         u.tier.rawValue, ReportDigest.trend(u.trend),
                         d.mainIncidents(u, describe: false).map(escape).joined(separator: "<br>")]
            out.append("| " + cells.joined(separator: " | ") + " |")
        }
        out.append("")
        out.append("## Hot spots")
        out.append("")
        if d.hotSpots.isEmpty {
            out.append("No significant hot spot (Getis-Ord Gi*, \(ReportDigest.number(r.parameters.hotspotKm)) km band).")
        } else {
            out.append("\(d.hotSpots.count) units are hot spots (Getis-Ord Gi*, \(ReportDigest.number(r.parameters.hotspotKm)) km band); \(d.coldSpotCount) are cold spots.")
            out.append("")
            out.append("| unit | chainage | z | p | bin |")
            out.append("|---|---|---:|---:|---:|")
            for u in d.hotSpots.prefix(max(input.top, 1)) {
                let h = u.hotspot!
                out.append("| `\(u.id)` | \(ReportDigest.chainage(u)) | \(ReportDigest.fixed(h.z, 2)) | \(TextRenderer.pValue(h.p)) | +\(h.bin) |")
            }
        }
        out.append("")
        out.append("## Rejected records")
        out.append("")
        if r.rejected.isEmpty {
            out.append("None.")
        } else {
            out.append("| file | line | id | reason |")
            out.append("|---|---:|---|---|")
            for x in r.rejected.prefix(50) {
                out.append("| \(escape(x.file)) | \(x.line) | \(escape(x.id ?? "")) | \(escape(x.reason)) |")
            }
            if r.rejected.count > 50 { out += ["", "… and \(r.rejected.count - 50) more (all are in the JSON report)."] }
        }
        if !r.warnings.isEmpty {
            out.append("")
            out.append("## Warnings")
            out.append("")
            for w in r.warnings { out.append("- " + escape(w)) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Keeps table cells intact: pipes escaped, line breaks flattened. Works on scalars, not
    /// Characters, so a pipe followed by a combining mark is still a pipe.
    static func escape(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u {
            case "|": out.append(contentsOf: "\\|".unicodeScalars)
            case "\n", "\r": out.append(" ")
            default: out.append(u)
            }
        }
        return String(out)
    }
}
