import RealModule

/// The Gamma distribution's regularised incomplete gamma function and its inverse, for the
/// Empirical-Bayes interval (METHOD §3.2).
///
/// Written here rather than taken from a library: Debian's GSL has `gsl_cdf_gamma_Pinv`, but it
/// is GPL, which a library meant to be embedded should not force on its users. The method is the
/// textbook one: P(a, x) from its power series below x = a + 1 and from the continued fraction
/// of Q(a, x) = 1 − P(a, x) above (modified Lentz), and the inverse by Halley's iteration on
/// whichever of P or Q is the smaller (so tail probabilities keep their digits), started from
/// the Wilson–Hilferty normal approximation (a > 1) or the small-x form of P (a ≤ 1) and kept
/// inside a bracket that bisection tightens when a step would leave it. P is good to about 1e-10
/// relative up to shape 10⁵ (x^a e^−x / Γ(a) loses digits to cancellation as a grows), the
/// quantile to 1e-9; above 10⁵ Wilson–Hilferty alone is used, within 1e-7 relative there.
/// `Tests/CorridorRiskTests/Model/GammaDistributionTests.swift` checks it against scipy.
public enum GammaDistribution {
    /// P(a, x) and Q(a, x) = 1 − P(a, x) (a > 0, x ≥ 0).
    public static func regularized(shape a: Double, x: Double) -> (p: Double, q: Double) {
        guard x > 0 else { return (0, 1) }
        let logPrefix = -x + a * .log(x) - .logGamma(a)
        if x < a + 1 {
            // P = x^a e^-x / Γ(a+1) · Σ x^n / ((a+1)…(a+n))
            var term = 1 / a, sum = term, n = 1.0
            while n < 100_000 {
                term *= x / (a + n)
                sum += term
                if abs(term) < abs(sum) * 1e-17 { break }
                n += 1
            }
            let p = min(1, sum * .exp(logPrefix))
            return (p, 1 - p)
        }
        // Q = x^a e^-x / Γ(a) · 1/(x+1−a− 1·(1−a)/(x+3−a− 2·(2−a)/(x+5−a− …)))
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        var i = 1.0
        while i < 100_000 {
            let an = -i * (i - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
            i += 1
        }
        let q = min(1, h * .exp(logPrefix))
        return (1 - q, q)
    }

    /// The x with P(a, x) = p: the p-quantile of Gamma(shape a, rate 1). Divide by the rate for
    /// another rate. 0 for p ≤ 0, +∞ for p ≥ 1.
    public static func quantile(_ p: Double, shape a: Double) -> Double {
        guard p > 0 else { return 0 }
        guard p < 1 else { return .infinity }
        let z = normalQuantile(p)
        if a > 1e5 { return wilsonHilferty(z, a) }
        var x: Double
        if a > 1 {
            x = max(wilsonHilferty(z, a), 1e-3 * a)
        } else {
            // Small x: P(a, x) ≈ x^a / Γ(a + 1). Large x: Q(a, x) ≈ x^(a−1) e^−x / Γ(a) ≤ e^−x / Γ(a).
            let small = Double.exp((Double.log(p) + Double.logGamma(a + 1)) / a)
            x = small < 1 ? small : max(1, -Double.log(1 - p) - Double.logGamma(a))
            x = max(x, Double.leastNormalMagnitude)
        }
        // Halley's iteration on f(x) = P(a, x) − p (or p's complement on Q), inside a bracket.
        let upper = p > 0.5
        let target = upper ? 1 - p : p
        var low = 0.0, high = Double.infinity
        let logGammaA = Double.logGamma(a)
        for _ in 0..<100 {
            let (pp, qq) = regularized(shape: a, x: x)
            let f = upper ? target - qq : pp - target   // increasing in x either way
            if f < 0 { low = x } else { high = x }
            if f == 0 { return x }
            let density = Double.exp(-x + (a - 1) * Double.log(x) - logGammaA)
            guard density > 0, density.isFinite else {
                x = high.isFinite ? (low + high) / 2 : x * 2
                continue
            }
            let newton = f / density
            let curvature = (a - 1) / x - 1          // f''/f'
            var step = newton / (1 - 0.5 * max(-1, min(1, newton * curvature)))
            if !step.isFinite { step = newton }
            var next = x - step
            if next <= low || next >= high || !next.isFinite {
                next = high.isFinite ? (low + high) / 2 : max(x * 2, low * 2)
            }
            if abs(next - x) <= 1e-15 * max(x, 1e-300) { return next }
            x = next
        }
        return x
    }

    /// The Wilson–Hilferty approximation `a (1 − 1/(9a) + z/(3√a))³` of the quantile with normal
    /// deviate z.
    static func wilsonHilferty(_ z: Double, _ a: Double) -> Double {
        let c = 1 - 1 / (9 * a) + z / (3 * a.squareRoot())
        return a * max(c, 0) * max(c, 0) * max(c, 0)
    }

    /// The standard normal quantile (Acklam's rational approximation, refined by one Halley step
    /// on erfc: about 1e-15 relative).
    static func normalQuantile(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
                 -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                 -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
                 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if p < low {
            let q = (-2 * Double.log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5, r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * Double.log(1 - p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let e = 0.5 * Double.erfc(-x / 2.0.squareRoot()) - p
        let u = e * (2 * Double.pi).squareRoot() * Double.exp(x * x / 2)
        return x - u / (1 + x * u / 2)
    }
}
