import CorridorRisk
import GDALFoundation

/// A feature's properties as text: its fields and, for OpenStreetMap, the tags GDAL's OSM driver
/// packs into `other_tags` (`"ref"=>"N-25","maxspeed"=>"80"`), so a profile sees every tag alike.
enum FeatureProperties {
    static func read(_ f: VectorFeature, fields: [String]) -> [String: String] {
        var p: [String: String] = [:]
        for (i, name) in fields.enumerated() {
            guard let value = f.text(i) else { continue }
            if name == "other_tags" {
                for (k, v) in hstore(value) where p[k] == nil { p[k] = v }
            } else {
                p[name] = value
            }
        }
        return p
    }

    /// A list property as names: `a; b`, GDAL's text form of a string list that a format without
    /// lists received (`(2:a,b)`, what ogr2ogr writes into a GeoPackage or Shapefile), or a JSON
    /// array of strings (`["a","b"]`).
    static func list(_ text: String) -> [String] {
        let t = text.trimmingSpaces
        if t.hasPrefix("("), t.hasSuffix(")"), let colon = t.firstIndex(of: ":"),
           let n = Int(t[t.index(after: t.startIndex)..<colon]) {
            let items = t[t.index(after: colon)..<t.index(before: t.endIndex)].split(separator: ",", omittingEmptySubsequences: false)
            if items.count == n { return clean(items.map(String.init)) }
        }
        if t.hasPrefix("["), case .array(let items)? = try? JSONParser.parse(t), items.allSatisfy({ $0.string != nil }) {
            return clean(items.compactMap(\.string))
        }
        return clean(t.split(separator: ";").map(String.init))
    }

    private static func clean(_ items: [String]) -> [String] {
        items.map(\.trimmingSpaces).filter { !$0.isEmpty }
    }

    /// Parses PostgreSQL hstore text, `"k"=>"v","k2"=>"v2"` with `\"` and `\\` escapes.
    static func hstore(_ text: String) -> [(String, String)] {
        var out: [(String, String)] = []
        var chars = Array(text.unicodeScalars)[...]
        func quoted() -> String? {
            while let c = chars.first, c == " " || c == "," { chars.removeFirst() }
            guard chars.first == "\"" else { return nil }
            chars.removeFirst()
            var s = String.UnicodeScalarView()
            while let c = chars.first {
                chars.removeFirst()
                if c == "\\", let next = chars.first { s.append(next); chars.removeFirst(); continue }
                if c == "\"" { return String(s) }
                s.append(c)
            }
            return nil
        }
        while let key = quoted() {
            while let c = chars.first, c == " " { chars.removeFirst() }
            guard chars.starts(with: "=>".unicodeScalars) else { break }
            chars.removeFirst(2)
            guard let value = quoted() else { break }
            out.append((key, value))
        }
        return out
    }
}
