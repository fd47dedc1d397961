import FuzzSupport
import CorridorRiskGDAL

/// Any bytes as a network file read through GDAL (`NetworkReader`). The first byte chooses the
/// file's extension (bits 0–1: `.osm`, `.geojson`, `.fgb`, `.gpkg`) and the profile (bit 2 clear:
/// the default, `osm` for OpenStreetMap and `native` otherwise; set: the other one); the rest is
/// the file. Must never crash, and must give an `InputError` or an `Infrastructure` whose assets
/// pass `validate()`, with a route summary for each merged route.
@_cdecl("FuzzGDALNetwork_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, count in fuzzGDALNetwork(UnsafeRawPointer(data!), count) }
}

let scratch = ScratchDirectory(tag: "network")
let extensions = ["osm", "geojson", "fgb", "gpkg"]

func fuzzGDALNetwork(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let selector = Int(start.load(as: UInt8.self))
    let ext = extensions[selector & 3]
    let swapProfile = selector & 4 != 0
    let profile: AssetProfile? = swapProfile ? (ext == "osm" ? .native : .osm) : nil
    let path = scratch.write(UnsafeRawBufferPointer(start: start + 1, count: count - 1), name: "network.\(ext)")
    defer { scratch.clear() }
    let network: Infrastructure
    do {
        network = try NetworkReader.read(path: path, profile: profile)
    } catch {
        trace("\(ext) \(profile?.name ?? "default"): \(error)")
        require(isInputErrorOrTolerated(error), "not an InputError: \(type(of: error)): \(error)")
        return 0
    }
    trace("\(ext) \(network.profile ?? "?"): \(network.assets.count) assets, \(network.routes.count) routes, \(network.warnings.count) warnings")
    do { try network.validate() } catch { require(false, "accepted network does not validate: \(error)") }
    require(network.file == path, "the network does not name its file")
    let ids = Set(network.assets.map(\.id))
    require(network.routes.allSatisfy { ids.contains($0.assetID) }, "a route summary names no asset")
    require(Set(network.routes.map(\.assetID)).count == network.routes.count, "two route summaries for one asset")
    require(network.routes.allSatisfy { $0.ways >= 1 && $0.pieces >= 1 && $0.lengthKm.isFinite && $0.lengthKm >= 0 },
            "a route summary out of range")
    return 0
}
