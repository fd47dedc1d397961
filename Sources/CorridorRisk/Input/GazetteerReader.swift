import Platform

/// Reads a gazetteer (METHOD §9): a CSV with `name`, `lon` and `lat` columns (others, such as
/// `rank`, `kind` or `id`, are used or ignored), or a GeoJSON FeatureCollection of Points with a
/// `name` property (a GeoNames extract, say). A row with no name or a bad coordinate is skipped
/// with a warning naming its line or feature; a file without the columns is an error.
public enum GazetteerReader {
    /// Reads the file at `path`, CSV or GeoJSON by its content.
    public static func read(path: String) throws -> Gazetteer {
        try read(InputError.contents(of: path), file: path)
    }

    /// Reads a gazetteer held in memory; `name` is used in messages.
    public static func read(bytes: some Collection<UInt8>, name: String) throws -> Gazetteer {
        try read(ByteBuffer(bytes), file: name)
    }

    static func read(_ buffer: ByteBuffer, file: String) throws -> Gazetteer {
        var gazetteer = try buffer.withBytes(IncidentReader.looksLikeJSON) ? geoJSON(buffer, file: file) : csv(buffer, file: file)
        gazetteer.digest = buffer.withBytes(FileDigest.init)
        return gazetteer
    }

    private static func csv(_ buffer: ByteBuffer, file: String) throws -> Gazetteer {
        try buffer.withBytes { bytes in
            try CSVIncidentReader.checkEncoding(bytes, file: file)
            var scanner = CSVScanner(bytes: bytes, from: CSVIncidentReader.hasUTF8BOM(bytes) ? 3 : 0)
            var record = CSVRecord()
            guard scanner.next(into: &record) else { throw InputError(.malformed, file: file, reason: "is empty: no header line") }
            let header = CSVHeader(names: record.fields.map { scanner.string($0).trimmedSpaces.lowercased() })
            let layout = "gazetteer CSV"
            let name = try header.require("name", file: file, layout: layout)
            let lon = try header.require("lon", file: file, layout: layout)
            let lat = try header.require("lat", file: file, layout: layout)
            let rank = header.column("rank")
            var places: [Place] = []
            var warnings: [String] = []
            while scanner.next(into: &record) {
                do throws(Rejection) {
                    guard record.fields.count == header.names.count else {
                        throw Rejection("has \(record.fields.count) fields, the header has \(header.names.count)")
                    }
                    let text = scanner.string(record.fields[name]).trimmedSpaces
                    guard !text.isEmpty else { throw Rejection("has no name") }
                    let c = Coordinate(try RecordValidation.longitude(scanner.trimmed(record.fields[lon])),
                                       try RecordValidation.latitude(scanner.trimmed(record.fields[lat])))
                    let r = rank.flatMap { Int(scanner.string(record.fields[$0]).trimmedSpaces) }
                    places.append(Place(name: text, location: c, rank: r))
                } catch {
                    warnings.append("\(file): line \(record.line): place skipped: \(error.reason)")
                }
            }
            return Gazetteer(file: file, places: places, warnings: warnings, format: "csv")
        }
    }

    private static func geoJSON(_ buffer: ByteBuffer, file: String) throws -> Gazetteer {
        var places: [Place] = []
        var warnings: [String] = []
        for (index, feature) in try GeoJSONDocument.features(buffer, file: file).enumerated() {
            do throws(Rejection) {
                let properties = feature["properties"] ?? .null
                guard let name = properties["name"]?.string?.trimmedSpaces, !name.isEmpty else { throw Rejection("has no name") }
                guard let geometry = feature["geometry"], case .point(let c) = try GeoJSONGeometry.shape(geometry) else {
                    throw Rejection("is not a Point")
                }
                let rank = properties["rank"]?.number.flatMap { $0.rounded() == $0 && abs($0) < 1e6 ? Int($0) : nil }
                places.append(Place(name: name, location: c, rank: rank))
            } catch {
                warnings.append("\(file): feature \(index): place skipped: \(error.reason)")
            }
        }
        return Gazetteer(file: file, places: places, warnings: warnings, format: "geojson")
    }
}
