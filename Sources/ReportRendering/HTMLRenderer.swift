import CorridorRisk

/// The report as one self-contained HTML page: header, an SVG map that pans and zooms (with town
/// labels, coast and borders, hot-spot halos and a details panel), the corridor and top-unit
/// tables, hot spots, trends, the incident accounting with rejected records, warnings, a method
/// note and provenance.
///
/// The page works offline (no external stylesheet, script, font, tile or image) and without
/// script (the static map, its tooltips and every table stay), prints on A4, and is well-formed
/// XML as well as HTML (XHTML syntax, only the five XML entities, the script in a CDATA section),
/// so it can be checked or transformed by an XML parser. Every string from the data is escaped.
/// Output depends only on the input: no clock, no randomness, stable ordering.
enum HTMLRenderer {
    struct Options {
        /// The most incident dots the map draws (the most severe are kept).
        var maxIncidentDots = 2000
        /// The most rejected records listed.
        var maxRejectedRows = 100
    }

    static func render(_ input: RenderInput) -> String {
        render(input, options: Options())
    }

    static func render(_ input: RenderInput, options: Options) -> String {
        let page = HTMLPage(digest: ReportDigest(input), options: options)
        let title = DisplayText.clean(input.title) + (input.report.asOf.map { " — as of \($0)" } ?? "")
        return document(title: title, version: input.report.provenance.version) { w in
            page.header(&w)
            page.map(&w)
            page.corridors(&w)
            page.topUnits(&w)
            page.hotSpots(&w)
            page.trends(&w)
            page.accounting(&w)
            page.warnings(&w)
            page.method(&w)
            page.footer(&w)
        }
    }

    /// The page around `body`: head with the stylesheet, `<main>`, and the map script last.
    static func document(title: String, version: String, _ body: (inout HTMLWriter) -> Void) -> String {
        var w = HTMLWriter()
        w.line("<!DOCTYPE html>")
        w.line("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">")
        w.line("<head>")
        w.line("<meta charset=\"utf-8\"/>")
        w.line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
        w.line("<meta name=\"generator\" content=\"CorridorRisk \(HTMLWriter.escape(version))\"/>")
        w.element("title", [:], title)
        w.line("")
        w.line("<style>")
        w.raw(HTMLStylesheet.css)
        w.line("</style>")
        w.line("</head>")
        w.line("<body>")
        w.line("<main>")
        body(&w)
        w.line("</main>")
        w.line("<script>//<![CDATA[")
        w.raw(MapScript.source)
        w.line("\n//]]></script>")
        w.line("</body>")
        w.line("</html>")
        return w.out
    }
}
