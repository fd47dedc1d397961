import CorridorRisk
import GDALFoundation

/// QGIS layer styles for the units layers, stored in the GeoPackage's `layer_styles` table (the
/// table QGIS itself writes), so each layer opens coloured by tier with the report's colours.
enum LayerStyles {
    /// The tier colours (the five-class YlOrRd ramp the HTML map uses) as QGIS `r,g,b,a`.
    static let colors: [(RiskTier, String)] = [
        (.minimal, "255,255,178,255"), (.low, "254,204,92,255"), (.moderate, "253,141,60,255"),
        (.high, "240,59,32,255"), (.extreme, "189,0,38,255"),
    ]

    static func write(_ ds: VectorDataset, layers: [(String, LayerGeometry)]) throws {
        guard !layers.isEmpty else { return }
        let table = try ds.createLayer("layer_styles", geometry: .none, reference: nil, options: ["FID=id"])
        for (name, t) in [("f_table_catalog", AttributeType.text), ("f_table_schema", .text), ("f_table_name", .text),
                          ("f_geometry_column", .text), ("styleName", .text), ("styleQML", .text), ("styleSLD", .text),
                          ("useAsDefault", .boolean), ("description", .text), ("owner", .text), ("ui", .text), ("update_time", .text)] {
            try table.addField(name, t)
        }
        for (layer, geometry) in layers {
            try table.addFeature([.text(""), .text(""), .text(layer), .text("geom"), .text("risk tier"), .text(qml(geometry)), .text(""),
                                  .integer(1), .text("Units coloured by risk tier (CorridorRisk)"), .text(""), nil, nil],
                                 geometryWKB: nil)
        }
    }

    /// A categorized renderer on `tier` with one symbol per tier.
    static func qml(_ geometry: LayerGeometry) -> String {
        let categories = colors.enumerated().map { i, c in
            "<category render=\"true\" symbol=\"\(i)\" value=\"\(c.0.rawValue)\" label=\"\(c.0.rawValue)\"/>"
        }.joined()
        let symbols = colors.enumerated().map { i, c in symbol(i, color: c.1, geometry) }.joined()
        return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'><qgis version=\"3.22\" styleCategories=\"Symbology\">"
            + "<renderer-v2 type=\"categorizedSymbol\" attr=\"tier\" forceraster=\"0\" symbollevels=\"0\" enableorderby=\"0\">"
            + "<categories>\(categories)</categories><symbols>\(symbols)</symbols></renderer-v2></qgis>"
    }

    private static func symbol(_ i: Int, color: String, _ geometry: LayerGeometry) -> String {
        func option(_ name: String, _ value: String) -> String { "<Option type=\"QString\" name=\"\(name)\" value=\"\(value)\"/>" }
        switch geometry {
        case .line:
            return "<symbol type=\"line\" name=\"\(i)\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\"><layer class=\"SimpleLine\" enabled=\"1\" locked=\"0\" pass=\"0\">"
                + "<Option type=\"Map\">\(option("line_color", color))\(option("line_width", "1.2"))\(option("capstyle", "round"))</Option></layer></symbol>"
        case .point:
            return "<symbol type=\"marker\" name=\"\(i)\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\"><layer class=\"SimpleMarker\" enabled=\"1\" locked=\"0\" pass=\"0\">"
                + "<Option type=\"Map\">\(option("color", color))\(option("name", "square"))\(option("size", "3"))\(option("outline_color", "42,47,54,255"))</Option></layer></symbol>"
        case .multiPolygon, .none:
            return "<symbol type=\"fill\" name=\"\(i)\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\"><layer class=\"SimpleFill\" enabled=\"1\" locked=\"0\" pass=\"0\">"
                + "<Option type=\"Map\">\(option("color", color))\(option("outline_color", "42,47,54,255"))</Option></layer></symbol>"
        }
    }
}
