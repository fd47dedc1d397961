// Small text helpers the readers and writers share (no Foundation needed).

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmedSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}

extension String {
    /// Every occurrence of the ASCII byte `target` replaced, byte by byte: a quote followed by a
    /// combining mark is one `Character` but must still count as a quote (found by fuzzing).
    func replacingAll(_ target: UInt8, with replacement: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        for b in utf8 {
            if b == target { out.append(contentsOf: replacement.utf8) } else { out.append(b) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
