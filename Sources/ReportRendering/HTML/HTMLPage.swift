import CorridorRisk

/// The sections of the HTML page, in page order. Everything shown comes from `ReportDigest` and
/// the report; every data string is written through `HTMLWriter`'s escaping.
struct HTMLPage {
    let digest: ReportDigest
    let options: HTMLRenderer.Options
    var input: RenderInput { digest.input }
    var report: RiskReport { digest.report }

    static func fixed(_ v: Double, _ digits: Int) -> String { ReportDigest.fixed(v, digits) }

    // MARK: - Header

    func header(_ w: inout HTMLWriter) {
        let r = report
        w.line("<header>")
        w.element("h1", [:], input.title)
        w.open("p", ["class": "meta"])
        w.raw("As of <b>")
        w.text(r.asOf?.description ?? "— (no incident dates)")
        w.raw("</b>")
        w.close("p")
        w.line("")
        w.open("p", ["class": "meta"])
        w.raw("<b>Model</b> ")
        w.text(digest.modelLine)
        w.close("p")
        w.line("")
        w.open("p", ["class": "meta"])
        w.raw("<b>Incidents</b> ")
        w.text(digest.accountingLine)
        w.close("p")
        w.line("")

        let segments = r.units.filter { $0.kind.isLinear }
        let severe = r.units.filter { $0.tier >= .high }
        let severeKm = severe.filter { $0.kind.isLinear }.reduce(0) { $0 + $1.lengthKm }
        w.line("<div class=\"cards\">")
        card(&w, "\(r.units.count)", "units scored (\(segments.count) segments, \(r.units.count - segments.count) sites)")
        if let best = digest.topUnits.first {
            card(&w, Self.fixed(best.score, 1), "highest score: \(best.id)")
        } else {
            card(&w, "—", "no unit has any exposure")
        }
        card(&w, "\(severe.count)", "units high or extreme (\(Self.fixed(severeKm, 0)) km of segments)")
        card(&w, "\(r.incidents.used)", "incidents used of \(r.incidents.read) read")
        card(&w, "\(digest.hotSpots.count)", "hot-spot units (Gi*)")
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

    private func card(_ w: inout HTMLWriter, _ value: String, _ key: String) {
        w.raw("<div class=\"card\">")
        w.element("div", ["class": "v"], value)
        w.element("div", ["class": "k"], key)
        w.line("</div>")
    }

    private func section(_ w: inout HTMLWriter, _ id: String, _ heading: String, _ body: (inout HTMLWriter) -> Void) {
        w.line("")
        w.open("section", ["id": id])
        w.element("h2", [:], heading)
        w.line("")
        body(&w)
        w.line("</section>")
    }

    // MARK: - Map

    func map(_ w: inout HTMLWriter) {
        section(&w, "map", "Map") { w in
            w.line("<figure class=\"map\">")
            HTMLMap(maxDots: options.maxIncidentDots, digest: digest).write(into: &w)
            w.element("figcaption", [:],
                      "Scoring units coloured by risk tier (lines: segments of linear assets; squares: sites), higher tiers drawn on top. "
                      + "Blue dots: incidents on or before the as-of date, dot area growing with casualties. "
                      + "Numbered circles: the three highest-ranked units; when they lie close together a detail panel under the legend shows them enlarged. "
                      + "Hover over a unit or a dot for details.")
            w.line("</figure>")
        }
    }

    // MARK: - Corridors

    func corridors(_ w: inout HTMLWriter) {
        section(&w, "corridors", "Corridors") { w in
            guard !report.corridors.isEmpty else {
                w.element("p", ["class": "muted"], "No asset names a corridor.")
                return
            }
            w.element("p", ["class": "small muted"],
                      "Kilometres of segments in each tier. Max score covers all the corridor's units (sites too); the mean is length-weighted over its segments.")
            w.line("<div class=\"tablewrap\"><table>")
            w.raw("<thead><tr><th>corridor</th><th class=\"num\">km</th><th class=\"num\">max score</th><th class=\"num\">mean score</th>")
            for t in RiskTier.allCases {
                w.raw("<th class=\"num\"><span class=\"sw t-\(t.rawValue)\"></span>\(t.rawValue)</th>")
            }
            w.line("<th>km by tier</th></tr></thead>")
            w.line("<tbody>")
            for c in report.corridors {
                w.raw("<tr>")
                w.element("td", [:], c.name)
                w.element("td", ["class": "num"], Self.fixed(c.lengthKm, 1))
                w.element("td", ["class": "num"], c.maxScore.map { Self.fixed($0, 1) } ?? "—")
                w.element("td", ["class": "num"], c.meanScore.map { Self.fixed($0, 1) } ?? "—")
                for t in RiskTier.allCases {
                    let km = c.kmByTier[t]
                    w.element("td", ["class": km > 0 ? "num" : "num muted"], Self.fixed(km, 1))
                }
                w.raw("<td>")
                tierBar(&w, c)
                w.line("</td></tr>")
            }
            w.line("</tbody></table></div>")
        }
    }

    /// A stacked bar of the corridor's segment kilometres by tier, minimal to extreme.
    private func tierBar(_ w: inout HTMLWriter, _ c: CorridorSummary) {
        let total = RiskTier.allCases.reduce(0) { $0 + c.kmByTier[$1] }
        guard total > 0 else {
            w.element("span", ["class": "muted small"], "no segments")
            return
        }
        let width = 160.0
        w.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bar\" width=\"160\" height=\"14\" viewBox=\"0 0 160 14\">")
        let parts = RiskTier.allCases.compactMap { t -> String? in
            let km = c.kmByTier[t]
            return km > 0 ? "\(t.rawValue) \(Self.fixed(km, 1)) km" : nil
        }
        w.element("title", [:], c.name + ": " + parts.joined(separator: ", "))
        var x = 0.0
        for t in RiskTier.allCases {
            let km = c.kmByTier[t]
            guard km > 0 else { continue }
            let part = width * km / total
            w.raw("<rect x=\"\(svg(x))\" y=\"1\" width=\"\(svg(part))\" height=\"12\" fill=\"\(HTMLStyle.color(t))\"/>")
            x += part
        }
        w.raw("<rect x=\"0.5\" y=\"1\" width=\"159\" height=\"12\" fill=\"none\" stroke=\"#8c96a3\" stroke-width=\"1\"/>")
        w.raw("</svg>")
    }

    // MARK: - Top units

    private func badge(_ w: inout HTMLWriter, _ tier: RiskTier) {
        w.element("span", ["class": "badge t-\(tier.rawValue)"], tier.rawValue)
    }

    func topUnits(_ w: inout HTMLWriter) {
        section(&w, "top-units", "Top \(digest.topUnits.count) units by risk") { w in
            guard !digest.topUnits.isEmpty else {
                w.element("p", ["class": "muted"], "No unit has any exposure.")
                return
            }
            w.element("p", ["class": "small muted"],
                      "Ranked by risk (threat × the asset's criticality). Main incidents: id (share of the unit's exposure, distance, age) and the start of the description.")
            w.line("<div class=\"tablewrap\"><table class=\"top\">")
            w.line("<thead><tr><th class=\"num\">#</th><th>unit</th><th>asset</th><th>chainage</th><th class=\"num\">score</th><th>tier</th><th>trend (threat before → now)</th><th class=\"num\">incidents</th></tr></thead>")
            // One tbody per unit: its figures, then its main incidents across the table's width.
            for (index, u) in digest.topUnits.enumerated() {
                w.raw("<tbody><tr class=\"figures\"><td class=\"num\">")
                if index < 3 {
                    w.element("span", ["class": "rank"], "\(index + 1)")
                } else {
                    w.text("\(index + 1)")
                }
                w.raw("</td>")
                w.element("td", ["class": "id"], u.id)
                w.element("td", [:], u.assetName)
                w.element("td", ["class": "nw"], ReportDigest.chainage(u))
                w.element("td", ["class": "num score"], Self.fixed(u.score, 1))
                w.raw("<td>")
                badge(&w, u.tier)
                w.raw("</td><td class=\"trend\">")
                trendCell(&w, u)
                w.raw("</td>")
                w.element("td", ["class": "num"], "\(u.incidentCount)")
                w.line("</tr>")
                w.raw("<tr class=\"detail\"><td></td><td colspan=\"7\">")
                mainIncidents(&w, u)
                w.line("</td></tr></tbody>")
            }
            w.line("</table></div>")
        }
    }

    private func trendCell(_ w: inout HTMLWriter, _ u: UnitScore) {
        let t = u.trend
        let cls: String? = switch t.direction {
        case .rising: "up"
        case .falling: "down"
        case .stable: nil
        case .none: "muted"
        }
        w.element("span", ["class": cls], ReportDigest.trend(t))
        if t.direction != .none {
            w.raw(" ")
            w.element("span", ["class": "small muted"], "\(Self.fixed(t.previousThreat, 2)) → \(Self.fixed(u.threat, 2))")
        }
    }

    private func mainIncidents(_ w: inout HTMLWriter, _ u: UnitScore) {
        let lines = digest.mainIncidents(u)
        guard !lines.isEmpty else {
            w.element("span", ["class": "muted small"], "no incident within reach")
            return
        }
        w.raw("<ul class=\"mi\">")
        for (t, line) in zip(u.topIncidents, lines) {
            w.raw("<li>")
            if line.hasPrefix(t.id) {
                w.element("b", [:], t.id)
                w.text(String(line.dropFirst(t.id.count)))
            } else {
                w.text(line)
            }
            w.raw("</li>")
        }
        w.raw("</ul>")
    }

    // MARK: - Hot spots

    func hotSpots(_ w: inout HTMLWriter) {
        let band = ReportDigest.number(report.parameters.hotspotKm)
        section(&w, "hot-spots", "Hot spots (Getis-Ord Gi*)") { w in
            if report.units.allSatisfy({ $0.hotspot == nil }) {
                w.element("p", ["class": "muted"],
                          "Gi* is undefined for this report: fewer than 3 units, no variation in threat, or every unit within \(band) km of all the others.")
                return
            }
            let strong = digest.hotSpots.filter { $0.hotspot!.bin == 3 }.count
            w.line("<div class=\"stats\">")
            stat(&w, "\(digest.hotSpots.count)", "hot units (\(strong) at p ≤ 0.01)")
            stat(&w, "\(digest.coldSpotCount)", "cold units")
            stat(&w, band + " km", "neighbourhood band")
            w.line("</div>")
            guard !digest.hotSpots.isEmpty else {
                w.element("p", ["class": "muted"], "No significant hot spot.")
                return
            }
            w.element("p", ["class": "small muted"],
                      "A hot spot is a unit whose neighbours within \(band) km have a higher threat, together, than chance would give. The strongest:")
            w.line("<div class=\"tablewrap\"><table>")
            w.line("<thead><tr><th>unit</th><th>asset</th><th>chainage</th><th class=\"num\">threat</th><th>tier</th><th class=\"num\">z</th><th class=\"num\">p</th><th class=\"num\">confidence</th></tr></thead>")
            w.line("<tbody>")
            for u in digest.hotSpots.prefix(max(input.top, 1)) {
                let h = u.hotspot!
                w.raw("<tr>")
                w.element("td", ["class": "id"], u.id)
                w.element("td", [:], u.assetName)
                w.element("td", ["class": "nw"], ReportDigest.chainage(u))
                w.element("td", ["class": "num"], Self.fixed(u.threat, 2))
                w.raw("<td>")
                badge(&w, u.tier)
                w.raw("</td>")
                w.element("td", ["class": "num"], Self.fixed(h.z, 2))
                w.element("td", ["class": "num"], TextRenderer.pValue(h.p))
                w.element("td", ["class": "num"], h.bin >= 3 ? "99 %" : h.bin == 2 ? "95 %" : "90 %")
                w.line("</tr>")
            }
            w.line("</tbody></table></div>")
            if digest.hotSpots.count > max(input.top, 1) {
                w.element("p", ["class": "small muted"], "… and \(digest.hotSpots.count - max(input.top, 1)) more hot units (all are in the JSON report).")
            }
        }
    }

    private func stat(_ w: inout HTMLWriter, _ value: String, _ key: String, swatch: String? = nil) {
        w.raw("<div class=\"stat\">")
        w.raw("<div class=\"v\">")
        if let swatch { w.raw("<span class=\"sw\" style=\"background: \(swatch)\"></span>") }
        w.text(value)
        w.raw("</div>")
        w.element("div", ["class": "k"], key)
        w.line("</div>")
    }

    // MARK: - Trends

    func trends(_ w: inout HTMLWriter) {
        let p = report.parameters
        section(&w, "trends", "Trends") { w in
            w.element("p", ["class": "small muted"],
                      "Each unit's threat now against its threat \(p.trendDays) days earlier: rising at ≥ \(ReportDigest.number(p.trendRising))× the earlier value, falling at ≤ \(ReportDigest.number(p.trendFalling))×, none when both are 0.")
            w.line("<div class=\"stats\">")
            for (d, label) in [(TrendDirection.rising, "rising ↑"), (.stable, "stable →"), (.falling, "falling ↓"), (.none, "no threat")] {
                stat(&w, "\(report.units.filter { $0.trend.direction == d }.count)", label)
            }
            w.line("</div>")
            let risingTop = digest.topUnits.filter { $0.trend.direction == .rising }.map(\.id)
            if !risingTop.isEmpty {
                w.open("p", ["class": "small"])
                w.text("Rising among the top units: ")
                for (i, id) in risingTop.enumerated() {
                    if i > 0 { w.text(", ") }
                    w.element("code", [:], id)
                }
                w.text(".")
                w.line("</p>")
            }
        }
    }

    // MARK: - Incidents

    func accounting(_ w: inout HTMLWriter) {
        let a = report.incidents
        section(&w, "incidents", "Incident accounting") { w in
            w.element("p", [:], digest.accountingLine)
            let buckets: [(String, Int)] = [("used", a.used), ("beyond \(ReportDigest.number(report.parameters.radiusKm)) km", a.beyondRadius),
                                            ("future (after as-of)", a.future), ("rejected", a.rejected)]
            w.line("<div class=\"stats\">")
            stat(&w, "\(a.read)", "read")
            for ((name, n), color) in zip(buckets, HTMLStyle.accountingColors) {
                stat(&w, "\(n)", name, swatch: color)
            }
            w.line("</div>")
            if a.read > 0 {
                let width = 1000.0
                w.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bar\" width=\"100%\" height=\"18\" viewBox=\"0 0 1000 18\" preserveAspectRatio=\"none\">")
                w.element("title", [:], digest.accountingLine)
                var x = 0.0
                for ((_, n), color) in zip(buckets, HTMLStyle.accountingColors) where n > 0 {
                    let part = width * Double(n) / Double(a.read)
                    w.raw("<rect x=\"\(svg(x))\" y=\"0\" width=\"\(svg(part))\" height=\"18\" fill=\"\(color)\"/>")
                    x += part
                }
                w.line("</svg>")
            }

            w.element("h3", [:], "Rejected records")
            guard !report.rejected.isEmpty else {
                w.element("p", ["class": "muted"], "None: every record read was valid.")
                return
            }
            let shown = report.rejected.prefix(max(0, options.maxRejectedRows))
            w.line("<div class=\"tablewrap\"><table>")
            w.line("<thead><tr><th>file</th><th class=\"num\">line</th><th>id</th><th>reason</th></tr></thead>")
            w.line("<tbody>")
            for x in shown {
                w.raw("<tr>")
                w.element("td", ["class": "mono small"], x.file)
                w.element("td", ["class": "num"], "\(x.line)")
                w.element("td", ["class": "id"], x.id ?? "—")
                w.element("td", [:], x.reason)
                w.line("</tr>")
            }
            w.line("</tbody></table></div>")
            if report.rejected.count > shown.count {
                w.element("p", ["class": "small muted"],
                          "… and \(report.rejected.count - shown.count) more rejected records (all are in the JSON report).")
            }
        }
    }

    // MARK: - Warnings

    func warnings(_ w: inout HTMLWriter) {
        section(&w, "warnings", "Warnings") { w in
            if report.warnings.isEmpty {
                w.element("p", ["class": "muted"], "None.")
            }
            for warning in report.warnings {
                w.element("div", ["class": "warn"], warning)
                w.line("")
            }
        }
    }

    // MARK: - Method

    func method(_ w: inout HTMLWriter) {
        let p = report.parameters
        let n = ReportDigest.number
        let weights = IncidentCategory.allCases.map { c in "\(Self.words(c.rawValue)) \(n(p.categoryWeights[c]))" }
        let precision = LocationPrecision.allCases.map { n(p.precisionFactors[$0]) }
        let bounds = p.tierBounds.map(n)
        func term(_ weight: Double, _ name: String) -> String { weight == 1 ? name : "\(n(weight))·\(name)" }
        let paragraphs = [
            "Each linear asset is cut into segments of about \(n(p.segmentKm)) km (chainage from its start); each site is one unit. "
            + "A unit's exposure adds up every incident within R = \(n(p.radiusKm)) km of it, weighted by a smooth (quartic) distance kernel "
            + "that is 1 on the unit and falls to 0 at R, and by age: an incident's weight halves every \(n(p.halfLifeDays)) days.",
            "Severity is the category weight (\(weights.joined(separator: ", "))) times "
            + "1 + ln(1 + \(term(p.severity.fatalities, "killed")) + \(term(p.severity.injured, "injured")) + \(term(p.severity.hostages, "hostages"))). "
            + "Vaguely located incidents count less (×\(precision.joined(separator: ", ×")) for an exact place, near a town, or region only), "
            + "and an incident whose target matches the asset (a train attack near a railway, an attack on Chinese nationals near a CPEC asset) counts ×\(n(p.targetMultiplier)).",
            "Threat is the exposure per 1000 km² of the area the kernel covers around the unit, so long and short units compare fairly. "
            + "Risk is threat × the asset's criticality, and the score is 100 · (1 − e^(−risk/κ)) with κ = \(n(p.kappa)): it rises steeply at first and saturates towards 100. "
            + "Tiers: minimal below \(bounds[0]), low from \(bounds[0]), moderate from \(bounds[1]), high from \(bounds[2]), extreme from \(bounds[3]).",
            "The trend compares threat now with threat \(p.trendDays) days earlier (counting only incidents known then). "
            + "Hot spots use the Getis-Ord Gi* statistic on threat with neighbours within \(n(p.hotspotKm)) km: a unit is hot when it and its neighbours together are "
            + "significantly more threatened than the whole set (90, 95, 99 % confidence).",
            "Scores describe where reported incidents have clustered, not a forecast; they are only as good as the incident data and the asset geometry.",
        ]
        section(&w, "method", "Method") { w in
            w.line("<div class=\"method\">")
            for text in paragraphs {
                w.element("p", [:], text)
                w.line("")
            }
            w.line("</div>")
        }
    }

    /// `suicideBombing` → `suicide bombing`.
    static func words(_ camel: String) -> String {
        var out = ""
        for c in camel {
            if c.isUppercase {
                out += " " + c.lowercased()
            } else {
                out.append(c)
            }
        }
        return out
    }

    // MARK: - Provenance

    func footer(_ w: inout HTMLWriter) {
        let prov = report.provenance
        w.line("")
        w.line("<footer id=\"provenance\">")
        w.open("p")
        w.text("Produced by CorridorRisk \(prov.version). The page is self-contained and loads nothing from the network.")
        w.line("</p>")
        if prov.inputs.isEmpty {
            w.element("p", [:], "Input files were not recorded in this report.")
        } else {
            w.line("<div class=\"tablewrap\"><table>")
            w.line("<thead><tr><th>role</th><th>file</th><th>format</th><th class=\"num\">bytes</th><th>SHA-256</th></tr></thead>")
            w.line("<tbody>")
            for f in prov.inputs {
                w.raw("<tr>")
                w.element("td", [:], f.role)
                w.element("td", ["class": "mono"], f.path)
                w.element("td", [:], f.format ?? "—")
                w.element("td", ["class": "num"], f.bytes.map { "\($0)" } ?? "—")
                w.element("td", ["class": "hash"], f.sha256 ?? "—")
                w.line("</tr>")
            }
            w.line("</tbody></table></div>")
        }
        w.line("</footer>")
    }
}
