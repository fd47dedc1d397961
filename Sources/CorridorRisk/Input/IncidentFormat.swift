/// The incident file layouts the library reads.
public enum IncidentFormat: String, CaseIterable, Hashable, Sendable {
    /// Decide from the content: GeoJSON by its opening brace, CSV layouts by their header.
    case auto
    /// ACLED's CSV export (both the pre-2023 and the current layout).
    case acled
    /// The Global Terrorism Database CSV export.
    case gtd
    /// CSV with the spec's own column names (`id,date,lon,lat,precision,category,target,…`).
    case native
    /// A GeoJSON FeatureCollection of Points with the native property names.
    case geojson
    /// A point layer of a GDAL vector file (GeoPackage, Shapefile, FlatGeobuf…) with the native
    /// field names: read by `IncidentLayerReader` in the CorridorRiskGDAL module, never here.
    case layer

    /// How this layout's records are counted.
    public var numbering: RejectedRecord.Numbering {
        switch self {
        case .geojson: .feature
        case .layer: .featureID
        default: .line
        }
    }

    /// Where record `index` sits, in words: CSV rows by line, GeoJSON features by index, GDAL
    /// features by feature id; every message and rejection list uses this one wording.
    public func recordLocation(_ index: Int, id: String?) -> String {
        switch self {
        case .geojson: InputError.featureLocation(index, id: id)
        case .layer: id.map { "feature id \(index) (id \"\($0)\")" } ?? "feature id \(index)"
        default: "line \(index)"
        }
    }

    /// Recognises a CSV layout from its (lowercased, trimmed) header names.
    static func detect(csvHeader names: [String]) -> IncidentFormat? {
        let set = Set(names)
        if set.contains("event_id_cnty") && set.contains("sub_event_type") { return .acled }
        if set.contains("eventid") && set.contains("iyear") { return .gtd }
        if set.isSuperset(of: ["id", "date", "lon", "lat"]) { return .native }
        return nil
    }
}

