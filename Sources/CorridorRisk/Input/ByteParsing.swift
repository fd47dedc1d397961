/// Number parsing straight from field bytes, without making a `String` per field.
package enum ByteParsing {
    private static let powersOfTen: [Double] = (0...22).map { p in
        var v = 1.0
        for _ in 0..<p { v *= 10 }
        return v
    }

    /// A decimal number, as the spec writes them: an optional sign, digits with an optional
    /// point, an optional exponent. Plain decimals of up to 15 significant digits take an exact
    /// fast path (an integer divided by a power of ten is correctly rounded); exponents and long
    /// mantissas go through the standard library's parser. `nil` for anything else, including
    /// what that parser would also take: hexadecimal (`0x1E`, `0x1p4`), `nan`, `inf`.
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
        guard isDecimal(b) else { return nil }
        return Double(String(decoding: b, as: UTF8.self))
    }

    /// Whether the bytes are `[+-]? (d+ (. d*)? | . d+) ([eE] [+-]? d+)?`.
    static func isDecimal(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        func digits() -> Int {
            let start = i
            while i < b.count, b[i] >= 48 && b[i] <= 57 { i += 1 }
            return i - start
        }
        if i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
        var mantissa = digits()
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == b.count
    }

    /// A decimal number from text (a command-line value), by the same rules.
    package static func double(_ text: String) -> Double? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { double(UnsafeBufferPointer($0)) }
    }

    /// Outcome of reading a count (fatalities, injured, hostages).
    enum Count: Equatable {
        case missing
        case value(Int)
        /// A whole number past `largestCount`.
        case tooLarge
        case invalid
    }

    /// The largest count read: far above any real casualty figure, and exact in a Double.
    static let largestCount = 1e15

    /// A non-negative whole number; integral decimals such as `2.0` are accepted, empty is missing.
    static func count(_ b: UnsafeBufferPointer<UInt8>) -> Count {
        if b.isEmpty { return .missing }
        guard let v = double(b), v.isFinite, v >= 0, v.rounded() == v else {
            if let v = double(b), v.isInfinite, v > 0 { return .tooLarge }
            return .invalid
        }
        return v <= largestCount ? .value(Int(v)) : .tooLarge
    }

    @inline(__always) static func lower(_ c: UInt8) -> UInt8 {
        c >= 65 && c <= 90 ? c + 32 : c
    }
}
