import CorridorRisk

/// What a diff rendering needs: the diff, a heading, and (for the HTML map) the new report's
/// units with their geometry when the network could be found again.
public struct DiffInput: Sendable {
    public var diff: ReportDiff
    public var title: String
    /// The new report's units, scored again or rebuilt from its network, for the HTML map;
    /// empty: the page has the tables only.
    public var mapUnits: [UnitScore]
    public var places: [Place]
    public var context: MapContext?

    public init(diff: ReportDiff, title: String = "What changed", mapUnits: [UnitScore] = [], places: [Place] = [],
                context: MapContext? = nil) {
        self.diff = diff
        self.title = title
        self.mapUnits = mapUnits
        self.places = places
        self.context = context
    }
}

/// Renders a diff in any report format but GeoJSON (a diff has no geometry of its own).
public enum DiffRenderer {
    public static let formats: [ReportFormat] = [.text, .markdown, .json, .csv, .html]

    public static func render(_ input: DiffInput, as format: ReportFormat) -> [UInt8] {
        switch format {
        case .json: input.diff.jsonBytes()
        case .csv: Array(DiffTables.csv(input.diff).utf8)
        case .markdown: Array(DiffTables.markdown(input).utf8)
        case .html: Array(DiffHTML.render(input).utf8)
        case .text, .geojson: Array(DiffTables.text(input).utf8)
        }
    }
}

/// The text, Markdown and CSV forms of a diff: tier changes first (the units that went up, then
/// down, with their places and threat change), then large threat changes within a tier, the
/// added and removed units, and the corridors.
enum DiffTables {
    static func sides(_ d: ReportDiff) -> String {
        "\(DisplayText.clean(d.old.file)) (as of \(d.old.asOf ?? "—")) → \(DisplayText.clean(d.new.file)) (as of \(d.new.asOf ?? "—"))"
    }

    static func summaryLine(_ d: ReportDiff) -> String {
        let s = Dictionary(uniqueKeysWithValues: d.summary.map { ($0.key, $0.count) })
        return "\(s["tierUp"] ?? 0) units went up a tier, \(s["tierDown"] ?? 0) down, \(s["sameTier"] ?? 0) stayed; "
            + "threat: \(s["largeIncrease"] ?? 0) large and \(s["moderateIncrease"] ?? 0) moderate increases, "
            + "\(s["largeDecrease"] ?? 0) large decreases; \(d.added.count) added, \(d.removed.count) removed"
    }

    static func up(_ d: ReportDiff) -> [ReportDiff.UnitChange] {
        d.units.filter { $0.tierChange > 0 }.sorted { ($0.tierChange, $0.scoreChange, $1.id) > ($1.tierChange, $1.scoreChange, $0.id) }
    }

    static func down(_ d: ReportDiff) -> [ReportDiff.UnitChange] {
        d.units.filter { $0.tierChange < 0 }.sorted { ($0.tierChange, $0.scoreChange, $0.id) < ($1.tierChange, $1.scoreChange, $1.id) }
    }

    /// Large threat changes that did not move a tier (the saturated score hides them).
    static func withinTier(_ d: ReportDiff) -> [ReportDiff.UnitChange] {
        d.units.filter { $0.tierChange == 0 && ($0.change == .largeIncrease || $0.change == .largeDecrease) }
    }

    static func line(_ u: ReportDiff.UnitChange) -> String {
        "\(DisplayText.clean(u.id))  \(DisplayText.clean(u.place))  \(u.oldTier.rawValue) → \(u.newTier.rawValue)  "
            + "score \(f(u.oldScore)) → \(f(u.newScore)) (\(signed(u.scoreChange)))  threat \(f(u.oldThreat, 2)) → \(f(u.newThreat, 2))  "
            + words(u.change)
    }

    static func words(_ c: ThreatChange) -> String {
        switch c {
        case .largeIncrease: "large increase"
        case .moderateIncrease: "moderate increase"
        case .limitedChange: "limited change"
        case .largeDecrease: "large decrease"
        }
    }

    static func f(_ v: Double, _ digits: Int = 1) -> String { DecimalText.fixed(v, digits) }
    static func signed(_ v: Double) -> String { (v > 0 ? "+" : "") + DecimalText.fixed(v, 1) }
    static func optional(_ v: Double?) -> String { v.map { f($0) } ?? "—" }

    static func text(_ input: DiffInput) -> String {
        let d = input.diff
        var out = [DisplayText.clean(input.title), sides(d), summaryLine(d), ""]
        for (heading, list) in [("Went up a tier", up(d)), ("Went down a tier", down(d)),
                                ("Large threat changes within a tier", withinTier(d))] {
            out.append("\(heading) (\(list.count))")
            if list.isEmpty { out.append("  none") }
            out += list.prefix(50).map { "  " + line($0) }
            if list.count > 50 { out.append("  … and \(list.count - 50) more (all are in the JSON diff)") }
            out.append("")
        }
        out.append("Added (\(d.added.count)): " + (d.added.prefix(20).map { "\(DisplayText.clean($0.id)) \($0.tier.rawValue)" }.joined(separator: ", ")))
        out.append("Removed (\(d.removed.count)): " + (d.removed.prefix(20).map { "\(DisplayText.clean($0.id)) \($0.tier.rawValue)" }.joined(separator: ", ")))
        out.append("")
        out.append("Corridors (max and mean score, old → new; km by tier, new − old)")
        for c in d.corridors {
            let km = c.kmByTierChange.entries.filter { $0.value != 0 }.map { "\($0.key.rawValue) \(signed($0.value))" }
            out.append("  \(DisplayText.clean(c.name))  max \(optional(c.oldMaxScore)) → \(optional(c.newMaxScore))  "
                       + "mean \(optional(c.oldMeanScore)) → \(optional(c.newMeanScore))  " + (km.isEmpty ? "no km changed tier" : km.joined(separator: ", ")))
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func markdown(_ input: DiffInput) -> String {
        let d = input.diff
        let e = MarkdownRenderer.escape
        var out = ["# \(e(input.title))", "", e(sides(d)) + ".", "", e(summaryLine(d)) + ".", ""]
        for (heading, list) in [("Went up a tier", up(d)), ("Went down a tier", down(d)),
                                ("Large threat changes within a tier", withinTier(d))] {
            out += ["## \(heading) (\(list.count))", ""]
            guard !list.isEmpty else { out += ["None.", ""]; continue }
            out.append("| unit | where | tier | score | threat | change |")
            out.append("|---|---|---|---:|---:|---|")
            for u in list.prefix(100) {
                out.append("| `\(e(u.id))` | \(e(u.place)) | \(u.oldTier.rawValue) → **\(u.newTier.rawValue)** | "
                           + "\(f(u.oldScore)) → \(f(u.newScore)) (\(signed(u.scoreChange))) | \(f(u.oldThreat, 2)) → \(f(u.newThreat, 2)) | \(words(u.change)) |")
            }
            out.append("")
        }
        out += ["## Added and removed units", "",
                "Added: \(d.added.count)" + (d.added.isEmpty ? "." : ": " + d.added.prefix(30).map { "`\(e($0.id))` (\($0.tier.rawValue))" }.joined(separator: ", ") + "."),
                "", "Removed: \(d.removed.count)" + (d.removed.isEmpty ? "." : ": " + d.removed.prefix(30).map { "`\(e($0.id))` (\($0.tier.rawValue))" }.joined(separator: ", ") + "."),
                "", "## Corridors", "",
                "| corridor | max score | mean score | " + RiskTier.allCases.map { "\($0.rawValue) km" }.joined(separator: " | ") + " |",
                "|---|---|---|" + String(repeating: "---:|", count: RiskTier.allCases.count)]
        for c in d.corridors {
            out.append("| \(e(c.name)) | \(optional(c.oldMaxScore)) → \(optional(c.newMaxScore)) | \(optional(c.oldMeanScore)) → \(optional(c.newMeanScore)) | "
                       + c.kmByTierChange.entries.map { signed($0.value) }.joined(separator: " | ") + " |")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// One row per matched unit (the diff's unit keys and the place), then the added and removed
    /// units with the side they have.
    static func csv(_ d: ReportDiff) -> String {
        let columns = ["status", "id", "assetName", "startKm", "endKm", "change", "oldScore", "newScore", "scoreChange",
                       "oldTier", "newTier", "tierChange", "oldThreat", "newThreat", "place"]
        var out = columns.joined(separator: ",") + "\n"
        func row(_ cells: [String]) { out += cells.map(IncidentWriter.csvField).joined(separator: ",") + "\n" }
        for u in d.units {
            row(["matched"] + u.fields.map { CSVRenderer.cell($0.value) } + [u.place])
        }
        for u in d.added {
            row(["added", u.id, u.assetName, "\(u.startKm)", "\(u.endKm)", "", "", "\(u.score)", "", "", u.tier.rawValue, "", "",
                 "\(u.threat)", u.place])
        }
        for u in d.removed {
            row(["removed", u.id, u.assetName, "\(u.startKm)", "\(u.endKm)", "", "\(u.score)", "", "", u.tier.rawValue, "", "",
                 "\(u.threat)", "", u.place])
        }
        return out
    }
}
