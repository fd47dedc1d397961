import Platform
import CBundledData

/// The sourced Balochistan dataset that ships inside the library (compiled in from
/// `Fixtures/balochistan`, see `Docs/DATA.md`): the ML-3/ML-4 railways through the Bolan Pass,
/// the CPEC roads, Gwadar port and other sites, and 41 incidents from 2018 to 2025.
///
/// ```swift
/// let report = try await RiskScorer().score(infrastructure: BundledDataset.infrastructure(),
///                                           incidents: [BundledDataset.incidents()],
///                                           places: BundledDataset.places())
/// ```
public enum BundledDataset {
    /// How reports name the bundled infrastructure file.
    public static let infrastructureName = "bundled:balochistan/infrastructure.geojson"
    /// How reports name the bundled incidents file.
    public static let incidentsName = "bundled:balochistan/incidents.csv"

    /// How reports name the bundled gazetteer.
    public static let placesName = "bundled:balochistan/gazetteer.csv"

    /// The bundled network (29 assets).
    public static func infrastructure() throws -> Infrastructure {
        try InfrastructureReader.read(bytes: bytes(bundled_infrastructure), name: infrastructureName)
    }

    /// The bundled incidents (native CSV). Without `keepText` they come without descriptions
    /// and sources.
    public static func incidents(keepText: Bool = true, strict: Bool = false, parallelism: Int = 1) async throws -> IncidentSet {
        try await IncidentReader.read(bytes: bytes(bundled_incidents), name: incidentsName, format: .native, strict: strict,
                                      keepText: keepText, parallelism: parallelism)
    }

    /// The places the bundled reports name units by: 70 towns, stations, passes and sites under
    /// their common names (`Fixtures/balochistan/gazetteer.csv`, derived from `places.csv`).
    public static func places() throws -> Gazetteer {
        try GazetteerReader.read(bytes: bytes(bundled_gazetteer), name: placesName)
    }

    /// The coastline and the international borders around Balochistan, for maps (Natural Earth
    /// 1:10m, public domain; `Fixtures/balochistan/context.geojson`).
    public static func mapContext() throws -> MapContext {
        try MapContext.read(bytes: bytes(bundled_context), name: "bundled:balochistan/context.geojson")
    }

    /// The raw bytes of a compiled-in file (static memory: never freed, never copied).
    /// The directory the bundled files were compiled from (`Fixtures/balochistan` of the source
    /// tree that built this library), resolved; nil when that tree is not on this machine.
    package static var sourceDirectory: String? {
        let source = String(cString: bundled_source_file()).split(separator: "/", omittingEmptySubsequences: false)
        guard source.count > 3 else { return nil }
        return FileSystem.canonicalPath(source.dropLast(3).joined(separator: "/") + "/Fixtures/balochistan")
    }

    private static func bytes(_ accessor: (UnsafeMutablePointer<Int>) -> UnsafePointer<UInt8>?) -> UnsafeBufferPointer<UInt8> {
        var count = 0
        let start = accessor(&count)
        return UnsafeBufferPointer(start: start, count: count)
    }
}
