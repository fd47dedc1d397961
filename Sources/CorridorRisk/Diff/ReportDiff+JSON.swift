#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The diff as JSON with the keys of METHOD §10, in a fixed order.
extension ReportDiff {
    /// The JSON text (UTF-8), pretty-printed; the same two reports always give the same bytes.
    public func jsonData() -> Data { Data(jsonBytes()) }

    package func jsonBytes() -> [UInt8] {
        var w = JSONWriter(pretty: true)
        w.beginObject()
        for (key, side) in [("old", old), ("new", new)] {
            w.key(key)
            w.beginObject()
            w.field("asOf", side.asOf)
            w.key("inputs")
            if let inputs = side.inputs { w.json(inputs) } else { w.null() }
            w.endObject()
        }
        w.key("units")
        w.value(.records(units.map(\.fields)))
        w.key("added")
        w.value(.records(added.map { [ReportField("id", .text($0.id)), ReportField("newScore", .number($0.score)),
                                      ReportField("newTier", .text($0.tier.rawValue))] }))
        w.key("removed")
        w.value(.records(removed.map { [ReportField("id", .text($0.id)), ReportField("oldScore", .number($0.score)),
                                        ReportField("oldTier", .text($0.tier.rawValue))] }))
        w.key("corridors")
        w.value(.records(corridors.map(\.fields)))
        w.key("summary")
        w.object(summary.map { ReportField($0.key, .integer($0.count)) })
        w.endObject()
        var bytes = w.bytes
        bytes.append(0x0A)
        return bytes
    }
}

extension ReportDiff.UnitChange {
    /// A matched unit's fields, in the diff's key order (CSV columns follow it too).
    package var fields: [ReportField] {
        [ReportField("id", .text(id)), ReportField("assetName", .text(assetName)), ReportField("startKm", .number(startKm)),
         ReportField("endKm", .number(endKm)), ReportField("change", .text(change.rawValue)),
         ReportField("oldScore", .number(oldScore)), ReportField("newScore", .number(newScore)),
         ReportField("scoreChange", .number(scoreChange)), ReportField("oldTier", .text(oldTier.rawValue)),
         ReportField("newTier", .text(newTier.rawValue)), ReportField("tierChange", .integer(tierChange)),
         ReportField("oldThreat", .number(oldThreat)), ReportField("newThreat", .number(newThreat))]
    }
}

extension ReportDiff.CorridorChange {
    package var fields: [ReportField] {
        [ReportField("name", .text(name)), .optional("oldMaxScore", oldMaxScore), .optional("newMaxScore", newMaxScore),
         .optional("oldMeanScore", oldMeanScore), .optional("newMeanScore", newMeanScore),
         ReportField("kmByTierChange", .group(present: true, kmByTierChange.entries.map { ReportField($0.key.rawValue, .number($0.value)) }))]
    }
}

extension JSONWriter {
    /// Writes a parsed JSON value back out; whole numbers as integers (JSON does not tell them
    /// apart, and an input's `bytes` should read as it was written).
    package mutating func json(_ v: JSONValue) {
        switch v {
        case .null: null()
        case .bool(let b): bool(b)
        case .number(let n): if n.rounded() == n && abs(n) < 9e15 { int(Int(n)) } else { number(n) }
        case .string(let s): string(s)
        case .array(let items):
            beginArray()
            for item in items { json(item) }
            endArray()
        case .object(let pairs):
            beginObject()
            for (k, item) in pairs {
                key(k)
                json(item)
            }
            endObject()
        }
    }
}
