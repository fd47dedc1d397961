import CPROJ

/// Transforms coordinates between two CRSs with PROJ, always in lon/lat (x = longitude) order.
///
/// PROJ's `EPSG:4326` is latitude-first by definition; the transformer is normalised with
/// `proj_normalize_for_visualization`, so callers never swap axes. Owns its `PJ` and keeps its
/// context alive; confined to one task like the context.
public final class CoordinateTransformer {
    /// The context this transformer runs in.
    public let context: ProjContext
    private let pj: OpaquePointer
    /// The source and target CRS definitions, as given.
    public let source: String, target: String

    /// A transformer from `source` to `target` (any string PROJ accepts: `EPSG:32642`,
    /// a PROJ string with `+type=crs`, WKT, PROJJSON).
    public init(from source: String = "EPSG:4326", to target: String, in context: ProjContext) throws {
        self.context = context
        self.source = source
        self.target = target
        let operation = "create \(source) -> \(target)"
        let raw = try context.make(operation) { proj_create_crs_to_crs($0, source, target, nil) }
        defer { proj_destroy(raw) }
        pj = try context.make(operation) { proj_normalize_for_visualization($0, raw) }
    }

    deinit { proj_destroy(pj) }

    /// A transverse Mercator on WGS84 centred on `centralMeridian` (degrees), in metres.
    ///
    /// Near its central meridian the projection is almost distance-true (scale error
    /// about x²/2R², 0.012 % at 100 km), which is what planar GEOS distances need.
    public static func transverseMercator(centralMeridian: Double, latitudeOfOrigin: Double = 0,
                                          in context: ProjContext) throws -> CoordinateTransformer {
        let definition = "+proj=tmerc +lat_0=\(latitudeOfOrigin) +lon_0=\(centralMeridian) +k=1 "
            + "+x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs +type=crs"
        return try CoordinateTransformer(from: "EPSG:4326", to: definition, in: context)
    }

    /// Source to target, in place; a point PROJ cannot transform is an error naming its index.
    public func forward(_ coordinates: inout [Coordinate]) throws {
        try transform(&coordinates, direction: PJ_FWD, name: "forward transform")
    }

    /// Target back to source, in place.
    public func inverse(_ coordinates: inout [Coordinate]) throws {
        try transform(&coordinates, direction: PJ_INV, name: "inverse transform")
    }

    /// One coordinate, source to target.
    public func forward(_ c: Coordinate) throws -> Coordinate {
        var one = [c]
        try forward(&one)
        return one[0]
    }

    /// One coordinate, target back to source.
    public func inverse(_ c: Coordinate) throws -> Coordinate {
        var one = [c]
        try inverse(&one)
        return one[0]
    }

    private func transform(_ coordinates: inout [Coordinate], direction: PJ_DIRECTION, name: String) throws {
        guard !coordinates.isEmpty else { return }
        _ = proj_errno_reset(pj)
        let stride = MemoryLayout<Coordinate>.stride
        let count = coordinates.count
        _ = try coordinates.withUnsafeMutableBufferPointer { buffer in
            try buffer.withMemoryRebound(to: Double.self) { d in
                try context.check(name, { _ in
                    proj_trans_generic(pj, direction,
                                       d.baseAddress, stride, count,
                                       d.baseAddress! + 1, stride, count,
                                       nil, 0, 0, nil, 0, 0)
                }, succeeded: { $0 == count })
            }
        }
        if let bad = coordinates.firstIndex(where: { !$0.x.isFinite || !$0.y.isFinite }) {
            throw proj_errno(pj) != 0 ? context.failure(name, detail: "point \(bad)")
                : PROJError(operation: name, message: "point \(bad): not a finite result")
        }
    }
}
