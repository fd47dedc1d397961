/// Reads a JSON model file (spec §6): an object with any subset of the keys that a report's
/// `parameters` echoes; an unknown key is an error, so a typo never silently falls back to a default.
extension ModelParameters {
    /// Parameters from the model file at `path`, starting from `base` (the defaults).
    public static func load(path: String, base: ModelParameters = .defaults) throws -> ModelParameters {
        let buffer = try ByteBuffer.contents(ofFile: path)
        do {
            return try buffer.withBytes { try parse($0, base: base) }
        } catch let error as ModelError {
            throw InputError(.malformed, file: path, reason: error.description)
        }
    }

    /// Parameters from model-file JSON held in memory.
    public static func parse(json: String, base: ModelParameters = .defaults) throws -> ModelParameters {
        var bytes = Array(json.utf8)
        return try bytes.withUnsafeMutableBufferPointer { try parse(UnsafeBufferPointer($0), base: base) }
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, base: ModelParameters) throws(ModelError) -> ModelParameters {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw ModelError(key: "(file)", reason: "is not valid JSON: \(error.description)")
        }
        return try parse(json, base: base)
    }

    static func parse(_ json: JSONValue, base: ModelParameters) throws(ModelError) -> ModelParameters {
        guard case .object(let pairs) = json else {
            throw ModelError(key: "(file)", reason: "must be a JSON object, got \(json.kindName)")
        }
        var p = base
        for (key, value) in pairs {
            switch key {
            case "segmentKm": p.segmentKm = try number(value, key)
            case "radiusKm": p.radiusKm = try number(value, key)
            case "halfLifeDays": p.halfLifeDays = try number(value, key)
            case "kappa": p.kappa = try number(value, key)
            case "trendDays": p.trendDays = try integer(value, key)
            case "hotspotKm": p.hotspotKm = try number(value, key)
            case "targetMultiplier": p.targetMultiplier = try number(value, key)
            case "topIncidents": p.topIncidents = try integer(value, key)
            case "trendRising": p.trendRising = try number(value, key)
            case "trendFalling": p.trendFalling = try number(value, key)
            case "tierBounds":
                guard let items = value.array else { throw ModelError(key: key, reason: "must be an array of 4 numbers") }
                p.tierBounds = try items.enumerated().map { (i, v) throws(ModelError) in try number(v, "\(key)[\(i)]") }
            case "categoryWeights":
                for (name, v) in try object(value, key) {
                    guard let c = IncidentCategory(rawValue: name) else {
                        throw ModelError(key: "\(key).\(name)", reason: "is not a category (expected one of \(IncidentCategory.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    p.categoryWeights[c] = try number(v, "\(key).\(name)")
                }
            case "precisionFactors":
                for (name, v) in try object(value, key) {
                    guard let level = Int(name).flatMap(LocationPrecision.init(rawValue:)) else {
                        throw ModelError(key: "\(key).\(name)", reason: "is not a precision (expected \"1\", \"2\" or \"3\")")
                    }
                    p.precisionFactors[level] = try number(v, "\(key).\(name)")
                }
            case "severity":
                for (name, v) in try object(value, key) {
                    let n = try number(v, "\(key).\(name)")
                    switch name {
                    case "fatalities": p.severity.fatalities = n
                    case "injured": p.severity.injured = n
                    case "hostages": p.severity.hostages = n
                    default: throw ModelError(key: "\(key).\(name)", reason: "is unknown (expected fatalities, injured, hostages)")
                    }
                }
            default:
                throw ModelError(key: key, reason: "is not a model parameter (known: \(knownKeys.joined(separator: ", ")))")
            }
        }
        try p.validate()
        return p
    }

    static let knownKeys = ["segmentKm", "radiusKm", "halfLifeDays", "kappa", "trendDays", "hotspotKm",
                            "categoryWeights", "precisionFactors", "targetMultiplier", "severity",
                            "topIncidents", "tierBounds", "trendRising", "trendFalling"]

    private static func number(_ v: JSONValue, _ key: String) throws(ModelError) -> Double {
        guard let n = v.number else { throw ModelError(key: key, reason: "must be a number, got \(v.kindName)") }
        guard n.isFinite else { throw ModelError(key: key, reason: "must be a finite number") }
        return n
    }

    private static func integer(_ v: JSONValue, _ key: String) throws(ModelError) -> Int {
        let n = try number(v, key)
        guard n.rounded() == n, abs(n) < 1e9 else { throw ModelError(key: key, reason: "must be a whole number, got \(n)") }
        return Int(n)
    }

    private static func object(_ v: JSONValue, _ key: String) throws(ModelError) -> [(key: String, value: JSONValue)] {
        guard case .object(let pairs) = v else { throw ModelError(key: key, reason: "must be an object, got \(v.kindName)") }
        return pairs
    }
}
