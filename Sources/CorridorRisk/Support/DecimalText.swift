/// Numbers as text for people, without Foundation's formatters (whose output varies by platform
/// and locale), so every rendering is the same bytes everywhere.
package enum DecimalText {
    /// `v` with `digits` decimals; "—" for a non-finite value.
    package static func fixed(_ v: Double, _ digits: Int) -> String {
        guard v.isFinite else { return "—" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let r = (abs(v) * scale).rounded()
        guard r < 9e15 else { return String(v) }
        let whole = Int(r / scale)
        var s = (v < 0 && r != 0 ? "-" : "") + String(whole)
        if digits > 0 {
            let frac = String(Int(r - Double(whole) * scale))
            s += "." + String(repeating: "0", count: digits - frac.count) + frac
        }
        return s
    }

    /// `v` without trailing zeros when whole (`25`), else shortest round-trip (`0.5`).
    package static func plain(_ v: Double) -> String {
        v.rounded() == v && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }

    /// A chainage or distance for a sentence: whole kilometres, or one decimal when it is not
    /// whole to a tenth (`260`, `33.3`).
    package static func km(_ v: Double) -> String {
        let tenth = fixed(v, 1)
        return tenth.hasSuffix(".0") ? String(tenth.dropLast(2)) : tenth
    }
}
