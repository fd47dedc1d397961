/// ACLED's CSV export, either layout (before 2023: `data_id`, `iso3`, `event_id_no_cnty`;
/// since: `disorder_type`, `civilian_targeting`, `tags`). ACLED has no target column, so targets
/// come from `notes` through the spec's keyword table.
struct ACLEDRowMapper: IncidentRowMapper {
    static let layout = "ACLED"
    let idColumn: Int
    let keepText: Bool
    let date, lat, lon, precision, subEventType: Int
    let notes, fatalities, civilianTargeting, source, eventType: Int?

    init(header: CSVHeader, file: String, keepText: Bool) throws {
        self.keepText = keepText
        idColumn = try header.require("event_id_cnty", file: file, layout: Self.layout)
        date = try header.require("event_date", file: file, layout: Self.layout)
        lat = try header.require("latitude", file: file, layout: Self.layout)
        lon = try header.require("longitude", file: file, layout: Self.layout)
        precision = try header.require("geo_precision", file: file, layout: Self.layout)
        subEventType = try header.require("sub_event_type", file: file, layout: Self.layout)
        notes = header.column("notes")
        fatalities = header.column("fatalities")
        civilianTargeting = header.column("civilian_targeting")
        source = header.column("source")
        eventType = header.column("event_type")
    }

    /// ACLED `sub_event_type` → category (METHOD §1); anything else is `other`. ACLED's only
    /// sub-type "Other" is a Strategic development, hence non-violent (checked against
    /// `event_type` when the export has it).
    static let categories: [String: IncidentCategory] = [
        "suicide bomb": .suicideBombing,
        "remote explosive/landmine/ied": .bombing,
        "grenade": .bombing,
        "attack": .armedAssault,
        "abduction/forced disappearance": .kidnapping,
        "shelling/artillery/missile attack": .shelling,
        "air/drone strike": .shelling,
        "looting/property destruction": .sabotage,
        "armed clash": .armedClash,
        "violent demonstration": .unrest,
        "mob violence": .unrest,
        "excessive force against protesters": .unrest,
        // Protests without violence, and the Strategic developments sub-types that are not
        // violence (Looting/property destruction is sabotage; Disrupted weapons use stays other).
        "peaceful protest": .nonViolent,
        "protest with intervention": .nonViolent,
        "agreement": .nonViolent,
        "arrests": .nonViolent,
        "change to group/activity": .nonViolent,
        "headquarters or base established": .nonViolent,
        "non-violent transfer of territory": .nonViolent,
        "other": .nonViolent,
    ]

    /// The table as bytes, so a row is classified without making a string.
    private static let categoryBytes: [([UInt8], IncidentCategory)] = categories.map { (Array($0.key.utf8), $0.value) }

    static func category(_ b: UnsafeBufferPointer<UInt8>) -> IncidentCategory {
        for (name, category) in categoryBytes where name.count == b.count {
            if zip(name, b).allSatisfy({ $0 == ByteParsing.lower($1) }) { return category }
        }
        return .other
    }

    private static let strategicDevelopments = Array("strategic developments".utf8)

    /// The category of a row, from its sub-event type and, for "Other", its event type.
    func category(_ r: CSVRecord, _ s: CSVScanner) -> IncidentCategory {
        let c = Self.category(s.trimmed(r.fields[subEventType]))
        guard c == .nonViolent, let eventType, s.trimmed(r.fields[subEventType]).count == 5 else { return c }
        let e = s.trimmed(r.fields[eventType])
        let strategic = e.count == Self.strategicDevelopments.count
            && zip(Self.strategicDevelopments, e).allSatisfy { $0 == ByteParsing.lower($1) }
        return strategic || e.isEmpty ? .nonViolent : .other
    }

    func incident(_ r: CSVRecord, _ s: CSVScanner) throws(Rejection) -> Incident {
        let id = try RecordValidation.id(r.fields[idColumn], s)
        let day = try IncidentDates.acled(s.trimmed(r.fields[date]))
        let x = try RecordValidation.longitude(s.trimmed(r.fields[lon]))
        let y = try RecordValidation.latitude(s.trimmed(r.fields[lat]))
        try RecordValidation.notNullIsland(lon: x, lat: y)
        let p = try RecordValidation.precision(s.trimmed(r.fields[precision]))
        let f = try RecordValidation.count(s.bytes(r, fatalities), name: "fatalities")
        var targets = notes.map { TargetKeywords.shared.targets(in: s.trimmed(r.fields[$0])) } ?? []
        if targets.isEmpty {
            targets = s.bytes(r, civilianTargeting).isEmpty ? [.other] : [.civilians]
        }
        return Incident(
            id: id, date: day, location: Coordinate(x, y), precision: p,
            category: category(r, s), targets: targets,
            fatalities: f, description: keepText ? s.text(r, notes) : nil, source: keepText ? s.text(r, source) : nil)
    }
}
