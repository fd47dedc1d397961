/// A partial result as JSON Lines: a header object, one line per unit with sums, one per
/// reached incident, and a trailer with the line counts (so a part cut short is refused).
///
/// JSON Lines rather than Parquet: Swift has no maintained Parquet writer, the file streams
/// line by line, Spark reads and writes it as text with no schema to ship, and numbers written
/// as shortest round-trip decimals read back to the same doubles, which byte-identical merges need.
///
///     {"corridorriskPartial":1,"version":"…","shard":2,"shards":3,"unitStart":176,"unitEnd":352,…}
///     {"u":180,"e":0.41,"s2":0.09,"n":3,"prev":0.2,"rec":0.3,"pri":0.1,"h":[…],"top":[[7,1520.5,0.3],…]}
///     {"i":7,"c":0.3,"u":180}
///     {"end":true,"unitLines":1,"incidentLines":1}
extension PartialResult {
    /// The part's bytes, deterministic for the same run.
    public func jsonLines() -> [UInt8] {
        var out: [UInt8] = []
        func line(_ body: (inout JSONWriter) -> Void) {
            var w = JSONWriter(pretty: false)
            w.beginObject()
            body(&w)
            w.endObject()
            out += w.bytes
            out.append(0x0A)
        }
        line { w in
            w.field("corridorriskPartial", Self.formatVersion)
            w.field("version", version)
            w.field("shard", shard.index)
            w.field("shards", shard.count)
            w.field("unitStart", units.lowerBound)
            w.field("unitEnd", units.upperBound)
            w.field("units", unitCount)
            w.field("incidents", incidentCount)
            w.field("asOf", asOf?.description)
            w.field("parameters", parameters)
            w.key("inputs"); w.beginArray(); inputs.forEach { w.string($0) }; w.endArray()
        }
        for (u, t, h) in totals {
            line { w in
                w.field("u", u)
                w.field("e", t.exposure)
                w.field("s2", t.sumOfSquares)
                w.field("n", t.count)
                w.field("prev", t.previous)
                w.field("rec", t.recent)
                w.field("pri", t.prior)
                w.key("h"); w.beginArray(); h.forEach { w.number($0) }; w.endArray()
                w.key("top"); w.beginArray()
                for e in t.top { w.beginArray(); w.int(Int(e.incident)); w.number(e.distanceM); w.number(e.contribution); w.endArray() }
                w.endArray()
            }
        }
        for (i, c, u) in reached {
            line { w in w.field("i", i); w.field("c", c); w.field("u", u) }
        }
        line { w in w.field("end", true); w.field("unitLines", totals.count); w.field("incidentLines", reached.count) }
        return out
    }

    /// Reads the part file at `path` (an `.unreadable` error when it cannot be read).
    public init(path: String) throws(InputError) {
        let buffer = try InputError.contents(of: path)
        try self.init(jsonLines: buffer.withBytes { Array($0) }, file: path)
    }

    /// Reads a part written by `jsonLines()`; anything else is an `InputError` naming the file
    /// and line.
    public init(jsonLines bytes: [UInt8], file: String) throws(InputError) {
        var reader = PartialLineReader(bytes: bytes, file: file)
        let notAPart = "is not a CorridorRisk partial result (no \"corridorriskPartial\" header): make it with risk-report partial"
        guard let header = try? reader.next(expecting: "the header"), let version = header["corridorriskPartial"]?.number else {
            reader.line = 0
            throw reader.error(notAPart)
        }
        guard version == Double(Self.formatVersion) else {
            throw reader.error("is a partial result of format \(RecordValidation.format(version)); this tool reads format \(Self.formatVersion): remake it with this version")
        }
        let k = try reader.int(header, "shard"), n = try reader.int(header, "shards")
        guard let shard = Shard(index: k, count: n) else { throw reader.error("shard \(k)/\(n) is not a shard (1 ≤ K ≤ N)") }
        let lo = try reader.int(header, "unitStart"), hi = try reader.int(header, "unitEnd")
        let unitCount = try reader.int(header, "units"), incidentCount = try reader.int(header, "incidents")
        guard shard.units(of: unitCount) == lo..<max(lo, hi) else {
            throw reader.error("units \(lo)..<\(hi) are not shard \(shard)'s of \(unitCount)")
        }
        var asOf: CalendarDay?
        if let text = header["asOf"]?.string {
            guard let day = CalendarDay(iso: text) else { throw reader.error("asOf '\(text.prefix(40))' is not a date") }
            asOf = day
        }
        guard let parameters = header["parameters"]?.string else { throw reader.error("the header has no parameters") }
        guard let inputs = header["inputs"]?.array?.compactMap(\.string) else { throw reader.error("the header has no inputs") }
        let toolVersion = header["version"]?.string ?? ""

        var totals: [(unit: Int, totals: UnitTotals, history: [Double])] = []
        var reached: [(incident: Int, largest: Double, unit: Int)] = []
        while true {
            let line = try reader.next(expecting: "the trailer line {\"end\": true, …} (the file was cut short)")
            if line["end"] != nil {
                guard try reader.int(line, "unitLines") == totals.count, try reader.int(line, "incidentLines") == reached.count else {
                    throw reader.error("the trailer's counts do not match the lines before it")
                }
                break
            }
            if line["i"] == nil, line["u"] != nil {
                let u = try reader.int(line, "u")
                guard u < unitCount, totals.last.map({ $0.unit < u }) ?? true else {
                    throw reader.error("unit \(u) is outside the run's \(unitCount) units or out of order")
                }
                var t = UnitTotals()
                t.exposure = try reader.number(line, "e")
                t.sumOfSquares = try reader.number(line, "s2")
                t.count = try reader.int(line, "n")
                t.previous = try reader.number(line, "prev")
                t.recent = try reader.number(line, "rec")
                t.prior = try reader.number(line, "pri")
                let history = try (line["h"]?.array ?? []).map { (v) throws(InputError) in
                    guard let x = v.number, x.isFinite else { throw reader.error("a history value is not a number") }
                    return x
                }
                for entry in line["top"]?.array ?? [] {
                    guard let e = entry.array, e.count == 3, let i = e[0].number, let d = e[1].number, let c = e[2].number,
                          i >= 0, i < Double(incidentCount), i.rounded() == i, d.isFinite, c.isFinite else {
                        throw reader.error("a top incident is not [incident, distance, contribution]")
                    }
                    t.top.append(TopEntry(incident: Int32(i), distanceM: d, contribution: c))
                }
                totals.append((u, t, history))
            } else if line["i"] != nil {
                let i = try reader.int(line, "i"), u = try reader.int(line, "u")
                let c = try reader.number(line, "c")
                guard i < incidentCount, u < unitCount, reached.last.map({ $0.incident < i }) ?? true else {
                    throw reader.error("incident \(i) (unit \(u)) is outside this run or out of order")
                }
                reached.append((i, c, u))
            } else {
                throw reader.error("a line is neither a unit, an incident nor the trailer")
            }
        }
        guard reader.atEnd else { throw reader.error("text follows the trailer line") }
        self.init(shard: shard, units: lo..<hi, unitCount: unitCount, incidentCount: incidentCount, asOf: asOf,
                  parameters: parameters, inputs: inputs, version: toolVersion, totals: totals, reached: reached)
        self.file = file
    }
}

/// Hands out a part's lines as parsed JSON objects, counting lines for messages.
private struct PartialLineReader {
    let bytes: [UInt8]
    let file: String
    var position = 0
    var line = 0

    var atEnd: Bool { position >= bytes.count }

    func error(_ reason: String) -> InputError {
        InputError(.malformed, file: file, location: line > 0 ? "line \(line)" : nil, reason: reason)
    }

    mutating func next(expecting what: String) throws(InputError) -> JSONValue {
        guard position < bytes.count else { throw error("ends before \(what)") }
        let end = bytes[position...].firstIndex(of: 0x0A) ?? bytes.count
        line += 1
        let start = position
        position = end + 1
        let value: JSONValue
        do {
            value = try bytes.withUnsafeBufferPointer { (b) throws(JSONParser.Failure) in
                try JSONParser.parse(UnsafeBufferPointer(rebasing: b[start..<end]))
            }
        } catch {
            throw self.error("invalid JSON at column \(error.column): \(error.reason)")
        }
        guard value.objectKeys != nil else { throw error("is not a JSON object") }
        return value
    }

    func number(_ object: JSONValue, _ key: String) throws(InputError) -> Double {
        guard let x = object[key]?.number, x.isFinite else { throw error("\"\(key)\" is missing or not a number") }
        return x
    }

    func int(_ object: JSONValue, _ key: String) throws(InputError) -> Int {
        let x = try number(object, key)
        guard x >= 0, x < 9e15, x.rounded() == x else { throw error("\"\(key)\" must be a whole number ≥ 0, got \(x)") }
        return Int(x)
    }
}
