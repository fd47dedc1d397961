/// The report as JSON with the spec's keys (§5), in a fixed order, plus `version`, `inputs`,
/// `warnings` and a `file` on each rejection.
extension RiskReport {
    /// The JSON text, pretty-printed; the same report always gives the same bytes.
    public func jsonData(pretty: Bool = true) -> [UInt8] {
        var w = JSONWriter(pretty: pretty)
        w.beginObject()
        w.field("asOf", asOf?.description)
        w.key("parameters"); parameters.write(to: &w)
        w.key("incidents")
        w.beginObject()
        w.field("read", incidents.read)
        w.field("rejected", incidents.rejected)
        w.field("future", incidents.future)
        w.field("beyondRadius", incidents.beyondRadius)
        w.field("used", incidents.used)
        w.endObject()
        w.key("rejected")
        w.beginArray()
        for r in rejected {
            w.beginObject()
            w.field("file", r.file)
            w.field("line", r.line)
            w.field("id", r.id)
            w.field("reason", r.reason)
            w.endObject()
        }
        w.endArray()
        w.key("units")
        w.beginArray()
        for u in units { u.write(to: &w) }
        w.endArray()
        w.key("corridors")
        w.beginArray()
        for c in corridors {
            w.beginObject()
            w.field("name", c.name)
            w.field("lengthKm", c.lengthKm)
            w.field("maxScore", c.maxScore)
            w.field("meanScore", c.meanScore)
            w.key("kmByTier")
            w.beginObject()
            for t in RiskTier.allCases { w.field(t.rawValue, c.kmByTier[t] ?? 0) }
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.key("warnings")
        w.beginArray()
        for warning in warnings { w.string(warning) }
        w.endArray()
        w.field("version", provenance.version)
        w.key("inputs")
        w.beginArray()
        for i in provenance.inputs {
            w.beginObject()
            w.field("role", i.role)
            w.field("path", i.path)
            w.field("format", i.format)
            w.field("bytes", i.bytes)
            w.field("sha256", i.sha256)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        var bytes = w.bytes
        bytes.append(0x0A)
        return bytes
    }
}

extension ModelParameters {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("segmentKm", segmentKm)
        w.field("radiusKm", radiusKm)
        w.field("halfLifeDays", halfLifeDays)
        w.field("kappa", kappa)
        w.field("trendDays", trendDays)
        w.field("hotspotKm", hotspotKm)
        w.key("categoryWeights")
        w.beginObject()
        for c in IncidentCategory.allCases { w.field(c.rawValue, categoryWeights[c] ?? c.defaultWeight) }
        w.endObject()
        w.key("precisionFactors")
        w.beginObject()
        for p in LocationPrecision.allCases { w.field(String(p.rawValue), precisionFactors[p] ?? 0) }
        w.endObject()
        w.field("targetMultiplier", targetMultiplier)
        w.key("severity")
        w.beginObject()
        w.field("fatalities", severity.fatalities)
        w.field("injured", severity.injured)
        w.field("hostages", severity.hostages)
        w.endObject()
        w.field("topIncidents", topIncidents)
        w.key("tierBounds")
        w.beginArray()
        for b in tierBounds { w.number(b) }
        w.endArray()
        w.field("trendRising", trendRising)
        w.field("trendFalling", trendFalling)
        w.endObject()
    }
}

extension UnitScore {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("id", id)
        w.field("assetId", assetId)
        w.field("assetName", assetName)
        w.field("kind", kind.rawValue)
        w.key("corridors")
        w.beginArray()
        for c in corridors { w.string(c) }
        w.endArray()
        w.field("startKm", startKm)
        w.field("endKm", endKm)
        w.field("lengthKm", lengthKm)
        w.field("exposure", exposure)
        w.field("threat", threat)
        w.field("risk", risk)
        w.field("score", score)
        w.field("tier", tier.rawValue)
        w.field("incidentCount", incidentCount)
        w.field("effectiveIncidents", effectiveIncidents)
        w.key("topIncidents")
        w.topIncidents(topIncidents)
        w.key("trend")
        w.beginObject()
        w.field("previousThreat", trend.previousThreat)
        w.field("direction", trend.direction.rawValue)
        w.endObject()
        w.key("hotspot")
        if let h = hotspot {
            w.beginObject()
            w.field("z", h.z)
            w.field("p", h.p)
            w.field("bin", h.bin)
            w.endObject()
        } else {
            w.null()
        }
        w.endObject()
    }
}

extension JSONWriter {
    /// A unit's top incidents as the report's array of objects.
    public mutating func topIncidents(_ list: [TopIncident]) {
        beginArray()
        for t in list {
            beginObject()
            field("id", t.id)
            field("distanceKm", t.distanceKm)
            field("ageDays", t.ageDays)
            field("contribution", t.contribution)
            field("share", t.share)
            endObject()
        }
        endArray()
    }
}
