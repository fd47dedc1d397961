/// Number parsing straight from field bytes, without making a `String` per field.
enum ByteParsing {
    private static let powersOfTen: [Double] = (0...22).map { p in
        var v = 1.0
        for _ in 0..<p { v *= 10 }
        return v
    }

    /// A decimal number. Plain decimals of up to 15 significant digits take an exact fast path
    /// (an integer divided by a power of ten is correctly rounded); anything else — exponents,
    /// long mantissas, `nan`, `inf` — goes through the standard library's parser.
    /// `nil` when the text is not a number at all.
    static func double(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        var negative = false
        if i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0, fraction = 0
        var seenPoint = false, sawDigit = false, fast = true
        while i < b.count {
            let c = b[i]
            if c >= 48 && c <= 57 {
                sawDigit = true
                if mantissa != 0 || c != 48 { significant += 1 }
                if significant > 15 { fast = false; break }
                mantissa = mantissa * 10 + UInt64(c - 48)
                if seenPoint { fraction += 1 }
            } else if c == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                fast = false
                break
            }
            i += 1
        }
        if fast, sawDigit, fraction <= 22 {
            let v = Double(mantissa) / powersOfTen[fraction]
            return negative ? -v : v
        }
        return Double(String(decoding: b, as: UTF8.self))
    }

    /// Outcome of reading a count (fatalities, injured, hostages).
    enum Count: Equatable {
        case missing
        case value(Int)
        case invalid
    }

    /// A non-negative whole number; integral decimals such as `2.0` are accepted, empty is missing.
    static func count(_ b: UnsafeBufferPointer<UInt8>) -> Count {
        if b.isEmpty { return .missing }
        guard let v = double(b), v.isFinite, v >= 0, v.rounded() == v, v <= 1e15 else { return .invalid }
        return .value(Int(v))
    }

    @inline(__always) static func lower(_ c: UInt8) -> UInt8 {
        c >= 65 && c <= 90 ? c + 32 : c
    }
}
