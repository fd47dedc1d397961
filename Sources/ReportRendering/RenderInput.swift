import CorridorRisk

/// Everything a rendering needs: the report plus what only a reader of the report wants to see
/// (the incidents behind it, for maps and descriptions).
public struct RenderInput: Sendable {
    /// The report to render.
    public var report: RiskReport
    /// The valid incidents that were scored (for map dots and incident descriptions).
    public var incidents: [Incident]
    /// A heading for the report, e.g. the dataset's name.
    public var title: String
    /// How many top units the human-readable formats list.
    public var top: Int
    /// Whether the text format may use ANSI colour (a terminal without `NO_COLOR`).
    public var color: Bool
    /// Whether the text format may draw sparklines with block characters (a UTF-8 terminal or
    /// a file); ASCII otherwise.
    public var unicode: Bool
    /// Places to label the HTML map with (the report's gazetteer); none: no town labels.
    public var places: [Place]
    /// Coastlines and borders to draw under the HTML map.
    public var context: MapContext?

    /// What to render and how much of it.
    public init(report: RiskReport, incidents: [Incident] = [], title: String = "CorridorRisk report",
                top: Int = 10, color: Bool = false, unicode: Bool = true, places: [Place] = [],
                context: MapContext? = nil) {
        self.report = report
        self.incidents = incidents
        self.title = title
        self.top = top
        self.color = color
        self.unicode = unicode
        self.places = places
        self.context = context
    }
}

/// The output formats of `risk-report`.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, markdown, json, geojson, csv, html

    /// The usual file extension.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .json: "json"
        case .geojson: "geojson"
        case .csv: "csv"
        case .html: "html"
        }
    }
}

/// Renders a report in any format.
public enum ReportRenderer {
    /// The report's bytes in `format` (UTF-8 for every text format).
    public static func render(_ input: RenderInput, as format: ReportFormat) -> [UInt8] {
        switch format {
        case .json: input.report.jsonBytes()
        case .geojson: Array(GeoJSONRenderer.render(input).utf8)
        case .csv: Array(CSVRenderer.render(input).utf8)
        case .text: Array(TextRenderer.render(input).utf8)
        case .markdown: Array(MarkdownRenderer.render(input).utf8)
        case .html: Array(HTMLRenderer.render(input).utf8)
        }
    }
}
