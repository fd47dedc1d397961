#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The report as JSON with the keys of METHOD §7, in a fixed order, plus `version`, `inputs`,
/// `warnings` and a `file` on each rejection.
extension RiskReport {
    /// The JSON text (UTF-8), pretty-printed unless asked otherwise; the same report always gives
    /// the same bytes. `Data`, so it writes to a file or a socket as is.
    public func jsonData(pretty: Bool = true) -> Data { Data(jsonBytes(pretty: pretty)) }

    /// The JSON text as bytes (what `jsonData` wraps).
    package func jsonBytes(pretty: Bool = true) -> [UInt8] {
        var w = JSONWriter(pretty: pretty)
        w.beginObject()
        w.field("asOf", asOf?.description)
        w.key("parameters"); parameters.write(to: &w)
        w.key("incidents")
        w.object([
            ReportField("read", .integer(incidents.read)),
            ReportField("rejected", .integer(incidents.rejected)),
            ReportField("future", .integer(incidents.future)),
            ReportField("excluded", .integer(incidents.excluded)),
            ReportField("beyondRadius", .integer(incidents.beyondRadius)),
            ReportField("used", .integer(incidents.used)),
        ])
        w.key("rejected")
        w.value(.records(rejected.map { r in
            [ReportField("file", .text(r.file)), ReportField("line", .integer(r.line)), .optional("id", r.id),
             ReportField("reason", .text(r.reason))]
        }))
        w.key("units")
        w.value(.records(units.map(\.fields)))
        w.key("corridors")
        w.value(.records(corridors.map(\.fields)))
        w.key("warnings")
        w.value(.texts(warnings))
        w.field("version", provenance.version)
        w.key("inputs")
        w.value(.records(provenance.inputs.map(\.fields)))
        w.endObject()
        var bytes = w.bytes
        bytes.append(0x0A)
        return bytes
    }
}

extension CorridorSummary {
    package var fields: [ReportField] {
        [
            ReportField("name", .text(name)),
            ReportField("lengthKm", .number(lengthKm)),
            .optional("maxScore", maxScore),
            .optional("meanScore", meanScore),
            ReportField("kmByTier", .group(present: true, kmByTier.entries.map { ReportField($0.key.rawValue, .number($0.value)) })),
        ]
    }
}

extension InputFile {
    package var fields: [ReportField] {
        [
            ReportField("role", .text(role)),
            ReportField("path", .text(path)),
            .optional("format", format),
        ] + (layer.map { [ReportField("layer", .text($0))] } ?? []) + (profile.map { [ReportField("profile", .text($0))] } ?? []) + [
            .optional("bytes", bytes),
            .optional("sha256", sha256),
        ] + (routes.isEmpty ? [] : [ReportField("routes", .records(routes.map(\.fields)))])
    }
}

extension RouteSummary {
    package var fields: [ReportField] {
        [ReportField("asset", .text(assetID)), ReportField("key", .text(key)), ReportField("ways", .integer(ways)),
         ReportField("pieces", .integer(pieces)), ReportField("lengthKm", .number(lengthKm))]
    }
}
