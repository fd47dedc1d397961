/// The five risk tiers, from the score bands in `ModelParameters.tierBounds` (METHOD §3).
public enum RiskTier: String, TableKey, Comparable {
    case minimal, low, moderate, high, extreme

    /// 0 (minimal) to 4 (extreme): the order of the tiers.
    public var tableIndex: Int {
        switch self {
        case .minimal: 0
        case .low: 1
        case .moderate: 2
        case .high: 3
        case .extreme: 4
        }
    }

    /// The tier's name.
    public var tableName: String { rawValue }

    public static func < (a: Self, b: Self) -> Bool { a.tableIndex < b.tableIndex }
}
