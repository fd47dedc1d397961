/// Finds repeated ids among up to millions of incidents: an open-addressing table of positions
/// keyed by a 64-bit FNV-1a hash of the id's UTF-8, confirmed by comparing the ids themselves.
/// (`Dictionary<String, Int>` hashes every id with SipHash, which dominated reading time.)
struct IDIndex {
    private var slots: [Int32]       // position + 1; 0 = empty
    private var hashes: [UInt64]
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        hashes = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    static func hash(_ id: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in id.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// Inserts `id` at `position` unless it is already there; returns the earlier position if so.
    /// `idAt` gives the id stored at a position.
    mutating func insert(_ id: String, at position: Int, idAt: (Int) -> String) -> Int? {
        let h = Self.hash(id)
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] != 0 {
            let other = Int(slots[i]) - 1
            if hashes[i] == h, idAt(other) == id { return other }
            i = (i + 1) & mask
        }
        slots[i] = Int32(position + 1)
        hashes[i] = h
        return nil
    }
}
