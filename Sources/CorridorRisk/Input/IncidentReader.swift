import Platform

/// Reads incident files in any supported format (spec §1).
public enum IncidentReader {
    /// Reads the file at `path`; `parallelism` pieces of a large CSV are parsed at once.
    /// In `strict` mode the first rejected record (in file order) is thrown as an `InputError`.
    /// Without `keepText`, incidents come without `description` and `source` (a large export
    /// reads faster and in far less memory when nothing will show them).
    /// The observer is told how long loading and parsing took.
    public static func read(path: String, format: IncidentFormat = .auto, strict: Bool = false, keepText: Bool = true,
                            parallelism: Int = defaultParallelism, observer: PhaseObserver? = nil) async throws -> IncidentSet {
        let timer = PhaseTimer(observer: observer)
        let buffer = try timer.measure("load") { try InputError.contents(of: path) }
        return try await read(buffer, file: path, format: format, strict: strict, keepText: keepText,
                              parallelism: parallelism, timer: timer)
    }

    /// Reads incidents held in memory; `name` is used in messages and rejections.
    public static func read(bytes: some Collection<UInt8>, name: String, format: IncidentFormat = .auto,
                            strict: Bool = false, keepText: Bool = true,
                            parallelism: Int = defaultParallelism) async throws -> IncidentSet {
        try await read(ByteBuffer(bytes), file: name, format: format, strict: strict, keepText: keepText,
                       parallelism: parallelism, timer: PhaseTimer(observer: nil))
    }

    static func read(_ buffer: ByteBuffer, file: String, format: IncidentFormat, strict: Bool, keepText: Bool,
                     parallelism: Int, timer: PhaseTimer) async throws -> IncidentSet {
        let resolved = format == .auto && buffer.withBytes(looksLikeJSON) ? .geojson : format
        // The checksum and the UTF-8 check run alongside the parse, on whichever core is free.
        async let digest = timer.measure("sha256 + utf8 (alongside)") { buffer.digestAndUTF8Check() }
        if resolved == .layer {
            throw InputError(.malformed, file: file, reason: "is a GDAL layer: read it with CorridorRiskGDAL's IncidentLayerReader")
        }
        var set = try await timer.measure("parse+validate") {
            resolved == .geojson
                ? try GeoJSONIncidentReader.read(buffer, file: file, keepText: keepText)
                : try await CSVIncidentReader.read(buffer, file: file, format: resolved, keepText: keepText,
                                                   parallelism: max(1, parallelism))
        }
        let (checksum, invalidUTF8) = await digest
        set.digest = checksum
        set.readerChecked = true   // every record passed the rules `validate()` applies
        if let warning = UTF8Check.warning(file: file, invalid: invalidUTF8) { set.warnings.append(warning) }
        if strict, let first = set.rejected.first {
            let location = set.format.recordLocation(first.line, id: first.id)
            throw InputError(.rejected, file: file, location: location, reason: "\(first.reason) (strict mode)")
        }
        return set
    }

    /// The machine's core count: the default number of parallel pieces.
    public static var defaultParallelism: Int { System.processorCount }

    static func looksLikeJSON(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = CSVIncidentReader.hasUTF8BOM(b) ? 3 : 0
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        return i < b.count && b[i] == UInt8(ascii: "{")
    }
}
