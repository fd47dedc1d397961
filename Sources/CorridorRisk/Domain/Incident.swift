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
    /// The (local) day the incident began.
    public var date: CalendarDay
    /// WGS84 longitude (x) and latitude (y).
    public var location: Coordinate
    /// How well its location is known; scales its weight.
    public var precision: LocationPrecision
    /// What kind of violence; decides the weight `w_cat`.
    public var category: IncidentCategory
    /// What it was aimed at; relevant targets raise its weight on matching assets.
    public var targets: TargetSet
    /// People killed (0 when unknown).
    public var fatalities: Int
    /// People injured (0 when unknown).
    public var injured: Int
    /// Hostages taken or kidnapped (0 when unknown).
    public var hostages: Int
    /// The source's account (ACLED `notes`, GTD `summary`); `nil` when read without text.
    public var description: String?
    /// Where it was reported; `nil` when read without text.
    public var source: String?

    /// An incident; counts default to 0 and targets to `other`.
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
