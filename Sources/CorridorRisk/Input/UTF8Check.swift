/// Counts byte sequences that are not valid UTF-8, so a Latin-1 or Windows-1252 export is
/// reported instead of silently showing replacement characters. ASCII runs are skipped eight
/// bytes at a time; only non-ASCII bytes are decoded.
enum UTF8Check {
    static func invalidSequences(in b: UnsafeBufferPointer<UInt8>) -> Int {
        invalidSequences(in: b, from: 0, to: b.count).count
    }

    /// Checks the sequences that start in `from..<to` (the last may end past `to`, which is
    /// why `b` is the whole input); `next` is where the following range must start.
    static func invalidSequences(in b: UnsafeBufferPointer<UInt8>, from: Int, to n: Int) -> (count: Int, next: Int) {
        guard let base = b.baseAddress else { return (0, n) }
        let raw = UnsafeRawPointer(base)
        var i = from, invalid = 0
        while i < n {
            if i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let length = sequenceLength(b, i)
            if length == 0 { invalid += 1; i += 1 } else { i += length }
        }
        return (invalid, i)
    }

    /// The length of the valid UTF-8 sequence starting at `i`, or 0 when it is not one.
    private static func sequenceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            i + k < b.count && b[i + k] >= low && b[i + k] <= high
        }
        switch b[i] {
        case 0xC2...0xDF: return continuation(1) ? 2 : 0
        case 0xE0: return continuation(1, 0xA0) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : 0
        case 0xED: return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
        case 0xF0: return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4: return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default: return 0
        }
    }

    /// The warning for a file with invalid sequences, or nil.
    static func warning(file: String, invalid: Int) -> String? {
        guard invalid > 0 else { return nil }
        return "\(file): \(invalid) byte sequence\(invalid == 1 ? " is" : "s are") not valid UTF-8 "
            + "(a Latin-1 or Windows-1252 file?); that text shows as U+FFFD: re-save the file as UTF-8"
    }
}
