/// Where one CSV field lies in the file's bytes, and how to read it.
struct CSVField {
    /// First byte of the content (after an opening quote).
    var start: Int
    /// One past the last byte of the content (before a closing quote).
    var end: Int
    /// The content holds doubled quotes (`""`) that stand for one quote each.
    var hasEscapedQuotes: Bool
}

/// One parsed record: its physical starting line and its fields, pointing into the buffer.
struct CSVRecord {
    /// The physical line the record starts on (the header is line 1).
    var line: Int = 0
    var fields: [CSVField] = []
    /// Set when a quoted field never closed: everything to the end of input was swallowed.
    var unterminatedQuote = false
    /// Set when text followed a closing quote before the delimiter (`"ab"c`).
    var strayQuote = false
}
