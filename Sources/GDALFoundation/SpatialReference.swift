import CGDAL

/// Owns an `OGRSpatialReferenceH`, always in the traditional GIS axis order (x = longitude or
/// easting), so no caller meets EPSG:4326's latitude-first definition.
public final class SpatialReference {
    let handle: OGRSpatialReferenceH

    private init(owning handle: OGRSpatialReferenceH) {
        self.handle = handle
        OSRSetAxisMappingStrategy(handle, OAMS_TRADITIONAL_GIS_ORDER)
    }

    deinit { OSRDestroySpatialReference(handle) }

    /// WGS84 longitude/latitude: what every CorridorRisk input is turned into.
    public static func wgs84() -> SpatialReference {
        GDALLibrary.ensureRegistered()
        let h = OSRNewSpatialReference(nil)!
        _ = OSRSetWellKnownGeogCS(h, "WGS84")
        return SpatialReference(owning: h)
    }

    /// A copy of a reference GDAL owns (a layer's), so it outlives that layer.
    static func copy(of borrowed: OGRSpatialReferenceH) -> SpatialReference? {
        OSRClone(borrowed).map { SpatialReference(owning: $0) }
    }

    /// Whether coordinates in this reference are WGS84 (or an equivalent) longitude/latitude.
    public var isWGS84LonLat: Bool {
        let wgs = SpatialReference.wgs84()
        return OSRIsGeographic(handle) != 0 && OSRIsSame(handle, wgs.handle) != 0
    }

    /// A short name for messages: `EPSG:32642 (WGS 84 / UTM zone 42N)`, or the reference's own name.
    public var displayName: String {
        let name = OSRGetName(handle).map { String(cString: $0) } ?? "unnamed"
        if let authority = OSRGetAuthorityName(handle, nil), let code = OSRGetAuthorityCode(handle, nil) {
            return "\(String(cString: authority)):\(String(cString: code)) (\(name))"
        }
        return name
    }
}

/// Owns an `OGRCoordinateTransformationH` from a layer's reference to WGS84 lon/lat.
public final class CoordinateTransformation {
    let handle: OGRCoordinateTransformationH
    /// The reference transformed from, kept alive with the transformation.
    public let source: SpatialReference
    private let target: SpatialReference

    public init(from source: SpatialReference, to target: SpatialReference = .wgs84()) throws(GDALError) {
        CPLErrorReset()
        guard let h = OCTNewCoordinateTransformation(source.handle, target.handle) else {
            throw GDALError.last("transform from \(source.displayName)", fallback: "PROJ cannot transform it to WGS84")
        }
        handle = h
        self.source = source
        self.target = target
    }

    deinit { OCTDestroyCoordinateTransformation(handle) }
}
