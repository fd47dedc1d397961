import Platform

/// Reads a JSON model file (METHOD §7): an object with any subset of the keys that a report's
/// `parameters` echoes; an unknown key is an error, so a typo never silently falls back to a
/// default.
extension ModelParameters {
    /// Parameters from the model file at `path`, starting from `base` (the defaults).
    public static func load(path: String, base: ModelParameters = .defaults) throws -> ModelParameters {
        let buffer = try InputError.contents(of: path)
        do {
            return try buffer.withBytes { (bytes) throws(ModelError) in try parse(bytes, base: base) }
        } catch {
            throw InputError(.malformed, file: path, reason: error.description)
        }
    }

    /// Parameters from model-file JSON held in memory.
    public static func parse(json: String, base: ModelParameters = .defaults) throws(ModelError) -> ModelParameters {
        var bytes = Array(json.utf8)
        return try bytes.withUnsafeMutableBufferPointer { (b) throws(ModelError) in try parse(UnsafeBufferPointer(b), base: base) }
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
            guard let parameter = table.first(where: { $0.key == key }) else {
                throw ModelError(key: key, reason: "is not a model parameter (known: \(knownKeys.joined(separator: ", ")))")
            }
            try parameter.read(value, &p)
        }
        try p.validate()
        return p
    }

    /// The parameters as a report's `parameters` object: every key of the table, in its order.
    func write(to w: inout JSONWriter) {
        w.beginObject()
        for parameter in Self.table {
            w.key(parameter.key)
            parameter.echo(self, &w)
        }
        w.endObject()
    }
}
