import FuzzSupport
#if canImport(Glibc)
import Glibc
#endif

/// Any bytes as an infrastructure GeoJSON file: an `InputError`, or assets that pass
/// `Infrastructure.validate()`; a small accepted network must also segment and score, with the
/// accounting identity holding and every score in 0–100.
///
/// Scoring costs far more than reading: 20–50 ms even for two assets (most of it PROJ building
/// the join's transverse Mercator transformation from its database), against well under 1 ms to
/// read. So the reader sees every input, and the scorer a deterministic sample of the small
/// accepted networks (at most `scoreLimit` assets and coordinates): those whose bytes hash to 0
/// modulo `FUZZ_SCORE_EVERY` (default 32; 1 scores every small network). The choice depends on
/// the input alone, so a saved input reproduces.
@_cdecl("FuzzInfrastructure_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, count in fuzzInfrastructure(UnsafeRawPointer(data!), count) }
}

let scoreLimit = (assets: 4, coordinates: 64)
let scoreEvery: UInt64 = getenv("FUZZ_SCORE_EVERY").flatMap { UInt64(String(cString: $0)) }.map { max(1, $0) } ?? 32

/// FNV-1a of the input: which inputs are scored.
func fnv1a(_ bytes: [UInt8]) -> UInt64 {
    bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
}

func fuzzInfrastructure(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let network: Infrastructure
    do {
        network = try InfrastructureReader.read(bytes: bytes, name: "fuzz")
    } catch {
        trace("\(error)")
        require(error is InputError, "not an InputError: \(error)")
        return 0
    }
    do { try network.validate() } catch { require(false, "accepted network does not validate: \(error)") }
    let coordinates = network.assets.reduce(0) { $0 + $1.geometry.allCoordinates.count }
    trace("\(network.assets.count) assets, \(coordinates) coordinates")
    guard network.assets.count <= scoreLimit.assets, coordinates <= scoreLimit.coordinates,
          fnv1a(bytes) % scoreEvery == 0 else { return 0 }
    // Whatever was accepted must segment and score without trouble.
    let probe = Incident(id: "p", date: CalendarDay(year: 2024, month: 1, day: 1)!,
                         location: network.assets.first?.geometry.allCoordinates.first ?? Coordinate(67, 30),
                         precision: .exact, category: .bombing)
    let set = IncidentSet(file: "probe", format: .native, read: 1, incidents: [probe], lines: [2], rejected: [])
    let result = blocking { try await RiskScorer(parallelism: 1).score(infrastructure: network, incidents: [set]) }
    switch result {
    case .success(let report):
        let a = report.incidents
        require(a.read == a.rejected + a.future + a.excluded + a.beyondRadius + a.used, "accounting")
        require(a.read == 1, "one probe read, got \(a.read)")
        require(report.units.allSatisfy { $0.score >= 0 && $0.score <= 100 }, "score out of range")
        require(network.assets.isEmpty || !report.units.isEmpty, "assets but no units")
    case .failure(let error):
        // The probe sits on the first asset's first coordinate: only that position (0, 0, the
        // "unknown" stand-in) may be refused; the network itself has been accepted.
        require((error as? InputError)?.file == "probe", "an accepted network failed to score: \(error)")
    }
    return 0
}
