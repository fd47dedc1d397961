import CGDAL

/// A layer of a `VectorDataset` (borrowed from it; keeps it alive): its schema, its features,
/// and for writing, new fields and features.
public final class VectorLayer {
    let handle: OGRLayerH
    /// The dataset the layer belongs to.
    public let dataset: VectorDataset

    init(handle: OGRLayerH, dataset: VectorDataset) {
        self.handle = handle
        self.dataset = dataset
    }

    public var name: String { String(cString: OGR_L_GetName(handle)) }

    /// The layer's declared geometry type, flattened to 2D.
    public var geometryKind: GeometryKind { GeometryKind(OGR_L_GetGeomType(handle)) }

    /// The layer's spatial reference (a copy); nil when it declares none.
    public var spatialReference: SpatialReference? {
        OGR_L_GetSpatialRef(handle).flatMap(SpatialReference.copy)
    }

    /// The fields' names, in schema order.
    public var fieldNames: [String] {
        let defn = OGR_L_GetLayerDefn(handle)
        return (0..<OGR_FD_GetFieldCount(defn)).map { String(cString: OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, $0))) }
    }

    /// How many features the layer has (counted by the driver if it must).
    public var featureCount: Int { Int(OGR_L_GetFeatureCount(handle, 1)) }

    /// Starts reading from the first feature.
    public func resetReading() { OGR_L_ResetReading(handle) }

    /// The next feature, or nil at the end.
    public func nextFeature() -> VectorFeature? {
        OGR_L_GetNextFeature(handle).map { VectorFeature(owning: $0, layer: self) }
    }

    // MARK: - Writing

    /// Adds a field.
    public func addField(_ name: String, _ type: AttributeType) throws(GDALError) {
        let field = OGR_Fld_Create(name, type.ogr)
        defer { OGR_Fld_Destroy(field) }
        if type == .boolean { OGR_Fld_SetSubType(field, OFSTBoolean) }
        try check("create field \(name)") { OGR_L_CreateField(handle, field, 1) }
    }

    /// Adds a feature with these field values (in schema order; nil leaves a field null) and a
    /// WKB geometry (none for an attribute table).
    public func addFeature(_ values: [AttributeValue?], geometryWKB: [UInt8]?) throws(GDALError) {
        let f = OGR_F_Create(OGR_L_GetLayerDefn(handle))!
        defer { OGR_F_Destroy(f) }
        for (i, value) in values.enumerated() {
            let index = Int32(i)
            switch value {
            case nil: OGR_F_SetFieldNull(f, index)
            case .text(let s)?: OGR_F_SetFieldString(f, index, s)
            case .real(let d)?: OGR_F_SetFieldDouble(f, index, d)
            case .integer(let n)?: OGR_F_SetFieldInteger64(f, index, GIntBig(n))
            }
        }
        if let wkb = geometryWKB {
            var geometry: OGRGeometryH?
            CPLErrorReset()
            let status = wkb.withUnsafeBytes { raw in OGR_G_CreateFromWkb(raw.baseAddress, nil, &geometry, Int32(raw.count)) }
            guard status == OGRERR_NONE else { throw GDALError.last("read geometry") }
            try check("set geometry") { OGR_F_SetGeometryDirectly(f, geometry) }
        }
        try check("write feature to \(name)") { OGR_L_CreateFeature(handle, f) }
    }
}

/// A field type to create.
public enum AttributeType: Sendable {
    case text, real, integer, boolean
    var ogr: OGRFieldType {
        switch self {
        case .text: OFTString
        case .real: OFTReal
        case .integer, .boolean: OFTInteger64
        }
    }
}

/// A value to write into a field.
public enum AttributeValue: Sendable, Hashable {
    case text(String), real(Double), integer(Int)
}

/// The geometry type of a layer to create.
public enum LayerGeometry: Sendable {
    case point, line, multiPolygon, none
    var ogr: OGRwkbGeometryType {
        switch self {
        case .point: wkbPoint
        case .line: wkbLineString
        case .multiPolygon: wkbMultiPolygon
        case .none: wkbNone
        }
    }
}

/// What a layer or a feature holds, as far as CorridorRisk cares.
public enum GeometryKind: Sendable, Hashable {
    case point, line, polygon, none, other

    init(_ type: OGRwkbGeometryType) {
        switch OGR_GT_Flatten(type) {
        case wkbPoint, wkbMultiPoint: self = .point
        case wkbLineString, wkbMultiLineString: self = .line
        case wkbPolygon, wkbMultiPolygon: self = .polygon
        case wkbNone: self = .none
        default: self = .other
        }
    }
}
