import CorridorRisk

/// One row per unit, every unit field as a column (groups spread out, lists joined with `; `),
/// then the unit's place in words, the top incidents' ids, the first one and its share, and the
/// unit's point, for spreadsheets.
enum CSVRenderer {
    static var columns: [String] {
        UnitScore.columnPrototype.fields.flattened.map(\.column)
            + ["place", "topIncidents", "topIncident", "topIncidentShare", "lon", "lat"]
    }

    static func render(_ input: RenderInput) -> String {
        var out = columns.joined(separator: ",") + "\n"
        for u in input.report.units {
            let top = u.topIncidentColumns
            let cells = u.fields.flattened.map { cell($0.value) }
                + [u.placeDescription, top.ids.joined(separator: "; "), top.first ?? "", top.firstShare.map { "\($0)" } ?? "",
                   "\(u.representativePoint.x)", "\(u.representativePoint.y)"]
            out += cells.map(IncidentWriter.csvField).joined(separator: ",") + "\n"
        }
        return out
    }

    /// A value as a CSV cell: numbers as shortest round-trip text, lists joined with `; `, null empty.
    static func cell(_ v: FieldValue) -> String {
        switch v {
        case .text(let s): s
        case .number(let n): "\(n)"
        case .integer(let i): String(i)
        case .flag(let b): b ? "true" : "false"
        case .null: ""
        case .texts(let items): items.joined(separator: "; ")
        case .numbers(let items): items.map { "\($0)" }.joined(separator: "; ")
        case .group, .records: ""
        }
    }
}
