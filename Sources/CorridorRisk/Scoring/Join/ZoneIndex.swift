import GeoFoundation

/// One worker's GEOS and PROJ objects for every zone: projected, densified unit geometries,
/// prepared for distance queries, behind one STRtree per kernel reach R_i of their envelopes
/// grown by that reach.
/// Built inside the worker's task and never shared (its classes are not `Sendable`).
final class ZoneIndex {
    final class Zone {
        let plan: ZonePlan.Zone
        let transformer: CoordinateTransformer
        /// `trees[k]` holds the units' envelopes grown by reach k.
        let trees: [SpatialIndex]
        let prepared: [PreparedGeometry]
        /// Each unit's own projected envelope: a point farther than R from it cannot be within
        /// R of the unit, which spares a GEOS distance for the corners of the STRtree's boxes.
        let envelopes: [Envelope]

        init(plan: ZonePlan.Zone, transformer: CoordinateTransformer, trees: [SpatialIndex], prepared: [PreparedGeometry],
             envelopes: [Envelope]) {
            self.plan = plan
            self.transformer = transformer
            self.trees = trees
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

    init(plan: ZonePlan, units: [ScoringUnit], reaches: [KernelReach]) throws {
        var zones: [Zone] = []
        for z in plan.zones {
            let tm = try CoordinateTransformer.transverseMercator(centralMeridian: z.centralMeridian, in: proj)
            var prepared: [PreparedGeometry] = []
            var envelopes: [Envelope] = []
            for u in z.units {
                let projected = try tm.forward(units[u].geometry.densified(maxEdgeMetres: Self.densifyStepM))
                let g = try Geometry(projected, in: geos)
                guard let envelope = try g.envelope() else {
                    throw GEOSError(operation: "join index", message: "unit \(units[u].id) has an empty geometry")
                }
                envelopes.append(envelope)
                prepared.append(try PreparedGeometry(g))
            }
            var trees: [SpatialIndex] = []
            for reach in reaches {
                let boxes = envelopes.map { $0.expanded(dx: reach.radiusM, dy: reach.radiusM) }
                trees.append(try SpatialIndex(envelopes: boxes, in: geos))
            }
            zones.append(Zone(plan: z, transformer: tm, trees: trees, prepared: prepared, envelopes: envelopes))
        }
        self.zones = zones
    }
}
