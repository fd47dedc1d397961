/// What an incident was aimed at (spec §1 target vocabulary, in its order).
public enum IncidentTarget: String, CaseIterable, Hashable, Sendable {
    case rail, road, energy, maritime, aviation, mining, foreignNationals
    case security, civilians, government, other

    var bit: UInt16 { 1 << UInt16(Self.allCases.firstIndex(of: self)!) }
}

/// A set of targets, always listed in the vocabulary's order; an incident has at least one.
public struct TargetSet: Hashable, Sendable, SetAlgebra, Sequence, CustomStringConvertible {
    /// One bit per target, in the vocabulary's order.
    public private(set) var rawValue: UInt16

    /// The empty set.
    public init() { rawValue = 0 }
    /// The set with these bits.
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    /// The set of these targets.
    public init(_ targets: some Sequence<IncidentTarget>) {
        rawValue = targets.reduce(0) { $0 | $1.bit }
    }

    /// Parses `rail;foreignNationals` (also `,`-separated); unknown names become `other`,
    /// an empty text is `other`.
    public init(lenient text: some StringProtocol) {
        var set = TargetSet()
        for part in text.split(whereSeparator: { $0 == ";" || $0 == "," }) {
            let name = part.trimmedSpaces
            if name.isEmpty { continue }
            set.insert(IncidentTarget(rawValue: name) ?? .other)
        }
        self = set.isEmpty ? [.other] : set
    }

    public func makeIterator() -> some IteratorProtocol<IncidentTarget> {
        IncidentTarget.allCases.filter { rawValue & $0.bit != 0 }.makeIterator()
    }

    /// `rail;foreignNationals`, the native CSV spelling.
    public var description: String { map(\.rawValue).joined(separator: ";") }

    public func contains(_ t: IncidentTarget) -> Bool { rawValue & t.bit != 0 }
    @discardableResult
    public mutating func insert(_ t: IncidentTarget) -> (inserted: Bool, memberAfterInsert: IncidentTarget) {
        let had = contains(t)
        rawValue |= t.bit
        return (!had, t)
    }
    @discardableResult
    public mutating func remove(_ t: IncidentTarget) -> IncidentTarget? {
        guard contains(t) else { return nil }
        rawValue &= ~t.bit
        return t
    }
    @discardableResult
    public mutating func update(with t: IncidentTarget) -> IncidentTarget? {
        let had = contains(t)
        rawValue |= t.bit
        return had ? t : nil
    }
    public func union(_ other: TargetSet) -> TargetSet { TargetSet(rawValue: rawValue | other.rawValue) }
    public func intersection(_ other: TargetSet) -> TargetSet { TargetSet(rawValue: rawValue & other.rawValue) }
    public func symmetricDifference(_ other: TargetSet) -> TargetSet { TargetSet(rawValue: rawValue ^ other.rawValue) }
    public mutating func formUnion(_ other: TargetSet) { rawValue |= other.rawValue }
    public mutating func formIntersection(_ other: TargetSet) { rawValue &= other.rawValue }
    public mutating func formSymmetricDifference(_ other: TargetSet) { rawValue ^= other.rawValue }
    public var isEmpty: Bool { rawValue == 0 }
}

extension TargetSet: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: IncidentTarget...) { self.init(elements) }
}
