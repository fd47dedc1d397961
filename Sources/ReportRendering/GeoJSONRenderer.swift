import CorridorRisk

/// One Feature per unit (segments as their own LineStrings) carrying every unit property, so the
/// file opens as is in QGIS or geojson.io and can be styled by `tier` or `score`.
/// Lists are also given joined as text, which desktop GIS tables show directly.
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
            w.field("id", u.id)
            w.field("assetId", u.assetId)
            w.field("assetName", u.assetName)
            w.field("kind", u.kind.rawValue)
            w.field("corridors", u.corridors.joined(separator: "; "))
            w.field("startKm", u.startKm)
            w.field("endKm", u.endKm)
            w.field("lengthKm", u.lengthKm)
            w.field("exposure", u.exposure)
            w.field("threat", u.threat)
            w.field("risk", u.risk)
            w.field("score", u.score)
            w.field("tier", u.tier.rawValue)
            w.field("incidentCount", u.incidentCount)
            w.field("effectiveIncidents", u.effectiveIncidents)
            w.field("previousThreat", u.trend.previousThreat)
            w.field("trend", u.trend.direction.rawValue)
            w.field("hotspotZ", u.hotspot?.z)
            w.field("hotspotP", u.hotspot?.p)
            w.key("hotspotBin")
            if let bin = u.hotspot?.bin { w.int(bin) } else { w.null() }
            w.field("topIncident", u.topIncidents.first?.id)
            w.key("topIncidents")
            w.topIncidents(u.topIncidents)
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.field("asOf", input.report.asOf?.description)
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self) + "\n"
    }
}
