/// How well an incident's location is known (spec §1), which scales its contribution.
public enum LocationPrecision: Int, CaseIterable, Hashable, Sendable {
    /// The exact site or the town itself.
    case exact = 1
    /// Near a town or somewhere in a district.
    case nearTown = 2
    /// Only the region is known.
    case region = 3
}

/// One reported security incident, as every reader delivers it.
public struct Incident: Hashable, Sendable {
    /// Unique id (ACLED `event_id_cnty`, GTD `eventid`, or the native `id`).
    public var id: String
    public var date: CalendarDay
    /// WGS84 longitude (x) and latitude (y).
    public var location: Coordinate
    public var precision: LocationPrecision
    public var category: IncidentCategory
    public var targets: TargetSet
    public var fatalities: Int
    public var injured: Int
    public var hostages: Int
    public var description: String?
    public var source: String?

    public init(id: String, date: CalendarDay, location: Coordinate, precision: LocationPrecision,
                category: IncidentCategory, targets: TargetSet = [.other], fatalities: Int = 0,
                injured: Int = 0, hostages: Int = 0, description: String? = nil, source: String? = nil) {
        self.id = id
        self.date = date
        self.location = location
        self.precision = precision
        self.category = category
        self.targets = targets
        self.fatalities = fatalities
        self.injured = injured
        self.hostages = hostages
        self.description = description
        self.source = source
    }
}
