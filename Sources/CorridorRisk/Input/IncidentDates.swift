/// The date spellings found in incident exports.
enum IncidentDates {
    private static let months = ["january", "february", "march", "april", "may", "june", "july",
                                 "august", "september", "october", "november", "december"]

    /// ACLED's `event_date`: `YYYY-MM-DD`, `DD Month YYYY` (full or three-letter month) or
    /// `DD-MM-YYYY`.
    static func acled(_ b: UnsafeBufferPointer<UInt8>) throws(Rejection) -> CalendarDay {
        if b.isEmpty { throw Rejection("missing date") }
        let bytes = Array(b)
        if let d = CalendarDay(isoBytes: bytes[...]) { return d }
        if let d = dayMonthYear(bytes) { return d }
        throw Rejection("malformed date '\(RecordValidation.text(b))' (expected YYYY-MM-DD, DD Month YYYY or DD-MM-YYYY)")
    }

    private static func dayMonthYear(_ b: [UInt8]) -> CalendarDay? {
        // DD-MM-YYYY
        if b.count == 10, b[2] == UInt8(ascii: "-"), b[5] == UInt8(ascii: "-"),
           let d = CalendarDay.digits(b[0..<2]), let m = CalendarDay.digits(b[3..<5]),
           let y = CalendarDay.digits(b[6..<10]) {
            return CalendarDay(year: y, month: m, day: d)
        }
        // D[D] Month YYYY
        let parts = b.split(separator: 0x20, omittingEmptySubsequences: true)
        guard parts.count == 3, (1...2).contains(parts[0].count), parts[2].count == 4,
              let d = CalendarDay.digits(parts[0]), let y = CalendarDay.digits(parts[2]) else { return nil }
        let name = String(decoding: parts[1].map(ByteParsing.lower), as: UTF8.self)
        guard let m = months.firstIndex(where: { $0 == name || (name.count == 3 && $0.hasPrefix(name)) })
              ?? (name == "sept" ? 8 : nil) else { return nil }
        return CalendarDay(year: y, month: m + 1, day: d)
    }
}
