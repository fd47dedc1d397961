/// Writes incidents in the native formats the readers accept, so data can be converted
/// (e.g. an ACLED export to the native CSV) and round-tripped.
public enum IncidentWriter {
    /// The native CSV columns, in order.
    public static let nativeColumns = ["id", "date", "lon", "lat", "precision", "category", "target",
                                       "fatalities", "injured", "hostages", "description", "source"]

    /// Native CSV (RFC 4180, LF line ends); numbers as shortest round-trip text.
    public static func nativeCSV(_ incidents: [Incident]) -> String {
        var out = nativeColumns.joined(separator: ",") + "\n"
        for i in incidents {
            let fields = [i.id, i.date.description, "\(i.location.x)", "\(i.location.y)", String(i.precision.rawValue),
                          i.category.rawValue, i.targets.description, String(i.fatalities), String(i.injured),
                          String(i.hostages), i.description ?? "", i.source ?? ""]
            out += fields.map(csvField).joined(separator: ",") + "\n"
        }
        return out
    }

    /// A GeoJSON FeatureCollection of Points with the native property names.
    public static func geoJSON(_ incidents: [Incident]) -> String {
        var w = JSONWriter(pretty: false)
        w.beginObject()
        w.field("type", "FeatureCollection")
        w.key("features")
        w.beginArray()
        for i in incidents {
            w.beginObject()
            w.field("type", "Feature")
            w.key("geometry")
            w.beginObject()
            w.field("type", "Point")
            w.key("coordinates")
            w.beginArray(); w.number(i.location.x); w.number(i.location.y); w.endArray()
            w.endObject()
            w.key("properties")
            w.beginObject()
            w.field("id", i.id)
            w.field("date", i.date.description)
            w.field("precision", i.precision.rawValue)
            w.field("category", i.category.rawValue)
            w.key("target")
            w.beginArray()
            for t in i.targets { w.string(t.rawValue) }
            w.endArray()
            w.field("fatalities", i.fatalities)
            w.field("injured", i.injured)
            w.field("hostages", i.hostages)
            w.field("description", i.description)
            w.field("source", i.source)
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self) + "\n"
    }

    /// Quotes a CSV field when it holds a comma, quote or line break, doubling inner quotes.
    package static func csvField(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return s }
        return "\"" + s.replacingAll(UInt8(ascii: "\""), with: "\"\"") + "\""
    }
}
