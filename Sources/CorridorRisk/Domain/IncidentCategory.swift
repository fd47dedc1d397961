/// The model's incident categories; each has a default weight `w_cat` (spec §1).
public enum IncidentCategory: String, TableKey {
    case hijacking, suicideBombing, bombing, armedAssault, hostageTaking, kidnapping
    case shelling, sabotage, armedClash, unrest
    /// A peaceful protest, an arrest or another non-violent development (ACLED): recorded and
    /// counted, weighted 0 by default, so it never raises a score.
    case nonViolent
    case other

    /// The spec's default weight.
    public var defaultWeight: Double {
        switch self {
        case .hijacking, .suicideBombing: 3.0
        case .bombing, .armedAssault, .hostageTaking: 2.0
        case .kidnapping, .shelling, .sabotage: 1.5
        case .armedClash: 1.0
        case .unrest, .other: 0.5
        case .nonViolent: 0
        }
    }

    /// The category's position in `allCases` (for per-category tables).
    public var tableIndex: Int {
        switch self {
        case .hijacking: 0
        case .suicideBombing: 1
        case .bombing: 2
        case .armedAssault: 3
        case .hostageTaking: 4
        case .kidnapping: 5
        case .shelling: 6
        case .sabotage: 7
        case .armedClash: 8
        case .unrest: 9
        case .nonViolent: 10
        case .other: 11
        }
    }

    /// The category's name, as model files and reports spell it.
    public var tableName: String { rawValue }

    /// Reads a category name; an unknown value becomes `other`, as the spec requires.
    public init(lenient name: some StringProtocol) {
        self = IncidentCategory(rawValue: String(name)) ?? .other
    }
}
