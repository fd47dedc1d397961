/// A named place: a town, a station, a pass. Units are named by the places around them.
public struct Place: Hashable, Sendable {
    /// The name reports show ("Mach").
    public var name: String
    /// WGS84 lon/lat.
    public var location: Coordinate
    /// Importance for map labels: 1 city, 2 town, 3 station or landmark, 4 site; nil when the
    /// gazetteer does not say (labelled last).
    public var rank: Int?

    /// A place; `rank` orders map labels (smaller first).
    public init(name: String, location: Coordinate, rank: Int? = nil) {
        self.name = name
        self.location = location
        self.rank = rank
    }
}

/// The places read from one gazetteer file (or built in code), in file order.
public struct Gazetteer: Sendable {
    /// The file as the caller named it.
    public var file: String
    /// The layout it was read from (`csv` or `geojson`).
    public var format: String
    public var places: [Place]
    /// Rows or features that were skipped (no name, a bad coordinate), each naming its line.
    public var warnings: [String]
    /// The file's SHA-256 and size (`nil` when built in code).
    public var digest: FileDigest?

    /// A gazetteer built in code.
    public init(file: String, places: [Place], warnings: [String] = [], format: String = "csv") {
        self.file = file
        self.format = format
        self.places = places
        self.warnings = warnings
    }
}
