/// A CSV header: column names (trimmed, lowercased) and their positions.
struct CSVHeader: Sendable {
    let names: [String]
    private let positions: [String: Int]

    init(names: [String]) {
        self.names = names
        var positions: [String: Int] = [:]
        for (i, n) in names.enumerated() where positions[n] == nil { positions[n] = i }
        self.positions = positions
    }

    /// The first name that appears twice, with its two (1-based) column numbers: which of the two
    /// a reader would use is a guess, so a repeated name is an error rather than a silent pick.
    var repeatedName: (name: String, first: Int, second: Int)? {
        var seen: [String: Int] = [:]
        for (i, n) in names.enumerated() where !n.isEmpty {
            if let first = seen[n] { return (n, first + 1, i + 1) }
            seen[n] = i
        }
        return nil
    }

    /// The column's position, or `nil` when absent.
    func column(_ name: String) -> Int? { positions[name] }

    /// The column's position; a missing required column makes the whole file unusable.
    func require(_ name: String, file: String, layout: String) throws -> Int {
        guard let i = positions[name] else {
            throw InputError(.malformed, file: file, location: "line 1",
                             reason: "\(layout) header has no '\(name)' column")
        }
        return i
    }
}
