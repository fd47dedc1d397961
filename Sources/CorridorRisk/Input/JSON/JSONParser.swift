/// A strict RFC 8259 JSON parser with a nesting limit, for GeoJSON and model files.
///
/// Foundation's `JSONSerialization` would do for friendly input; this exists because hostile
/// input must end in a clear error, never a crash: nesting is capped (deep arrays would exhaust
/// the stack), numbers outside the double range become ±infinity for validation to name, and
/// every error gives a line and column. It is stricter than RFC 8259 requires where leniency would
/// hide a mistake: a key repeated in one object (parsers disagree on which copy wins), a lone
/// UTF-16 surrogate escape (text cut mid-character) and UTF-16/32 text are errors, not guesses.
package struct JSONParser {
    package struct Failure: Error, Equatable {
        package var line: Int
        package var column: Int
        package var reason: String
        package var description: String { "line \(line), column \(column): \(reason)" }
    }

    static let maximumDepth = 256

    private let bytes: UnsafeBufferPointer<UInt8>
    private var p = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Parses a whole document (a UTF-8 byte-order mark is allowed).
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> JSONValue {
        if let encoding = wideEncoding(bytes) {
            throw Failure(line: 1, column: 1, reason: "the text is \(encoding), not UTF-8: re-save it as UTF-8")
        }
        var parser = JSONParser(bytes)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { parser.p = 3 }
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        if parser.p < bytes.count { throw parser.failure("unexpected text after the JSON value") }
        return value
    }

    package static func parse(_ text: String) throws(Failure) -> JSONValue {
        var copy = Array(text.utf8)
        return try copy.withUnsafeMutableBufferPointer { buffer throws(Failure) in
            try parse(UnsafeBufferPointer(buffer))
        }
    }

    /// "UTF-16" or "UTF-32" when the text starts with their byte-order mark or with the zero
    /// bytes their encoding of an ASCII character has (JSON starts with ASCII), else nil.
    private static func wideEncoding(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        let head = Array(b.prefix(4))
        if head.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32" }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return "UTF-16" }
        guard head.count == 4, head.contains(0) else { return nil }
        return head.filter { $0 == 0 }.count == 3 ? "UTF-32" : "UTF-16"
    }

    private func failure(_ reason: String, at position: Int? = nil) -> Failure {
        let at = min(position ?? p, bytes.count)
        var line = 1, column = 1
        for i in 0..<at {
            if bytes[i] == 0x0A { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
        }
        return Failure(line: line, column: column, reason: reason)
    }

    private mutating func skipSpace() {
        while p < bytes.count, bytes[p] == 0x20 || bytes[p] == 0x0A || bytes[p] == 0x0D || bytes[p] == 0x09 { p += 1 }
    }

    private mutating func value(depth: Int) throws(Failure) -> JSONValue {
        guard p < bytes.count else { throw failure("unexpected end of input") }
        switch bytes[p] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default:
            let c = bytes[p]
            let shown = c >= 0x20 && c < 0x7F ? "'\(Character(Unicode.Scalar(c)))'" : String(format: c)
            throw failure("unexpected character \(shown) where a value should start")
        }
    }

    private mutating func literal(_ word: String) throws(Failure) {
        for c in word.utf8 {
            guard p < bytes.count, bytes[p] == c else { throw failure("invalid literal (expected \(word))") }
            p += 1
        }
    }

    private mutating func object(depth: Int) throws(Failure) -> JSONValue {
        if depth > Self.maximumDepth { throw failure("nesting deeper than \(Self.maximumDepth) levels") }
        p += 1
        var pairs: [(key: String, value: JSONValue)] = []
        var keys = Set<String>()   // only once an object is too large for a linear search
        skipSpace()
        if p < bytes.count, bytes[p] == UInt8(ascii: "}") { p += 1; return .object(pairs) }
        while true {
            skipSpace()
            guard p < bytes.count, bytes[p] == UInt8(ascii: "\"") else { throw failure("expected a quoted key") }
            let keyStart = p
            let key = try string()
            if pairs.count >= 16 && keys.isEmpty { keys = Set(pairs.map(\.key)) }
            let repeated = keys.isEmpty ? pairs.contains { $0.key == key } : !keys.insert(key).inserted
            if repeated {
                throw failure("key \"\(key.prefix(40))\" appears twice in one object: keep one", at: keyStart)
            }
            skipSpace()
            guard p < bytes.count, bytes[p] == UInt8(ascii: ":") else { throw failure("expected ':' after a key") }
            p += 1
            skipSpace()
            pairs.append((key, try value(depth: depth)))
            skipSpace()
            guard p < bytes.count else { throw failure("unexpected end of input inside an object") }
            if bytes[p] == UInt8(ascii: ",") { p += 1; continue }
            if bytes[p] == UInt8(ascii: "}") { p += 1; return .object(pairs) }
            throw failure("expected ',' or '}' in an object")
        }
    }

    private mutating func array(depth: Int) throws(Failure) -> JSONValue {
        if depth > Self.maximumDepth { throw failure("nesting deeper than \(Self.maximumDepth) levels") }
        p += 1
        var items: [JSONValue] = []
        skipSpace()
        if p < bytes.count, bytes[p] == UInt8(ascii: "]") { p += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value(depth: depth))
            skipSpace()
            guard p < bytes.count else { throw failure("unexpected end of input inside an array") }
            if bytes[p] == UInt8(ascii: ",") { p += 1; continue }
            if bytes[p] == UInt8(ascii: "]") { p += 1; return .array(items) }
            throw failure("expected ',' or ']' in an array")
        }
    }

    private mutating func number() throws(Failure) -> Double {
        let start = p
        if bytes[p] == UInt8(ascii: "-") { p += 1 }
        func digits(_ p: inout Int) -> Int {
            let s = p
            while p < bytes.count, bytes[p] >= 48, bytes[p] <= 57 { p += 1 }
            return p - s
        }
        guard p < bytes.count, bytes[p] >= 48, bytes[p] <= 57 else { throw failure("invalid number", at: start) }
        if bytes[p] == 48 { p += 1 } else { _ = digits(&p) }
        if p < bytes.count, bytes[p] == UInt8(ascii: ".") {
            p += 1
            guard digits(&p) > 0 else { throw failure("invalid number: no digits after '.'", at: start) }
        }
        if p < bytes.count, bytes[p] == UInt8(ascii: "e") || bytes[p] == UInt8(ascii: "E") {
            p += 1
            if p < bytes.count, bytes[p] == UInt8(ascii: "+") || bytes[p] == UInt8(ascii: "-") { p += 1 }
            guard digits(&p) > 0 else { throw failure("invalid number: no digits in the exponent", at: start) }
        }
        let text = UnsafeBufferPointer(rebasing: bytes[start..<p])
        if let v = ByteParsing.double(text) { return v }
        // The grammar was checked; only magnitude can defeat the standard parser.
        return text.first == UInt8(ascii: "-") ? -.infinity : .infinity
    }

    private mutating func string() throws(Failure) -> String {
        let open = p
        p += 1
        var out: [UInt8] = []
        var runStart = p
        while true {
            guard p < bytes.count else { throw failure("unterminated string", at: open) }
            let c = bytes[p]
            if c == UInt8(ascii: "\"") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<p]))
                p += 1
                return String(decoding: out, as: UTF8.self)
            }
            if c < 0x20 { throw failure("control character inside a string") }
            if c == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<p]))
                p += 1
                guard p < bytes.count else { throw failure("unterminated string", at: open) }
                let e = bytes[p]
                p += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    let escape = p - 2
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar), p + 1 < bytes.count,
                       bytes[p] == UInt8(ascii: "\\"), bytes[p + 1] == UInt8(ascii: "u") {
                        p += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw loneSurrogate(scalar, at: escape) }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let s = Unicode.Scalar(scalar) else { throw loneSurrogate(scalar, at: escape) }
                    out.append(contentsOf: Array(String(Character(s)).utf8))
                default:
                    throw failure("invalid escape '\\\(Character(Unicode.Scalar(e)))' in a string", at: p - 2)
                }
                runStart = p
                continue
            }
            p += 1
        }
    }

    private func loneSurrogate(_ unit: UInt32, at position: Int) -> Failure {
        let hex = String(unit, radix: 16)
        return failure("lone surrogate \\u\(hex) in a string (half of a UTF-16 pair; the text was cut mid-character): remove it", at: position)
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard p + 4 <= bytes.count else { throw failure("incomplete \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[p]
            let d: UInt32
            switch c {
            case 48...57: d = UInt32(c - 48)
            case 65...70: d = UInt32(c - 55)
            case 97...102: d = UInt32(c - 87)
            default: throw failure("invalid \\u escape")
            }
            v = v * 16 + d
            p += 1
        }
        return v
    }
}

private extension String {
    init(format byte: UInt8) {
        let hex = String(byte, radix: 16, uppercase: true)
        self = "byte 0x" + (hex.count == 1 ? "0" + hex : hex)
    }
}
