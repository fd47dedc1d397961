/// What a map draws under the units for orientation: coastlines and international borders
/// (the bundled dataset's come from Natural Earth, see `Docs/DATA.md`).
public struct MapContext: Sendable {
    /// A line of the context: a stretch of coast or of a border.
    public struct Line: Sendable {
        /// A coastline or an international land border.
        public enum Kind: String, Sendable { case coast, border }
        /// Which it is.
        public var kind: Kind
        /// The line's vertices, lon/lat.
        public var points: [Coordinate]

        /// A line of the given kind.
        public init(kind: Kind, points: [Coordinate]) {
            self.kind = kind
            self.points = points
        }
    }

    /// Every line, in file order.
    public var lines: [Line]
    /// Land polygons (each an outer ring and its holes), filled under everything else.
    public var land: [[[Coordinate]]]
    /// Where the lines come from, shown on the map ("Made with Natural Earth").
    public var attribution: String

    /// A context from its lines.
    public init(lines: [Line], land: [[[Coordinate]]] = [], attribution: String) {
        self.lines = lines
        self.land = land
        self.attribution = attribution
    }
}
