import CorridorRisk

/// One Feature per unit (segments as their own LineStrings) carrying every unit field as a
/// property (groups spread out, name lists joined as text, which desktop GIS tables show
/// directly), then the first top incident and the list of them. The file opens as is in QGIS or
/// geojson.io and can be styled by `tier` or `score`.
enum GeoJSONRenderer {
    static func render(_ input: RenderInput) -> String {
        var w = JSONWriter(pretty: false)
        w.beginObject()
        w.field("type", "FeatureCollection")
        w.key("features")
        w.beginArray()
        for u in input.report.units {
            w.beginObject()
            w.field("type", "Feature")
            w.field("id", u.id)
            w.key("geometry")
            w.geometry(u.geometry)
            w.key("properties")
            w.beginObject()
            for f in u.fields.flattened {
                w.key(f.column)
                if case .texts(let items) = f.value { w.string(items.joined(separator: "; ")) } else { w.value(f.value) }
            }
            w.field("place", u.placeDescription)
            w.field("topIncident", u.topIncidentColumns.first)
            w.key("topIncidents")
            w.value(.records(u.topIncidents.map(\.fields)))
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.field("asOf", input.report.asOf?.description)
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self) + "\n"
    }
}
