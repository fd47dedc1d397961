import GeoFoundation
@testable import CorridorRisk

/// Small builders for scoring tests: assets and incidents placed by geodesic offsets.
enum Build {
    static let origin = Coordinate(67.0, 30.0)

    /// The point `km` from `from` at `azimuth` degrees.
    static func offset(_ from: Coordinate, km: Double, azimuth: Double) -> Coordinate {
        Geodesic.wgs84.direct(from: from, azimuth: azimuth, distance: km * 1000).point
    }

    /// A straight (one geodesic edge) line of `km` going north from `from`.
    static func line(_ id: String, km: Double, from: Coordinate = origin, kind: AssetKind = .rail,
                     corridors: [String] = []) -> Asset {
        Asset(id: id, kind: kind, corridors: corridors,
              geometry: .lineString([from, offset(from, km: km, azimuth: 0)]))
    }

    static func site(_ id: String, at c: Coordinate = origin, kind: AssetKind = .port, cpec: Bool = false,
                     criticality: Double = 1) -> Asset {
        Asset(id: id, kind: kind, criticality: criticality, cpec: cpec, geometry: .point(c))
    }

    static func incident(_ id: String, at c: Coordinate, date: String = "2024-12-31", precision: LocationPrecision = .exact,
                         category: IncidentCategory = .bombing, targets: TargetSet = [.other],
                         fatalities: Int = 0, injured: Int = 0, hostages: Int = 0) -> Incident {
        Incident(id: id, date: CalendarDay(iso: date)!, location: c, precision: precision, category: category,
                 targets: targets, fatalities: fatalities, injured: injured, hostages: hostages)
    }

    static func set(_ incidents: [Incident]) -> IncidentSet {
        IncidentSet(file: "test", format: .native, read: incidents.count, incidents: incidents,
                    lines: Array(2..<(2 + incidents.count)), rejected: [])
    }

    static func score(_ assets: [Asset], _ incidents: [Incident], asOf: String? = "2024-12-31",
                      parameters: ModelParameters = .defaults, parallelism: Int = 2) async throws -> RiskReport {
        try await RiskScorer(parameters: parameters, parallelism: parallelism)
            .score(infrastructure: Infrastructure(file: "test", assets: assets), incidents: [set(incidents)],
                   asOf: asOf.flatMap { CalendarDay(iso: $0) })
    }
}
