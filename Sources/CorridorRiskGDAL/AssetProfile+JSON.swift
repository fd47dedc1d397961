import CorridorRisk
import Platform

extension AssetProfile {
    /// The keys a profile file may use.
    static let keys = ["id", "name", "kind", "criticality", "cpec", "corridors", "routeKey", "rules"]
    static let ruleKeys = ["where", "kind", "criticality", "cpec", "corridors"]

    /// Reads a JSON profile file; an unknown key, an unknown kind or a malformed rule is an error
    /// naming it, so a typo never silently skips a whole network.
    public static func load(path: String) throws -> AssetProfile {
        let buffer = try ByteBuffer.contents(ofFile: path)
        do {
            return try buffer.withBytes { (b) throws(ProfileError) in try parse(bytes: b, name: path) }
        } catch {
            throw InputError(.malformed, file: path, reason: error.description)
        }
    }

    /// A profile from JSON text.
    public static func parse(json: String, name: String = "profile") throws(ProfileError) -> AssetProfile {
        var bytes = Array(json.utf8)
        return try bytes.withUnsafeMutableBufferPointer { (b) throws(ProfileError) in try parse(bytes: UnsafeBufferPointer(b), name: name) }
    }

    static func parse(bytes: UnsafeBufferPointer<UInt8>, name: String) throws(ProfileError) -> AssetProfile {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw ProfileError(key: "(file)", reason: "is not valid JSON: \(error.description)")
        }
        guard case .object(let pairs) = root else { throw ProfileError(key: "(file)", reason: "must be a JSON object") }
        var p = AssetProfile(name: name, id: nil, nameProperty: nil, kindProperty: nil, criticality: nil, cpec: nil,
                             corridors: nil, routeKey: [], rules: [])
        for (key, value) in pairs {
            func text() throws(ProfileError) -> String {
                guard let s = value.string, !s.isEmpty else { throw ProfileError(key: key, reason: "must be a property name (a string)") }
                return s
            }
            switch key {
            case "id": p.id = try text()
            case "name": p.nameProperty = try text()
            case "kind": p.kindProperty = try text()
            case "criticality": p.criticality = try text()
            case "cpec": p.cpec = try text()
            case "corridors": p.corridors = try text()
            case "routeKey":
                if let s = value.string { p.routeKey = [s] } else {
                    guard let items = value.array, items.allSatisfy({ $0.string != nil }) else {
                        throw ProfileError(key: key, reason: "must be a property name or a list of them")
                    }
                    p.routeKey = items.compactMap(\.string)
                }
            case "rules":
                guard let items = value.array else { throw ProfileError(key: key, reason: "must be a list of rules") }
                p.rules = try items.enumerated().map { (i, item) throws(ProfileError) in try rule(item, index: i) }
            default:
                throw ProfileError(key: key, reason: "is not a profile key (known: \(keys.joined(separator: ", ")))")
            }
        }
        if p.rules.isEmpty && p.kindProperty == nil {
            throw ProfileError(key: "(file)", reason: "needs rules or a kind property: nothing would become an asset")
        }
        return p
    }

    private static func rule(_ v: JSONValue, index: Int) throws(ProfileError) -> Rule {
        let at = "rules[\(index)]"
        guard case .object(let pairs) = v else { throw ProfileError(key: at, reason: "must be an object") }
        var conditions: [(key: String, values: [String])] = []
        var kind: AssetKind?
        var criticality: Double?, cpec: Bool?, corridors: [String] = []
        for (key, value) in pairs {
            switch key {
            case "where":
                guard case .object(let cs) = value, !cs.isEmpty else {
                    throw ProfileError(key: "\(at).where", reason: "must be an object of property: value or [values]")
                }
                for (property, accepted) in cs {
                    if let s = accepted.string { conditions.append((property, [s])); continue }
                    guard let list = accepted.array, !list.isEmpty, list.allSatisfy({ $0.string != nil }) else {
                        throw ProfileError(key: "\(at).where.\(property)", reason: "must be a string or a list of strings")
                    }
                    conditions.append((property, list.compactMap(\.string)))
                }
            case "kind":
                guard let name = value.string, let k = AssetKind(rawValue: name) else {
                    throw ProfileError(key: "\(at).kind", reason: "must be one of " + AssetKind.allCases.map(\.rawValue).joined(separator: ", ")
                                       + ", got \(value.string.map { "'\($0.prefix(40))'" } ?? value.kindName)")
                }
                kind = k
            case "criticality":
                guard let c = value.number, c.isFinite, c > 0, c <= 10 else {
                    throw ProfileError(key: "\(at).criticality", reason: "must be a number in (0, 10]")
                }
                criticality = c
            case "cpec":
                guard case .bool(let b) = value else { throw ProfileError(key: "\(at).cpec", reason: "must be true or false") }
                cpec = b
            case "corridors":
                if let s = value.string { corridors = [s] } else {
                    guard let list = value.array, list.allSatisfy({ $0.string != nil }) else {
                        throw ProfileError(key: "\(at).corridors", reason: "must be a name or a list of names")
                    }
                    corridors = list.compactMap(\.string)
                }
            default:
                throw ProfileError(key: "\(at).\(key)", reason: "is not a rule key (known: \(ruleKeys.joined(separator: ", ")))")
            }
        }
        guard let kind else { throw ProfileError(key: "\(at).kind", reason: "is missing") }
        guard !conditions.isEmpty else { throw ProfileError(key: "\(at).where", reason: "is missing") }
        return Rule(conditions: conditions, kind: kind, criticality: criticality, cpec: cpec, corridors: corridors)
    }
}
