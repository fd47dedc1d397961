import CorridorRisk
import GDALFoundation
import GeoFoundation

/// Turns a source's features into assets through a profile: classify each feature, keep its
/// attributes, gather the linear ones by route, merge each route, and say what was left out.
struct NetworkBuilder {
    let source: GDALSource
    let profile: AssetProfile
    private let geos = GEOSContext()

    /// A feature that became (part of) an asset.
    private struct Candidate {
        var sourceID: String
        var kind: AssetKind
        var name: String?
        var criticality: Double?
        var cpec: Bool
        var corridors: [String]
        var routeKey: String?
        var shape: Shape
    }

    private var candidates: [Candidate] = []
    private var unmatched = 0
    private var misfits: [String] = []
    private var warnings: [String] = []

    /// `notes` start the warnings (how the profile was matched to the fields).
    init(source: GDALSource, profile: AssetProfile, notes: [String] = []) {
        self.source = source
        self.profile = profile
        self.warnings = notes
    }

    mutating func readFeatures() throws {
        for layer in source.layers {
            let (t, note) = try source.transformation(for: layer)
            if let note { warnings.append(note) }
            let fields = layer.fieldNames
            if profile.rules.isEmpty, let kind = profile.kindProperty, !fields.contains(kind) {
                let near = fields.first { PropertyNames.nearMiss($0, known: [kind]) != nil }
                throw InputError(.malformed, file: source.path, location: "layer \(layer.name)",
                                 reason: "has no '\(kind)' field, which the \(profile.name) profile reads the kind from"
                                 + (near.map { " ('\($0)' is not it: names are case-sensitive)" } ?? "")
                                 + " (its fields: \(fields.prefix(20).joined(separator: ", "))): "
                                 + "add it, or map your fields to assets with --profile FILE (Docs/DATA.md)")
            }
            layer.resetReading()
            while let f = layer.nextFeature() {
                try read(f, layer: layer, fields: fields, transformation: t)
            }
        }
    }

    private mutating func read(_ f: VectorFeature, layer: VectorLayer, fields: [String], transformation t: CoordinateTransformation?) throws {
        let properties = FeatureProperties.read(f, fields: fields)
        let location = "layer \(layer.name), feature \(f.fid)"
        let classified: (kind: AssetKind, rule: AssetProfile.Rule?)?
        do {
            classified = try profile.classify(properties)
        } catch {
            throw InputError(.malformed, file: source.path, location: location, reason: error.description)
        }
        guard let (kind, rule) = classified else { unmatched += 1; return }
        let read: Shape?
        do {
            read = try source.shape(of: f, t, geos: geos)
        } catch {
            misfits.append("\(location): \(error.reason)")
            return
        }
        guard var shape = read else {
            misfits.append("\(location): no geometry")
            return
        }
        if let why = source.notLonLat(shape, layer: layer) {
            throw InputError(.malformed, file: source.path, location: location, reason: why)
        }
        switch (kind.isLinear, shape) {
        case (true, .lineString), (true, .multiLineString), (false, .point), (false, .polygon), (false, .multiPolygon):
            break
        case (false, .lineString(let cs)):
            shape = .point(GeodesicPolyline(cs).point(at: GeodesicPolyline(cs).length / 2))   // a dam mapped as a way
        case (false, .multiPoint(let cs)) where !cs.isEmpty:
            shape = .point(cs[0])
        default:
            misfits.append("\(location): a \(kind.rawValue) cannot be a \(shape.typeName)")
            return
        }
        let sourceID = value(profile.id, properties) ?? osmID(properties, layer: layer.name) ?? String(f.fid)
        let corridors = (value(profile.corridors, properties).map { list($0) } ?? []) + (rule?.corridors ?? [])
        var criticality = rule?.criticality
        if let name = profile.criticality, let text = properties[name] {
            guard let c = Double(text.trimmingSpaces), c.isFinite, c > 0, c <= 10 else {
                throw InputError(.malformed, file: source.path, location: location,
                                 reason: "\(name) must be a number in (0, 10], got '\(text.prefix(40))'")
            }
            criticality = c
        }
        let cpec = value(profile.cpec, properties).map { ["true", "1", "yes", "y"].contains($0.lowercased()) } ?? rule?.cpec ?? false
        let routeKey = kind.isLinear ? profile.routeKey.compactMap { value($0, properties) }.first : nil
        candidates.append(Candidate(sourceID: sourceID, kind: kind, name: value(profile.nameProperty, properties),
                                    criticality: criticality, cpec: cpec, corridors: corridors, routeKey: routeKey, shape: shape))
    }

    /// The assets: merged routes (sorted by id, so the order of ways in the file does not matter)
    /// and the other features in file order, then the warnings.
    mutating func finish() throws -> Infrastructure {
        var assets: [Asset] = []
        var used = Set<String>()
        func unique(_ id: String) -> String {
            var candidate = id, n = 2
            while used.contains(candidate) { candidate = "\(id)-\(n)"; n += 1 }
            used.insert(candidate)
            return candidate
        }
        var routes: [String: [Candidate]] = [:]
        var singles: [Candidate] = []
        for c in candidates {
            if let key = c.routeKey { routes["\(c.kind.rawValue)\u{0}\(key)", default: []].append(c) } else { singles.append(c) }
        }
        var routeAssets: [(asset: Asset, summary: RouteSummary)] = []
        var pieces: [String] = []
        let builder = RouteBuilder()
        for (_, members) in routes {
            let first = members[0]
            let key = first.routeKey ?? first.sourceID
            let ways = members.flatMap { m -> [[Coordinate]] in
                switch m.shape {
                case .lineString(let cs): [cs]
                case .multiLineString(let ls): ls
                default: []
                }
            }
            let parts = try builder.merge(ways)
            guard !parts.isEmpty else { continue }
            let names = members.compactMap(\.name)
            let commonest = Dictionary(grouping: names, by: { $0 }).max { a, b in
                a.value.count != b.value.count ? a.value.count < b.value.count : a.key > b.key
            }?.key
            let id = "\(first.kind.rawValue)-\(Self.slug(key))"
            let label = commonest.map { $0 == key ? key : "\(key) (\($0))" } ?? key
            // Every attribute of a route is independent of the ways' order in the file.
            let asset = Asset(id: id, kind: first.kind, name: label,
                              criticality: members.compactMap(\.criticality).max() ?? 1, cpec: members.contains { $0.cpec },
                              corridors: Self.ordered(members.flatMap(\.corridors)).sorted(),
                              geometry: parts.count == 1 ? .lineString(parts[0]) : .multiLineString(parts))
            if parts.count > 1 {
                pieces.append("\(id): \(members.count) ways in \(parts.count) pieces")
            }
            routeAssets.append((asset, RouteSummary(assetID: id, key: key, ways: members.count, pieces: parts.count,
                                                    lengthKm: parts.reduce(0) { $0 + Geodesic.wgs84.length(of: $1) } / 1000)))
        }
        var routeSummaries: [RouteSummary] = []
        // By id, then by the key (two keys can slug to one id: `N 25` and `N_25`).
        for var (asset, summary) in routeAssets.sorted(by: { ($0.asset.id, $0.summary.key) < ($1.asset.id, $1.summary.key) }) {
            asset.id = unique(asset.id)
            summary.assetID = asset.id
            assets.append(asset)
            routeSummaries.append(summary)
        }
        for c in singles {
            let id = profile.id != nil ? c.sourceID : "\(c.kind.rawValue)-\(c.sourceID)"
            assets.append(Asset(id: unique(id), kind: c.kind, name: c.name, criticality: c.criticality ?? 1, cpec: c.cpec,
                                corridors: Self.ordered(c.corridors), geometry: c.shape))
        }
        let file = source.path
        if !routes.isEmpty {
            warnings.append("\(file): \(candidates.count - singles.count) ways merged into \(routes.count) routes"
                            + (pieces.isEmpty ? "" : "; \(pieces.count) are in several pieces (gaps or branches), chainage runs piece by piece: "
                               + pieces.sorted().prefix(20).joined(separator: "; ") + (pieces.count > 20 ? "; …" : "")))
        }
        if unmatched > 0 {
            warnings.append("\(file): \(unmatched) features match no rule of the \(profile.name) profile and were skipped")
        }
        if !misfits.isEmpty {
            warnings.append("\(file): \(misfits.count) features skipped for their geometry: " + misfits.prefix(10).joined(separator: "; ")
                            + (misfits.count > 10 ? "; …" : ""))
        }
        let present = source.layers.flatMap(\.fieldNames)
        warnings += PropertyNames.warnings(file: file, present: present, known: profile.propertyNames)
        if assets.isEmpty { warnings.append("\(file): no assets: nothing will be scored") }
        var network = Infrastructure(file: file, assets: assets, warnings: warnings, format: source.format)
        network.layer = source.layers.map(\.name).joined(separator: ",")
        network.profile = profile.name
        network.routes = routeSummaries
        return network
    }

    private func value(_ property: String?, _ p: [String: String]) -> String? {
        guard let property, let v = p[property]?.trimmingSpaces, !v.isEmpty else { return nil }
        return v
    }

    /// OpenStreetMap's own id as `node45`, `way123` or `relation7`, from GDAL's `osm_id` and
    /// `osm_way_id` fields and the layer they are in (points are nodes, lines ways, and
    /// multipolygons relations unless they carry their closed way's id).
    private func osmID(_ p: [String: String], layer: String) -> String? {
        if let way = p["osm_way_id"], !way.isEmpty { return "way\(way)" }
        guard let id = p["osm_id"], !id.isEmpty else { return nil }
        guard source.isOSM else { return id }
        switch layer {
        case "points": return "node\(id)"
        case "lines": return "way\(id)"
        case "multipolygons": return "relation\(id)"
        default: return "osm\(id)"
        }
    }

    /// `a;b; c` → `["a", "b", "c"]`.
    private func list(_ text: String) -> [String] { FeatureProperties.list(text) }

    static func ordered(_ names: [String]) -> [String] {
        var out: [String] = []
        for n in names where !out.contains(n) { out.append(n) }
        return out
    }

    /// A route key as an id part: letters, digits and `-`, `_`, `.` kept, anything else `_`.
    static func slug(_ key: String) -> String {
        String(key.unicodeScalars.map { c -> Character in
            (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_" || c == ".") ? Character(c) : "_"
        })
    }
}

extension String {
    /// Without surrounding spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
