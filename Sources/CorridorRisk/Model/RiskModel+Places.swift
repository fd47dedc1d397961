extension RiskModel {
    /// The 8-point compass direction of a forward azimuth (degrees clockwise from north): 45°
    /// sectors centred on each direction, N covering [337.5°, 22.5°) (METHOD §9).
    public static func compassPoint(azimuth: Double) -> CompassPoint {
        let a = (azimuth.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360)
        return CompassPoint.allCases[Int(((a + 22.5) / 45).rounded(.down)) % 8]
    }

    /// Whether a unit this close (metres) to a place is "at" it, with no bearing: closer than 1 km.
    public static func isAtPlace(distanceMetres d: Double) -> Bool { d < 1000 }

    /// Whether a place `d` metres away is near enough to name: at most `limitKm` (the bound included).
    public static func isWithin(distanceMetres d: Double, limitKm: Double) -> Bool { d <= limitKm * 1000 }

    /// Which of two places at exactly equal distance names the unit: the smaller name in
    /// code-point order.
    public static func breaksTie(_ a: String, before b: String) -> Bool { a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) }
}

/// The eight compass directions, in clockwise order from north.
public enum CompassPoint: String, CaseIterable, Hashable, Sendable {
    case N, NE, E, SE, S, SW, W, NW
}
