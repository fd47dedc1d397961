/// The date spellings found in incident exports.
enum IncidentDates {
    private static let months = ["january", "february", "march", "april", "may", "june", "july",
                                 "august", "september", "october", "november", "december"]

    /// ACLED's `event_date`: `YYYY-MM-DD`, `DD Month YYYY` (full or three-letter month) or
    /// `DD-MM-YYYY`.
    static func acled(_ b: UnsafeBufferPointer<UInt8>) throws(Rejection) -> CalendarDay {
        if b.isEmpty { throw Rejection("missing date") }
        if let d = CalendarDay(isoBytes: b) ?? dayMonthYear(b) { return try RecordValidation.plausible(d) }
        throw Rejection("malformed date '\(RecordValidation.text(b))' (expected YYYY-MM-DD, DD Month YYYY or DD-MM-YYYY)")
    }

    private static func dayMonthYear(_ b: UnsafeBufferPointer<UInt8>) -> CalendarDay? {
        // DD-MM-YYYY
        if b.count == 10, b[2] == UInt8(ascii: "-"), b[5] == UInt8(ascii: "-"),
           let d = CalendarDay.digits(b, 0, 2), let m = CalendarDay.digits(b, 3, 5), let y = CalendarDay.digits(b, 6, 10) {
            return CalendarDay(year: y, month: m, day: d)
        }
        // D[D] Month YYYY: day, one space, month name, one space, four-digit year.
        guard b.count >= 10, let space1 = b.firstIndex(of: 0x20), (1...2).contains(space1),
              b[b.count - 5] == 0x20, let d = CalendarDay.digits(b, 0, space1),
              let y = CalendarDay.digits(b, b.count - 4, b.count) else { return nil }
        let nameStart = space1 + 1, nameEnd = b.count - 5
        guard nameEnd - nameStart >= 3 else { return nil }
        for (m, month) in months.enumerated() {
            var matches = true, i = nameStart
            for c in month.utf8 {
                if i == nameEnd { break }
                if ByteParsing.lower(b[i]) != c { matches = false; break }
                i += 1
            }
            let length = nameEnd - nameStart
            // The full name, its three-letter abbreviation, or "Sept".
            if matches, i == nameEnd, length == month.utf8.count || length == 3 || (m == 8 && length == 4) {
                return CalendarDay(year: y, month: m + 1, day: d)
            }
        }
        return nil
    }
}
