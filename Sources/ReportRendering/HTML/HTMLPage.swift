import CorridorRisk

/// The sections of the HTML page, in page order, one file each (`HTMLPage+…`). Everything shown
/// comes from `ReportDigest` and the report; every data string goes through `HTMLWriter`'s
/// escaping.
struct HTMLPage {
    let digest: ReportDigest
    let options: HTMLRenderer.Options
    var input: RenderInput { digest.input }
    var report: RiskReport { digest.report }

    static func fixed(_ v: Double, _ digits: Int) -> String { ReportDigest.fixed(v, digits) }

    func header(_ w: inout HTMLWriter) {
        let r = report
        w.line("<header>")
        w.element("h1", [:], DisplayText.clean(input.title))
        meta(&w, "As of", r.asOf?.description ?? "— (no incident dates)")
        meta(&w, "Model", digest.modelLine)
        meta(&w, "Incidents", digest.accountingLine)
        let segments = r.units.filter { $0.kind.isLinear }
        let severe = r.units.filter { $0.tier >= .high }
        let severeKm = severe.filter { $0.kind.isLinear }.reduce(0) { $0 + $1.lengthKm }
        w.line("<div class=\"cards\">")
        card(&w, "\(r.units.count)", "units scored (\(segments.count) segments, \(r.units.count - segments.count) sites)")
        if let best = digest.topUnits.first {
            card(&w, Self.fixed(best.score, 1), "highest score: \(DisplayText.clean(best.id)), \(ReportDigest.place(best))")
        } else {
            card(&w, "—", "no unit has any exposure")
        }
        card(&w, "\(severe.count)", "units high or extreme (\(Self.fixed(severeKm, 0)) km of segments)")
        card(&w, "\(r.incidents.used)", "incidents used of \(r.incidents.read) read")
        card(&w, "\(digest.hotAfterFDR)", "hot-spot units after the FDR correction")
        w.line("</div>")
        w.raw("<nav class=\"toc\">")
        for (anchor, name) in [("map", "Map"), ("corridors", "Corridors"), ("top-units", "Top units"),
                               ("hot-spots", "Hot spots"), ("trends", "Trends"), ("incidents", "Incidents"),
                               ("warnings", "Warnings"), ("method", "Method"), ("provenance", "Provenance")] {
            w.element("a", ["href": "#" + anchor], name)
        }
        w.line("</nav>")
        w.line("</header>")
    }

    private func meta(_ w: inout HTMLWriter, _ key: String, _ value: String) {
        w.open("p", ["class": "meta"])
        w.element("b", [:], key)
        w.text(" " + value)
        w.line("</p>")
    }

    func card(_ w: inout HTMLWriter, _ value: String, _ key: String) {
        w.raw("<div class=\"card\">")
        w.element("div", ["class": "v"], value)
        w.element("div", ["class": "k"], key)
        w.line("</div>")
    }

    func stat(_ w: inout HTMLWriter, _ value: String, _ key: String, swatch: String? = nil) {
        w.raw("<div class=\"stat\"><div class=\"v\">")
        if let swatch { w.raw("<span class=\"sw\" style=\"background: \(swatch)\"></span>") }
        w.text(value)
        w.raw("</div>")
        w.element("div", ["class": "k"], key)
        w.line("</div>")
    }

    func section(_ w: inout HTMLWriter, _ id: String, _ heading: String, _ body: (inout HTMLWriter) -> Void) {
        w.line("")
        w.open("section", ["id": id])
        w.element("h2", [:], heading)
        w.line("")
        body(&w)
        w.line("</section>")
    }

    func badge(_ w: inout HTMLWriter, _ tier: RiskTier) {
        w.element("span", ["class": "badge t-\(tier.rawValue)"], tier.rawValue)
    }
}
