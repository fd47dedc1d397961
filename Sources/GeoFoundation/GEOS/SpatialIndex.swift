import CGEOS

/// A GEOS STRtree over rectangles, filled once at creation and read-only afterwards.
///
/// GEOS 3.11 builds its tree on the first query and then silently ignores further inserts;
/// this type takes every item in its initialiser and offers no insert, so it cannot be misused.
/// Items are the indices of the rectangles given; queries return them in ascending order.
public final class SpatialIndex {
    /// The context the tree and its query geometries live in.
    public let context: GEOSContext
    private let tree: OpaquePointer
    private let boxes: [Geometry]

    /// Indexes `envelopes`; the item of `envelopes[i]` is `i`.
    public init(envelopes: [Envelope], in context: GEOSContext, nodeCapacity: Int = 10) throws {
        self.context = context
        tree = try context.make("STRtree creation") { GEOSSTRtree_create_r($0, max(nodeCapacity, 2)) }
        var boxes: [Geometry] = []
        boxes.reserveCapacity(envelopes.count)
        do {
            for (i, e) in envelopes.enumerated() {
                let box = try Geometry(rectangle: e, in: context)
                // Items are stored as i + 1 so that item 0 is not a NULL pointer.
                GEOSSTRtree_insert_r(context.handle, tree, box.pointer, UnsafeMutableRawPointer(bitPattern: i + 1))
                boxes.append(box)
            }
        } catch {
            GEOSSTRtree_destroy_r(context.handle, tree)
            throw error
        }
        self.boxes = boxes
    }

    deinit { GEOSSTRtree_destroy_r(context.handle, tree) }

    /// How many rectangles the tree holds.
    public var count: Int { boxes.count }

    /// Indices of the rectangles that intersect `envelope`, ascending.
    public func query(_ envelope: Envelope) throws -> [Int] {
        var hits: [Int] = []
        try query(envelope, into: &hits)
        return hits
    }

    /// Indices of the rectangles that intersect `envelope`, ascending, written into `hits`
    /// (cleared first) so a hot loop can reuse one buffer.
    public func query(_ envelope: Envelope, into hits: inout [Int]) throws {
        try query(intersecting: try Geometry(rectangle: envelope, in: context), into: &hits)
    }

    /// Indices of the rectangles that intersect the envelope of `geometry`, ascending.
    public func query(intersecting geometry: Geometry, into hits: inout [Int]) throws {
        precondition(geometry.context === context, "geometry from a different GEOS context")
        hits.removeAll(keepingCapacity: true)
        guard !boxes.isEmpty else { return }
        let collector = HitCollector()
        swap(&collector.hits, &hits)
        withExtendedLifetime(collector) {
            GEOSSTRtree_query_r(context.handle, tree, geometry.pointer, collectHit,
                                Unmanaged.passUnretained(collector).toOpaque())
        }
        swap(&collector.hits, &hits)
        hits.sort()
    }
}

private final class HitCollector {
    var hits: [Int] = []
}

private let collectHit: GEOSQueryCallback = { item, userdata in
    guard let userdata else { return }
    Unmanaged<HitCollector>.fromOpaque(userdata).takeUnretainedValue().hits.append(Int(bitPattern: item) - 1)
}
