/// Infers an ACLED event's targets from its `notes` with the spec's keyword table (§1).
///
/// Matching is case-insensitive on whole words (runs of letters and digits; non-ASCII bytes count
/// as letters), a keyword also matches with a plural `s` or `es`, and a two-word keyword matches
/// its words separated by spaces. The keywords live in a small trie so each word of the notes
/// is rejected after a byte or two: notes are most of an ACLED export's bytes.
struct TargetKeywords: Sendable {
    /// The spec's table.
    static let table: [(IncidentTarget, [String])] = [
        (.rail, ["train", "railway", "rail", "track", "locomotive", "bogie", "Jaffar Express"]),
        (.road, ["bus", "convoy", "highway", "vehicle", "truck", "road"]),
        (.foreignNationals, ["Chinese", "foreigner", "foreign national", "expatriate"]),
        (.energy, ["pipeline", "gas", "power", "pylon", "grid", "electricity"]),
        (.maritime, ["port", "harbour", "harbor", "vessel", "ship", "boat", "jetty"]),
        (.aviation, ["airport", "aircraft", "airfield", "helicopter"]),
        (.mining, ["mine", "miner", "mining", "coal"]),
        (.security, ["police", "policeman", "policemen", "soldier", "FC", "army", "Levies", "troops",
                     "military", "checkpost", "checkpoint", "paramilitary", "Frontier Corps"]),
    ]

    static let shared = TargetKeywords(table: table)

    private static let space = 26, fanout = 27
    /// children[node * 27 + letter] (letter 0–25, 26 = the gap between two words); 0 = none.
    private var children: [Int32] = [Int32](repeating: 0, count: fanout)
    /// The target bits a word ending at the node matches.
    private var terminal: [UInt16] = [0]

    init(table: [(IncidentTarget, [String])]) {
        for (target, keywords) in table {
            for keyword in keywords { insert(keyword.lowercased(), target.bit) }
        }
    }

    private mutating func insert(_ keyword: String, _ bit: UInt16) {
        var node = 0
        for c in keyword.utf8 {
            let slot = c == 0x20 ? Self.space : Int(c - 97)
            let at = node * Self.fanout + slot
            if children[at] == 0 {
                children[at] = Int32(terminal.count)
                terminal.append(0)
                children.append(contentsOf: repeatElement(0, count: Self.fanout))
            }
            node = Int(children[at])
        }
        terminal[node] |= bit
    }

    @inline(__always) private static func isWordByte(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0x80
    }

    /// The targets the text mentions (empty when none).
    func targets(in text: UnsafeBufferPointer<UInt8>) -> TargetSet {
        var bits: UInt16 = 0
        var i = 0
        let n = text.count
        while i < n {
            guard Self.isWordByte(text[i]) else { i += 1; continue }
            let start = i
            while i < n, Self.isWordByte(text[i]) { i += 1 }
            bits |= match(text, start, i, from: 0)
        }
        return TargetSet(rawValue: bits)
    }

    /// Matches the word text[start..<end] from `node`; follows a two-word keyword into the next word.
    private func match(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, from root: Int) -> UInt16 {
        var node = root
        var before1 = -1, before2 = -1  // nodes one and two letters before the end
        for p in start..<end {
            let c = ByteParsing.lower(text[p])
            guard c >= 97 && c <= 122 else { return 0 }
            before2 = before1
            before1 = node
            node = Int(children[node * Self.fanout + Int(c - 97)])
            if node == 0 {
                // The word left the trie; only a plural ending can still match.
                return pluralMatch(text, p, end, before1)
            }
        }
        var bits = terminal[node]
        let last = ByteParsing.lower(text[end - 1])
        if last == UInt8(ascii: "s"), before1 >= 0 {
            bits |= terminal[before1]
            if end - start >= 2, ByteParsing.lower(text[end - 2]) == UInt8(ascii: "e"), before2 >= 0 {
                bits |= terminal[before2]
            }
        }
        // A two-word keyword: this word, one or more spaces, then the next word.
        let next = Int(children[node * Self.fanout + Self.space])
        if next != 0, end < text.count, text[end] == 0x20 {
            var s = end
            while s < text.count, text[s] == 0x20 { s += 1 }
            var e = s
            while e < text.count, Self.isWordByte(text[e]) { e += 1 }
            if e > s { bits |= match(text, s, e, from: next) }
        }
        return bits
    }

    /// The word fell off the trie at byte `p`: it can still be `keyword + s` or `keyword + es`
    /// when those are exactly its last letters and `node` (before `p`) ends a keyword.
    private func pluralMatch(_ text: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int, _ node: Int) -> UInt16 {
        let rest = end - p
        if rest == 1, ByteParsing.lower(text[p]) == UInt8(ascii: "s") { return terminal[node] }
        if rest == 2, ByteParsing.lower(text[p]) == UInt8(ascii: "e"),
           ByteParsing.lower(text[p + 1]) == UInt8(ascii: "s") { return terminal[node] }
        return 0
    }
}
