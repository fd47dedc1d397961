import Platform

/// Reads a GeoJSON FeatureCollection of Points whose properties use the native names.
/// A rejected feature is located by its 0-based index.
enum GeoJSONIncidentReader {
    static func read(_ buffer: ByteBuffer, file: String, keepText: Bool = true) throws -> IncidentSet {
        let features = try GeoJSONDocument.features(buffer, file: file)
        var incidents: [Incident] = []
        var lines: [Int] = []
        var rejected: [RejectedRecord] = []
        var firstIndex: [String: Int] = [:]
        for (index, feature) in features.enumerated() {
            let id = GeoJSONDocument.featureID(feature)
            do throws(Rejection) {
                let incident = try self.incident(feature, keepText: keepText)
                if let first = firstIndex[incident.id] {
                    throw Rejection("duplicate id (first accepted as feature \(first))")
                }
                firstIndex[incident.id] = index
                incidents.append(incident)
                lines.append(index)
            } catch {
                rejected.append(RejectedRecord(file: file, line: index, id: id, reason: error.reason, numbering: .feature))
            }
        }
        return IncidentSet(file: file, format: .geojson, read: features.count, incidents: incidents, lines: lines, rejected: rejected)
    }

    private static func incident(_ feature: JSONValue, keepText: Bool) throws(Rejection) -> Incident {
        guard case .object = feature, feature["type"]?.string == "Feature" else {
            throw Rejection("not a GeoJSON Feature")
        }
        let properties = feature["properties"] ?? .null
        let id = try RecordValidation.id(try GeoJSONDocument.requiredID(feature, hint: ""))
        guard let dateText = properties["date"]?.string else { throw Rejection("missing date") }
        guard let date = CalendarDay(iso: dateText.trimmedSpaces) else {
            throw Rejection("malformed date '\(dateText.prefix(40))' (expected YYYY-MM-DD)")
        }
        _ = try RecordValidation.plausible(date)
        guard let geometry = feature["geometry"], !geometry.isNull else { throw Rejection("missing geometry") }
        guard case .point(let location) = try GeoJSONGeometry.shape(geometry) else {
            throw Rejection("geometry must be a Point, got \(geometry["type"]?.string ?? "something else")")
        }
        try RecordValidation.notNullIsland(lon: location.x, lat: location.y)
        guard let p = properties["precision"] else { throw Rejection("missing precision") }
        let precision = try RecordValidation.precision(number: try number(p, "precision"))
        let targets: TargetSet
        switch properties["target"] {
        case .array(let items)?: targets = TargetSet(lenient: items.compactMap(\.string).joined(separator: ";"))
        case .string(let s)?: targets = TargetSet(lenient: s)
        default: targets = [.other]
        }
        return Incident(
            id: id, date: date, location: location, precision: precision,
            category: IncidentCategory(lenient: properties["category"]?.string ?? ""),
            targets: targets,
            fatalities: try count(properties["fatalities"], "fatalities"),
            injured: try count(properties["injured"], "injured"),
            hostages: try count(properties["hostages"], "hostages"),
            description: keepText ? properties["description"]?.string : nil,
            source: keepText ? properties["source"]?.string : nil)
    }

    /// A number, or a string holding one (spreadsheets export both).
    private static func number(_ v: JSONValue, _ name: String) throws(Rejection) -> Double {
        switch v {
        case .number(let n): return n
        case .string(let s):
            let bytes = Array(s.utf8)
            if let n = bytes.withUnsafeBufferPointer({ ByteParsing.double($0) }) { return n }
            throw Rejection("\(name) '\(s.prefix(40))' is not a decimal number")
        default: throw Rejection("\(name) must be a number, got \(v.kindName)")
        }
    }

    private static func count(_ v: JSONValue?, _ name: String) throws(Rejection) -> Int {
        guard let v, !v.isNull else { return 0 }
        if case .string(let s) = v, s.trimmedSpaces.isEmpty { return 0 }
        return try RecordValidation.count(number: try number(v, name), name: name)
    }
}

/// The parts of GeoJSON documents both readers share.
enum GeoJSONDocument {
    /// The features of a FeatureCollection; anything else is an `InputError` naming the file.
    static func features(_ buffer: ByteBuffer, file: String) throws -> [JSONValue] {
        try collection(buffer, file: file).features
    }

    /// The FeatureCollection object itself and its features.
    static func collection(_ buffer: ByteBuffer, file: String) throws -> (root: JSONValue, features: [JSONValue]) {
        let json: JSONValue
        do {
            json = try buffer.withBytes { try JSONParser.parse($0) }
        } catch let error as JSONParser.Failure {
            throw InputError(.malformed, file: file, location: "line \(error.line), column \(error.column)",
                             reason: "invalid JSON: \(error.reason)")
        }
        guard json["type"]?.string == "FeatureCollection" else {
            throw InputError(.malformed, file: file, reason: "is not a GeoJSON FeatureCollection (no \"type\": \"FeatureCollection\")")
        }
        guard let features = json["features"]?.array else {
            throw InputError(.malformed, file: file, reason: "has no \"features\" array")
        }
        return (json, features)
    }

    /// Integers a JSON number holds exactly (2^53): beyond, two ids could read as one.
    static let largestExactID = 9_007_199_254_740_992.0

    /// The id (`properties.id`, else the Feature's `id`), or the reason there is no usable one:
    /// missing, a number that is not a whole number or too large to be exact, a boolean, an object.
    static func requiredID(_ feature: JSONValue, hint: String) throws(Rejection) -> String {
        if let id = featureID(feature) { return id }
        for candidate in [feature["properties"]?["id"], feature["id"]] {
            switch candidate {
            case nil, .null?: continue
            case .number(let n)? where n.isFinite && n.rounded() == n:
                throw Rejection("id \(RecordValidation.format(n)) is too large for a number to hold exactly: write it as a string")
            case let other?:
                let shown: String = switch other {
                case .number(let n): RecordValidation.format(n)
                case .bool(let b): b ? "true" : "false"
                default: other.kindName
                }
                throw Rejection("id must be a string or a whole number, got \(shown)")
            }
        }
        throw Rejection("missing id" + hint)
    }

    /// `properties.id`, else the Feature's `id`; an integral number becomes its decimal string.
    static func featureID(_ feature: JSONValue) -> String? {
        for candidate in [feature["properties"]?["id"], feature["id"]] {
            switch candidate {
            case .string(let s)?: return s
            case .number(let n)? where n.isFinite && n.rounded() == n && abs(n) < largestExactID: return String(Int(n))
            default: continue
            }
        }
        return nil
    }
}
