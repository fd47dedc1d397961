import CorridorRisk
import GDALFoundation
import GeoFoundation
import Platform

/// An opened GDAL file and the layers to read from it, with the checks every reader of it
/// shares: the file exists, the layer asked for exists (or there is one obvious layer), and each
/// layer's CRS is known and turned into WGS84 lon/lat.
struct GDALSource {
    let path: String
    let dataset: VectorDataset
    let layers: [VectorLayer]
    var isOSM: Bool { dataset.driverName == "OSM" }

    /// Opens `path`; `layerName` picks a layer, else `pick` chooses among the file's layers.
    init(path: String, layerName: String?, pick: ([VectorLayer]) -> [VectorLayer]?, what: String, option: String) throws {
        guard FileSystem.status(path) != nil else {
            throw InputError(.unreadable, file: path, reason: "cannot open: No such file or directory")
        }
        do {
            dataset = try VectorDataset.open(path)
        } catch {
            throw InputError(.malformed, file: path, reason: "GDAL cannot read it: \(error.message)")
        }
        self.path = path
        if dataset.driverName == "ESRI Shapefile", path.lowercased().hasSuffix(".shp") {
            let stem = String(path.dropLast(4))
            if FileSystem.status(stem + ".dbf") == nil && FileSystem.status(stem + ".DBF") == nil {
                throw InputError(.malformed, file: path, reason: "has no .dbf beside it, so its features have no attributes: "
                                 + "copy \(stem.split(separator: "/").last ?? "").dbf next to it")
            }
        }
        let all = dataset.layers
        let listing = all.map { "\($0.name) (\(Self.describe($0.geometryKind)))" }.joined(separator: ", ")
        if let layerName {
            guard let layer = all.first(where: { $0.name == layerName }) else {
                throw InputError(.malformed, file: path, reason: "has no layer '\(layerName)' (its layers: \(listing))")
            }
            layers = [layer]
        } else if let chosen = pick(all) {
            layers = chosen
        } else {
            throw InputError(.malformed, file: path, reason: "has \(all.count) layers (\(listing)): choose the \(what) with \(option) NAME")
        }
    }

    static func describe(_ k: GeometryKind) -> String {
        switch k {
        case .point: "points"
        case .line: "lines"
        case .polygon: "polygons"
        case .none: "no geometry"
        case .other: "mixed geometry"
        }
    }

    /// The short format name reports record.
    var format: String {
        switch dataset.driverName {
        case "GPKG": "gpkg"
        case "ESRI Shapefile": "shapefile"
        case "FlatGeobuf": "flatgeobuf"
        case "GeoJSON": "geojson"
        case "OSM": "osm"
        default: dataset.driverName.lowercased()
        }
    }

    /// The transformation of a layer's coordinates to WGS84 lon/lat (nil when they already are),
    /// and a warning saying so; a layer without a CRS is taken as lon/lat and checked later.
    func transformation(for layer: VectorLayer) throws -> (CoordinateTransformation?, String?) {
        guard let srs = layer.spatialReference else {
            return (nil, "\(path): layer \(layer.name) declares no CRS\(format == "shapefile" ? " (no .prj beside the .shp)" : ""): "
                    + "read as WGS84 lon/lat")
        }
        if srs.isWGS84LonLat { return (nil, nil) }
        do {
            let t = try CoordinateTransformation(from: srs)
            return (t, "\(path): layer \(layer.name): transformed from \(srs.displayName) to WGS84 lon/lat")
        } catch {
            throw InputError(.malformed, file: path, location: "layer \(layer.name)",
                             reason: "its CRS \(srs.displayName) cannot be transformed to WGS84: \(error.message)")
        }
    }

    /// The feature's geometry as a lon/lat shape, nil when it has none; one GDAL reads but the
    /// tool cannot use (an unclosed ring, a curve, an empty point, a collection) is an
    /// `UnusableGeometry` naming why, for the caller to reject or skip that feature alone.
    func shape(of f: VectorFeature, _ t: CoordinateTransformation?, geos: GEOSContext) throws(UnusableGeometry) -> Shape? {
        do {
            guard let wkb = try f.geometryWKB(transformedBy: t) else { return nil }
            return try Geometry(wkb: wkb, in: geos).shape()
        } catch {
            let message = (error as? GEOSError)?.message ?? "\(error)"
            throw UnusableGeometry(reason: "unusable geometry: \(message.prefix(160))")
        }
    }

    /// The reason a shape that should be lon/lat is not, with what to do about it.
    func notLonLat(_ shape: Shape, layer: VectorLayer) -> String? {
        guard !shape.hasValidLonLat else { return nil }
        let sample = shape.allCoordinates.first.map { "(\($0.x), \($0.y))" } ?? ""
        return layer.spatialReference == nil
            ? "coordinates such as \(sample) are not lon/lat and the layer declares no CRS (a Shapefile without its .prj?): "
                + "add the .prj, or reproject with ogr2ogr -t_srs EPSG:4326"
            : "coordinates such as \(sample) are not valid lon/lat after transformation"
    }
}

/// A feature's geometry that GDAL reads but GEOS cannot take, with GEOS's reason.
struct UnusableGeometry: Error {
    var reason: String
}
