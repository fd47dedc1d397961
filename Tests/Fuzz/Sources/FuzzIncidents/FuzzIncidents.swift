import FuzzSupport

/// Any bytes, read as incidents in the layout chosen by the first byte (auto, ACLED, GTD,
/// native, GeoJSON). Must never crash, and must keep its accounting: every record is either an
/// incident or a rejection; one piece and three pieces agree; native data round-trips.
@_cdecl("FuzzIncidents_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, count in fuzzIncidents(UnsafeRawPointer(data!), count) }
}

func fuzzIncidents(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let formats: [IncidentFormat] = [.auto, .acled, .gtd, .native, .geojson]
    let format = formats[Int(start.load(as: UInt8.self)) % formats.count]
    let bytes = Array(UnsafeRawBufferPointer(start: start + 1, count: count - 1))
    let one = blocking { try await IncidentReader.read(bytes: bytes, name: "fuzz", format: format, parallelism: 1) }
    let three = blocking { try await IncidentReader.read(bytes: bytes, name: "fuzz", format: format, parallelism: 3) }
    switch (one, three) {
    case (.success(let a), .success(let b)):
        require(a.incidents.count + a.rejected.count == a.read, "accounting")
        require(a.incidents == b.incidents && a.rejected == b.rejected, "one piece and three pieces differ")
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
        require("\(a)" == "\(b)", "one piece and three pieces fail differently")
    default:
        require(false, "one piece and three pieces disagree on success")
    }
    return 0
}
