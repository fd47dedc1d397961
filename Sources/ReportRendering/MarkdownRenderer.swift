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
        let level = ReportDigest.fixed(r.parameters.intervalLevel * 100, 0)
        out.append("Smoothed: the Empirical-Bayes score with its \(level) % interval. *Low data*: the score rests on "
                   + "\(r.parameters.lowDataIncidents) incidents or fewer. History: the threat month by month, oldest first.")
        out.append("")
        out.append("| # | unit | where | score | smoothed [\(level) %] | trend | history | incidents | main incidents |")
        out.append("|---:|---|---|---|---|---|---|---|---|")
        for (rank, u) in d.topUnits.enumerated() {
            let smoothed = u.smoothed.map { "\(ReportDigest.fixed($0.score, 1)) [\(ReportDigest.fixed($0.scoreLow, 1))–\(ReportDigest.fixed($0.scoreHigh, 1))]" } ?? "—"
            let cells = ["\(rank + 1)", "`\(escape(u.id))`<br>\(escape(u.assetName))", escape(ReportDigest.place(u)),
                         ReportDigest.score(u) + (u.lowData ? "<br>*low data*" : ""), smoothed,
                         ReportDigest.trend(u.trend), ReportDigest.sparkline(u.history, unicode: true),
                         escape(ReportDigest.concentration(u)),
                         d.mainIncidents(u, describe: false).map(escape).joined(separator: "<br>")]
            out.append("| " + cells.joined(separator: " | ") + " |")
        }
        out.append("")
        out.append("## Hot spots")
        out.append("")
        let band = ReportDigest.number(r.parameters.hotspotKm)
        if d.hotSpots.isEmpty && d.inHotArea.isEmpty {
            out.append("No significant hot spot (Getis-Ord Gi*, \(band) km band).")
        } else {
            out.append("\(d.hotSpots.count + d.inHotArea.count) units are hot spots (Getis-Ord Gi*, \(band) km band), "
                       + "\(d.hotAfterFDR) after the false-discovery-rate correction; \(d.coldSpotCount) are cold spots. "
                       + "Ranked by z among the units with a threat of their own"
                       + (d.inHotArea.isEmpty ? "." : "; \(d.inHotArea.count) more lie in a hot area without an incident of their own."))
            out.append("")
            out.append("| unit | where | threat | z | p | bin | FDR bin |")
            out.append("|---|---|---:|---:|---:|---:|---:|")
            for u in d.hotSpots.prefix(max(input.top, 1)) {
                guard let h = u.hotspot else { continue }
                out.append("| `\(escape(u.id))` | \(escape(ReportDigest.place(u))) | \(ReportDigest.fixed(u.threat, 2)) | "
                           + "\(ReportDigest.fixed(h.z, 2)) | \(TextRenderer.pValue(h.p)) | +\(h.bin) | +\(h.binFdr) |")
            }
        }
        out.append("")
        out.append("## Rejected records")
        out.append("")
        if r.rejected.isEmpty {
            out.append("None.")
        } else {
            out.append("| file | where | id | reason |")
            out.append("|---|---:|---|---|")
            for x in r.rejected.prefix(50) {
                out.append("| \(escape(x.file)) | \(x.place) | \(escape(x.id ?? "")) | \(escape(x.reason)) |")
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

    /// Keeps table cells intact: pipes escaped, line breaks flattened, control characters made
    /// visible. Works on scalars, not Characters, so a pipe followed by a combining mark is still
    /// a pipe.
    static func escape(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in DisplayText.clean(s).unicodeScalars {
            switch u {
            case "|": out.append(contentsOf: "\\|".unicodeScalars)
            default: out.append(u)
            }
        }
        return String(out)
    }
}
