/// The native CSV: the spec's own column names, any order, extra columns ignored.
struct NativeRowMapper: IncidentRowMapper {
    static let layout = "native incidents CSV"
    let idColumn: Int
    let keepText: Bool
    let date, lon, lat, precision: Int
    let category, target, fatalities, injured, hostages, description, source: Int?

    init(header: CSVHeader, file: String, keepText: Bool) throws {
        self.keepText = keepText
        idColumn = try header.require("id", file: file, layout: Self.layout)
        date = try header.require("date", file: file, layout: Self.layout)
        lon = try header.require("lon", file: file, layout: Self.layout)
        lat = try header.require("lat", file: file, layout: Self.layout)
        precision = try header.require("precision", file: file, layout: Self.layout)
        category = header.column("category")
        target = header.column("target")
        fatalities = header.column("fatalities")
        injured = header.column("injured")
        hostages = header.column("hostages")
        description = header.column("description")
        source = header.column("source")
    }

    func incident(_ r: CSVRecord, _ s: CSVScanner) throws(Rejection) -> Incident {
        let id = try RecordValidation.id(r.fields[idColumn], s)
        let day = try RecordValidation.isoDate(s.trimmed(r.fields[date]))
        let x = try RecordValidation.longitude(s.trimmed(r.fields[lon]))
        let y = try RecordValidation.latitude(s.trimmed(r.fields[lat]))
        try RecordValidation.notNullIsland(lon: x, lat: y)
        let p = try RecordValidation.precision(s.trimmed(r.fields[precision]))
        let f = try RecordValidation.count(s.bytes(r, fatalities), name: "fatalities")
        let i = try RecordValidation.count(s.bytes(r, injured), name: "injured")
        let h = try RecordValidation.count(s.bytes(r, hostages), name: "hostages")
        return Incident(
            id: id, date: day, location: Coordinate(x, y), precision: p,
            category: IncidentCategory(lenient: s.text(r, category)?.trimmedSpaces ?? ""),
            targets: TargetSet(lenient: s.text(r, target) ?? ""),
            fatalities: f, injured: i, hostages: h,
            description: keepText ? s.text(r, description) : nil, source: keepText ? s.text(r, source) : nil)
    }
}
