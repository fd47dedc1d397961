import Platform

/// Fast scans over raw bytes: eight at a time with word arithmetic, and `memchr` for searches.
enum ByteCounting {
    private static var ones: UInt64 { 0x0101_0101_0101_0101 }
    private static var sevens: UInt64 { 0x7F7F_7F7F_7F7F_7F7F }

    /// Bytes of the word equal to `pattern` (a byte repeated eight times): exact, no false hits.
    @inline(__always)
    private static func matches(_ word: UInt64, _ pattern: UInt64) -> Int {
        let x = word ^ pattern
        let y = ~(((x & sevens) &+ sevens) | x | sevens)
        return y.nonzeroBitCount
    }

    /// The bytes of the word equal to `pattern`, each as its high bit (exact, no false hits).
    @inline(__always)
    private static func matchBits(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let x = word ^ pattern
        return ~(((x & sevens) &+ sevens) | x | sevens)
    }


    /// The index of the first comma, LF or CR in bytes[from..<to], or `to`: eight bytes per step,
    /// which is what an ACLED note or a long field costs.
    @inline(__always)
    static func firstDelimiter(in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard let base = bytes.baseAddress else { return to }
        let raw = UnsafeRawPointer(base)
        var i = from
        while i + 8 <= to {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // ',', LF and CR in every byte (literals, so nothing is looked up in the loop).
            let hits = matchBits(w, 0x2C2C_2C2C_2C2C_2C2C) | matchBits(w, 0x0A0A_0A0A_0A0A_0A0A) | matchBits(w, 0x0D0D_0D0D_0D0D_0D0D)
            if hits != 0 { return i + hits.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < to {
            let c = bytes[i]
            if c == 0x2C || c == 0x0A || c == 0x0D { return i }
            i += 1
        }
        return to
    }

    /// How many line breaks (LF, CRLF or a lone CR, each counted once) bytes[from..<to] holds.
    static func lineBreaks(in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        let lf = count(0x0A, in: bytes, from: from, to: to)
        guard count(0x0D, in: bytes, from: from, to: to) > 0 else { return lf }
        var lone = 0
        for i in from..<to where bytes[i] == 0x0D && !(i + 1 < to && bytes[i + 1] == 0x0A) { lone += 1 }
        return lf + lone
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
