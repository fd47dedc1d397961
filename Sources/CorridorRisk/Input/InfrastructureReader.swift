import GeoFoundation

/// The assets read from one infrastructure file, in file order.
public struct Infrastructure: Sendable {
    /// The file as the caller named it.
    public var file: String
    /// The assets, in file order.
    public var assets: [Asset]
    /// Observations that do not stop the run (e.g. no linear asset at all).
    public var warnings: [String]
    /// The file's SHA-256 and size (`nil` for infrastructure built in code).
    public var digest: FileDigest?

    /// Infrastructure built in code (no file digest).
    public init(file: String, assets: [Asset], warnings: [String] = []) {
        self.file = file
        self.assets = assets
        self.warnings = warnings
    }
}

/// Reads infrastructure from a GeoJSON FeatureCollection (spec §1). Unlike incidents, a bad asset
/// is an error: scoring a network with a silently missing line would mislead.
public enum InfrastructureReader {
    /// Reads and validates the file at `path`.
    public static func read(path: String) throws -> Infrastructure {
        try read(ByteBuffer.contents(ofFile: path), file: path)
    }

    /// Reads and validates GeoJSON held in memory; `name` is used in messages.
    public static func read(bytes: some Collection<UInt8>, name: String) throws -> Infrastructure {
        try read(ByteBuffer(bytes), file: name)
    }

    static func read(_ buffer: ByteBuffer, file: String) throws -> Infrastructure {
        let features = try GeoJSONDocument.features(buffer, file: file)
        let geos = GEOSContext()
        var assets: [Asset] = []
        var seen: [String: Int] = [:]
        for (index, feature) in features.enumerated() {
            let rawID = GeoJSONDocument.featureID(feature)
            func fail(_ reason: String) -> InputError {
                InputError(.malformed, file: file, location: InputError.featureLocation(index, id: rawID), reason: reason)
            }
            do throws(Rejection) {
                let asset = try self.asset(feature)
                if let first = seen[asset.id] { throw Rejection("duplicate asset id (also feature \(first))") }
                seen[asset.id] = index
                try checkValidity(asset.geometry, geos)
                assets.append(asset)
            } catch {
                throw fail(error.reason)
            }
        }
        var warnings: [String] = []
        if assets.isEmpty {
            warnings.append("\(file): no assets: nothing will be scored")
        } else if !assets.contains(where: { $0.kind.isLinear }) {
            warnings.append("\(file): no linear asset (rail, road or pipeline): only sites will be scored")
        }
        if let warning = UTF8Check.warning(file: file, invalid: buffer.withBytes(UTF8Check.invalidSequences)) {
            warnings.append(warning)
        }
        var infrastructure = Infrastructure(file: file, assets: assets, warnings: warnings)
        infrastructure.digest = buffer.withBytes(FileDigest.init)
        return infrastructure
    }

    private static func asset(_ feature: JSONValue) throws(Rejection) -> Asset {
        guard case .object = feature, feature["type"]?.string == "Feature" else { throw Rejection("not a GeoJSON Feature") }
        guard let rawID = GeoJSONDocument.featureID(feature) else {
            throw Rejection("missing id (give properties.id or the Feature's id)")
        }
        let id = try RecordValidation.id(rawID)
        let properties = feature["properties"] ?? .null
        guard let kindName = properties["kind"]?.string else { throw Rejection("missing kind") }
        guard let kind = AssetKind(rawValue: kindName) else {
            throw Rejection("unknown kind '\(kindName.prefix(40))' (expected one of \(AssetKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        var name = id
        if let value = properties["name"], !value.isNull {
            guard let text = value.string else { throw Rejection("name must be a string, got \(value.kindName)") }
            name = text
        }
        var criticality = 1.0
        if let value = properties["criticality"], !value.isNull {
            guard let c = value.number else { throw Rejection("criticality must be a number, got \(value.kindName)") }
            guard c.isFinite, c > 0, c <= 10 else { throw Rejection("criticality must be in (0, 10], got \(RecordValidation.format(c))") }
            criticality = c
        }
        var cpec = false
        if let value = properties["cpec"], !value.isNull {
            guard case .bool(let b) = value else { throw Rejection("cpec must be true or false, got \(value.kindName)") }
            cpec = b
        }
        var corridors: [String] = []
        switch properties["corridors"] {
        case nil, .null?: break
        case .string(let s)?: corridors = [s]
        case .array(let items)?:
            for item in items {
                guard let s = item.string else { throw Rejection("corridors must be strings, got \(item.kindName)") }
                if !corridors.contains(s) { corridors.append(s) }
            }
        case let other?: throw Rejection("corridors must be an array of names or one name, got \(other.kindName)")
        }
        guard let geometryJSON = feature["geometry"], !geometryJSON.isNull else { throw Rejection("missing geometry") }
        let geometry = try GeoJSONGeometry.shape(geometryJSON)
        switch (kind.isLinear, geometry) {
        case (true, .lineString), (true, .multiLineString), (false, .point), (false, .polygon), (false, .multiPolygon):
            break
        case (true, _):
            throw Rejection("a \(kind.rawValue) asset needs a LineString or MultiLineString, got \(geometry.typeName)")
        case (false, _):
            throw Rejection("a \(kind.rawValue) site needs a Point, Polygon or MultiPolygon, got \(geometry.typeName)")
        }
        return Asset(id: id, kind: kind, name: name, criticality: criticality, cpec: cpec,
                     corridors: corridors, geometry: geometry)
    }

    /// Polygons must be valid (no self-intersection) for areas and distances to mean anything.
    private static func checkValidity(_ shape: Shape, _ geos: GEOSContext) throws(Rejection) {
        switch shape {
        case .polygon, .multiPolygon:
            do {
                let g = try Geometry(shape, in: geos)
                if try !g.isValid() { throw Rejection("invalid \(shape.typeName): \(try g.validityReason())") }
            } catch let r as Rejection {
                throw r
            } catch {
                throw Rejection("invalid \(shape.typeName): \(error)")
            }
        default:
            return
        }
    }
}
