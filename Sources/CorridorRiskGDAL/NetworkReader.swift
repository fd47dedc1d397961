import CorridorRisk
import GDALFoundation
import GeoFoundation
import Platform

/// Reads infrastructure from any vector format GDAL reads — GeoPackage, Shapefile (with its
/// `.prj`), FlatGeobuf, GeoJSON, OpenStreetMap (`.osm.pbf`, `.osm`) — in any CRS, through an
/// `AssetProfile`. Features that share a route key are merged into one asset per route
/// (`RouteBuilder`). Everything not read is counted in a warning: features no rule matches,
/// geometry that does not suit the kind, routes left in several pieces.
public enum NetworkReader {
    /// Reads the network at `path`. Default profile: `osm` for OpenStreetMap files, `native`
    /// (the GeoJSON property names) otherwise. Default layer: the single line layer (OSM: its
    /// points, lines and multipolygons).
    public static func read(path: String, layer: String? = nil, profile: AssetProfile? = nil) throws -> Infrastructure {
        let source = try GDALSource(path: path, layerName: layer, pick: { all in
            if all.count == 1 { return all }
            if all.contains(where: { $0.name == "lines" }) && all.contains(where: { $0.name == "multipolygons" }) {
                return all.filter { ["points", "lines", "multipolygons"].contains($0.name) }   // GDAL's OSM layers
            }
            let lines = all.filter { $0.geometryKind == .line }
            return lines.count == 1 ? lines : nil
        }, what: "network layer", option: "--layer")
        var profile = profile ?? (source.isOSM ? .osm : .native)
        var notes: [String] = []
        if source.format == "shapefile" {
            (profile, notes) = profile.matchingTruncatedFields(source.layers.flatMap(\.fieldNames), file: path)
        }
        var builder = NetworkBuilder(source: source, profile: profile, notes: notes)
        try builder.readFeatures()
        var infrastructure = try builder.finish()
        infrastructure.digest = try? FileDigest.of(path: path)
        try infrastructure.validate()
        return infrastructure
    }
}
