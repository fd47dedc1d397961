/// The rules every incident must meet to be scored (METHOD §1), for incidents built in code as
/// for those a reader accepted: a non-empty id, a finite lon/lat in range that is not the (0, 0)
/// stand-in for "unknown", and casualty counts of 0 or more.
enum IncidentValidation {
    static func check(_ i: Incident) throws(Rejection) {
        try id(i.id)
        _ = try RecordValidation.plausible(i.date)
        try ShapeValidation.position(i.location)
        try RecordValidation.notNullIsland(lon: i.location.x, lat: i.location.y)
        try count(i.fatalities, "fatalities")
        try count(i.injured, "injured")
        try count(i.hostages, "hostages")
    }

    @inline(__always)
    private static func count(_ n: Int, _ name: String) throws(Rejection) {
        if n < 0 { throw Rejection("\(name) must be a non-negative whole number, got \(n)") }
    }

    /// The id rules of `RecordValidation.id`, checked on the bytes without making a string
    /// (a million incidents are checked on every run).
    private static func id(_ id: String) throws(Rejection) {
        let bytes = id.utf8
        guard let first = bytes.first, let last = bytes.last else { throw Rejection("missing id") }
        if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 { _ = try RecordValidation.id(id) }
        if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) { throw Rejection("malformed id (contains a control character)") }
    }
}

extension IncidentSet {
    /// Throws the `InputError` a strict reader would give for the first incident that cannot be
    /// scored, naming its line (or GeoJSON feature).
    public func validate() throws(InputError) {
        if readerChecked { return }
        for k in incidents.indices {
            do throws(Rejection) {
                try IncidentValidation.check(incidents[k])
            } catch {
                let location = format.recordLocation(lines[k], id: incidents[k].id)
                throw InputError(.malformed, file: file, location: location, reason: error.reason)
            }
        }
    }
}
