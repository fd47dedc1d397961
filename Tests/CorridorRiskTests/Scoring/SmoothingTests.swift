import Foundation
import Testing
@testable import CorridorRisk

/// Empirical-Bayes smoothing (METHOD §3.2) worked through independently of the library's code.
@Suite struct SmoothingTests {
    /// Three units with spread beyond chance (s² > 0): prior, posterior mean and interval.
    @Test func aSpreadPriorShrinksEachUnitTowardsTheNetworkRate() throws {
        let e = [8.0, 0.5, 0.0], sq = [20.0, 0.25, 0.0], w = [921.165, 921.165, 654.498]
        let prior = try #require(RiskModel.smoothingPrior(exposure: e, sumOfSquares: sq, kernelAreaKm2: w))
        // By hand: φ = 20.25 / 8.5; e = E/φ; b = W/1000; m = Σe/Σb; s² = Σb(e/b − m)²/Σb − m/mean(b).
        let phi = 20.25 / 8.5
        let counts = e.map { $0 / phi }, b = w.map { $0 / 1000 }
        let m = counts.reduce(0, +) / b.reduce(0, +)
        let s2 = zip(counts, b).reduce(0) { $0 + $1.1 * pow($1.0 / $1.1 - m, 2) } / b.reduce(0, +) - m / (b.reduce(0, +) / 3)
        #expect(close(prior.phi, phi, digits: 12) && close(prior.mean, m, digits: 12) && close(prior.variance, s2, digits: 12))
        #expect(s2 > 0)
        let alpha = m * m / s2, beta = m / s2
        for i in 0..<3 {
            let s = RiskModel.smoothedThreat(prior: prior, exposure: e[i], kernelAreaKm2: w[i], level: 0.9)
            let shape = alpha + counts[i], rate = beta + b[i]
            #expect(close(s.threat, phi * shape / rate, digits: 12))
            #expect(close(s.low, phi * GammaDistribution.quantile(0.05, shape: shape) / rate, digits: 12))
            #expect(close(s.high, phi * GammaDistribution.quantile(0.95, shape: shape) / rate, digits: 12))
            // Between the unit's own threat and the network's rate, inside its own interval.
            let own = 1000 * e[i] / w[i], network = phi * m
            #expect(s.threat >= min(own, network) && s.threat <= max(own, network))
            #expect(s.low <= s.threat && s.threat <= s.high)
        }
    }

    @Test func noSpreadGivesEveryUnitTheNetworkRate() throws {
        let prior = try #require(RiskModel.smoothingPrior(exposure: [1, 1.1], sumOfSquares: [1, 1.21], kernelAreaKm2: [900, 900]))
        #expect(prior.variance <= 0 && prior.gamma == nil)
        let s = RiskModel.smoothedThreat(prior: prior, exposure: 1, kernelAreaKm2: 900, level: 0.9)
        #expect(s.threat == prior.phi * prior.mean && s.low == s.threat && s.high == s.threat)
    }

    @Test func noExposureAnywhereLeavesSmoothingUndefined() async throws {
        #expect(RiskModel.smoothingPrior(exposure: [0, 0], sumOfSquares: [0, 0], kernelAreaKm2: [1, 1]) == nil)
        let r = try await Build.score([Build.line("L", km: 12), Build.site("P")], [])
        #expect(r.units.allSatisfy { $0.smoothed == nil && $0.lowData })
    }

    @Test func theIntervalLevelSetsTheQuantiles() throws {
        let prior = try #require(RiskModel.smoothingPrior(exposure: [8, 0.5, 0], sumOfSquares: [20, 0.25, 0],
                                                          kernelAreaKm2: [921, 921, 654]))
        let narrow = RiskModel.smoothedThreat(prior: prior, exposure: 0.5, kernelAreaKm2: 921, level: 0.5)
        let wide = RiskModel.smoothedThreat(prior: prior, exposure: 0.5, kernelAreaKm2: 921, level: 0.99)
        #expect(wide.low < narrow.low && narrow.high < wide.high && narrow.threat == wide.threat)
    }
}
