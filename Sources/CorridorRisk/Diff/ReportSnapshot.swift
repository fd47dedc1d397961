import Platform

/// What a diff needs of one JSON report, read back from its bytes: this version's or an earlier
/// one's (v1.1 reports have the same unit and corridor keys; newer keys are not needed).
public struct ReportSnapshot: Sendable {
    /// One unit as the report lists it.
    public struct Unit: Sendable {
        public var id: String
        public var assetName: String
        public var startKm: Double
        public var endKm: Double
        public var score: Double
        public var tier: RiskTier
        public var threat: Double
        public var incidentCount: Int
        /// `km 250–260, between Sibi and Mach` when the report names places, else the chainage.
        public var place: String
    }

    /// One corridor's summary as the report lists it.
    public struct Corridor: Sendable {
        public var name: String
        public var maxScore: Double?
        public var meanScore: Double?
        public var kmByTier: PerTier<Double>
    }

    /// The file as the caller named it.
    public var file: String
    public var asOf: String?
    /// The report's `inputs`, copied as they are (nil when it has none).
    package var inputs: JSONValue?
    /// The segment length the report used (to cut the network again for a map).
    public var segmentKm: Double?
    public var units: [Unit]
    public var corridors: [Corridor]
    /// The infrastructure input's path and SHA-256 as recorded, if any.
    public var infrastructure: (path: String, sha256: String?)?

    /// Reads the report at `path`; a file that is not a CorridorRisk JSON report is an
    /// `InputError` saying what is missing.
    public static func read(path: String) throws -> ReportSnapshot {
        let buffer = try InputError.contents(of: path)
        return try buffer.withBytes { try read($0, file: path) }
    }

    /// Reads a report held in memory.
    public static func read(bytes: some Collection<UInt8>, name: String) throws -> ReportSnapshot {
        try ByteBuffer(bytes).withBytes { try read($0, file: name) }
    }

    static func read(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> ReportSnapshot {
        func notAReport(_ why: String) -> InputError {
            InputError(.malformed, file: file, reason: "is not a CorridorRisk report: \(why)")
        }
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw notAReport("not JSON (line \(error.line), column \(error.column): \(error.reason))")
        }
        guard case .object = root else { throw notAReport("not a JSON object") }
        guard let units = root["units"]?.array else { throw notAReport("it has no \"units\" array") }
        guard root["corridors"]?.array != nil, root["parameters"] != nil else {
            throw notAReport("it has no \"parameters\" or \"corridors\"")
        }
        var snapshot = ReportSnapshot(file: file, asOf: root["asOf"]?.string, inputs: root["inputs"],
                                      segmentKm: root["parameters"]?["segmentKm"]?.number, units: [], corridors: [],
                                      infrastructure: nil)
        for (i, u) in units.enumerated() {
            guard let id = u["id"]?.string, let score = u["score"]?.number, let threat = u["threat"]?.number,
                  let tier = u["tier"]?.string.flatMap(RiskTier.init(rawValue:)) else {
                throw notAReport("unit \(i) lacks an id, score, threat or tier")
            }
            let start = u["startKm"]?.number ?? 0, end = u["endKm"]?.number ?? 0
            let kind = u["kind"]?.string.flatMap(AssetKind.init(rawValue:))
            snapshot.units.append(Unit(id: id, assetName: u["assetName"]?.string ?? id, startKm: start, endKm: end,
                                       score: score, tier: tier, threat: threat,
                                       incidentCount: Int(u["incidentCount"]?.number ?? 0),
                                       place: Self.place(u, linear: kind?.isLinear ?? (end > 0), start: start, end: end)))
        }
        for c in root["corridors"]?.array ?? [] {
            guard let name = c["name"]?.string else { continue }
            snapshot.corridors.append(Corridor(name: name, maxScore: c["maxScore"]?.number, meanScore: c["meanScore"]?.number,
                                               kmByTier: PerTier { c["kmByTier"]?[$0.rawValue]?.number ?? 0 }))
        }
        if let infrastructure = root["inputs"]?.array?.first(where: { $0["role"]?.string == "infrastructure" }),
           let path = infrastructure["path"]?.string {
            snapshot.infrastructure = (path, infrastructure["sha256"]?.string)
        }
        return snapshot
    }

    /// The unit's place in words, from its `places` when the report has them.
    private static func place(_ u: JSONValue, linear: Bool, start: Double, end: Double) -> String {
        let near = u["places"]?["near"]
        let places = u["places"].flatMap { p -> UnitPlaces? in
            guard case .object = p else { return nil }
            return UnitPlaces(
                near: near?["name"]?.string.map {
                    PlaceReference(name: $0, distanceKm: near?["distanceKm"]?.number ?? 0,
                                   bearing: near?["bearing"]?.string.flatMap(CompassPoint.init(rawValue:)))
                },
                from: p["from"]?.string, to: p["to"]?.string)
        }
        return UnitScore.describe(places: places, linear: linear, startKm: start, endKm: end)
    }
}
