/// A key of a `TotalTable`: a small enumeration whose cases number themselves 0, 1, 2, …
/// in `allCases` order.
public protocol TableKey: CaseIterable, Hashable, Sendable where AllCases: RandomAccessCollection {
    /// The case's position in `allCases`.
    var tableIndex: Int { get }
    /// The case's name in model files and reports (`bombing`, `"2"`).
    var tableName: String { get }
}

/// A value for every case of a small enumeration (every incident category, every precision
/// class): total by construction, so reading one never needs a fallback.
public struct TotalTable<Key: TableKey, Value: Hashable & Sendable>: Hashable, Sendable {
    private var values: [Value]

    /// A table with `value(key)` for every key.
    public init(_ value: (Key) -> Value) {
        values = Key.allCases.map(value)
    }

    /// The value for `key`.
    public subscript(key: Key) -> Value {
        get { values[key.tableIndex] }
        set { values[key.tableIndex] = newValue }
    }

    /// Every key with its value, in the enumeration's order.
    public var entries: [(key: Key, value: Value)] { zip(Key.allCases, values).map { ($0, $1) } }
}

/// A value per incident category.
public typealias PerCategory<Value: Hashable & Sendable> = TotalTable<IncidentCategory, Value>
/// A value per location precision class.
public typealias PerPrecision<Value: Hashable & Sendable> = TotalTable<LocationPrecision, Value>

extension LocationPrecision: TableKey {
    /// 0, 1, 2 for precision 1, 2, 3.
    public var tableIndex: Int { rawValue - 1 }
    /// `"1"`, `"2"`, `"3"`.
    public var tableName: String { String(rawValue) }
}
/// A value per risk tier.
public typealias PerTier<Value: Hashable & Sendable> = TotalTable<RiskTier, Value>
