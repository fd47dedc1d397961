/// Writes JSON text with keys in the order given and numbers as full, shortest round-trip
/// doubles, so the same report is always the same bytes.
///
/// Foundation's `JSONEncoder` can sort keys but not keep the spec's order, and formats numbers
/// through a different path on each platform; this small writer makes byte-identical output a
/// property of the code rather than of the platform.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]
    let pretty: Bool
    private var depth: Int { needsComma.count - 1 }

    init(pretty: Bool = true) {
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

    mutating func key(_ k: String) {
        prepare()
        string(k, prepared: true)
        raw(pretty ? ": " : ":")
        afterKey = true
    }

    /// Called by every value writer: places the value in its container.
    private mutating func beginValue() {
        if afterKey { afterKey = false } else { prepare() }
    }

    mutating func beginObject() { beginValue(); raw("{"); needsComma.append(false) }
    mutating func endObject() { close("}") }
    mutating func beginArray() { beginValue(); raw("["); needsComma.append(false) }
    mutating func endArray() { close("]") }

    private mutating func close(_ c: String) {
        let hadItems = needsComma.removeLast()
        if hadItems { newline() }
        raw(c)
    }

    mutating func null() { beginValue(); raw("null") }
    mutating func bool(_ v: Bool) { beginValue(); raw(v ? "true" : "false") }
    mutating func int(_ v: Int) { beginValue(); raw(String(v)) }

    /// A double as Swift's shortest round-trip text; NaN and infinities (never produced by the
    /// model) are written as null rather than as invalid JSON.
    mutating func number(_ v: Double) {
        beginValue()
        raw(v.isFinite ? (v == 0 ? "0.0" : "\(v)") : "null")
    }

    mutating func string(_ s: String) {
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

    // Conveniences for "key": value.
    mutating func field(_ k: String, _ v: String) { key(k); string(v) }
    mutating func field(_ k: String, _ v: Double) { key(k); number(v) }
    mutating func field(_ k: String, _ v: Int) { key(k); int(v) }
    mutating func field(_ k: String, _ v: Bool) { key(k); bool(v) }
    mutating func field(_ k: String, _ v: Double?) { key(k); if let v { number(v) } else { null() } }
    mutating func field(_ k: String, _ v: String?) { key(k); if let v { string(v) } else { null() } }
}
