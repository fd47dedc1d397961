extension RiskReport {
    /// The report narrowed to the units and summaries of the named corridors (scores, hot spots
    /// and the incident accounting stay as computed over the whole network).
    /// Throws `UnknownCorridor` for a name the report does not have.
    public func filtered(toCorridors names: [String]) throws -> RiskReport {
        guard !names.isEmpty else { return self }
        let known = corridors.map(\.name)
        if let missing = names.first(where: { !known.contains($0) }) {
            throw UnknownCorridor(name: missing, known: known)
        }
        var copy = self
        copy.units = units.filter { !Set($0.corridors).isDisjoint(with: names) }
        copy.corridors = corridors.filter { names.contains($0.name) }
        return copy
    }
}

/// A corridor name that the infrastructure does not define.
public struct UnknownCorridor: Error, Hashable, Sendable, CustomStringConvertible {
    /// The name asked for.
    public var name: String
    /// The corridors the infrastructure does define.
    public var known: [String]
    public var description: String {
        "no corridor named '\(name)' (the infrastructure defines: \(known.map { "'\($0)'" }.joined(separator: ", ")))"
    }
}
