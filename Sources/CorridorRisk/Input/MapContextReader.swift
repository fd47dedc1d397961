import Platform

extension MapContext {
    /// Reads a GeoJSON FeatureCollection whose features' `kind` property is `coast` or `border`
    /// (LineStrings and MultiLineStrings) or `land` (Polygons and MultiPolygons); other features are
    /// ignored. `attribution` is the collection's `attribution` member, if any.
    public static func read(bytes: some Collection<UInt8>, name: String) throws -> MapContext {
        let (root, features) = try GeoJSONDocument.collection(ByteBuffer(bytes), file: name)
        var lines: [Line] = []
        var land: [[[Coordinate]]] = []
        for feature in features {
            guard let kind = feature["properties"]?["kind"]?.string,
                  let geometry = feature["geometry"], let shape = try? GeoJSONGeometry.shape(geometry) else { continue }
            switch (Line.Kind(rawValue: kind), shape) {
            case (let k?, .lineString(let cs)): lines.append(Line(kind: k, points: cs))
            case (let k?, .multiLineString(let ls)): lines += ls.map { Line(kind: k, points: $0) }
            case (nil, .polygon(let rings)) where kind == "land": land.append(rings)
            case (nil, .multiPolygon(let polygons)) where kind == "land": land += polygons
            default: continue
            }
        }
        return MapContext(lines: lines, land: land, attribution: root["attribution"]?.string ?? "")
    }
}
