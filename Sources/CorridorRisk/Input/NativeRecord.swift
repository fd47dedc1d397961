/// One incident from named text values (the native column names of METHOD §1), validated by the
/// same rules as every reader: for sources whose records are not CSV rows or GeoJSON features,
/// such as a GDAL point layer.
package enum NativeRecord {
    /// The incident, or the reason it is rejected.
    package static func incident(_ p: [String: String], location: Coordinate, keepText: Bool) -> Result<Incident, RejectionReason> {
        do throws(Rejection) {
            let id = try RecordValidation.id(p["id"] ?? "")
            let day = try bytes(p["date"] ?? "") { (b) throws(Rejection) in try RecordValidation.isoDate(b) }
            try ShapeValidation.position(location)
            try RecordValidation.notNullIsland(lon: location.x, lat: location.y)
            let precision = try bytes(p["precision"] ?? "") { (b) throws(Rejection) in try RecordValidation.precision(b) }
            func count(_ name: String) throws(Rejection) -> Int {
                try bytes(p[name] ?? "") { (b) throws(Rejection) in try RecordValidation.count(b, name: name) }
            }
            return .success(Incident(
                id: id, date: day, location: location, precision: precision,
                category: IncidentCategory(lenient: (p["category"] ?? "").trimmedSpaces),
                targets: TargetSet(lenient: p["target"] ?? ""),
                fatalities: try count("fatalities"), injured: try count("injured"), hostages: try count("hostages"),
                description: keepText ? p["description"] : nil, source: keepText ? p["source"] : nil))
        } catch {
            return .failure(RejectionReason(text: error.reason))
        }
    }

    private static func bytes<T>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) throws(Rejection) -> T) throws(Rejection) -> T {
        var copy = Array(s.trimmedSpaces.utf8)
        return try copy.withUnsafeMutableBufferPointer { (b) throws(Rejection) in try body(UnsafeBufferPointer(b)) }
    }
}

/// Why a record was rejected, in words.
package struct RejectionReason: Error, Hashable, Sendable {
    package var text: String
}
