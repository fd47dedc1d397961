import Foundation
import Testing
@testable import CorridorRisk

/// The hand-written inverse regularised incomplete gamma function against scipy's `gamma.ppf`
/// (Fixtures/tests/gamma/quantiles.csv, written by Tests/Tools/gamma_reference.py): 25 shapes
/// from 1e-4 to 1e8, 12 probabilities from 1e-9 to 0.9999.
@Suite struct GammaDistributionTests {
    struct Row { var shape, p, quantile, pAtQuantile: Double }

    static let rows: [Row] = {
        let text = (try? String(contentsOfFile: FixturePath.of("tests/gamma/quantiles.csv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").dropFirst().map { line in
            let v = line.split(separator: ",").map { Double($0)! }
            return Row(shape: v[0], p: v[1], quantile: v[2], pAtQuantile: v[3])
        }
    }()

    /// Rows where scipy's own quantile does not give back its probability (to 1e-10 relative) are
    /// not a reference: only (shape 1e8, p 1e-9), where scipy's P at its quantile is 9.92e-10.
    static var trusted: [Row] { rows.filter { abs($0.pAtQuantile - $0.p) <= 1e-10 * $0.p || $0.quantile < 1e-290 } }

    @Test func quantilesAgreeWithScipy() {
        #expect(Self.rows.count == 300)
        #expect(Self.trusted.count == 299)
        for r in Self.trusted {
            // Halley on the series and continued fraction up to shape 1e5; Wilson–Hilferty above.
            let tolerance = r.shape > 1e5 ? 1e-7 : 1e-9
            let x = GammaDistribution.quantile(r.p, shape: r.shape)
            if r.quantile < 1e-290 {
                #expect(x < 1e-290, "shape \(r.shape) p \(r.p): \(x), scipy 0")
            } else {
                #expect(abs(x - r.quantile) <= tolerance * r.quantile, "shape \(r.shape) p \(r.p): \(x), scipy \(r.quantile)")
            }
        }
    }

    @Test func theIncompleteGammaFunctionAgreesWithScipy() {
        for r in Self.rows where r.quantile > 1e-290 && r.shape <= 1e5 {
            let (p, q) = GammaDistribution.regularized(shape: r.shape, x: r.quantile)
            // x^a e^-x / Γ(a) loses digits to cancellation as a grows: 1e-9 relative at a = 1e5.
            #expect(abs(p - r.pAtQuantile) <= 1e-9 * max(r.pAtQuantile, 1e-300) || abs(p - r.pAtQuantile) < 1e-15,
                    "P(\(r.shape), \(r.quantile)) = \(p), scipy \(r.pAtQuantile)")
            #expect(abs(p + q - 1) < 1e-15)
        }
    }

    @Test func edgesAreHandled() {
        #expect(GammaDistribution.quantile(0, shape: 2) == 0)
        #expect(GammaDistribution.quantile(1, shape: 2) == .infinity)
        // Gamma(1) is the exponential distribution: its median is ln 2.
        #expect(abs(GammaDistribution.quantile(0.5, shape: 1) - log(2.0)) < 1e-15)
        #expect(GammaDistribution.regularized(shape: 3, x: 0) == (0, 1))
    }
}
