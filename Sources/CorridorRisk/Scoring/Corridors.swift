/// Per-corridor summaries (METHOD §6), in order of first appearance in the infrastructure file.
enum Corridors {
    static func summaries(assets: [Asset], units: [UnitScore]) -> [CorridorSummary] {
        var names: [String] = []
        for a in assets {
            for c in a.corridors where !names.contains(c) { names.append(c) }
        }
        return names.map { name in
            let members = units.filter { $0.corridors.contains(name) }
            let segments = members.filter { $0.kind.isLinear }
            let length = segments.reduce(0) { $0 + $1.lengthKm }
            var kmByTier = PerTier<Double> { _ in 0 }
            for s in segments { kmByTier[s.tier] += s.lengthKm }
            return CorridorSummary(
                name: name, lengthKm: length, maxScore: members.map(\.score).max(),
                meanScore: segments.isEmpty || length == 0 ? nil : segments.reduce(0) { $0 + $1.score * $1.lengthKm } / length,
                kmByTier: kmByTier)
        }
    }
}
