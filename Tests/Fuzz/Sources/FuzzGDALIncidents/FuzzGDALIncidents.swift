import FuzzSupport
import CorridorRiskGDAL

/// Any bytes as an incident layer read through GDAL (`IncidentLayerReader`). The first byte
/// chooses the extension (bits 0–1: `.gpkg`, `.fgb`, `.geojson`, `.csv`) and, with bit 2 set, a
/// second read without text (`keepText: false`, half the inputs: each read is a GDAL open); the
/// rest is the file. Must never crash, and must give an `InputError` or a set whose accounting
/// holds (every feature an incident or a rejection, ids unique) and whose incidents pass
/// `IncidentSet.validate()`; read without text, the same set less the text.
@_cdecl("FuzzGDALIncidents_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, count in fuzzGDALIncidents(UnsafeRawPointer(data!), count) }
}

let scratch = ScratchDirectory(tag: "incidents")
let extensions = ["gpkg", "fgb", "geojson", "csv"]

func fuzzGDALIncidents(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let selector = Int(start.load(as: UInt8.self))
    let ext = extensions[selector & 3]
    let crossCheck = selector & 4 != 0
    let path = scratch.write(UnsafeRawBufferPointer(start: start + 1, count: count - 1), name: "incidents.\(ext)")
    defer { scratch.clear() }
    let set: IncidentSet
    do {
        set = try IncidentLayerReader.read(path: path)
    } catch {
        trace("\(ext): \(error)")
        require(isInputErrorOrTolerated(error), "not an InputError: \(type(of: error)): \(error)")
        if crossCheck, (try? IncidentLayerReader.read(path: path, keepText: false)) != nil {
            require(false, "reads without text but not with it")
        }
        return 0
    }
    trace("\(ext): \(set.read) read, \(set.incidents.count) incidents, \(set.rejected.count) rejected \(set.rejected.first.map { "(\($0.reason))" } ?? "")")
    require(set.format == .layer, "format \(set.format)")
    require(set.file == path, "the set does not name its file")
    require(set.incidents.count + set.rejected.count == set.read, "accounting")
    require(set.lines.count == set.incidents.count, "one line per incident")
    require(Set(set.incidents.map(\.id)).count == set.incidents.count, "duplicate incident ids accepted")
    var copy = set
    copy.incidents = set.incidents   // clears the reader's mark, so validate() checks every incident
    do { try copy.validate() } catch { require(false, "accepted incidents do not validate: \(error)") }
    guard crossCheck else { return 0 }
    do {
        let plain = try IncidentLayerReader.read(path: path, keepText: false)
        let stripped = set.incidents.map { i -> Incident in
            var i = i
            i.description = nil
            i.source = nil
            return i
        }
        require(plain.incidents == stripped, "reading without text changed more than the text")
        require(plain.rejected == set.rejected && plain.read == set.read, "reading without text changed the rejections")
    } catch {
        require(false, "reads with text but not without it: \(error)")
    }
    return 0
}
