import CorridorRisk

extension HTMLPage {
    func accounting(_ w: inout HTMLWriter) {
        let a = report.incidents
        section(&w, "incidents", "Incident accounting") { w in
            w.element("p", [:], digest.accountingLine)
            let buckets: [(String, Int)] = [("used", a.used), ("beyond reach", a.beyondRadius), ("excluded (weighted 0)", a.excluded),
                                            ("future (after as-of)", a.future), ("rejected", a.rejected)]
            w.line("<div class=\"stats\">")
            stat(&w, "\(a.read)", "read")
            for ((name, n), color) in zip(buckets, HTMLStyle.accountingColors) { stat(&w, "\(n)", name, swatch: color) }
            w.line("</div>")
            if a.read > 0 {
                w.svgElement(width: 1000, height: 18, ["class": "bar", "preserveAspectRatio": "none", "style": "width: 100%"]) { w in
                    w.element("title", [:], digest.accountingLine)
                    var x = 0.0
                    for ((_, n), color) in zip(buckets, HTMLStyle.accountingColors) where n > 0 {
                        let part = 1000 * Double(n) / Double(a.read)
                        w.rect(x, 0, part, 18, ["fill": color])
                        x += part
                    }
                }
                w.line("")
            }
            w.element("h3", [:], "Rejected records")
            guard !report.rejected.isEmpty else {
                w.element("p", ["class": "muted"], "None: every record read was valid.")
                return
            }
            let shown = report.rejected.prefix(max(0, options.maxRejectedRows))
            w.line("<div class=\"tablewrap\"><table>")
            w.line("<thead><tr><th>file</th><th>where</th><th>id</th><th>reason</th></tr></thead><tbody>")
            for x in shown {
                w.raw("<tr>")
                w.element("td", ["class": "mono small"], DisplayText.clean(x.file))
                w.element("td", [:], x.place)
                w.element("td", ["class": "id"], x.id.map(DisplayText.clean) ?? "—")
                w.element("td", [:], DisplayText.clean(x.reason))
                w.line("</tr>")
            }
            w.line("</tbody></table></div>")
            if report.rejected.count > shown.count {
                w.element("p", ["class": "small muted"],
                          "… and \(report.rejected.count - shown.count) more rejected records (all are in the JSON report).")
            }
        }
    }

    func warnings(_ w: inout HTMLWriter) {
        section(&w, "warnings", "Warnings") { w in
            if report.warnings.isEmpty { w.element("p", ["class": "muted"], "None.") }
            for warning in report.warnings {
                w.element("div", ["class": "warn"], DisplayText.clean(warning))
                w.line("")
            }
        }
    }
}
