extension ModelParameters {
    /// Every model parameter in the order reports echo them: its key, how a model file sets it,
    /// the rule it must meet and how it is written back. Adding a parameter means one line here.
    static let table: [Parameter] = [
        .number("segmentKm", \.segmentKm, .positive),
        .number("radiusKm", \.radiusKm, .positive),
        .number("halfLifeDays", \.halfLifeDays, .positive),
        .number("kappa", \.kappa, .positive),
        .integer("trendDays", \.trendDays, minimum: 0, unit: "of days "),
        .number("hotspotKm", \.hotspotKm, .nonNegative),
        .table("categoryWeights", \.categoryWeights, .nonNegative, what: "a category"),
        .table("precisionFactors", \.precisionFactors, .nonNegative, what: "a precision"),
        .number("targetMultiplier", \.targetMultiplier, .nonNegative),
        .record("severity", [("fatalities", \.severity.fatalities), ("injured", \.severity.injured),
                             ("hostages", \.severity.hostages)], .nonNegative),
        .integer("topIncidents", \.topIncidents, minimum: 0),
        .increasingList("tierBounds", \.tierBounds, count: 4, range: 0...100),
        .number("trendRising", \.trendRising, .nonNegative),
        .number("trendFalling", \.trendFalling, .nonNegative),
        .choice("precisionModel", \.precisionModel),
        .choice("trendModel", \.trendModel),
        .table("uncertaintyKm", \.uncertaintyKm, .nonNegative, what: "a precision"),
        .integer("lowDataIncidents", \.lowDataIncidents, minimum: 0),
        .number("intervalLevel", \.intervalLevel, .openUnitInterval),
        .integer("historyPoints", \.historyPoints, minimum: 1, maximum: 1200),
        .integer("historyStepDays", \.historyStepDays, minimum: 1, maximum: 36_500, unit: "of days "),
        .number("placeNearKm", \.placeNearKm, .nonNegative),
        .number("placeEndKm", \.placeEndKm, .nonNegative),
    ]

    /// The keys a model file may use, in table order.
    static var knownKeys: [String] { table.map(\.key) }
}

/// The rule a number must meet.
enum NumberRule: Sendable {
    case positive, nonNegative
    /// Strictly between 0 and 1.
    case openUnitInterval

    func check(_ v: Double, _ key: String) throws(ModelError) {
        switch self {
        case .positive:
            guard v.isFinite, v > 0 else { throw ModelError(key: key, reason: "must be a positive number, got \(v)") }
        case .nonNegative:
            guard v.isFinite, v >= 0 else { throw ModelError(key: key, reason: "must be a non-negative number, got \(v)") }
        case .openUnitInterval:
            guard v.isFinite, v > 0, v < 1 else { throw ModelError(key: key, reason: "must be a number between 0 and 1 (exclusive), got \(v)") }
        }
    }
}

/// One row of the parameter table.
struct Parameter: Sendable {
    typealias Path<V> = WritableKeyPath<ModelParameters, V> & Sendable

    let key: String
    /// Sets the parameter from its model-file value (type checks only; `check` judges the value).
    let read: @Sendable (JSONValue, inout ModelParameters) throws(ModelError) -> Void
    /// Throws when the parameter's value breaks its rule.
    let check: @Sendable (ModelParameters) throws(ModelError) -> Void
    /// Writes the value into a report's `parameters` object (the key is written by the caller).
    let echo: @Sendable (ModelParameters, inout JSONWriter) -> Void

    static func number(_ key: String, _ path: Path<Double>, _ rule: NumberRule) -> Parameter {
        Parameter(key: key,
                  read: { (v, p) throws(ModelError) in p[keyPath: path] = try ModelValue.number(v, key) },
                  check: { (p) throws(ModelError) in try rule.check(p[keyPath: path], key) },
                  echo: { p, w in w.number(p[keyPath: path]) })
    }

    static func integer(_ key: String, _ path: Path<Int>, minimum: Int, maximum: Int? = nil, unit: String = "") -> Parameter {
        Parameter(key: key,
                  read: { (v, p) throws(ModelError) in p[keyPath: path] = try ModelValue.integer(v, key) },
                  check: { (p) throws(ModelError) in
                      let v = p[keyPath: path]
                      guard v >= minimum else { throw ModelError(key: key, reason: "must be a whole number \(unit)≥ \(minimum)") }
                      if let maximum, v > maximum {
                          throw ModelError(key: key, reason: "must be a whole number \(unit)from \(minimum) to \(maximum), got \(v)")
                      }
                  },
                  echo: { p, w in w.int(p[keyPath: path]) })
    }

    /// One of an enumeration's names (`"spread"`, `"v1.1"`).
    static func choice<E: CaseIterable & RawRepresentable<String> & Sendable>(_ key: String, _ path: Path<E>) -> Parameter {
        let names = E.allCases.map(\.rawValue)
        return Parameter(
            key: key,
            read: { (v, p) throws(ModelError) in
                guard let name = v.string else { throw ModelError(key: key, reason: "must be a string, got \(v.kindName)") }
                guard let e = E(rawValue: name) else {
                    throw ModelError(key: key, reason: "must be one of \(names.map { "\"\($0)\"" }.joined(separator: ", ")), got \"\(name.prefix(40))\"")
                }
                p[keyPath: path] = e
            },
            check: { _ in },
            echo: { p, w in w.string(p[keyPath: path].rawValue) })
    }

    /// An object with one number per case of `K` (categories, precision classes), keyed by the
    /// case's name; a model file may give any subset.
    static func table<K: TableKey>(_ key: String, _ path: Path<TotalTable<K, Double>>, _ rule: NumberRule,
                                   what: String) -> Parameter {
        let names = K.allCases.map(\.tableName)
        return Parameter(
            key: key,
            read: { (v, p) throws(ModelError) in
                for (name, item) in try ModelValue.object(v, key) {
                    guard let k = K.allCases.first(where: { $0.tableName == name }) else {
                        throw ModelError(key: "\(key).\(name)", reason: "is not \(what) (expected \(ModelValue.list(names)))")
                    }
                    p[keyPath: path][k] = try ModelValue.number(item, "\(key).\(name)")
                }
            },
            check: { (p) throws(ModelError) in
                for (k, value) in p[keyPath: path].entries { try rule.check(value, "\(key).\(k.tableName)") }
            },
            echo: { p, w in
                w.beginObject()
                for (k, value) in p[keyPath: path].entries { w.field(k.tableName, value) }
                w.endObject()
            })
    }

    /// An object with fixed number fields.
    static func record(_ key: String, _ fields: [(String, Path<Double>)], _ rule: NumberRule) -> Parameter {
        let names = fields.map(\.0)
        return Parameter(
            key: key,
            read: { (v, p) throws(ModelError) in
                for (name, item) in try ModelValue.object(v, key) {
                    guard let field = fields.first(where: { $0.0 == name }) else {
                        throw ModelError(key: "\(key).\(name)", reason: "is unknown (expected \(names.joined(separator: ", ")))")
                    }
                    p[keyPath: field.1] = try ModelValue.number(item, "\(key).\(name)")
                }
            },
            check: { (p) throws(ModelError) in
                for (name, path) in fields { try rule.check(p[keyPath: path], "\(key).\(name)") }
            },
            echo: { p, w in
                w.beginObject()
                for (name, path) in fields { w.field(name, p[keyPath: path]) }
                w.endObject()
            })
    }

    /// A fixed-length array of strictly increasing numbers within `range`.
    static func increasingList(_ key: String, _ path: Path<[Double]>, count: Int, range: ClosedRange<Double>) -> Parameter {
        Parameter(
            key: key,
            read: { (v, p) throws(ModelError) in
                guard let items = v.array else { throw ModelError(key: key, reason: "must be an array of \(count) numbers") }
                guard items.count == count else {
                    throw ModelError(key: key, reason: "must be an array of \(count) numbers, got \(items.count)")
                }
                p[keyPath: path] = try items.enumerated().map { (i, item) throws(ModelError) in
                    try ModelValue.number(item, "\(key)[\(i)]")
                }
            },
            check: { (p) throws(ModelError) in
                let values = p[keyPath: path]
                guard values.count == count, values.allSatisfy({ $0.isFinite && range.contains($0) }),
                      zip(values, values.dropFirst()).allSatisfy({ $0 < $1 }) else {
                    throw ModelError(key: key, reason: "must be \(count) increasing numbers in "
                                     + "[\(ModelValue.format(range.lowerBound)), \(ModelValue.format(range.upperBound))], got "
                                     + ModelValue.shortList(values))
                }
            },
            echo: { p, w in
                w.beginArray()
                for b in p[keyPath: path] { w.number(b) }
                w.endArray()
            })
    }
}

/// Reading model-file values: the type checks every parameter shares.
enum ModelValue {
    static func number(_ v: JSONValue, _ key: String) throws(ModelError) -> Double {
        guard let n = v.number else { throw ModelError(key: key, reason: "must be a number, got \(v.kindName)") }
        guard n.isFinite else { throw ModelError(key: key, reason: "must be a finite number") }
        return n
    }

    static func integer(_ v: JSONValue, _ key: String) throws(ModelError) -> Int {
        let n = try number(v, key)
        guard n.rounded() == n, abs(n) < 1e9 else { throw ModelError(key: key, reason: "must be a whole number, got \(format(n))") }
        return Int(n)
    }

    static func object(_ v: JSONValue, _ key: String) throws(ModelError) -> [(key: String, value: JSONValue)] {
        guard case .object(let pairs) = v else { throw ModelError(key: key, reason: "must be an object, got \(v.kindName)") }
        return pairs
    }

    /// `"1", "2" or "3"` / `a, b, c`: the expected names in a message.
    static func list(_ names: [String]) -> String {
        if names.allSatisfy({ Int($0) != nil }) {
            let quoted = names.map { "\"\($0)\"" }
            return quoted.dropLast().joined(separator: ", ") + " or " + (quoted.last ?? "")
        }
        return "one of " + names.joined(separator: ", ")
    }

    static func format(_ v: Double) -> String { v.rounded() == v && abs(v) < 1e15 ? String(Int(v)) : String(v) }

    /// A list in a message, cut after a few values so a huge array never floods it.
    static func shortList(_ values: [Double]) -> String {
        let shown = values.prefix(6).map { String($0) }.joined(separator: ", ")
        return "[" + shown + (values.count > 6 ? ", … (\(values.count) values)" : "") + "]"
    }
}
