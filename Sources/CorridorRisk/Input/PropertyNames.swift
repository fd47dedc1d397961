/// Property names that are probably meant as a known one: a Shapefile's DBF cuts names at ten
/// characters (`criticality` → `criticalit`), spreadsheets change case (`Criticality`), people
/// mistype. A reader warns instead of silently using the default.
package enum PropertyNames {
    /// The known name `name` is probably meant as, or nil when it is unrelated (or exact).
    package static func nearMiss(_ name: String, known: [String]) -> String? {
        guard !known.contains(name) else { return nil }
        let lower = name.lowercased()
        for k in known {
            let kl = k.lowercased()
            if lower == kl { return k }
            if lower.count >= 6, kl.count > lower.count, kl.hasPrefix(lower) { return k }
            if lower.count >= 5, kl.count >= 5, distance(lower, kl) <= (kl.count >= 8 ? 2 : 1) { return k }
        }
        return nil
    }

    /// The warning for the near misses among `present` property names, one line each.
    package static func warnings(file: String, present: [String], known: [String], counts: [String: Int] = [:]) -> [String] {
        present.compactMap { name in
            guard let k = nearMiss(name, known: known), !present.contains(k) else { return nil }
            let n = counts[name].map { " (\($0) features)" } ?? ""
            let why = name.lowercased() == k.lowercased() ? "names are case-sensitive"
                : k.hasPrefix(name) ? "a Shapefile cuts field names at 10 characters" : "is it misspelt?"
            return "\(file): property '\(name)'\(n) looks like '\(k)' but is not read as it (\(why)): rename it, "
                + "or map it with a --profile; '\(k)' keeps its default"
        }
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
