/// One thing that gets a score: a chainage segment of a linear asset, or a whole site.
struct ScoringUnit: Sendable {
    /// `<assetId>#<k>` for a segment, `<assetId>` for a site.
    var id: String
    /// Position of the asset in the infrastructure file.
    var assetIndex: Int
    var startKm: Double
    var endKm: Double
    var lengthKm: Double
    /// WGS84 lon/lat: a segment's own LineString (cut points and the vertices between them),
    /// or the site's geometry.
    var geometry: Shape
    /// The point Gi* measures between: mid-chainage, the site point, or the polygon centroid.
    var representative: Coordinate
    /// W(u), the area (km²) over which the kernel spreads: threat is per 1000 km² of it.
    var kernelAreaKm2: Double
    var isSegment: Bool
}
