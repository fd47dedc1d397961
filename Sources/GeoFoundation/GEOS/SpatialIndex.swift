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
    /// Where the C callback leaves hits; one per tree, reused by every query, freed in deinit.
    private let collector: UnsafeMutablePointer<HitBuffer>

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
        collector = HitBuffer.make()
    }


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

    /// Indices of the rectangles that intersect the envelope of `geometry`, ascending unless
    /// `sorted` is false (a hot loop that treats each hit independently can skip the sort).
    public func query(intersecting geometry: Geometry, into hits: inout [Int], sorted: Bool = true) throws {
        precondition(geometry.context === context, "geometry from a different GEOS context")
        hits.removeAll(keepingCapacity: true)
        guard !boxes.isEmpty else { return }
        collector.pointee.count = 0
        GEOSSTRtree_query_r(context.handle, tree, geometry.pointer, collectHit, UnsafeMutableRawPointer(collector))
        hits.append(contentsOf: UnsafeBufferPointer(start: collector.pointee.items, count: collector.pointee.count))
        if sorted { hits.sort() }
    }

    deinit {
        GEOSSTRtree_destroy_r(context.handle, tree)
        collector.pointee.items.deallocate()
        collector.deallocate()
    }
}

/// Where the C callback writes hits: plain memory, so the callback does no reference counting
/// or exclusivity checks (it runs once per hit, millions of times in a scoring run).
private struct HitBuffer {
    var items: UnsafeMutablePointer<Int>
    var count: Int
    var capacity: Int

    static func make() -> UnsafeMutablePointer<HitBuffer> {
        let p = UnsafeMutablePointer<HitBuffer>.allocate(capacity: 1)
        p.initialize(to: HitBuffer(items: .allocate(capacity: 64), count: 0, capacity: 64))
        return p
    }

    mutating func append(_ item: Int) {
        if count == capacity {
            let bigger = UnsafeMutablePointer<Int>.allocate(capacity: capacity * 2)
            bigger.update(from: items, count: count)
            items.deallocate()
            items = bigger
            capacity *= 2
        }
        items[count] = item
        count += 1
    }
}

private let collectHit: GEOSQueryCallback = { item, userdata in
    userdata?.assumingMemoryBound(to: HitBuffer.self).pointee.append(Int(bitPattern: item) - 1)
}
