/// Builds markup that is at the same time valid HTML and well-formed XML (XHTML syntax).
///
/// Every piece of text and every attribute value goes through `escape`, so data (ids, names,
/// descriptions, file names, reasons) can never open a tag or an entity. Only the five XML entities
/// are produced. Non-void HTML elements are always written with an explicit end tag (an HTML parser
/// ignores `/>` on them); self-closing `/>` is used only for void elements and inside SVG.
struct HTMLWriter {
    private(set) var out = ""

    init() {
        out.reserveCapacity(1 << 16)
    }

    /// Text with the XML special characters escaped and the characters XML 1.0 forbids (most C0
    /// controls, U+FFFE, U+FFFF) replaced by U+FFFD, so any data string keeps the page well-formed.
    static func escape(_ s: String) -> String {
        var needs = false
        for u in s.unicodeScalars where Self.special(u) {
            needs = true
            break
        }
        guard needs else { return s }
        var r = ""
        r.reserveCapacity(s.utf8.count + 16)
        for u in s.unicodeScalars {
            switch u {
            case "&": r += "&amp;"
            case "<": r += "&lt;"
            case ">": r += "&gt;"
            case "\"": r += "&quot;"
            case "'": r += "&#39;"
            case "\t", "\n", "\r": r.unicodeScalars.append(u)
            default:
                r.unicodeScalars.append(Self.forbidden(u) ? "\u{FFFD}" : u)
            }
        }
        return r
    }

    private static func special(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "&", "<", ">", "\"", "'": true
        default: forbidden(u)
        }
    }

    private static func forbidden(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x20 { return v != 0x09 && v != 0x0A && v != 0x0D }
        return v == 0xFFFE || v == 0xFFFF
    }

    /// Attributes in the order given; `nil` values are left out.
    static func attributes(_ attrs: KeyValuePairs<String, String?>) -> String {
        var s = ""
        for (k, v) in attrs {
            guard let v else { continue }
            s += " \(k)=\"\(escape(v))\""
        }
        return s
    }

    /// Markup written by this renderer itself (never data).
    mutating func raw(_ s: String) { out += s }

    mutating func line(_ s: String) { out += s + "\n" }

    /// Escaped text.
    mutating func text(_ s: String) { out += Self.escape(s) }

    mutating func open(_ tag: String, _ attrs: KeyValuePairs<String, String?> = [:]) {
        out += "<\(tag)\(Self.attributes(attrs))>"
    }

    mutating func close(_ tag: String) { out += "</\(tag)>" }

    /// `<tag …>escaped text</tag>`.
    mutating func element(_ tag: String, _ attrs: KeyValuePairs<String, String?> = [:], _ text: String) {
        out += "<\(tag)\(Self.attributes(attrs))>\(Self.escape(text))</\(tag)>"
    }

    /// A void HTML element or an empty SVG element: `<tag …/>`.
    mutating func empty(_ tag: String, _ attrs: KeyValuePairs<String, String?> = [:]) {
        out += "<\(tag)\(Self.attributes(attrs))/>"
    }

    /// `<tag …>…</tag>` around whatever `body` writes.
    mutating func wrap(_ tag: String, _ attrs: KeyValuePairs<String, String?> = [:], _ body: (inout HTMLWriter) -> Void) {
        open(tag, attrs)
        body(&self)
        close(tag)
    }
}

/// A number for SVG coordinates and sizes: one decimal via the shared formatter, without a
/// trailing `.0` (the map's viewBox is about 1000 units wide, so 0.1 is far below a pixel).
func svg(_ v: Double) -> String {
    let s = ReportDigest.fixed(v, 1)
    return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
}
