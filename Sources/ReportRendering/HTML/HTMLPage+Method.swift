import CorridorRisk

extension HTMLPage {
    func method(_ w: inout HTMLWriter) {
        let p = report.parameters
        let n = ReportDigest.number
        let weights = IncidentCategory.allCases.map { c in "\(Self.words(c.rawValue)) \(n(p.categoryWeights[c]))" }
        let precision = LocationPrecision.allCases.map { n(p.precisionFactors[$0]) }
        let spread = LocationPrecision.allCases.map { n(p.uncertainty($0)) }
        let bounds = p.tierBounds.map(n)
        func term(_ weight: Double, _ name: String) -> String { weight == 1 ? name : "\(n(weight))·\(name)" }
        let paragraphs = [
            "Each linear asset is cut into segments of about \(n(p.segmentKm)) km (chainage from its start); each site is one unit. "
            + "A unit's exposure adds up every incident within reach of it, weighted by a smooth (quartic) distance kernel that is "
            + "highest on the unit and falls to 0 at R = \(n(p.radiusKm)) km, and by age: an incident's weight halves every \(n(p.halfLifeDays)) days.",
            "Severity is the category weight (\(weights.joined(separator: ", "))) times "
            + "1 + ln(1 + \(term(p.severity.fatalities, "killed")) + \(term(p.severity.injured, "injured")) + \(term(p.severity.hostages, "hostages"))). "
            + "A vaguely placed incident counts less (×\(precision.joined(separator: ", ×")) for an exact place, near a town, or region only)"
            + (p.precisionModel == .spread ? " and its kernel is spread over its uncertainty (\(spread.joined(separator: ", ")) km): a report coded to a provincial capital touches more units, each less" : "")
            + "; an incident whose target matches the asset counts ×\(n(p.targetMultiplier)).",
            "Threat is the exposure per 1000 km² of the area the kernel covers around the unit, so long and short units compare fairly. "
            + "Risk is threat × the asset's criticality, and the score is 100 · (1 − e^(−risk/κ)) with κ = \(n(p.kappa)). "
            + "Tiers: minimal below \(bounds[0]), low from \(bounds[0]), moderate from \(bounds[1]), high from \(bounds[2]), extreme from \(bounds[3]). "
            + "The smoothed score shrinks each unit's threat towards the network's rate as far as its evidence is thin (Empirical Bayes), "
            + "with a \(ReportDigest.fixed(p.intervalLevel * 100, 0)) % interval: one attack on a remote stretch gives a wide one.",
            "Hot spots use the Getis-Ord Gi* statistic on threat with neighbours within \(n(p.hotspotKm)) km, with the Benjamini–Hochberg "
            + "false-discovery-rate correction for testing every unit at once. Places name the nearest town within \(n(p.placeNearKm)) km "
            + "and a segment's ends within \(n(p.placeEndKm)) km.",
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
            if c.isUppercase { out += " " + c.lowercased() } else { out.append(c) }
        }
        return out
    }

    func footer(_ w: inout HTMLWriter) {
        let prov = report.provenance
        w.line("")
        w.line("<footer id=\"provenance\">")
        w.element("p", [:], "Produced by CorridorRisk \(prov.version). The page is self-contained and loads nothing from the network.")
        if prov.inputs.isEmpty {
            w.element("p", [:], "Input files were not recorded in this report.")
        } else {
            w.line("<div class=\"tablewrap\"><table>")
            w.line("<thead><tr><th>role</th><th>file</th><th>format</th><th class=\"num\">bytes</th><th>SHA-256</th></tr></thead><tbody>")
            for f in prov.inputs {
                w.raw("<tr>")
                w.element("td", [:], f.role)
                w.element("td", ["class": "mono"], DisplayText.clean(f.path))
                w.element("td", [:], f.format ?? "—")
                w.element("td", ["class": "num"], f.bytes.map { "\($0)" } ?? "—")
                w.element("td", ["class": "hash"], f.sha256 ?? "—")
                w.line("</tr>")
            }
            w.line("</tbody></table></div>")
        }
        if let attribution = input.context?.attribution, !attribution.isEmpty {
            w.element("p", [:], "Map context: " + attribution + ".")
        }
        w.line("</footer>")
    }
}
