/// Writes JSON text with keys in the order given and numbers as full, shortest round-trip
/// doubles, so the same report is always the same bytes.
///
/// Foundation's `JSONEncoder` can sort keys but not keep the spec's order, and formats numbers
/// through a different path on each platform; this small writer makes byte-identical output a
/// property of the code rather than of the platform. Renderers use it for GeoJSON and HTML data.
package struct JSONWriter {
    /// The JSON text written so far.
    package private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]
    /// Whether containers are broken over indented lines.
    package let pretty: Bool
    private var depth: Int { needsComma.count - 1 }

    /// A writer with nothing written yet.
    package init(pretty: Bool = true) {
        self.pretty = pretty
        bytes.reserveCapacity(1 << 16)
    }

    private mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    private mutating func newline() {
        guard pretty else { return }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: depth * 2))
    }

    /// Separator and indentation before a value or key in the current container.
    private mutating func prepare() {
        if needsComma[depth] { bytes.append(UInt8(ascii: ",")) }
        if depth > 0 { newline() }
        needsComma[depth] = true
    }

    /// Whether the next value belongs to a key just written (and so sits on the key's line).
    private var afterKey = false

    /// An object key; the next value written is its value.
    package mutating func key(_ k: String) {
        prepare()
        string(k, prepared: true)
        raw(pretty ? ": " : ":")
        afterKey = true
    }

    /// Called by every value writer: places the value in its container.
    private mutating func beginValue() {
        if afterKey { afterKey = false } else { prepare() }
    }

    /// `{` … `endObject()`, `[` … `endArray()`, and scalar values (each placed after a key or
    /// as the next array element).
    package mutating func beginObject() { beginValue(); raw("{"); needsComma.append(false) }
    package mutating func endObject() { close("}") }
    package mutating func beginArray() { beginValue(); raw("["); needsComma.append(false) }
    package mutating func endArray() { close("]") }

    private mutating func close(_ c: String) {
        let hadItems = needsComma.removeLast()
        if hadItems { newline() }
        raw(c)
    }

    package mutating func null() { beginValue(); raw("null") }
    package mutating func bool(_ v: Bool) { beginValue(); raw(v ? "true" : "false") }
    package mutating func int(_ v: Int) { beginValue(); raw(String(v)) }

    /// A double as Swift's shortest round-trip text; NaN and infinities (never produced by the
    /// model) are written as null rather than as invalid JSON.
    package mutating func number(_ v: Double) {
        beginValue()
        raw(v.isFinite ? (v == 0 ? "0.0" : "\(v)") : "null")
    }

    package mutating func string(_ s: String) {
        beginValue()
        string(s, prepared: true)
    }

    private mutating func string(_ s: String, prepared: Bool) {
        bytes.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0..<0x20, 0x7F:
                let hex = String(b, radix: 16)
                raw("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    // Conveniences for "key": value; a nil optional is written as null.
    package mutating func field(_ k: String, _ v: String) { key(k); string(v) }
    package mutating func field(_ k: String, _ v: Double) { key(k); number(v) }
    package mutating func field(_ k: String, _ v: Int) { key(k); int(v) }
    package mutating func field(_ k: String, _ v: Bool) { key(k); bool(v) }
    package mutating func field(_ k: String, _ v: Double?) { key(k); if let v { number(v) } else { null() } }
    package mutating func field(_ k: String, _ v: String?) { key(k); if let v { string(v) } else { null() } }
}

extension JSONWriter {
    /// A GeoJSON geometry object for `shape` (lon/lat positions).
    package mutating func geometry(_ shape: Shape) {
        func position(_ c: Coordinate) { beginArray(); number(c.x); number(c.y); endArray() }
        func positions(_ cs: [Coordinate]) { beginArray(); cs.forEach(position); endArray() }
        func rings(_ rs: [[Coordinate]]) { beginArray(); rs.forEach(positions); endArray() }
        beginObject()
        field("type", shape.typeName)
        key("coordinates")
        switch shape {
        case .point(let c): position(c)
        case .lineString(let cs), .multiPoint(let cs): positions(cs)
        case .polygon(let rs), .multiLineString(let rs): rings(rs)
        case .multiPolygon(let ps): beginArray(); ps.forEach(rings); endArray()
        }
        endObject()
    }
}
