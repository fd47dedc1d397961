import CGDAL

/// Owns one feature read from a layer (`OGRFeatureH`, destroyed once), with its attributes and
/// its geometry as WKB for GEOS.
public final class VectorFeature {
    let handle: OGRFeatureH
    /// The layer it came from (kept alive).
    public let layer: VectorLayer

    init(owning handle: OGRFeatureH, layer: VectorLayer) {
        self.handle = handle
        self.layer = layer
    }

    deinit { OGR_F_Destroy(handle) }

    /// The feature id the driver gives (GeoPackage row id, Shapefile record number, OSM id…).
    public var fid: Int { Int(OGR_F_GetFID(handle)) }

    /// Field `i` as text (lists joined with `;`), or nil when unset or null.
    public func text(_ i: Int) -> String? {
        let index = Int32(i)
        guard OGR_F_IsFieldSetAndNotNull(handle, index) != 0 else { return nil }
        let defn = OGR_F_GetFieldDefnRef(handle, index)
        if OGR_Fld_GetType(defn) == OFTStringList, let list = OGR_F_GetFieldAsStringList(handle, index) {
            var items: [String] = []
            var k = 0
            while let item = list[k] { items.append(String(cString: item)); k += 1 }
            return items.joined(separator: ";")
        }
        let type = OGR_Fld_GetType(defn)
        if type == OFTDate || type == OFTDateTime {
            // GDAL writes dates as 2018/08/11; a date is ISO 8601 everywhere else in the tool.
            var y: Int32 = 0, m: Int32 = 0, d: Int32 = 0, h: Int32 = 0, mi: Int32 = 0, tz: Int32 = 0
            var sec: Float = 0
            if OGR_F_GetFieldAsDateTimeEx(handle, index, &y, &m, &d, &h, &mi, &sec, &tz) != 0 {
                func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
                let year = String(repeating: "0", count: max(0, 4 - String(y).count)) + String(y)
                let day = "\(year)-\(two(m))-\(two(d))"
                if type == OFTDate || (h == 0 && mi == 0 && sec == 0) { return day }
                return day + "T\(two(h)):\(two(mi)):\(two(Int32(sec)))"
            }
        }
        return String(cString: OGR_F_GetFieldAsString(handle, index))
    }

    /// Field `i` as a number, or nil when unset, null or not numeric.
    public func number(_ i: Int) -> Double? {
        let index = Int32(i)
        guard OGR_F_IsFieldSetAndNotNull(handle, index) != 0 else { return nil }
        switch OGR_Fld_GetType(OGR_F_GetFieldDefnRef(handle, index)) {
        case OFTInteger, OFTInteger64, OFTReal: return OGR_F_GetFieldAsDouble(handle, index)
        default: return nil
        }
    }

    /// Whether field `i` is a numeric field.
    public func isNumeric(_ i: Int) -> Bool {
        let t = OGR_Fld_GetType(OGR_F_GetFieldDefnRef(handle, Int32(i)))
        return t == OFTInteger || t == OFTInteger64 || t == OFTReal
    }

    /// What the feature's geometry is; `.none` without one.
    public var geometryKind: GeometryKind {
        OGR_F_GetGeometryRef(handle).map { GeometryKind(OGR_G_GetGeometryType($0)) } ?? .none
    }

    /// The geometry as ISO WKB (2D), transformed to WGS84 lon/lat first when `transformation` is
    /// given; nil without a geometry.
    public func geometryWKB(transformedBy transformation: CoordinateTransformation?) throws(GDALError) -> [UInt8]? {
        guard let g = OGR_F_GetGeometryRef(handle) else { return nil }
        OGR_G_FlattenTo2D(g)
        if let transformation {
            try check("transform from \(transformation.source.displayName)") { OGR_G_Transform(g, transformation.handle) }
        }
        let size = Int(OGR_G_WkbSize(g))
        var bytes = [UInt8](repeating: 0, count: size)
        CPLErrorReset()
        let status = bytes.withUnsafeMutableBufferPointer { OGR_G_ExportToIsoWkb(g, wkbNDR, $0.baseAddress) }
        guard status == OGRERR_NONE else { throw GDALError.last("export geometry") }
        return bytes
    }
}
