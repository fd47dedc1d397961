import CGDAL

/// Owns an opened GDAL vector dataset (`GDALDatasetH`) and closes it exactly once. Its layers
/// and features borrow it and keep it alive. Not `Sendable`: one task at a time, like GDAL.
public final class VectorDataset {
    let handle: GDALDatasetH
    /// The path it was opened or created at.
    public let path: String
    /// The driver's short name, e.g. `GPKG`, `ESRI Shapefile`, `OSM`.
    public let driverName: String

    private init(handle: GDALDatasetH, path: String) {
        self.handle = handle
        self.path = path
        driverName = GDALGetDatasetDriver(handle).flatMap { GDALGetDriverShortName($0) }.map { String(cString: $0) } ?? "?"
    }

    deinit { GDALClose(handle) }

    /// Opens `path` read-only as vector data; a file GDAL cannot read is an error with its reason.
    public static func open(_ path: String) throws(GDALError) -> VectorDataset {
        GDALLibrary.ensureRegistered()
        CPLErrorReset()
        guard let h = GDALOpenEx(path, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY), nil, nil, nil) else {
            throw GDALError.last("open", fallback: "not a vector format GDAL reads")
        }
        return VectorDataset(handle: h, path: path)
    }

    /// Creates a new dataset with the named driver (e.g. `GPKG`).
    public static func create(_ path: String, driver: String) throws(GDALError) -> VectorDataset {
        GDALLibrary.ensureRegistered()
        CPLErrorReset()
        guard let d = GDALGetDriverByName(driver) else { throw GDALError(operation: "create", message: "no \(driver) driver") }
        guard let h = GDALCreate(d, path, 0, 0, 0, GDT_Unknown, nil) else { throw GDALError.last("create \(driver)") }
        return VectorDataset(handle: h, path: path)
    }

    /// The layers, in the dataset's order.
    public var layers: [VectorLayer] {
        (0..<GDALDatasetGetLayerCount(handle)).compactMap { i in
            GDALDatasetGetLayer(handle, i).map { VectorLayer(handle: $0, dataset: self) }
        }
    }

    /// The next feature of any layer, in the order the file holds them (interleaved reading, as
    /// the OSM driver needs), with its layer's index; nil at the end.
    public func nextFeature() -> (feature: VectorFeature, layer: Int)? {
        var layer: OGRLayerH?
        guard let f = GDALDatasetGetNextFeature(handle, &layer, nil, nil, nil), let layer else { return nil }
        let index = (0..<GDALDatasetGetLayerCount(handle)).first { GDALDatasetGetLayer(handle, $0) == layer } ?? -1
        return (VectorFeature(owning: f, layer: VectorLayer(handle: layer, dataset: self)), Int(index))
    }

    /// Starts interleaved reading from the beginning.
    public func resetReading() { GDALDatasetResetReading(handle) }

    /// A new layer (`options` such as `SPATIAL_INDEX=YES`, `GEOMETRY_NAME=geom`).
    public func createLayer(_ name: String, geometry: LayerGeometry, reference: SpatialReference?,
                            options: [String] = []) throws(GDALError) -> VectorLayer {
        CPLErrorReset()
        let list = StringList(options)
        defer { list.free() }
        guard let layer = GDALDatasetCreateLayer(handle, name, reference?.handle, geometry.ogr, list.pointer) else {
            throw GDALError.last("create layer \(name)")
        }
        return VectorLayer(handle: layer, dataset: self)
    }

    /// Runs SQL that returns no rows (e.g. `CREATE TABLE`), in the dataset's dialect.
    public func execute(_ sql: String) throws(GDALError) {
        CPLErrorReset()
        let result = GDALDatasetExecuteSQL(handle, sql, nil, nil)
        if let result { GDALDatasetReleaseResultSet(handle, result) }
        let message = CPLGetLastErrorMsg().map { String(cString: $0) } ?? ""
        if CPLGetLastErrorType() == CE_Failure { throw GDALError(operation: "SQL", message: message) }
    }

    /// Opens a transaction (where the driver has them: GeoPackage does).
    public func beginTransaction() { _ = GDALDatasetStartTransaction(handle, 0) }
    /// Commits it.
    public func commitTransaction() throws(GDALError) {
        CPLErrorReset()
        if GDALDatasetCommitTransaction(handle) != OGRERR_NONE { throw GDALError.last("commit") }
    }

    /// Writes everything to disk; the dataset stays open.
    public func flush() { GDALFlushCache(handle) }
}

/// A NULL-terminated C string list built from Swift strings, freed by `free()`.
struct StringList {
    let pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

    init(_ strings: [String]) {
        var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        for s in strings { list = CSLAddString(list, s) }
        pointer = list
    }

    func free() { CSLDestroy(pointer) }
}
