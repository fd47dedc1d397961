import CorridorRisk

/// One row per unit, every unit property as a column (lists joined with `; `), for spreadsheets.
enum CSVRenderer {
    static let columns = ["id", "assetId", "assetName", "kind", "corridors", "startKm", "endKm", "lengthKm",
                          "exposure", "threat", "risk", "score", "tier", "incidentCount", "effectiveIncidents",
                          "previousThreat", "trend", "hotspotZ", "hotspotP", "hotspotBin", "topIncidents",
                          "topIncident", "topIncidentShare", "lon", "lat"]

    static func render(_ input: RenderInput) -> String {
        var out = columns.joined(separator: ",") + "\n"
        for u in input.report.units {
            let top = u.topIncidents.first
            let fields: [String] = [
                u.id, u.assetId, u.assetName, u.kind.rawValue, u.corridors.joined(separator: "; "),
                "\(u.startKm)", "\(u.endKm)", "\(u.lengthKm)", "\(u.exposure)", "\(u.threat)", "\(u.risk)",
                "\(u.score)", u.tier.rawValue, "\(u.incidentCount)", "\(u.effectiveIncidents)",
                "\(u.trend.previousThreat)", u.trend.direction.rawValue,
                u.hotspot.map { "\($0.z)" } ?? "", u.hotspot.map { "\($0.p)" } ?? "", u.hotspot.map { "\($0.bin)" } ?? "",
                u.topIncidents.map(\.id).joined(separator: "; "), top?.id ?? "", top.map { "\($0.share)" } ?? "",
                "\(u.representativePoint.x)", "\(u.representativePoint.y)",
            ]
            out += fields.map(IncidentWriter.csvField).joined(separator: ",") + "\n"
        }
        return out
    }
}
