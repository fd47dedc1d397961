import CorridorRisk
import GDALFoundation
import GeoFoundation

/// Reads incidents from a point layer of any GDAL format (GeoPackage, Shapefile, FlatGeobuf…),
/// with the native column names (`id`, `date`, `precision`, `category`, `target`, `fatalities`,
/// `injured`, `hostages`, `description`, `source`) and the point as the location, in any CRS.
/// A rejected feature is named by its feature id, as GeoJSON features are by their index.
public enum IncidentLayerReader {
    public static func read(path: String, layer: String? = nil, keepText: Bool = true) throws -> IncidentSet {
        let source = try GDALSource(path: path, layerName: layer, pick: { all in
            let points = all.filter { $0.geometryKind == .point }
            return points.count == 1 ? points : (all.count == 1 ? all : nil)
        }, what: "incident layer", option: "--incident-layer")
        let layer = source.layers[0]
        let fields = layer.fieldNames
        for required in ["id", "date", "precision"] where !fields.contains(required) {
            throw InputError(.malformed, file: path, location: "layer \(layer.name)",
                             reason: "has no '\(required)' field (the native incident fields are id, date, precision, category, target, "
                             + "fatalities, injured, hostages, description, source)")
        }
        let (t, note) = try source.transformation(for: layer)
        let geos = GEOSContext()
        var incidents: [Incident] = []
        var lines: [Int] = []
        var rejected: [RejectedRecord] = []
        var seen: [String: Int] = [:]
        var read = 0
        layer.resetReading()
        while let f = layer.nextFeature() {
            read += 1
            let p = FeatureProperties.read(f, fields: fields)
            let reject = { (reason: String) in
                rejected.append(RejectedRecord(file: path, line: f.fid, id: p["id"], reason: reason, numbering: .featureID))
            }
            let shape: Shape?
            do {
                shape = try source.shape(of: f, t, geos: geos)
            } catch {
                reject(error.reason)
                continue
            }
            guard let shape, case .point(let c) = shape else {
                reject("geometry must be a Point")
                continue
            }
            switch NativeRecord.incident(p, location: c, keepText: keepText) {
            case .success(let incident):
                if let first = seen[incident.id] {
                    reject("duplicate id (first accepted as feature \(first))")
                } else {
                    seen[incident.id] = f.fid
                    incidents.append(incident)
                    lines.append(f.fid)
                }
            case .failure(let why):
                reject(why.text)
            }
        }
        var set = IncidentSet(file: path, format: .layer, read: read, incidents: incidents, lines: lines, rejected: rejected,
                              warnings: note.map { [$0] } ?? [])
        set.digest = try? FileDigest.of(path: path)
        set.readerChecked = true   // NativeRecord applied the rules `validate()` checks
        return set
    }
}
