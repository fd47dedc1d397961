/// Every field of a unit, once, in the order of the JSON report (METHOD §7). JSON writes the tree
/// as it is; GeoJSON and CSV spread the groups into columns (`flat` names), add the unit's place
/// in words (`placeDescription`) and summarise the top incidents their own way
/// (`topIncidentColumns`). Adding a unit field means adding it here.
extension UnitScore {
    package var fields: [ReportField] {
        [
            ReportField("id", .text(id)),
            ReportField("assetId", .text(assetId)),
            ReportField("assetName", .text(assetName)),
            ReportField("kind", .text(kind.rawValue)),
            ReportField("corridors", .texts(corridors)),
            ReportField("startKm", .number(startKm)),
            ReportField("endKm", .number(endKm)),
            ReportField("lengthKm", .number(lengthKm)),
            ReportField("exposure", .number(exposure)),
            ReportField("threat", .number(threat)),
            ReportField("risk", .number(risk)),
            ReportField("score", .number(score)),
            ReportField("tier", .text(tier.rawValue)),
            ReportField("incidentCount", .integer(incidentCount)),
            ReportField("effectiveIncidents", .number(effectiveIncidents)),
            ReportField("topIncidents", .records(topIncidents.map(\.fields))),
            ReportField("trend", .group(present: true, [
                ReportField("previousThreat", .number(trend.previousThreat)),
                ReportField("recentThreat", .number(trend.recentThreat)),
                ReportField("priorThreat", .number(trend.priorThreat)),
                ReportField("direction", .text(trend.direction.rawValue), flat: "trend"),
            ])),
            ReportField("hotspot", .group(present: hotspot != nil, [
                .optional("z", hotspot?.z, flat: "hotspotZ"),
                .optional("p", hotspot?.p, flat: "hotspotP"),
                .optional("bin", hotspot?.bin, flat: "hotspotBin"),
                .optional("binFdr", hotspot?.binFdr, flat: "hotspotBinFdr"),
            ])),
            ReportField("smoothed", .group(present: smoothed != nil, [
                .optional("threat", smoothed?.threat, flat: "smoothedThreat"),
                .optional("low", smoothed?.low, flat: "smoothedLow"),
                .optional("high", smoothed?.high, flat: "smoothedHigh"),
                .optional("score", smoothed?.score, flat: "smoothedScore"),
                .optional("scoreLow", smoothed?.scoreLow, flat: "smoothedScoreLow"),
                .optional("scoreHigh", smoothed?.scoreHigh, flat: "smoothedScoreHigh"),
                .optional("tier", smoothed?.tier.rawValue, flat: "smoothedTier"),
            ])),
            ReportField("lowData", .flag(lowData)),
            ReportField("history", .numbers(history)),
            ReportField("places", .group(present: places != nil, [
                ReportField("near", .group(present: places?.near != nil, [
                    .optional("name", places?.near?.name, flat: "placeNear"),
                    .optional("distanceKm", places?.near?.distanceKm, flat: "placeNearKm"),
                    .optional("bearing", places?.near?.bearing?.rawValue, flat: "placeBearing"),
                ])),
                .optional("from", places?.from, flat: "placeFrom"),
                .optional("to", places?.to, flat: "placeTo"),
            ])),
        ]
    }

    /// The flat formats' summary of the top incidents: the first one's id and share, all ids.
    package var topIncidentColumns: (ids: [String], first: String?, firstShare: Double?) {
        (topIncidents.map(\.id), topIncidents.first?.id, topIncidents.first?.share)
    }
}

extension TopIncident {
    /// A top incident as the JSON report lists it.
    package var fields: [ReportField] {
        [
            ReportField("id", .text(id)),
            ReportField("distanceKm", .number(distanceKm)),
            ReportField("ageDays", .integer(ageDays)),
            ReportField("contribution", .number(contribution)),
            ReportField("share", .number(share)),
        ]
    }
}

extension UnitScore {
    /// A unit with every group present, whose only use is to name the flat formats' columns and
    /// their types when a report has no unit (or none with a hot spot, a smoothed threat, places).
    package static let columnPrototype = UnitScore(
        id: "", assetId: "", assetName: "", kind: .other, corridors: [], startKm: 0, endKm: 0, lengthKm: 0,
        exposure: 0, threat: 0, risk: 0, score: 0, tier: .minimal, incidentCount: 0, effectiveIncidents: 0,
        topIncidents: [], trend: Trend(previousThreat: 0, recentThreat: 0, priorThreat: 0, direction: .none),
        hotspot: HotSpot(z: 0, p: 1, bin: 0, binFdr: 0),
        smoothed: SmoothedThreat(threat: 0, low: 0, high: 0, score: 0, scoreLow: 0, scoreHigh: 0, tier: .minimal),
        lowData: false, history: [], places: UnitPlaces(near: PlaceReference(name: "", distanceKm: 0, bearing: .N), from: "", to: ""),
        geometry: .point(Coordinate(0, 0)), representativePoint: Coordinate(0, 0))
}
