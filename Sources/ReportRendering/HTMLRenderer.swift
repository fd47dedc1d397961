import CorridorRisk

/// The report as one self-contained HTML page: header, an inline SVG map, the corridor and top-unit
/// tables, hot spots, trends, the incident accounting with rejected records, warnings, a method note
/// and provenance.
///
/// The page works offline (no external stylesheet, script, font, tile or image; no script at all),
/// and it is well-formed XML as well as HTML (XHTML syntax, only the five XML entities), so it can be
/// checked or transformed by an XML parser. Every string from the data is escaped. Output depends
/// only on the input: no clock, no randomness, stable ordering, numbers via `ReportDigest.fixed`.
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
        var w = HTMLWriter()
        w.line("<!DOCTYPE html>")
        w.line("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">")
        w.line("<head>")
        w.line("<meta charset=\"utf-8\"/>")
        w.line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
        w.line("<meta name=\"generator\" content=\"CorridorRisk \(HTMLWriter.escape(input.report.provenance.version))\"/>")
        w.element("title", [:], input.title + (input.report.asOf.map { " — as of \($0)" } ?? ""))
        w.line("")
        w.line("<style>")
        w.raw(HTMLStyle.css)
        w.line("</style>")
        w.line("</head>")
        w.line("<body>")
        w.line("<main>")
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
        w.line("</main>")
        w.line("</body>")
        w.line("</html>")
        return w.out
    }
}
