/// One infrastructure feature: a line to be segmented or a site scored as a whole.
public struct Asset: Hashable, Sendable {
    /// Unique, non-empty id; segments are named `<id>#<k>`.
    public var id: String
    /// What the asset is: decides segmentation and which incident targets are relevant.
    public var kind: AssetKind
    /// Display name (the id when the input gives none).
    public var name: String
    /// Consequence weight in (0, 10]: multiplies threat into risk.
    public var criticality: Double
    /// Part of the China–Pakistan Economic Corridor: attacks on foreign nationals weigh more here.
    public var cpec: Bool
    /// Corridor names this asset belongs to, in input order.
    public var corridors: [String]
    /// WGS84 lon/lat: (Multi)LineString for linear kinds; Point or (Multi)Polygon for sites.
    public var geometry: Shape

    /// An asset; `name` defaults to the id, as in the GeoJSON reader.
    public init(id: String, kind: AssetKind, name: String? = nil, criticality: Double = 1, cpec: Bool = false,
                corridors: [String] = [], geometry: Shape) {
        self.id = id
        self.kind = kind
        self.name = name ?? id
        self.criticality = criticality
        self.cpec = cpec
        self.corridors = corridors
        self.geometry = geometry
    }
}
