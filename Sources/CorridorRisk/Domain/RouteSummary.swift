/// How one asset was built from the ways that share a route key (an OSM road's hundreds of short
/// ways, say): reports list it so an analyst sees what went into each route and which routes
/// could not be joined into one line.
public struct RouteSummary: Hashable, Sendable {
    /// The asset the ways became.
    public var assetID: String
    /// The route key they shared (`N-25`).
    public var key: String
    /// How many ways (features) went in.
    public var ways: Int
    /// How many lines came out: 1 when the ways join end to end; more for gaps and branches.
    public var pieces: Int
    /// The asset's geodesic length in km (the ways' total, less any overlap).
    public var lengthKm: Double

    /// A route's record.
    public init(assetID: String, key: String, ways: Int, pieces: Int, lengthKm: Double) {
        self.assetID = assetID
        self.key = key
        self.ways = ways
        self.pieces = pieces
        self.lengthKm = lengthKm
    }
}
