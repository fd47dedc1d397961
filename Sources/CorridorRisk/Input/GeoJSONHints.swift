/// What a network GeoJSON's author most likely meant when it does not read as written: projected
/// coordinates (a GeoJSON exported from a UTM Shapefile), a property name that is nearly a known
/// one, several corridors written as one `;`-separated string. Each becomes a warning, or words
/// added to the error, that say what to do.
enum GeoJSONHints {
    /// The asset properties the reader knows.
    static let known = ["id", "kind", "name", "criticality", "cpec", "corridors"]

    /// Words to add to a rejected feature's reason.
    static func forRejection(_ reason: String, feature: JSONValue, crs: String?) -> String {
        if reason.contains("is outside [-180, 180]") || reason.contains("is outside [-90, 90]") {
            return "; the coordinates look projected" + (crs.map { " (the file declares crs \($0))" } ?? "")
                + ": GeoJSON is WGS84 longitude/latitude, so give risk-report the original Shapefile or GeoPackage "
                + "(it reads their CRS) or reproject: ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson"
        }
        if reason.hasPrefix("missing kind"), let keys = feature["properties"]?.objectKeys,
           let near = keys.first(where: { PropertyNames.nearMiss($0, known: ["kind"]) != nil }) {
            return " (the feature has '\(near)': property names are case-sensitive and must be written 'kind')"
        }
        return ""
    }

    /// Warnings about the whole file, in a fixed order.
    static func warnings(file: String, features: [JSONValue], crs: String?) -> [String] {
        var warnings: [String] = []
        if let crs, !isWGS84(crs) {
            warnings.append("\(file): declares crs \(crs), but GeoJSON is read as WGS84 longitude/latitude (RFC 7946); "
                            + "if its coordinates are in that CRS, reproject: ogr2ogr -t_srs EPSG:4326 out.geojson \(file)")
        }
        var order: [String] = []
        var counts: [String: Int] = [:]
        var listLike = 0
        var example: String?
        for feature in features {
            for key in feature["properties"]?.objectKeys ?? [] {
                if counts[key] == nil { order.append(key) }
                counts[key, default: 0] += 1
            }
            if case .string(let s)? = feature["properties"]?["corridors"], s.contains(";") {
                listLike += 1
                if example == nil { example = s }
            }
        }
        warnings += PropertyNames.warnings(file: file, present: order, known: known, counts: counts)
        if listLike > 0, let example {
            warnings.append("\(file): \(listLike) features give corridors as one string with ';' ('\(example.prefix(60))'), "
                            + "read as one corridor name; for several corridors write a list: \"corridors\": [\"A\", \"B\"]")
        }
        return warnings
    }

    private static func isWGS84(_ crs: String) -> Bool {
        let c = crs.uppercased()
        return c.hasSuffix("CRS84") || c.hasSuffix("4326") || c.hasSuffix("CRS:84")
    }
}
