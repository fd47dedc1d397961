import FuzzSupport

/// Any bytes as an infrastructure GeoJSON file: a clear error or assets that can be scored.
@_cdecl("FuzzInfrastructure_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, count in fuzzInfrastructure(UnsafeRawPointer(data!), count) }
}

func fuzzInfrastructure(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    guard let network = try? InfrastructureReader.read(bytes: bytes, name: "fuzz") else { return 0 }
    // Whatever was accepted must segment and score without trouble.
    let probe = Incident(id: "p", date: CalendarDay(year: 2024, month: 1, day: 1)!,
                         location: network.assets.first?.geometry.allCoordinates.first ?? Coordinate(67, 30),
                         precision: .exact, category: .bombing)
    let set = IncidentSet(file: "probe", format: .native, read: 1, incidents: [probe], lines: [2], rejected: [])
    let result = blocking { try await RiskScorer(parallelism: 2).score(infrastructure: network, incidents: [set]) }
    if case .success(let report) = result {
        let a = report.incidents
        require(a.read == a.rejected + a.future + a.beyondRadius + a.used, "accounting")
        require(report.units.allSatisfy { $0.score >= 0 && $0.score <= 100 }, "score out of range")
    }
    return 0
}
