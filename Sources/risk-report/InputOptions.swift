import ArgumentParser
import CorridorRisk
import CorridorRiskGDAL

/// The inputs of a scoring run: the network, the incident files and the gazetteer, each the
/// bundled one by default. GeoJSON networks and CSV/GeoJSON incidents go through the library's
/// own readers; every other vector format (GeoPackage, Shapefile, FlatGeobuf, OpenStreetMap)
/// through GDAL.
struct InputOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Infrastructure: GeoJSON, or any GDAL vector file (GeoPackage, Shapefile, FlatGeobuf, OpenStreetMap .osm.pbf).",
        discussion: "Default: the bundled Balochistan network. Example: --infrastructure pakistan-latest.osm.pbf",
        valueName: "file"))
    var infrastructure: String?

    @Option(help: ArgumentHelp(
        "The layer of --infrastructure to read (default: its only line layer; OSM: points, lines, multipolygons).",
        discussion: "Example: --infrastructure network.gpkg --layer railways", valueName: "name"))
    var layer: String?

    @Option(help: ArgumentHelp(
        "How features become assets: osm (OpenStreetMap tags), native (id, kind, name… properties) or a JSON profile file.",
        discussion: "Default: osm for .osm/.pbf files, native otherwise. Docs/DATA.md describes the profile file. "
            + "Example: --profile railways-profile.json", valueName: "profile"))
    var profile: String?

    @Option(help: ArgumentHelp(
        "Incidents file (ACLED or GTD export, native CSV, GeoJSON, or a GDAL point layer); repeat for several.",
        discussion: "Default: the bundled incidents. Ids must be unique across files. "
            + "Example: --incidents acled-2024.csv --incidents acled-2025.csv",
        valueName: "file"))
    var incidents: [String] = []

    @Option(help: ArgumentHelp(
        "Layout of the incident files: auto detects it from the content (and GDAL files from their extension).",
        discussion: "Example: --incident-format acled", valueName: "format"))
    var incidentFormat: IncidentFormat = .auto

    @Option(help: ArgumentHelp(
        "The point layer of a GDAL incident file (default: its only point layer).",
        discussion: "Example: --incidents events.gpkg --incident-layer attacks", valueName: "name"))
    var incidentLayer: String?

    @Option(help: ArgumentHelp(
        "Gazetteer naming the places around each unit: CSV (name, lon, lat) or GeoJSON points with a name.",
        discussion: "Default: the bundled gazetteer with the bundled network, none otherwise. Example: --places towns.csv",
        valueName: "file"))
    var places: String?

    /// Every input file named on the command line.
    var files: [String] { [infrastructure, places].compactMap { $0 } + incidents + (profileFile.map { [$0] } ?? []) }

    /// Whether everything comes from the bundled dataset.
    var isBundled: Bool { infrastructure == nil && incidents.isEmpty }

    func validate() throws {
        if infrastructure == nil && (layer != nil || profile != nil) {
            throw ValidationError("--layer and --profile apply to --infrastructure FILE, and none is given")
        }
        if incidents.isEmpty && incidentLayer != nil {
            throw ValidationError("--incident-layer applies to --incidents FILE, and none is given")
        }
    }

    /// The network: the bundled one, or read by the library (GeoJSON) or by GDAL (the rest).
    func network() throws -> Infrastructure {
        guard let infrastructure else { return try BundledDataset.infrastructure() }
        return try Self.network(path: infrastructure, layer: layer, profile: try assetProfile())
    }

    /// Reads the network at `path`: GeoJSON by the library's reader unless a layer or profile
    /// asks for GDAL's, every other format by GDAL.
    static func network(path: String, layer: String? = nil, profile: AssetProfile? = nil) throws -> Infrastructure {
        if layer == nil && profile == nil && InputFiles.isGeoJSON(path) {
            return try InfrastructureReader.read(path: path)
        }
        return try NetworkReader.read(path: path, layer: layer, profile: profile)
    }

    /// The incident sets, in command-line order.
    func incidentSets(keepText: Bool, strict: Bool, parallelism: Int) async throws -> [IncidentSet] {
        if incidents.isEmpty {
            return [try await BundledDataset.incidents(keepText: keepText, strict: strict, parallelism: parallelism)]
        }
        var sets: [IncidentSet] = []
        for path in incidents {
            if incidentFormat == .layer || incidentLayer != nil || (incidentFormat == .auto && InputFiles.isGDALOnly(path)) {
                let set = try IncidentLayerReader.read(path: path, layer: incidentLayer, keepText: keepText)
                if strict, let first = set.rejected.first {
                    throw InputError(.rejected, file: path, location: set.format.recordLocation(first.line, id: first.id),
                                     reason: "\(first.reason) (strict mode)")
                }
                sets.append(set)
            } else {
                sets.append(try await IncidentReader.read(path: path, format: incidentFormat, strict: strict,
                                                          keepText: keepText, parallelism: parallelism))
            }
        }
        return sets
    }

    /// The gazetteer: the file given, the bundled one with the bundled network, else none.
    func gazetteer() throws -> Gazetteer? {
        try places.map { try GazetteerReader.read(path: $0) } ?? (infrastructure == nil ? BundledDataset.places() : nil)
    }

    private var profileFile: String? {
        guard let profile, !["osm", "native"].contains(profile) else { return nil }
        return profile
    }

    private func assetProfile() throws -> AssetProfile? {
        switch profile {
        case nil: nil
        case "osm": .osm
        case "native": .native
        case let path?: try AssetProfile.load(path: path)
        }
    }
}

/// What a file's name says about how to read it.
enum InputFiles {
    static func isGeoJSON(_ path: String) -> Bool {
        ["geojson", "json"].contains(fileExtension(path))
    }

    /// Vector formats only GDAL reads (the library reads CSV and GeoJSON itself).
    static func isGDALOnly(_ path: String) -> Bool {
        ["gpkg", "shp", "fgb", "sqlite", "gdb", "kml", "gml", "gpx", "tab", "mif", "osm", "pbf", "parquet", "arrow"]
            .contains(fileExtension(path))
    }

    private static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last ?? Substring(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
