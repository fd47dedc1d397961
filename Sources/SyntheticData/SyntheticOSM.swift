import TestSupport

/// A national-size OpenStreetMap extract for benchmarks: routes between the synthetic network's
/// towns, each cut into ways of a few hundred metres as OSM maps roads (trunk, primary,
/// secondary and tertiary roads with a `ref` or only a `name`, railways), and residential
/// streets no profile rule takes. Deterministic for a seed.
public enum SyntheticOSM {
    /// Builds about `ways` ways around `towns`.
    public static func extract(ways target: Int, towns: [(lon: Double, lat: Double)], seed: UInt64) -> OSMXMLWriter {
        var rng = SplitMix64(seed: seed ^ 0x05_3D0_0001)
        var osm = OSMXMLWriter()
        let highways = ["trunk", "primary", "secondary", "tertiary"]
        var route = 0
        while osm.wayCount < target {
            route += 1
            if route % 7 == 0 {   // a residential street near a town: matches no rule
                let t = towns[rng.below(towns.count)]
                let x = t.lon + (rng.unit() - 0.5) * 0.1, y = t.lat + (rng.unit() - 0.5) * 0.1
                osm.way([(x, y), (x + 0.001, y + 0.0005), (x + 0.002, y + 0.0004)], tags: [("highway", "residential")])
                continue
            }
            let a = towns[rng.below(towns.count)]
            let b = towns[rng.below(towns.count)]
            guard a.lon != b.lon || a.lat != b.lat else { continue }
            let (bends, _) = SyntheticNetwork.winding(from: (a.lon, a.lat), to: (b.lon, b.lat), rng: &rng)
            let points = densified(bends, stepKm: 0.2)
            let tags: [(String, String)] = route % 6 == 0
                ? [("railway", "rail"), ("name", "Synthetic line \(route)")]
                : [("highway", highways[rng.below(highways.count)])]
                    + (route % 2 == 0 ? [("ref", "N-\(route)")] : []) + [("name", "Synthetic road \(route)")]
            // Ways of 3-7 points, consecutive ways sharing their end node.
            var i = 0
            while i < points.count - 1 && osm.wayCount < target {
                let n = 2 + rng.below(5)
                let end = min(points.count - 1, i + n)
                osm.way(Array(points[i...end]).map { (lon: $0.0, lat: $0.1) }, tags: tags)
                i = end
            }
        }
        return osm
    }

    /// To 1e-7 degrees (about 1 cm), as OSM stores coordinates.
    static func rounded(_ v: Double) -> Double { (v * 1e7).rounded() / 1e7 }

    /// Points every `stepKm` or so along the bends.
    static func densified(_ bends: [(Double, Double)], stepKm: Double) -> [(Double, Double)] {
        var out = [bends[0]]
        for (p, q) in zip(bends, bends.dropFirst()) {
            let n = max(1, Int(SyntheticNetwork.km(p, q) / stepKm))
            for k in 1...n {
                let f = Double(k) / Double(n)
                out.append((rounded(p.0 + (q.0 - p.0) * f), rounded(p.1 + (q.1 - p.1) * f)))
            }
        }
        return out
    }
}
