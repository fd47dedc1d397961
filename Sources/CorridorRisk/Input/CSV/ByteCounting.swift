import Platform

/// Fast scans over raw bytes: eight at a time with word arithmetic, and `memchr` for searches.
enum ByteCounting {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let sevens: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// Bytes of the word equal to `pattern` (a byte repeated eight times): exact, no false hits.
    @inline(__always)
    private static func matches(_ word: UInt64, _ pattern: UInt64) -> Int {
        let x = word ^ pattern
        let y = ~(((x & sevens) &+ sevens) | x | sevens)
        return y.nonzeroBitCount
    }

    /// How many times `a` and `b` occur in bytes[from..<to].
    static func count(_ a: UInt8, _ b: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> (Int, Int) {
        guard from < to, let base = bytes.baseAddress else { return (0, 0) }
        let raw = UnsafeRawPointer(base)
        let pa = UInt64(a) &* ones, pb = UInt64(b) &* ones
        var i = from, na = 0, nb = 0
        while i + 8 <= to {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            na += matches(w, pa)
            nb += matches(w, pb)
            i += 8
        }
        while i < to {
            if bytes[i] == a { na += 1 } else if bytes[i] == b { nb += 1 }
            i += 1
        }
        return (na, nb)
    }

    /// How many times `byte` occurs in bytes[from..<to].
    static func count(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to, let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let p = UInt64(byte) &* ones
        var i = from, n = 0
        while i + 8 <= to {
            n += matches(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self), p)
            i += 8
        }
        while i < to {
            if bytes[i] == byte { n += 1 }
            i += 1
        }
        return n
    }

    /// The first index of `byte` in bytes[from..<to], or `nil`.
    @inline(__always)
    static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        ByteSearch.firstIndex(of: byte, in: bytes, from: from, to: to)
    }
}
