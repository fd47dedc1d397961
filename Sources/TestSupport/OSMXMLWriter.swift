/// Writes OpenStreetMap XML (`.osm`, what GDAL's OSM driver reads) for the tests and the
/// benchmark generator, with no download: ways that share a coordinate share its node, as in
/// real OSM data, so the driver sees connected roads. Nodes are written before ways, as the
/// format requires, in chunks so a national-size file never sits in memory as one string.
public struct OSMXMLWriter {
    private var nodes: [(lon: Double, lat: Double, tags: [(String, String)])] = []
    private var nodeIDs: [UInt64: [(lon: Double, lat: Double, id: Int)]] = [:]
    private var ways: [(id: Int, refs: [Int], tags: [(String, String)])] = []

    /// An empty file.
    public init() {}

    /// Adds a way through `points` with `tags`; its id is the next one from 1, or `id`.
    public mutating func way(_ points: [(lon: Double, lat: Double)], tags: [(String, String)], id: Int? = nil) {
        ways.append((id ?? (ways.count + 1), points.map { node($0.lon, $0.lat) }, tags))
    }

    /// How many ways and nodes the file has.
    public var wayCount: Int { ways.count }
    public var nodeCount: Int { nodes.count }

    /// Adds a tagged node (a station, say).
    public mutating func point(_ lon: Double, _ lat: Double, tags: [(String, String)]) {
        nodes.append((lon, lat, tags))
    }

    /// The document, passed to `sink` in pieces of about 64 KiB.
    public func write(to sink: (String) throws -> Void) rethrows {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"CorridorRisk tests\">\n"
        func flush(_ force: Bool = false) throws {
            if force || out.utf8.count > 65_536 { try sink(out); out = "" }
        }
        for (i, n) in nodes.enumerated() {
            out += "  <node id=\"\(i + 1)\" lat=\"\(n.lat)\" lon=\"\(n.lon)\" version=\"1\""
            if n.tags.isEmpty {
                out += "/>\n"
            } else {
                out += ">" + n.tags.map { "<tag k=\"\(Self.escape($0.0))\" v=\"\(Self.escape($0.1))\"/>" }.joined() + "</node>\n"
            }
            try flush()
        }
        for w in ways {
            out += "  <way id=\"\(w.id)\" version=\"1\">" + w.refs.map { "<nd ref=\"\($0)\"/>" }.joined()
                + w.tags.map { "<tag k=\"\(Self.escape($0.0))\" v=\"\(Self.escape($0.1))\"/>" }.joined() + "</way>\n"
            try flush()
        }
        out += "</osm>\n"
        try flush(true)
    }

    /// The whole document as one string (small files).
    public var text: String {
        var s = ""
        write { s += $0 }
        return s
    }

    private mutating func node(_ lon: Double, _ lat: Double) -> Int {
        let key = lon.bitPattern &* 31 &+ lat.bitPattern
        if let id = nodeIDs[key]?.first(where: { $0.lon == lon && $0.lat == lat })?.id { return id }
        nodes.append((lon, lat, []))
        nodeIDs[key, default: []].append((lon, lat, nodes.count))
        return nodes.count
    }

    private static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
