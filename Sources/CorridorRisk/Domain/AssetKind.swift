/// What an infrastructure asset is; decides whether it is segmented (linear) or scored whole (site).
public enum AssetKind: String, CaseIterable, Hashable, Sendable {
    case rail, road, pipeline
    case port, airport, station, mine, powerPlant, dam, borderCrossing, other

    /// Rail lines, roads and pipelines are cut into chainage segments; everything else is a site.
    public var isLinear: Bool {
        switch self {
        case .rail, .road, .pipeline: true
        default: false
        }
    }
}
