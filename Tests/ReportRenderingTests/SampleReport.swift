@testable import CorridorRisk
@testable import ReportRendering

/// A small report made by hand (no scoring), so each renderer's output can be checked value by
/// value: a segment with a hot spot and two top incidents, a site with nothing near it, one
/// corridor, one rejected record and one warning.
enum SampleReport {
    static let bomb = Incident(id: "X1", date: CalendarDay(iso: "2024-12-01")!, location: Coordinate(67.05, 30.05),
                               precision: .exact, category: .bombing, targets: [.rail], fatalities: 2,
                               description: "Bomb on the track, near \"km 4\"", source: "Dawn")
    static let clash = Incident(id: "X2", date: CalendarDay(iso: "2024-06-01")!, location: Coordinate(67.02, 30.02),
                                precision: .nearTown, category: .armedClash)

    static var segment: UnitScore {
        UnitScore(id: "R#1", assetId: "R", assetName: "Rail, main line", kind: .rail, corridors: ["North", "Bolan"],
                  startKm: 0, endKm: 10, lengthKm: 10, exposure: 3, threat: 3.25, risk: 3.25, score: 27.75, tier: .low,
                  incidentCount: 2, effectiveIncidents: 1.8,
                  topIncidents: [TopIncident(incident: bomb, distanceKm: 4.5, ageDays: 30, contribution: 2, share: 2.0 / 3),
                                 TopIncident(incident: clash, distanceKm: 2, ageDays: 213, contribution: 1, share: 1.0 / 3)],
                  trend: Trend(previousThreat: 1.5, recentThreat: 2.5, priorThreat: 0.5, direction: .rising),
                  hotspot: HotSpot(z: 2.5, p: 0.0124, bin: 2, binFdr: 1),
                  smoothed: SmoothedThreat(threat: 2.75, low: 1.25, high: 4.5, score: 24.04, scoreLow: 11.75, scoreHigh: 36.24,
                                           tier: .low),
                  lowData: true, history: [1, 1.5, 3.25],
                  places: UnitPlaces(near: PlaceReference(name: "Mach", distanceKm: 12.5, bearing: .SW), from: "Sibi", to: "Mach"),
                  geometry: .lineString([Coordinate(67, 30), Coordinate(67, 30.09)]), representativePoint: Coordinate(67, 30.045))
    }

    static var site: UnitScore {
        UnitScore(id: "P", assetId: "P", assetName: "Port", kind: .port, corridors: [], startKm: 0, endKm: 0, lengthKm: 0,
                  exposure: 0, threat: 0, risk: 0, score: 0, tier: .minimal, incidentCount: 0, effectiveIncidents: 0,
                  topIncidents: [], trend: Trend(previousThreat: 0, recentThreat: 0, priorThreat: 0, direction: .none),
                  hotspot: nil, smoothed: SmoothedThreat(threat: 0.5, low: 0.125, high: 1.5, score: 4.88, scoreLow: 1.24,
                                                         scoreHigh: 13.93, tier: .minimal),
                  lowData: true, history: [0, 0, 0], places: nil,
                  geometry: .point(Coordinate(67.3, 30.2)), representativePoint: Coordinate(67.3, 30.2))
    }

    static var report: RiskReport {
        RiskReport(
            asOf: CalendarDay(iso: "2024-12-31"), parameters: .defaults,
            incidents: IncidentAccounting(read: 4, rejected: 1, future: 0, excluded: 1, beyondRadius: 0, used: 2),
            rejected: [RejectedRecord(file: "in.csv", line: 4, id: "X3", reason: "latitude 95 is outside [-90, 90]")],
            units: [segment, site],
            corridors: [CorridorSummary(name: "North", lengthKm: 10, maxScore: 27.75, meanScore: 27.75,
                                        kmByTier: PerTier { $0 == .low ? 10 : 0 })],
            warnings: ["a warning"], provenance: Provenance(inputs: []))
    }

    static func input(color: Bool = false) -> RenderInput {
        RenderInput(report: report, incidents: [bomb, clash], title: "Sample", top: 5, color: color)
    }
}
