import FuzzSupport

/// Any bytes, read as incidents in the layout chosen by the first byte (auto, ACLED, GTD,
/// native, GeoJSON). Must never crash, and must keep its accounting: every record is either an
/// incident or a rejection; one piece and three pieces agree; accepted incidents pass
/// `IncidentSet.validate()`; native data round-trips. The `.layer` format (GDAL layers, read by
/// CorridorRiskGDAL) is always refused here with an `InputError`.
@_cdecl("FuzzIncidents_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, count in fuzzIncidents(UnsafeRawPointer(data!), count) }
}

func fuzzIncidents(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    // Five layouts by the first byte, as before `.layer` existed, so the committed seeds and
    // regression inputs keep the layout they were found with.
    let formats: [IncidentFormat] = [.auto, .acled, .gtd, .native, .geojson]
    let format = formats[Int(start.load(as: UInt8.self)) % formats.count]
    let bytes = Array(UnsafeRawBufferPointer(start: start + 1, count: count - 1))
    let one = blocking { try await IncidentReader.read(bytes: bytes, name: "fuzz", format: format, parallelism: 1) }
    let three = blocking { try await IncidentReader.read(bytes: bytes, name: "fuzz", format: format, parallelism: 3) }
    switch (one, three) {
    case (.success(let a), .success(let b)):
        require(a.format != .auto && a.format != .layer, "read as \(a.format)")
        require(a.incidents.count + a.rejected.count == a.read, "accounting")
        require(a.lines.count == a.incidents.count, "one line per incident")
        require(a.incidents == b.incidents && a.rejected == b.rejected, "one piece and three pieces differ")
        // The reader marks its sets as checked; a copy with the incidents reassigned is checked again.
        var copy = a
        copy.incidents = a.incidents
        do { try copy.validate() } catch { require(false, "accepted incidents do not validate: \(error)") }
        if a.format == .native || a.format == .geojson {
            let written = a.format == .native ? IncidentWriter.nativeCSV(a.incidents) : IncidentWriter.geoJSON(a.incidents)
            let again = blocking { try await IncidentReader.read(bytes: Array(written.utf8), name: "again", format: a.format) }
            if case .success(let c) = again {
                require(c.incidents == a.incidents, "round trip changed the incidents")
            } else {
                require(false, "written incidents do not read back")
            }
        }
    case (.failure(let a), .failure(let b)):
        require(a is InputError, "not an InputError: \(a)")
        require("\(a)" == "\(b)", "one piece and three pieces fail differently")
    default:
        require(false, "one piece and three pieces disagree on success")
    }
    if case .success = blocking({ try await IncidentReader.read(bytes: bytes, name: "fuzz", format: .layer, parallelism: 1) }) {
        require(false, "a GDAL layer was read from bytes")
    }
    return 0
}
