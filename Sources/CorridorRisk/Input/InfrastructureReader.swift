import Platform

/// Reads infrastructure from a GeoJSON FeatureCollection (spec §1). Unlike incidents, a bad asset
/// is an error: scoring a network with a silently missing line would mislead.
public enum InfrastructureReader {
    /// Reads and validates the file at `path`.
    public static func read(path: String) throws -> Infrastructure {
        try read(InputError.contents(of: path), file: path)
    }

    /// Reads and validates GeoJSON held in memory; `name` is used in messages.
    public static func read(bytes: some Collection<UInt8>, name: String) throws -> Infrastructure {
        try read(ByteBuffer(bytes), file: name)
    }

    static func read(_ buffer: ByteBuffer, file: String) throws -> Infrastructure {
        let (root, features) = try GeoJSONDocument.collection(buffer, file: file)
        let declaredCRS = root["crs"]?["properties"]?["name"]?.string
        var checker = AssetChecker()
        var assets: [Asset] = []
        for (index, feature) in features.enumerated() {
            do throws(Rejection) {
                let asset = try self.asset(feature)
                try checker.check(asset, index: index)
                assets.append(asset)
            } catch {
                throw InputError(.malformed, file: file,
                                 location: InputError.featureLocation(index, id: GeoJSONDocument.featureID(feature)),
                                 reason: error.reason + GeoJSONHints.forRejection(error.reason, feature: feature, crs: declaredCRS))
            }
        }
        var warnings: [String] = []
        if assets.isEmpty {
            warnings.append("\(file): no assets: nothing will be scored")
        } else if !assets.contains(where: { $0.kind.isLinear }) {
            warnings.append("\(file): no linear asset (rail, road or pipeline): only sites will be scored")
        }
        warnings += GeoJSONHints.warnings(file: file, features: features, crs: declaredCRS)
        if let warning = UTF8Check.warning(file: file, invalid: buffer.withBytes(UTF8Check.invalidSequences)) {
            warnings.append(warning)
        }
        var infrastructure = Infrastructure(file: file, assets: assets, warnings: warnings)
        infrastructure.digest = buffer.withBytes(FileDigest.init)
        return infrastructure
    }

    private static func asset(_ feature: JSONValue) throws(Rejection) -> Asset {
        guard case .object = feature, feature["type"]?.string == "Feature" else { throw Rejection("not a GeoJSON Feature") }
        let id = try RecordValidation.id(try GeoJSONDocument.requiredID(feature, hint: " (give properties.id or the Feature's id)"))
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
        return Asset(id: id, kind: kind, name: name, criticality: criticality, cpec: cpec,
                     corridors: corridors, geometry: geometry)
    }
}
