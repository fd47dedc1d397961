import CorridorRisk

/// How the features of a GDAL layer become assets: which properties give the id, the name, the
/// kind, the route key, criticality, CPEC and corridors, and rules that map tags to a kind
/// (`highway in [motorway, trunk, primary] → road, criticality 3`). A feature no rule matches is
/// skipped and counted. Built in: `native` (the GeoJSON property names) and `osm`
/// (OpenStreetMap's tags); `--profile FILE` reads one from JSON (`Docs/DATA.md`).
public struct AssetProfile: Sendable, Hashable {
    /// One rule: when every condition holds, the feature is an asset of `kind`.
    public struct Rule: Sendable, Hashable {
        /// Property → accepted values (`["*"]`: any non-empty value).
        public var conditions: [(key: String, values: [String])]
        public var kind: AssetKind
        public var criticality: Double?
        public var cpec: Bool?
        public var corridors: [String]

        public static func == (a: Rule, b: Rule) -> Bool {
            a.kind == b.kind && a.criticality == b.criticality && a.cpec == b.cpec && a.corridors == b.corridors
                && a.conditions.map(\.key) == b.conditions.map(\.key) && a.conditions.map(\.values) == b.conditions.map(\.values)
        }

        public func hash(into h: inout Hasher) {
            h.combine(kind)
            for c in conditions { h.combine(c.key); h.combine(c.values) }
        }

        /// Whether the feature's properties meet every condition.
        func matches(_ p: [String: String]) -> Bool {
            conditions.allSatisfy { c in
                guard let v = p[c.key], !v.isEmpty else { return false }
                return c.values.contains("*") || c.values.contains(v)
            }
        }
    }

    /// The profile's name, for messages.
    public var name: String
    /// Property giving the asset id (nil: the source's own feature id).
    public var id: String?
    public var nameProperty: String?
    /// Property giving the kind directly (used when no rule is given).
    public var kindProperty: String?
    public var criticality: String?
    public var cpec: String?
    public var corridors: String?
    /// Properties whose first non-empty value groups linear features into one route.
    public var routeKey: [String]
    public var rules: [Rule]

    /// The GeoJSON reader's property names, for layers that already carry `id` and `kind`.
    public static let native = AssetProfile(name: "native", id: "id", nameProperty: "name", kindProperty: "kind",
                                            criticality: "criticality", cpec: "cpec", corridors: "corridors",
                                            routeKey: [], rules: [])

    /// The property names a profile reads (for near-miss warnings).
    var propertyNames: [String] {
        [id, nameProperty, kindProperty, criticality, cpec, corridors].compactMap { $0 } + routeKey
    }

    /// The rule that decides the feature's kind, or (without rules) the kind property's value;
    /// nil when the feature is not an asset under this profile.
    func classify(_ p: [String: String]) throws(ProfileError) -> (kind: AssetKind, rule: Rule?)? {
        if !rules.isEmpty {
            guard let rule = rules.first(where: { $0.matches(p) }) else { return nil }
            return (rule.kind, rule)
        }
        guard let kindProperty, let value = p[kindProperty], !value.isEmpty else { return nil }
        guard let kind = AssetKind(rawValue: value) else {
            throw ProfileError(key: kindProperty, reason: "value '\(value.prefix(40))' is not a kind (expected one of "
                               + AssetKind.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        return (kind, nil)
    }
}

/// A profile that cannot be used, naming the key or rule.
public struct ProfileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var key: String
    public var reason: String
    public var description: String { "profile \(key.isEmpty ? "\"\"" : key) \(reason)" }
}
