import Foundation
@testable import CorridorRisk

/// Paths of the repository's fixture files, found from this source file's location.
enum FixturePath {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func of(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}

/// Relative closeness to `digits` significant digits, the precision the spec quotes.
func close(_ a: Double, _ b: Double, digits: Int = 6) -> Bool {
    if a == b { return true }
    return abs(a - b) <= 0.5 * pow(10, Double(1 - digits)) * max(abs(a), abs(b))
}

/// Reads in-memory CSV or GeoJSON text as an incidents file.
func incidents(_ text: String, name: String = "test.csv", format: IncidentFormat = .auto,
               parallelism: Int = 2) async throws -> IncidentSet {
    try await IncidentReader.read(bytes: Array(text.utf8), name: name, format: format, parallelism: parallelism)
}

/// Reads in-memory GeoJSON text as infrastructure.
func infrastructure(_ text: String) throws -> Infrastructure {
    try InfrastructureReader.read(bytes: Array(text.utf8), name: "test.geojson")
}

/// A one-feature infrastructure file.
func feature(_ id: String, kind: String, _ geometry: String, extra: String = "") -> String {
    """
    {"type": "Feature", "properties": {"id": "\(id)", "kind": "\(kind)"\(extra.isEmpty ? "" : ", " + extra)},
     "geometry": \(geometry)}
    """
}

func collection(_ features: String...) -> String {
    #"{"type": "FeatureCollection", "features": ["# + features.joined(separator: ",") + "]}"
}

/// Whether `a`, rounded to `digits` significant digits, is the tabled value `tabled` (the spec's
/// §7 tables are rounded, not truncated: this is the strict reading of "six significant digits").
func roundsTo(_ a: Double, _ tabled: Double, digits: Int = 6) -> Bool {
    if a == tabled { return true }
    guard a != 0 else { return false }
    let magnitude = Int(floor(log10(abs(a)))) + 1
    let scale = pow(10, Double(digits - magnitude))
    let rounded = (a * scale).rounded() / scale
    return abs(rounded - tabled) <= 1e-12 * abs(tabled)
}
