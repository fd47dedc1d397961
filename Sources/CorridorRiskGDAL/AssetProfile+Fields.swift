extension AssetProfile {
    /// The profile with each property name a Shapefile's DBF cut at ten characters
    /// (`criticality` → `criticalit`) mapped to the cut name when only that is present, and a
    /// note for each, so a Shapefile made from a native network reads as the network did.
    func matchingTruncatedFields(_ fields: [String], file: String) -> (profile: AssetProfile, notes: [String]) {
        var notes: [String] = []
        func mapped(_ name: String?) -> String? {
            guard let name, name.count > 10, !fields.contains(name) else { return name }
            let cut = String(name.prefix(10))
            guard fields.contains(cut) else { return name }
            notes.append("\(file): field '\(cut)' read as '\(name)' (a Shapefile cuts field names at 10 characters)")
            return cut
        }
        var p = self
        p.id = mapped(id)
        p.nameProperty = mapped(nameProperty)
        p.kindProperty = mapped(kindProperty)
        p.criticality = mapped(criticality)
        p.cpec = mapped(cpec)
        p.corridors = mapped(corridors)
        p.routeKey = routeKey.map { mapped($0) ?? $0 }
        return (p, notes)
    }
}
