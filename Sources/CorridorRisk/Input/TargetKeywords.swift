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

    fileprivate static let space = 26, fanout = 27
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

    /// Each byte's class: 0 outside a word, 1–26 a letter (either case), 27 a digit or a
    /// non-ASCII byte (part of a word, never of a keyword). One lookup per byte of the notes.
    private static let classes: [UInt8] = (0...255).map { b -> UInt8 in
        switch b {
        case 65...90: UInt8(b - 64)
        case 97...122: UInt8(b - 96)
        case 48...57, 128...255: 27
        default: 0
        }
    }

    /// The targets the text mentions (empty when none).
    func targets(in text: UnsafeBufferPointer<UInt8>) -> TargetSet {
        Self.classes.withUnsafeBufferPointer { classes in
            children.withUnsafeBufferPointer { children in
                terminal.withUnsafeBufferPointer { terminal in
                    let trie = Trie(classes: classes, children: children, terminal: terminal)
                    var bits: UInt16 = 0
                    var i = 0
                    let n = text.count
                    while i < n {
                        guard classes[Int(text[i])] != 0 else { i += 1; continue }
                        let start = i
                        i += 1
                        while i < n, classes[Int(text[i])] != 0 { i += 1 }
                        bits |= trie.match(text, start, i, from: 0)
                    }
                    return TargetSet(rawValue: bits)
                }
            }
        }
    }

    /// The trie's tables, borrowed for one text.
    private struct Trie {
        let classes: UnsafeBufferPointer<UInt8>
        let children: UnsafeBufferPointer<Int32>
        let terminal: UnsafeBufferPointer<UInt16>

        @inline(__always) func letter(_ c: UInt8) -> Int { Int(classes[Int(c)]) - 1 }   // 0–25, or 26 for digits

        /// Matches the word text[start..<end] from `root`; follows a two-word keyword into the next word.
        func match(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, from root: Int) -> UInt16 {
            var node = root
            var before1 = -1, before2 = -1  // nodes one and two letters before the end
            for p in start..<end {
                let l = letter(text[p])
                guard l < 26 else { return 0 }
                before2 = before1
                before1 = node
                node = Int(children[node * TargetKeywords.fanout + l])
                if node == 0 {
                    // The word left the trie; only a plural ending can still match.
                    return pluralMatch(text, p, end, before1)
                }
            }
            var bits = terminal[node]
            let s = 18, e = 4   // letter(s), letter(e)
            if letter(text[end - 1]) == s, before1 >= 0 {
                bits |= terminal[before1]
                if end - start >= 2, letter(text[end - 2]) == e, before2 >= 0 {
                    bits |= terminal[before2]
                }
            }
            // A two-word keyword: this word, one or more spaces, then the next word.
            let next = Int(children[node * TargetKeywords.fanout + TargetKeywords.space])
            if next != 0, end < text.count, text[end] == 0x20 {
                var a = end
                while a < text.count, text[a] == 0x20 { a += 1 }
                var b = a
                while b < text.count, classes[Int(text[b])] != 0 { b += 1 }
                if b > a { bits |= match(text, a, b, from: next) }
            }
            return bits
        }

        /// The word fell off the trie at byte `p`: it can still be `keyword + s` or `keyword + es`
        /// when those are exactly its last letters and `node` (before `p`) ends a keyword.
        func pluralMatch(_ text: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int, _ node: Int) -> UInt16 {
            let rest = end - p
            if rest == 1, letter(text[p]) == 18 { return terminal[node] }
            if rest == 2, letter(text[p]) == 4, letter(text[p + 1]) == 18 { return terminal[node] }
            return 0
        }
    }
}
