extension UnitScore {
    /// Where the unit is, for a reader (METHOD §9): "km 250–260, between Sibi and Mach",
    /// "km 0–10, 12 km SW of Mach", "at Gwadar"; the chainage alone when no place is near; empty
    /// for a site with none.
    public var placeDescription: String {
        Self.describe(places: places, linear: kind.isLinear, startKm: startKm, endKm: endKm)
    }

    /// A unit's place in words from its parts (also for units read back from a JSON report).
    static func describe(places: UnitPlaces?, linear: Bool, startKm: Double, endKm: Double) -> String {
        let chainage = linear ? "km \(DecimalText.km(startKm))–\(DecimalText.km(endKm))" : nil
        return [chainage, phrase(places)].compactMap { $0 }.joined(separator: ", ")
    }

    /// The place part alone: "between Sibi and Mach", "12 km SW of Mach", "at Mach", or nil.
    static func phrase(_ places: UnitPlaces?) -> String? {
        guard let places else { return nil }
        if let from = places.from, let to = places.to, from != to { return "between \(from) and \(to)" }
        if let near = places.near {
            guard let bearing = near.bearing else { return "at \(near.name)" }
            let d = near.distanceKm >= 10 ? DecimalText.fixed(near.distanceKm, 0) : DecimalText.fixed(near.distanceKm, 1)
            return "\(d) km \(bearing.rawValue) of \(near.name)"
        }
        if let end = places.from ?? places.to { return "near \(end)" }
        return nil
    }
}
