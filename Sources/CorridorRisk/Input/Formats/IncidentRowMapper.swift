/// Turns one CSV record of a given layout into an incident, or says why it cannot.
protocol IncidentRowMapper: Sendable {
    /// The layout's name in messages, e.g. `"ACLED"`.
    static var layout: String { get }
    /// Resolves the layout's columns; a missing required column is an `InputError`.
    /// Without `keepText`, descriptions and sources are not made into strings (for outputs
    /// that never show them: most of an export's bytes are its notes).
    init(header: CSVHeader, file: String, keepText: Bool) throws
    /// The column holding the record id (for naming rejected records).
    var idColumn: Int { get }
    func incident(_ record: CSVRecord, _ scanner: CSVScanner) throws(Rejection) -> Incident
}

extension CSVScanner {
    /// The trimmed bytes of an optional column (empty when the column is absent).
    func bytes(_ record: CSVRecord, _ column: Int?) -> UnsafeBufferPointer<UInt8> {
        guard let column else { return UnsafeBufferPointer(start: nil, count: 0) }
        return trimmed(record.fields[column])
    }

    /// The text of an optional column; `nil` when absent or blank.
    func text(_ record: CSVRecord, _ column: Int?) -> String? {
        guard let column, !trimmed(record.fields[column]).isEmpty else { return nil }
        return string(record.fields[column])
    }
}
