import GeoFoundation

/// One worker's GEOS and PROJ objects for every zone: projected, densified unit geometries
/// behind one STRtree per kernel reach R_i of their envelopes grown by that reach (and by the
/// projection's largest scale in the zone, so no pair within R_i on the ellipsoid is missed).
/// Lines and points keep their projected vertices in flat arrays for `PlanarPolylines`'
/// kernel; polygons are GEOS prepared geometries (containment and distance).
/// Built inside the worker's task and never shared (its classes are not `Sendable`).
final class ZoneIndex {
    final class Zone {
        let plan: ZonePlan.Zone
        let transformer: CoordinateTransformer
        /// `trees[k]` holds the units' envelopes grown by reach k.
        let trees: [SpatialIndex]
        /// Unit h's item in `lines`, or −1 for a polygon, which is `polygons[h]`.
        let lineItem: [Int32]
        let lines: PlanarPolylines
        let polygons: [PreparedGeometry?]
        /// Each unit's own projected envelope: a point farther than R from it cannot be within
        /// R of the unit, which spares a GEOS distance for the corners of the STRtree's boxes.
        let envelopes: [Envelope]
        /// The projection's largest scale factor anywhere in the zone's window.
        let scale: Double

        init(plan: ZonePlan.Zone, transformer: CoordinateTransformer, trees: [SpatialIndex], lineItem: [Int32],
             lines: PlanarPolylines, polygons: [PreparedGeometry?], envelopes: [Envelope], scale: Double) {
            self.plan = plan
            self.transformer = transformer
            self.trees = trees
            self.lineItem = lineItem
            self.lines = lines
            self.polygons = polygons
            self.envelopes = envelopes
            self.scale = scale
        }

        /// The ellipsoidal distance (m) from the projected point `p` (`point` as a GEOS geometry)
        /// to unit `h`: the planar distance from the kernel (lines, points) or GEOS (polygons,
        /// 0 inside), divided by the projection's scale along the way (`TransverseMercatorScale`,
        /// `r2` the ρν at the point's latitude).
        @inline(__always)
        func distance(unit h: Int, to p: Coordinate, point: Geometry, radiusProduct r2: Double) throws -> Double {
            let item = lineItem[h]
            if item >= 0 {
                let (d2, x) = lines.nearest(toX: p.x, y: p.y, item: Int(item))
                return TransverseMercatorScale.ellipsoidalLength(planar: d2.squareRoot(), x1: p.x, x2: x, radiusProduct: r2)
            }
            guard let polygon = polygons[h] else { return .infinity }
            let d = try polygon.distance(to: point)
            if d == 0 { return 0 }
            let (nearest, _) = try polygon.nearestPoints(to: point)
            return TransverseMercatorScale.ellipsoidalLength(planar: d, x1: p.x, x2: nearest.x, radiusProduct: r2)
        }
    }

    /// Longest geodesic sub-edge (m) kept when a unit is projected: a geodesic is not straight
    /// in the projection, and short pieces keep the difference under a centimetre.
    static let densifyStepM = 2_000.0

    let geos = GEOSContext()
    let proj = ProjContext()
    let zones: [Zone]

    init(plan: ZonePlan, units: [ScoringUnit], reaches: [KernelReach]) throws {
        var zones: [Zone] = []
        for z in plan.zones {
            let tm = try CoordinateTransformer.transverseMercator(centralMeridian: z.centralMeridian, in: proj)
            var lineItem: [Int32] = []
            var lines = PlanarPolylines()
            var polygons: [PreparedGeometry?] = []
            var envelopes: [Envelope] = []
            for u in z.units {
                let projected = try tm.forward(units[u].geometry.densified(maxEdgeMetres: Self.densifyStepM))
                let runs: [[Coordinate]]?
                switch projected {
                case .point(let c): runs = [[c]]
                case .multiPoint(let cs): runs = cs.map { [$0] }
                case .lineString(let cs): runs = [cs]
                case .multiLineString(let ls): runs = ls
                case .polygon, .multiPolygon: runs = nil
                }
                if let runs {
                    lineItem.append(Int32(lines.append(runs: runs)))
                    polygons.append(nil)
                } else {
                    lineItem.append(-1)
                    polygons.append(try PreparedGeometry(try Geometry(projected, in: geos)))
                }
                guard let envelope = projected.envelope else {
                    throw GEOSError(operation: "join index", message: "unit \(units[u].id) has an empty geometry")
                }
                envelopes.append(envelope)
            }
            var trees: [SpatialIndex] = []
            let scale = TransverseMercatorScale.maximum(withinEasting: Self.maximumEasting(z, envelopes))
            for reach in reaches {
                let grow = reach.radiusM * scale
                let boxes = envelopes.map { $0.expanded(dx: grow, dy: grow) }
                trees.append(try SpatialIndex(envelopes: boxes, in: geos))
            }
            zones.append(Zone(plan: z, transformer: tm, trees: trees, lineItem: lineItem, lines: lines, polygons: polygons,
                              envelopes: envelopes, scale: scale))
        }
        self.zones = zones
    }

    /// How far east or west of the central meridian anything in the zone's window can be (m).
    static func maximumEasting(_ zone: ZonePlan.Zone, _ envelopes: [Envelope]) -> Double {
        let units = envelopes.map { max(abs($0.minX), abs($0.maxX)) }.max() ?? 0
        return units + zone.windowRadiusM
    }
}
