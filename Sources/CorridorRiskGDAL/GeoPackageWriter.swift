import CorridorRisk
import GDALFoundation
import GeoFoundation
import Platform

/// Writes a report as one GeoPackage that QGIS opens as is: the units in one layer per geometry
/// type (`units_lines`, `units_points`, `units_polygons`; QGIS shows mixed-type layers as
/// "Unknown") with every unit field, the incidents that reached a unit with their largest
/// contribution (`incidents`), the corridors (`corridors`, a table), a spatial index on every
/// layer, and the tier colours as each units layer's default style (QGIS's `layer_styles`).
/// The file is written beside the target and renamed into place: never half written.
public enum GeoPackageWriter {
    public static func write(_ report: RiskReport, incidents: [Incident], to path: String) throws {
        let directory = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : "."
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(name).tmp-\(System.processID).gpkg"
        FileSystem.remove(temporary)
        FileSystem.removeOnInterrupt(temporary)
        defer { FileSystem.clearRemoveOnInterrupt() }
        do {
            try build(report, incidents: incidents, at: temporary)
            try FileSystem.rename(temporary, to: path)
        } catch {
            FileSystem.remove(temporary)
            throw error
        }
    }

    private static func build(_ report: RiskReport, incidents: [Incident], at path: String) throws {
        let ds = try VectorDataset.create(path, driver: "GPKG")
        let wgs84 = SpatialReference.wgs84()
        let geos = GEOSContext()
        let columns = UnitScore.columnPrototype.fields.flattened.map { ($0.column, type(of: $0.value)) } + [("place", .text), ("topIncidents", .text), ("topIncident", .text), ("topIncidentShare", .real)]
        let groups: [(String, LayerGeometry, (UnitScore) -> Shape?)] = [
            ("units_lines", .line, { if case .lineString = $0.geometry { $0.geometry } else { nil } }),
            ("units_points", .point, { if case .point = $0.geometry { $0.geometry } else { nil } }),
            ("units_polygons", .multiPolygon, { u in
                switch u.geometry {
                case .polygon(let rings): .multiPolygon([rings])
                case .multiPolygon: u.geometry
                default: nil
                }
            }),
        ]
        ds.beginTransaction()
        for (layerName, geometry, select) in groups {
            let units = report.units.compactMap { u in select(u).map { (u, $0) } }
            guard !units.isEmpty else { continue }
            let layer = try ds.createLayer(layerName, geometry: geometry, reference: wgs84, options: ["SPATIAL_INDEX=YES"])
            for (column, t) in columns { try layer.addField(column, t) }
            for (u, shape) in units {
                let top = u.topIncidentColumns
                let values = u.fields.flattened.map { GDALValue.from($0.value) }
                    + [.text(u.placeDescription), .text(top.ids.joined(separator: "; ")), top.first.map { .text($0) }, top.firstShare.map { .real($0) }]
                try layer.addFeature(values, geometryWKB: try Geometry(shape, in: geos).wkb())
            }
        }
        try writeIncidents(report, incidents, ds, wgs84, geos)
        try writeCorridors(report, ds)
        try ds.commitTransaction()
        let written = groups.filter { g in report.units.contains { g.2($0) != nil } }
        try LayerStyles.write(ds, layers: written.map { ($0.0, $0.1) })
    }

    private static func writeIncidents(_ report: RiskReport, _ incidents: [Incident], _ ds: VectorDataset,
                                       _ wgs84: SpatialReference, _ geos: GEOSContext) throws {
        let contributions = report.reached.contributions
        let layer = try ds.createLayer("incidents", geometry: .point, reference: wgs84, options: ["SPATIAL_INDEX=YES"])
        let fields: [(String, AttributeType)] = [("id", .text), ("date", .text), ("precision", .integer), ("category", .text),
                                             ("target", .text), ("fatalities", .integer), ("injured", .integer), ("hostages", .integer),
                                             ("largestContribution", .real), ("largestUnit", .text), ("description", .text), ("source", .text)]
        for (name, t) in fields { try layer.addField(name, t) }
        for i in incidents {
            guard let c = contributions[i.id] else { continue }
            let unit = c.unit >= 0 && c.unit < report.units.count ? report.units[c.unit].id : nil
            try layer.addFeature([.text(i.id), .text(i.date.description), .integer(i.precision.rawValue), .text(i.category.rawValue),
                                  .text(i.targets.description), .integer(i.fatalities), .integer(i.injured), .integer(i.hostages),
                                  .real(c.contribution), unit.map { .text($0) }, i.description.map { .text($0) }, i.source.map { .text($0) }],
                                 geometryWKB: try Geometry(point: i.location, in: geos).wkb())
        }
    }

    private static func writeCorridors(_ report: RiskReport, _ ds: VectorDataset) throws {
        let layer = try ds.createLayer("corridors", geometry: .none, reference: nil)
        let fields: [(String, AttributeType)] = [("name", .text), ("lengthKm", .real), ("maxScore", .real), ("meanScore", .real)]
            + RiskTier.allCases.map { ("km_\($0.rawValue)", .real) }
        for (name, t) in fields { try layer.addField(name, t) }
        for c in report.corridors {
            try layer.addFeature([.text(c.name), .real(c.lengthKm), c.maxScore.map { .real($0) }, c.meanScore.map { .real($0) }]
                                 + RiskTier.allCases.map { .real(c.kmByTier[$0]) }, geometryWKB: nil)
        }
    }

    /// The GeoPackage field type of a report value.
    private static func type(of v: FieldValue) -> AttributeType {
        switch v {
        case .number: .real
        case .integer: .integer
        case .flag: .boolean
        default: .text
        }
    }
}

/// A report value as a GeoPackage field value: lists joined with `; `, null as null.
enum GDALValue {
    static func from(_ v: FieldValue) -> AttributeValue? {
        switch v {
        case .text(let s): .text(s)
        case .number(let n): n.isFinite ? .real(n) : nil
        case .integer(let i): .integer(i)
        case .flag(let b): .integer(b ? 1 : 0)
        case .null: nil
        case .texts(let items): .text(items.joined(separator: "; "))
        case .numbers(let items): .text(items.map { "\($0)" }.joined(separator: "; "))
        case .group, .records: nil
        }
    }
}
