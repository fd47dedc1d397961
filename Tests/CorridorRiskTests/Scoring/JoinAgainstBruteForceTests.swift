import Testing
import Foundation
import GeoFoundation
import SyntheticData
@testable import CorridorRisk
import TestSupport

/// The indexed join (zones, STRtree, prepared planar distances) against a brute-force join that
/// measures every pair geodesically, on random networks and incidents.
@Suite struct JoinAgainstBruteForceTests {
    /// Shortest geodesic distance (m) from `p` to a polyline with geodesic edges: each edge is
    /// sampled, then the best sample is refined by golden-section search.
    static func bruteDistance(_ p: Coordinate, _ line: [Coordinate]) -> Double {
        let g = Geodesic.wgs84
        var best = Double.infinity
        for (a, b) in zip(line, line.dropFirst()) {
            let length = g.distance(a, b)
            func f(_ s: Double) -> Double { g.distance(p, g.point(from: a, to: b, atDistance: s)) }
            let n = 40
            var bestS = 0.0, bestD = f(0)
            for i in 1...n {
                let s = length * Double(i) / Double(n)
                let d = f(s)
                if d < bestD { bestD = d; bestS = s }
            }
            var lo = max(0, bestS - length / Double(n)), hi = min(length, bestS + length / Double(n))
            let phi = (5.0.squareRoot() - 1) / 2
            for _ in 0..<40 {
                let m1 = hi - phi * (hi - lo), m2 = lo + phi * (hi - lo)
                if f(m1) < f(m2) { hi = m2 } else { lo = m1 }
            }
            best = min(best, bestD, f((lo + hi) / 2))
        }
        return best
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func indexedJoinAgreesWithBruteForce(seed: UInt64) async throws {
        var rng = SplitMix64(seed: seed)
        var assets: [Asset] = []
        // Lines wandering across two degrees around (66.5 E, 28.5 N) — several projection zones.
        for l in 0..<5 {
            var v = [Coordinate(65.6 + rng.unit() * 1.8, 27.6 + rng.unit() * 1.8)]
            for _ in 0..<(2 + l % 3) { v.append(Build.offset(v.last!, km: 8 + rng.unit() * 25, azimuth: rng.unit() * 360)) }
            assets.append(Asset(id: "L\(l)", kind: .road, geometry: .lineString(v)))
        }
        for s in 0..<3 { assets.append(Build.site("S\(s)", at: Coordinate(65.6 + rng.unit() * 1.8, 27.6 + rng.unit() * 1.8))) }
        let incidents = (0..<700).map { i in
            Build.incident("I\(i)", at: Coordinate(65.4 + rng.unit() * 2.2, 27.4 + rng.unit() * 2.2),
                           date: "2024-0\(1 + i % 9)-1\(i % 10)", category: .bombing, fatalities: i % 5)
        }
        var parameters = ModelParameters.defaults
        parameters.topIncidents = 10_000  // list every contribution
        let report = try await Build.score(assets, incidents, parameters: parameters)
        let byID = Dictionary(uniqueKeysWithValues: incidents.map { ($0.id, $0) })
        #expect(report.units.reduce(0) { $0 + $1.incidentCount } > 200)  // the comparison is not vacuous
        let r = 25_000.0, tolerance = 25.0  // max(5 m, 0.1 % of R) at the kernel's edge

        for unit in report.units {
            let line: [Coordinate]
            switch unit.geometry {
            case .lineString(let cs): line = cs
            case .point(let c): line = [c, c]
            default: continue
            }
            let box = Envelope(covering: line)!.widened(byMetres: r + 5_000)
            var bruteExposure = 0.0
            var bruteUsed: Set<String> = []
            let found = Dictionary(uniqueKeysWithValues: unit.topIncidents.map { ($0.id, $0) })
            for incident in incidents where box.contains(incident.location) {
                let d = Self.bruteDistance(incident.location, line)
                if let hit = found[incident.id] {
                    #expect(abs(hit.distanceKm * 1000 - d) <= max(5, 0.001 * d), "\(unit.id) \(incident.id): \(hit.distanceKm * 1000) vs \(d)")
                    #expect(d < r + tolerance)
                } else {
                    #expect(d >= r - tolerance, "\(unit.id) missed \(incident.id) at \(d) m")
                }
                if d < r {
                    let q = d / r
                    let age = incident.date.days(until: CalendarDay(iso: "2024-12-31")!)
                    bruteExposure += PreparedIncidents.weight(of: incident, .defaults) * (1 - q * q) * (1 - q * q) * exp2(-Double(age) / 365)
                    bruteUsed.insert(incident.id)
                }
            }
            #expect(found.keys.allSatisfy { byID[$0] != nil })
            #expect(abs(unit.exposure - bruteExposure) <= 1e-3 * max(bruteExposure, 1e-9), "\(unit.id): \(unit.exposure) vs \(bruteExposure)")
        }
    }
}
