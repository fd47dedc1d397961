#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
    }

    static let width = 1.0
    var zones: [Zone]

    init(units: [ScoringUnit], radiusM: Double) {
        var byZone: [Int: [Int]] = [:]
        for (i, u) in units.enumerated() {
            byZone[Int((u.representative.lon / Self.width).rounded()), default: []].append(i)
        }
        zones = byZone.keys.sorted().map { key in
            let members = byZone[key]!
            var box = units[members[0]].geometry.envelope!
            for m in members.dropFirst() { box.expand(toInclude: units[m].geometry.envelope!) }
            return Zone(centralMeridian: Double(key) * Self.width, units: members,
                        window: Self.widen(box, byMetres: radiusM))
        }
    }

    /// Whether a lon/lat box holds `c`, also across the antimeridian: a window grown past
    /// 180° E is tested with the point 360° east or west as well.
    static func covers(_ window: Envelope, _ c: Coordinate) -> Bool {
        window.contains(c) || window.contains(Coordinate(c.x + 360, c.y)) || window.contains(Coordinate(c.x - 360, c.y))
    }

    /// A lon/lat box grown by at least `metres` on every side (generous, never too small).
    static func widen(_ box: Envelope, byMetres metres: Double) -> Envelope {
        let dLat = metres / 110_000 * 1.01
        let maxLat = min(89.9, max(abs(box.minY), abs(box.maxY)) + dLat)
        let dLon = min(360, metres / (111_320 * cos(maxLat * .pi / 180)) * 1.01)
        return Envelope(minX: box.minX - dLon, minY: max(-90, box.minY - dLat),
                        maxX: box.maxX + dLon, maxY: min(90, box.maxY + dLat))
    }
}

/// One worker's GEOS and PROJ objects for every zone: projected, densified unit geometries,
/// prepared for distance queries, behind an STRtree of their envelopes grown by R.
/// Built inside the worker's task and never shared (its classes are not `Sendable`).
final class ZoneIndex {
    final class Zone {
        let plan: ZonePlan.Zone
        let transformer: CoordinateTransformer
        let tree: SpatialIndex
        let prepared: [PreparedGeometry]
        /// Each unit's own projected envelope: a point farther than R from it cannot be within
        /// R of the unit, which spares a GEOS distance for the corners of the STRtree's boxes.
        let envelopes: [Envelope]
        init(plan: ZonePlan.Zone, transformer: CoordinateTransformer, tree: SpatialIndex, prepared: [PreparedGeometry],
             envelopes: [Envelope]) {
            self.plan = plan
            self.transformer = transformer
            self.tree = tree
            self.prepared = prepared
            self.envelopes = envelopes
        }
    }

    /// Longest geodesic sub-edge (m) kept when a unit is projected: a geodesic is not straight
    /// in the projection, and short pieces keep the difference under a centimetre.
    static let densifyStepM = 2_000.0

    let geos = GEOSContext()
    let proj = ProjContext()
    let zones: [Zone]

    init(plan: ZonePlan, units: [ScoringUnit], radiusM: Double) throws {
        var zones: [Zone] = []
        for z in plan.zones {
            let tm = try CoordinateTransformer.transverseMercator(centralMeridian: z.centralMeridian, in: proj)
            var prepared: [PreparedGeometry] = []
            var envelopes: [Envelope] = []
            for u in z.units {
                let projected = try Self.project(Self.densify(units[u].geometry), tm)
                let g = try Geometry(projected, in: geos)
                envelopes.append(try g.envelope()!)
                prepared.append(try PreparedGeometry(g))
            }
            let boxes = envelopes.map { $0.expanded(dx: radiusM, dy: radiusM) }
            zones.append(Zone(plan: z, transformer: tm, tree: try SpatialIndex(envelopes: boxes, in: geos),
                              prepared: prepared, envelopes: envelopes))
        }
        self.zones = zones
    }

    /// Inserts geodesic points so no edge is longer than `densifyStepM`.
    static func densify(_ shape: Shape) -> Shape {
        func line(_ cs: [Coordinate]) -> [Coordinate] {
            guard var out = cs.first.map({ [$0] }) else { return cs }
            for (a, b) in zip(cs, cs.dropFirst()) {
                let d = Geodesic.wgs84.distance(a, b)
                let pieces = Int((d / densifyStepM).rounded(.up))
                if pieces > 1 {
                    out += Geodesic.wgs84.points(from: a, to: b, atDistances: (1..<pieces).map { d * Double($0) / Double(pieces) })
                }
                out.append(b)
            }
            return out
        }
        switch shape {
        case .point, .multiPoint: return shape
        case .lineString(let cs): return .lineString(line(cs))
        case .multiLineString(let ls): return .multiLineString(ls.map(line))
        case .polygon(let rings): return .polygon(rings.map(line))
        case .multiPolygon(let ps): return .multiPolygon(ps.map { $0.map(line) })
        }
    }

    static func project(_ shape: Shape, _ tm: CoordinateTransformer) throws -> Shape {
        func f(_ cs: [Coordinate]) throws -> [Coordinate] {
            var out = cs
            try tm.forward(&out)
            return out
        }
        switch shape {
        case .point(let c): return .point(try tm.forward(c))
        case .multiPoint(let cs): return .multiPoint(try f(cs))
        case .lineString(let cs): return .lineString(try f(cs))
        case .multiLineString(let ls): return .multiLineString(try ls.map(f))
        case .polygon(let rings): return .polygon(try rings.map(f))
        case .multiPolygon(let ps): return .multiPolygon(try ps.map { try $0.map(f) })
        }
    }
}
