/// One of `count` equal slices of a network's scoring units, numbered from 1: shard K of N
/// scores positions ⌊(K−1)·U/N⌋ ..< ⌊K·U/N⌋ of the U units a whole run cuts, taken west to east
/// by projection zone (`RiskScorer.shardOrder`).
///
/// Slices are longitude strips so that a shard's units lie close together: the join then meets
/// only the incidents near them, and a shard's work and part are about 1/N of the whole. Every shard reads all the inputs, so `asOf`, the units and the
/// duplicate-id resolution ("first in input order wins") are those of one machine.
public struct Shard: Hashable, Sendable, CustomStringConvertible {
    /// 1 ... count.
    public let index: Int
    public let count: Int

    /// Shard `index` of `count`; nil unless 1 ≤ index ≤ count.
    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `K/N` (`2/7`).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let k = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        self.init(index: k, count: n)
    }

    /// The positions (in the shard order) of this shard's units among `total`.
    public func units(of total: Int) -> Range<Int> {
        let total = max(0, total)
        return (index - 1) * total / count ..< index * total / count
    }

    public var description: String { "\(index)/\(count)" }
}
