import ArgumentParser
import ReportRendering

/// The formats `score` writes: the renderings of ReportRendering and the GeoPackage, which GDAL
/// writes (CorridorRiskGDAL) and which needs a file.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case text, markdown, json, geojson, csv, html, gpkg

    /// The rendering, or nil for the GeoPackage.
    var rendering: ReportFormat? { ReportFormat(rawValue: rawValue) }

    /// Whether the format shows the incidents' text (map dots, descriptions): the others are read
    /// without it, faster and in less memory.
    var showsText: Bool { [.text, .markdown, .html, .gpkg].contains(self) }
}
