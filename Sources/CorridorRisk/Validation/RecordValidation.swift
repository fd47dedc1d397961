/// Why one record was rejected; becomes a `RejectedRecord` with its line and id.
struct Rejection: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

/// The spec's validation rules (§1), shared by every incident reader so that the same bad
/// value gets the same reason whatever the format.
enum RecordValidation {
    /// A non-empty id without control characters, from a CSV field (surrounding spaces dropped).
    static func id(_ field: CSVField, _ scanner: CSVScanner) throws(Rejection) -> String {
        let b = scanner.trimmed(field)
        if b.isEmpty { throw Rejection("missing id") }
        if b.contains(where: { $0 < 0x20 || $0 == 0x7F }) { throw Rejection("malformed id (contains a control character)") }
        return field.hasEscapedQuotes ? try id(scanner.string(field)) : String(decoding: b, as: UTF8.self)
    }

    /// A non-empty id without control characters (surrounding spaces are dropped).
    static func id(_ raw: String) throws(Rejection) -> String {
        let id = raw.trimmedSpaces
        if id.isEmpty { throw Rejection("missing id") }
        if id.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw Rejection("malformed id (contains a control character)")
        }
        return id
    }

    static func longitude(_ b: UnsafeBufferPointer<UInt8>) throws(Rejection) -> Double {
        try coordinate(b, name: "longitude", limit: 180)
    }

    static func latitude(_ b: UnsafeBufferPointer<UInt8>) throws(Rejection) -> Double {
        try coordinate(b, name: "latitude", limit: 90)
    }

    static func coordinate(_ b: UnsafeBufferPointer<UInt8>, name: String, limit: Double) throws(Rejection) -> Double {
        if b.isEmpty { throw Rejection("missing \(name)") }
        guard let v = ByteParsing.double(b) else { throw Rejection("\(name) '\(text(b))' is not a decimal number") }
        try coordinate(v, name: name, limit: limit)
        return v
    }

    static func coordinate(_ v: Double, name: String, limit: Double) throws(Rejection) {
        guard v.isFinite else { throw Rejection("\(name) is not a finite number") }
        guard v >= -limit && v <= limit else {
            throw Rejection("\(name) \(format(v)) is outside [-\(Int(limit)), \(Int(limit))]")
        }
    }

    /// (0, 0) is the usual stand-in for "unknown location", not a place in the Gulf of Guinea.
    static func notNullIsland(lon: Double, lat: Double) throws(Rejection) {
        if lon == 0 && lat == 0 { throw Rejection("coordinates are exactly (0, 0), the usual stand-in for an unknown location") }
    }

    static func precision(_ b: UnsafeBufferPointer<UInt8>) throws(Rejection) -> LocationPrecision {
        if b.isEmpty { throw Rejection("missing precision") }
        guard case .value(let v) = ByteParsing.count(b), let p = LocationPrecision(rawValue: v) else {
            throw Rejection("precision must be 1, 2 or 3, got '\(text(b))'")
        }
        return p
    }

    static func precision(number v: Double) throws(Rejection) -> LocationPrecision {
        guard v.isFinite, v.rounded() == v, let p = LocationPrecision(rawValue: Int(v)) else {
            throw Rejection("precision must be 1, 2 or 3, got \(format(v))")
        }
        return p
    }

    /// A count: missing means 0; negative or fractional is rejected; `2.0` is fine.
    static func count(_ b: UnsafeBufferPointer<UInt8>, name: String) throws(Rejection) -> Int {
        switch ByteParsing.count(b) {
        case .missing: return 0
        case .value(let v): return v
        case .tooLarge: throw Rejection("\(name) '\(text(b))' is too large (at most 10^15)")
        case .invalid: throw Rejection("\(name) must be a non-negative whole number, got '\(text(b))'")
        }
    }

    static func count(number v: Double, name: String) throws(Rejection) -> Int {
        if v > ByteParsing.largestCount, v.rounded() == v { throw Rejection("\(name) \(format(v)) is too large (at most 10^15)") }
        guard v.isFinite, v >= 0, v.rounded() == v, v <= ByteParsing.largestCount else {
            throw Rejection("\(name) must be a non-negative whole number, got \(format(v))")
        }
        return Int(v)
    }

    static func isoDate(_ b: UnsafeBufferPointer<UInt8>) throws(Rejection) -> CalendarDay {
        if b.isEmpty { throw Rejection("missing date") }
        guard let d = CalendarDay(isoBytes: b) else {
            throw Rejection("malformed date '\(text(b))' (expected YYYY-MM-DD)")
        }
        return try plausible(d)
    }

    /// The dates an incident may have: 1900-01-01 to 2100-12-31. Outside is a typo or a stand-in
    /// (`0001-01-01`, `9999-12-31`, a year 0), never an event a corridor report should weigh.
    static let plausibleDates = CalendarDay(year: 1900, month: 1, day: 1)!...CalendarDay(year: 2100, month: 12, day: 31)!

    /// The date, or the rejection of a date outside `plausibleDates`.
    static func plausible(_ d: CalendarDay) throws(Rejection) -> CalendarDay {
        guard plausibleDates.contains(d) else {
            throw Rejection("date \(d) is outside the plausible range 1900-01-01 to 2100-12-31 (a typo or a stand-in date?)")
        }
        return d
    }

    /// Shows a value in a reason, shortened so a huge field cannot flood the report.
    static func text(_ b: UnsafeBufferPointer<UInt8>) -> String {
        let s = String(decoding: b.prefix(40), as: UTF8.self)
        return b.count > 40 ? s + "…" : s
    }

    static func format(_ v: Double) -> String {
        v.rounded() == v && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}
