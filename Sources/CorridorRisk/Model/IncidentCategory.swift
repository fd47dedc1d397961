/// The model's incident categories; each has a default weight `w_cat` (spec §1).
public enum IncidentCategory: String, CaseIterable, Hashable, Sendable {
    case hijacking, suicideBombing, bombing, armedAssault, hostageTaking, kidnapping
    case shelling, sabotage, armedClash, unrest, other

    /// The spec's default weight.
    public var defaultWeight: Double {
        switch self {
        case .hijacking, .suicideBombing: 3.0
        case .bombing, .armedAssault, .hostageTaking: 2.0
        case .kidnapping, .shelling, .sabotage: 1.5
        case .armedClash: 1.0
        case .unrest, .other: 0.5
        }
    }

    /// Reads a category name; an unknown value becomes `other`, as the spec requires.
    public init(lenient name: some StringProtocol) {
        self = IncidentCategory(rawValue: String(name)) ?? .other
    }
}
