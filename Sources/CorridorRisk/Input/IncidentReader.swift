#if canImport(Glibc)
import Glibc
#endif

/// Reads incident files in any supported format (spec §1).
public enum IncidentReader {
    /// Reads the file at `path`; `parallelism` pieces of a large CSV are parsed at once.
    public static func read(path: String, format: IncidentFormat = .auto,
                            parallelism: Int = defaultParallelism) async throws -> IncidentSet {
        try await read(ByteBuffer.contents(ofFile: path), file: path, format: format, parallelism: parallelism)
    }

    /// Reads incidents held in memory; `name` is used in messages and rejections.
    public static func read(bytes: some Collection<UInt8>, name: String, format: IncidentFormat = .auto,
                            parallelism: Int = defaultParallelism) async throws -> IncidentSet {
        try await read(ByteBuffer(bytes), file: name, format: format, parallelism: parallelism)
    }

    static func read(_ buffer: ByteBuffer, file: String, format: IncidentFormat, parallelism: Int) async throws -> IncidentSet {
        let resolved = format == .auto && looksLikeJSON(buffer.bytes) ? .geojson : format
        if resolved == .geojson { return try GeoJSONIncidentReader.read(buffer, file: file) }
        return try await CSVIncidentReader.read(buffer, file: file, format: resolved, parallelism: max(1, parallelism))
    }

    /// The machine's core count: the default number of parallel pieces.
    public static var defaultParallelism: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    private static func looksLikeJSON(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = CSVIncidentReader.hasUTF8BOM(b) ? 3 : 0
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        return i < b.count && b[i] == UInt8(ascii: "{")
    }
}
