/// A value in a report row: what every serialiser (JSON, GeoJSON, CSV, GeoPackage) writes,
/// each in its own syntax.
package indirect enum FieldValue: Sendable {
    case text(String)
    case number(Double)
    case integer(Int)
    case flag(Bool)
    case null
    /// A list of names (JSON array; one `; `-joined cell in flat formats).
    case texts([String])
    /// A list of numbers (JSON array; one `; `-joined cell in CSV).
    case numbers([Double])
    /// A nested object, or JSON null when `present` is false (its fields then hold nulls, so
    /// flat formats still get their columns).
    case group(present: Bool, [ReportField])
    /// A list of objects (the top incidents): JSON writes it in place; flat formats summarise it.
    case records([[ReportField]])
}

/// A named value in a report row. `flatName` is its column in flat formats (GeoJSON properties,
/// CSV), where nested groups are spread out; nil keeps `key`.
package struct ReportField: Sendable {
    package var key: String
    package var value: FieldValue
    package var flatName: String?

    package init(_ key: String, _ value: FieldValue, flat: String? = nil) {
        self.key = key
        self.value = value
        flatName = flat
    }

    /// The field's column name in flat formats.
    package var column: String { flatName ?? key }

    package static func optional(_ key: String, _ v: Double?, flat: String? = nil) -> ReportField {
        ReportField(key, v.map(FieldValue.number) ?? .null, flat: flat)
    }

    package static func optional(_ key: String, _ v: Int?, flat: String? = nil) -> ReportField {
        ReportField(key, v.map(FieldValue.integer) ?? .null, flat: flat)
    }

    package static func optional(_ key: String, _ v: String?, flat: String? = nil) -> ReportField {
        ReportField(key, v.map(FieldValue.text) ?? .null, flat: flat)
    }
}

extension [ReportField] {
    /// The scalar columns of a row for flat formats: nested groups spread out in place, lists of
    /// objects left to the format (each summarises them its own way).
    package var flattened: [ReportField] {
        flatMap { field -> [ReportField] in
            switch field.value {
            case .group(_, let children): children.flattened
            case .records: []
            default: [field]
            }
        }
    }
}

extension JSONWriter {
    /// Writes the fields as one JSON object, nested groups and lists included.
    package mutating func object(_ fields: [ReportField]) {
        beginObject()
        for f in fields {
            key(f.key)
            value(f.value)
        }
        endObject()
    }

    /// Writes one field value as JSON.
    package mutating func value(_ v: FieldValue) {
        switch v {
        case .text(let s): string(s)
        case .number(let n): number(n)
        case .integer(let i): int(i)
        case .flag(let b): bool(b)
        case .null: null()
        case .texts(let items):
            beginArray()
            for s in items { string(s) }
            endArray()
        case .numbers(let items):
            beginArray()
            for n in items { number(n) }
            endArray()
        case .group(let present, let fields):
            if present { object(fields) } else { null() }
        case .records(let rows):
            beginArray()
            for row in rows { object(row) }
            endArray()
        }
    }
}
