/// Small SVG element writers over `HTMLWriter`, so map code reads as shapes, not markup strings.
/// Coordinates go through `svg()` (one decimal); attribute values are escaped like all others.
extension HTMLWriter {
    mutating func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double,
                       _ attrs: KeyValuePairs<String, String?> = [:]) {
        raw("<rect x=\"\(svg(x))\" y=\"\(svg(y))\" width=\"\(svg(width))\" height=\"\(svg(height))\"\(Self.attributes(attrs))/>")
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ attrs: KeyValuePairs<String, String?> = [:]) {
        raw("<line x1=\"\(svg(x1))\" y1=\"\(svg(y1))\" x2=\"\(svg(x2))\" y2=\"\(svg(y2))\"\(Self.attributes(attrs))/>")
    }

    mutating func circle(_ cx: Double, _ cy: Double, _ r: Double, _ attrs: KeyValuePairs<String, String?> = [:]) {
        raw("<circle cx=\"\(svg(cx))\" cy=\"\(svg(cy))\" r=\"\(svg(r))\"\(Self.attributes(attrs))/>")
    }

    /// A polyline through points already formatted `x,y`.
    mutating func polyline(_ points: [String], _ attrs: KeyValuePairs<String, String?> = [:]) {
        raw("<polyline points=\"\(points.joined(separator: " "))\"\(Self.attributes(attrs))/>")
    }

    mutating func path(_ d: String, _ attrs: KeyValuePairs<String, String?> = [:]) {
        raw("<path d=\"\(d)\"\(Self.attributes(attrs))/>")
    }

    /// `<text>` with escaped content.
    mutating func text(_ x: Double, _ y: Double, _ content: String, _ attrs: KeyValuePairs<String, String?> = [:]) {
        raw("<text x=\"\(svg(x))\" y=\"\(svg(y))\"\(Self.attributes(attrs))>\(Self.escape(content))</text>")
    }

    /// `<g …>` around whatever `body` writes.
    mutating func group(_ attrs: KeyValuePairs<String, String?> = [:], _ body: (inout HTMLWriter) -> Void) {
        wrap("g", attrs, body)
        raw("\n")
    }

    /// An inline `<svg>` element of the given size (viewBox from 0, 0).
    mutating func svgElement(width: Double, height: Double, _ attrs: KeyValuePairs<String, String?> = [:],
                             _ body: (inout HTMLWriter) -> Void) {
        raw("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(svg(width)) \(svg(height))\" "
            + "width=\"\(svg(width))\" height=\"\(svg(height))\"\(Self.attributes(attrs))>")
        body(&self)
        raw("</svg>")
    }
}
