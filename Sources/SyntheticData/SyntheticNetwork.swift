import RealModule
import TestSupport
/// A made-up but plausible infrastructure network: towns scattered over a region the size of
/// Pakistan, joined by winding roads and rail lines of about the requested total length, plus
/// point and polygon sites. Deterministic for a seed.
public struct SyntheticNetwork: Sendable {
    /// Town centres (lon, lat); incidents cluster around them.
    public let towns: [(lon: Double, lat: Double)]
    /// The infrastructure as a GeoJSON FeatureCollection.
    public let geoJSON: String
    /// Total length of the lines in km (great-circle approximation).
    public let lengthKm: Double
    /// How many lines (roads and rail) the network has.
    public let lineCount: Int
    /// The lines' vertices (lon, lat), in the order of the features.
    public let lines: [[(lon: Double, lat: Double)]]

    /// The region: lon 61–75 E, lat 24–37 N.
    static let west = 61.0, east = 75.0, south = 24.0, north = 37.0

    /// A network of at least `target` km of lines.
    public init(lengthKm target: Double, seed: UInt64) {
        var rng = SplitMix64(seed: seed ^ 0x5EED_0001)
        let townCount = max(12, Int(target / 60))
        var towns: [(Double, Double)] = []
        for _ in 0..<townCount {
            towns.append((Self.west + 0.5 + rng.unit() * (Self.east - Self.west - 1),
                          Self.south + 0.5 + rng.unit() * (Self.north - Self.south - 1)))
        }
        var features: [String] = []
        var vertices: [[(lon: Double, lat: Double)]] = []
        var total = 0.0
        var lines = 0
        var used = Set<Int>()
        while total < target {
            let a = rng.below(towns.count)
            // The nearest few towns make realistic links; pick one of the five closest.
            let nearest = towns.indices.filter { $0 != a }
                .sorted { Self.km(towns[a], towns[$0]) < Self.km(towns[a], towns[$1]) }
                .prefix(5)
            let b = Array(nearest)[rng.below(nearest.count)]
            let key = min(a, b) * 100_000 + max(a, b)
            if used.contains(key) && used.count < townCount * 5 / 2 { continue }
            used.insert(key)
            let (coordinates, length) = Self.winding(from: towns[a], to: towns[b], rng: &rng)
            vertices.append(coordinates.map { (lon: $0.0, lat: $0.1) })
            lines += 1
            total += length
            let kind = lines % 4 == 0 ? "rail" : "road"
            let cpec = rng.unit() < 0.3
            features.append("""
                {"type":"Feature","properties":{"id":"\(kind)-\(lines)","kind":"\(kind)","name":"Synthetic \(kind) \(lines)",\
                "criticality":\(1 + rng.below(5)),"cpec":\(cpec),"corridors":["Corridor \(1 + lines % 12)"]},\
                "geometry":{"type":"LineString","coordinates":[\(coordinates.map { "[\(Self.fixed($0.0)),\(Self.fixed($0.1))]" }.joined(separator: ","))]}}
                """)
        }
        // Sites: a point at every tenth town, a small polygon at every twenty-fifth.
        let siteKinds = ["port", "airport", "station", "mine", "powerPlant", "dam", "borderCrossing", "other"]
        for (i, t) in towns.enumerated() where i % 10 == 0 {
            let kind = siteKinds[(i / 10) % siteKinds.count]
            if i % 25 == 0 {
                let d = 0.01 + rng.unit() * 0.02
                let ring = [(t.0 - d, t.1 - d), (t.0 + d, t.1 - d), (t.0 + d, t.1 + d), (t.0 - d, t.1 + d), (t.0 - d, t.1 - d)]
                features.append("""
                    {"type":"Feature","properties":{"id":"site-\(i)","kind":"\(kind)","criticality":\(1 + rng.below(5)),"cpec":\(rng.unit() < 0.3)},\
                    "geometry":{"type":"Polygon","coordinates":[[\(ring.map { "[\(Self.fixed($0.0)),\(Self.fixed($0.1))]" }.joined(separator: ","))]]}}
                    """)
            } else {
                features.append("""
                    {"type":"Feature","properties":{"id":"site-\(i)","kind":"\(kind)","criticality":\(1 + rng.below(5))},\
                    "geometry":{"type":"Point","coordinates":[\(Self.fixed(t.0)),\(Self.fixed(t.1))]}}
                    """)
            }
        }
        self.towns = towns.map { (lon: $0.0, lat: $0.1) }
        self.lengthKm = total
        self.lineCount = lines
        self.lines = vertices
        geoJSON = "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
    }

    /// A line from `a` to `b` that wanders sideways, with a vertex every 4–12 km.
    static func winding(from a: (Double, Double), to b: (Double, Double), rng: inout SplitMix64)
        -> ([(Double, Double)], Double) {
        let direct = km(a, b)
        let steps = max(2, Int(direct / 8))
        var points = [a]
        var offset = 0.0
        for s in 1..<steps {
            let f = Double(s) / Double(steps)
            offset = offset * 0.8 + rng.normal() * 0.02
            // Perpendicular offset in degrees, fading to zero at both ends.
            let fade = Double.sin(.pi * f)
            let dx = b.0 - a.0, dy = b.1 - a.1
            let norm = max((dx * dx + dy * dy).squareRoot(), 1e-9)
            points.append((a.0 + dx * f - dy / norm * offset * fade * 4, a.1 + dy * f + dx / norm * offset * fade * 4))
        }
        points.append(b)
        let length = zip(points, points.dropFirst()).reduce(0) { $0 + km($1.0, $1.1) }
        return (points, length)
    }

    /// Great-circle distance in km (a sphere is plenty for sizing a synthetic network).
    static func km(_ a: (Double, Double), _ b: (Double, Double)) -> Double {
        let r = 6371.0, rad = Double.pi / 180
        let dLat = (b.1 - a.1) * rad, dLon = (b.0 - a.0) * rad
        let h = Double.sin(dLat / 2) * Double.sin(dLat / 2) + Double.cos(a.1 * rad) * Double.cos(b.1 * rad) * Double.sin(dLon / 2) * Double.sin(dLon / 2)
        return 2 * r * Double.asin(min(1, h.squareRoot()))
    }

    /// Five decimals (about a metre), as real exports write coordinates.
    static func fixed(_ v: Double) -> String {
        let scaled = Int((v * 100_000).rounded())
        let sign = scaled < 0 ? "-" : ""
        let whole = abs(scaled) / 100_000, frac = abs(scaled) % 100_000
        let f = String(frac)
        return sign + String(whole) + "." + String(repeating: "0", count: 5 - f.count) + f
    }
}
