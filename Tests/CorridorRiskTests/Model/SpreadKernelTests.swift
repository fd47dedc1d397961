import Foundation
import Testing
@testable import CorridorRisk

/// Location uncertainty (METHOD §2.1): the spread kernel by hand and by numeric integration.
@Suite struct SpreadKernelTests {
    /// A precision-3 incident 40 km from a 10 km segment: beyond R = 25 km, within R_3 = √(25² + 50²).
    @Test func aRegionOnlyIncidentAt40KmReachesASegmentOnlyWhenSpread() async throws {
        let line = Build.line("L", km: 10)
        let mid = Build.offset(Build.origin, km: 5, azimuth: 0)
        let x = Build.incident("X", at: Build.offset(mid, km: 40, azimuth: 90), date: "2024-12-31", precision: .region,
                               category: .bombing)
        let spread = try await Build.score([line], [x]).units[0]
        let ri = (25.0 * 25 + 50 * 50).squareRoot()
        #expect(close(ri, 55.9017))
        let d = try #require(spread.topIncidents.first).distanceKm
        #expect(abs(d - 40) < 0.05, "the nearest point is the segment's middle: \(d) km")
        // s = 2 (bombing, no casualties), p = 0.5, g = 1, D = 1, K = (25/R₃)² (1 − (d/R₃)²)².
        let k = 25 * 25 / (ri * ri) * pow(1 - (d / ri) * (d / ri), 2)
        #expect(close(spread.exposure, 2 * 0.5 * k))
        #expect(spread.incidentCount == 1)
        var weight = ModelParameters.defaults
        weight.precisionModel = .weight
        let plain = try await Build.score([line], [x], parameters: weight)
        #expect(plain.units[0].incidentCount == 0 && plain.incidents.beyondRadius == 1)
    }

    /// ∫∫ K_i dA over the plane is πR²/3 whatever ρ: a vague incident is spread, not amplified.
    @Test(arguments: [0.0, 10, 50])
    func spreadingKeepsTheKernelsMass(rho: Double) {
        let r = 25.0, ri = RiskModel.spreadRadius(radius: r, uncertainty: rho)
        let scale = RiskModel.spreadScale(radius: r, spreadRadius: ri)
        let n = 800, h = 2 * ri / Double(n)
        var mass = 0.0
        for i in 0..<n {
            for j in 0..<n {
                let x = -ri + (Double(i) + 0.5) * h, y = -ri + (Double(j) + 0.5) * h
                mass += RiskModel.spreadKernel(distance: (x * x + y * y).squareRoot(), spreadRadius: ri, scale: scale) * h * h
            }
        }
        #expect(abs(mass - Double.pi * r * r / 3) < 1e-4 * Double.pi * r * r / 3, "ρ = \(rho): \(mass)")
    }

    @Test func withoutUncertaintyTheSpreadKernelIsTheKernel() {
        #expect(RiskModel.spreadRadius(radius: 25, uncertainty: 0) == 25)
        #expect(RiskModel.spreadScale(radius: 25, spreadRadius: 25) == 1)
        for d in stride(from: 0.0, through: 26, by: 1.3) {
            #expect(RiskModel.spreadKernel(distance: d, spreadRadius: 25, scale: 1) == RiskModel.kernel(distance: d, radius: 25))
        }
    }

    @Test func compassPointsCoverFortyFiveDegreeSectors() {
        #expect(RiskModel.compassPoint(azimuth: 0) == .N)
        #expect(RiskModel.compassPoint(azimuth: 22.49) == .N)
        #expect(RiskModel.compassPoint(azimuth: 22.5) == .NE)
        #expect(RiskModel.compassPoint(azimuth: 337.5) == .N)
        #expect(RiskModel.compassPoint(azimuth: 337.49) == .NW)
        #expect(RiskModel.compassPoint(azimuth: -90) == .W)
        #expect(RiskModel.compassPoint(azimuth: 180) == .S)
        #expect(RiskModel.compassPoint(azimuth: 225) == .SW)
    }
}
