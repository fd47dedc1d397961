extension RiskModel {
    /// How much a unit's threat changed between two reports (METHOD §10), from the ratio
    /// r = t₁/t₀: a large increase above 1.25 (or from 0 to anything), a moderate one above 1.10,
    /// limited from 0.75 to 1.10 (or 0 to 0), a large decrease below 0.75. ACLED's low-baseline
    /// rule keeps a unit that rested on 2 incidents or fewer and now on 5 or fewer at "limited"
    /// unless its tier moved: a jump from one incident to two is not a trend.
    public static func change(oldThreat t0: Double, newThreat t1: Double, oldIncidents: Int, newIncidents: Int,
                              tierMoved: Bool) -> ThreatChange {
        let raw: ThreatChange
        if t0 == 0 {
            raw = t1 > 0 ? .largeIncrease : .limitedChange
        } else {
            let r = t1 / t0
            raw = r > 1.25 ? .largeIncrease : r > 1.10 ? .moderateIncrease : r >= 0.75 ? .limitedChange : .largeDecrease
        }
        if oldIncidents <= 2 && newIncidents <= 5 && !tierMoved { return .limitedChange }
        return raw
    }
}

/// The classes of change between two reports (METHOD §10).
public enum ThreatChange: String, CaseIterable, Hashable, Sendable {
    case largeIncrease, moderateIncrease, limitedChange, largeDecrease
}
