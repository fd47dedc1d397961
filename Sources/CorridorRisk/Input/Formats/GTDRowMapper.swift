/// The Global Terrorism Database CSV export.
struct GTDRowMapper: IncidentRowMapper {
    static let layout = "GTD"
    let idColumn: Int
    let keepText: Bool
    let year, month, day, lat, lon, specificity: Int
    let attackType, suicide, nkill, nwound, nhostkid, summary, source: Int?
    /// (targtypeN_txt, targsubtypeN_txt) for N = 1, 2, 3.
    let targetColumns: [(Int, Int?)]

    init(header: CSVHeader, file: String, keepText: Bool) throws {
        self.keepText = keepText
        idColumn = try header.require("eventid", file: file, layout: Self.layout)
        year = try header.require("iyear", file: file, layout: Self.layout)
        month = try header.require("imonth", file: file, layout: Self.layout)
        day = try header.require("iday", file: file, layout: Self.layout)
        lat = try header.require("latitude", file: file, layout: Self.layout)
        lon = try header.require("longitude", file: file, layout: Self.layout)
        specificity = try header.require("specificity", file: file, layout: Self.layout)
        attackType = header.column("attacktype1_txt")
        suicide = header.column("suicide")
        nkill = header.column("nkill")
        nwound = header.column("nwound")
        nhostkid = header.column("nhostkid")
        summary = header.column("summary")
        source = header.column("scite1")
        targetColumns = (1...3).compactMap { n in
            header.column("targtype\(n)_txt").map { ($0, header.column("targsubtype\(n)_txt")) }
        }
    }

    /// GTD `attacktype1_txt` → category; bombings with `suicide` = 1 are suicide bombings.
    static func category(_ attack: String, suicide: Bool) -> IncidentCategory {
        switch attack.lowercased() {
        case "hijacking": .hijacking
        case "bombing/explosion": suicide ? .suicideBombing : .bombing
        case "armed assault", "assassination", "unarmed assault": .armedAssault
        case "hostage taking (barricade incident)": .hostageTaking
        case "hostage taking (kidnapping)": .kidnapping
        case "facility/infrastructure attack": .sabotage
        default: .other
        }
    }

    /// GTD target type (and subtype) → target (spec §1).
    static func target(_ type: String, subtype: String) -> IncidentTarget {
        switch type.lowercased() {
        case "transportation":
            let sub = subtype.lowercased()
            return sub.contains("train") || sub.contains("track") ? .rail : .road
        case "utilities": return .energy
        case "maritime": return .maritime
        case "airports & aircraft": return .aviation
        case "police", "military": return .security
        case "private citizens & property": return .civilians
        case "government (general)", "government (diplomatic)": return .government
        default: return .other
        }
    }

    /// GTD counts: −9 and −99 mean unknown (0).
    private func count(_ b: UnsafeBufferPointer<UInt8>, name: String) throws(Rejection) -> Int {
        if let v = ByteParsing.double(b), v == -9 || v == -99 { return 0 }
        return try RecordValidation.count(b, name: name)
    }

    func incident(_ r: CSVRecord, _ s: CSVScanner) throws(Rejection) -> Incident {
        let id = try RecordValidation.id(r.fields[idColumn], s)
        let date = try gtdDate(r, s)
        let x = try RecordValidation.longitude(s.trimmed(r.fields[lon]))
        let y = try RecordValidation.latitude(s.trimmed(r.fields[lat]))
        try RecordValidation.notNullIsland(lon: x, lat: y)
        let p = try precisionFromSpecificity(s.trimmed(r.fields[specificity]))
        let f = try count(s.bytes(r, nkill), name: "nkill")
        let i = try count(s.bytes(r, nwound), name: "nwound")
        let h = try count(s.bytes(r, nhostkid), name: "nhostkid")
        var targets = TargetSet()
        for (typeColumn, subColumn) in targetColumns {
            guard let type = s.text(r, typeColumn) else { continue }
            targets.insert(Self.target(type.trimmedSpaces, subtype: s.text(r, subColumn) ?? ""))
        }
        let isSuicide = ByteParsing.double(s.bytes(r, suicide)) == 1
        return Incident(
            id: id, date: date, location: Coordinate(x, y), precision: p,
            category: Self.category(s.text(r, attackType)?.trimmedSpaces ?? "", suicide: isSuicide),
            targets: targets.isEmpty ? [.other] : targets,
            fatalities: f, injured: i, hostages: h,
            description: keepText ? s.text(r, summary) : nil, source: keepText ? s.text(r, source) : nil)
    }

    /// `iyear`, `imonth`, `iday`; an unknown month or day (0 or blank) is the 1st.
    private func gtdDate(_ r: CSVRecord, _ s: CSVScanner) throws(Rejection) -> CalendarDay {
        let yb = s.trimmed(r.fields[year]), mb = s.trimmed(r.fields[month]), db = s.trimmed(r.fields[day])
        if yb.isEmpty { throw Rejection("missing date (iyear)") }
        func number(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
            if b.isEmpty { return 0 }
            if case .value(let v) = ByteParsing.count(b) { return v }
            return nil
        }
        guard let y = number(yb), let m = number(mb), let d = number(db),
              let date = CalendarDay(year: y, month: max(m, 1), day: max(d, 1)) else {
            let shown = [yb, mb, db].map { RecordValidation.text($0) }
            throw Rejection("malformed date (iyear '\(shown[0])', imonth '\(shown[1])', iday '\(shown[2])')")
        }
        return try RecordValidation.plausible(date)
    }

    /// GTD `specificity` 1 → exact, 2 → near a town, 3–5 → region.
    private func precisionFromSpecificity(_ b: UnsafeBufferPointer<UInt8>) throws(Rejection) -> LocationPrecision {
        if b.isEmpty { throw Rejection("missing precision (specificity)") }
        guard case .value(let v) = ByteParsing.count(b), (1...5).contains(v) else {
            throw Rejection("specificity must be 1 to 5, got '\(RecordValidation.text(b))'")
        }
        return v == 1 ? .exact : v == 2 ? .nearTown : .region
    }
}
