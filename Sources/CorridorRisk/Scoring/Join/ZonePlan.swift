import GeoFoundation

/// Groups units into narrow longitude zones, each with its own transverse Mercator, so that a
/// planar GEOS distance in the zone is within about 0.01 % of the geodesic one.
///
/// A zone is `width` degrees wide around its central meridian; a unit belongs to the zone of its
/// representative point, so nothing it touches (its extent plus R) is more than about 100 km
/// from the central meridian, where the scale error is x²/2R² ≈ 1.2e-4.
struct ZonePlan: Sendable {
    struct Zone: Sendable {
        var centralMeridian: Double
        /// Units in this zone, ascending.
        var units: [Int]
        /// Lon/lat box that holds every point within R of the zone's units.
        var window: Envelope
        /// The R the window was grown by (m).
        var windowRadiusM: Double
    }

    static let width = 1.0
    var zones: [Zone]

    /// Zones for `units`, whose geometries the boundary checks made non-empty.
    init(units: [ScoringUnit], radiusM: Double) {
        var byZone: [Int: [Int]] = [:]
        for (i, u) in units.enumerated() {
            byZone[Int((u.representative.lon / Self.width).rounded()), default: []].append(i)
        }
        zones = byZone.keys.sorted().compactMap { key in
            guard let members = byZone[key],
                  let box = Envelope(union: members.compactMap { units[$0].geometry.envelope }) else { return nil }
            return Zone(centralMeridian: Double(key) * Self.width, units: members, window: box.widened(byMetres: radiusM), windowRadiusM: radiusM)
        }
    }

    /// The same zones (central meridians and windows unchanged) with only the units `active`
    /// marks; zones left empty are dropped.
    func restricted(to active: [Bool]?) -> ZonePlan {
        guard let active else { return self }
        var copy = self
        copy.zones = zones.compactMap { z in
            var kept = z
            kept.units = z.units.filter { active[$0] }
            return kept.units.isEmpty ? nil : kept
        }
        return copy
    }

    /// Every unit, west to east by zone, then in report order within a zone: contiguous runs of
    /// this order are longitude strips, so a shard's units lie together and its join meets
    /// only the incidents near them.
    static func spatialOrder(of units: [ScoringUnit]) -> [Int] {
        units.indices.sorted { a, b in
            let za = Int((units[a].representative.lon / width).rounded()), zb = Int((units[b].representative.lon / width).rounded())
            return za != zb ? za < zb : a < b
        }
    }
}
