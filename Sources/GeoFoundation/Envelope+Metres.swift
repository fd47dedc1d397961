import RealModule

extension Envelope {
    /// The smallest rectangle holding all `envelopes`; nil for none.
    public init?(union envelopes: some Sequence<Envelope>) {
        var it = envelopes.makeIterator()
        guard var e = it.next() else { return nil }
        while let next = it.next() { e.expand(toInclude: next) }
        self = e
    }

    /// A lon/lat rectangle grown by at least `metres` on the ground on every side.
    ///
    /// Generous, never too small: a degree of latitude is at least 110.57 km on WGS84 (110 km is
    /// used), a degree of longitude is at least 111.32 km · cos φ at the rectangle's most poleward
    /// latitude φ (where meridians are closest), and both get 1 % more. Latitudes stop at the
    /// poles; longitudes may pass ±180° (see `containsWrapped`).
    public func widened(byMetres metres: Double) -> Envelope {
        let dLat = metres / 110_000 * 1.01
        let maxLat = Swift.min(89.9, Swift.max(abs(minY), abs(maxY)) + dLat)
        let dLon = Swift.min(360, metres / (111_320 * Double.cos(maxLat * .pi / 180)) * 1.01)
        return Envelope(minX: minX - dLon, minY: Swift.max(-90, minY - dLat),
                        maxX: maxX + dLon, maxY: Swift.min(90, maxY + dLat))
    }

    /// Whether the rectangle holds `c` or one of its copies a full turn east or west: a lon/lat
    /// rectangle widened past ±180° still finds points on the far side of the antimeridian.
    public func containsWrapped(_ c: Coordinate) -> Bool {
        c.antimeridianCopies.contains { contains($0) }
    }
}

extension Coordinate {
    /// The coordinate and its copies 360° east and west: the same place in longitudes written
    /// past ±180°, which is how a search near the antimeridian finds its neighbours.
    public var antimeridianCopies: [Coordinate] { [self, Coordinate(x + 360, y), Coordinate(x - 360, y)] }
}

extension Envelope {
    /// The rectangle moved `degrees` east (negative: west), e.g. ±360 to look across the antimeridian.
    public func shifted(by degrees: Double) -> Envelope {
        Envelope(minX: minX + degrees, minY: minY, maxX: maxX + degrees, maxY: maxY)
    }
}
