import CorridorRisk

/// Every colour and stroke the page uses, in one table: the stylesheet, the map and the legend
/// take them from here, so a colour changes in one place.
enum HTMLStyle {
    /// Tier colours: the five-class YlOrRd sequential ramp (ColorBrewer), light and calm for
    /// `minimal` to dark red for `extreme`. It changes monotonically in lightness, so the order
    /// survives the common colour-vision deficiencies and greyscale printing. Lines get a dark
    /// casing on the map so the light end stays visible on the pale background.
    static func color(_ tier: RiskTier) -> String {
        switch tier {
        case .minimal: "#ffffb2"
        case .low: "#fecc5c"
        case .moderate: "#fd8d3c"
        case .high: "#f03b20"
        case .extreme: "#bd0026"
        }
    }

    /// Text colour readable on `color(tier)`.
    static func ink(_ tier: RiskTier) -> String { tier >= .high ? "#ffffff" : "#2b2100" }

    /// Hot-spot halos by false-discovery-rate bin (1, 2, 3: 90, 95, 99 %): purples, a hue no
    /// tier colour shares, darker for stronger evidence.
    static func hotSpot(_ bin: Int) -> String {
        switch bin {
        case 3...: "#54278f"
        case 2: "#8c6bb1"
        default: "#bcbddc"
        }
    }

    /// Incident dots: a blue that no tier colour resembles; hollow when it reached no unit.
    static let incidentFill = "#2f5d9b"
    static let incidentStroke = "#1b3a66"
    /// Outlines of sites, polygons and line casings.
    static let outline = "#2a2f36"
    static let ink = "#1d2330"
    static let muted = "#5b6472"
    static let rule = "#d9dde3"
    static let panel = "#f6f7f9"
    static let accent = "#2f5d9b"
    /// The map: sea (frame background), land, coast and borders, graticule, town labels.
    static let sea = "#e4edf5"
    static let land = "#f7f6f2"
    static let coast = "#7d97ad"
    static let border = "#8a7f8d"
    static let graticule = "#cfd6de"
    static let label = "#26303b"
    static let labelHalo = "#ffffff"
    /// Accounting buckets: used, beyond reach, excluded, future, rejected.
    static let accountingColors = ["#2f5d9b", "#8fb0dd", "#b9c7a8", "#cfd6df", "#6b6b6b"]
    /// Rising and falling in tables.
    static let rising = "#b4141f"
    static let falling = "#1f6f3a"

    // Map symbol sizes, in map units (the map is about 1000 units wide).
    static let lineWidth = 4.4
    static let casingWidth = 6.8
    static let haloWidth = 11.0
    static let siteSize = 10.0
    static let maxDotRadius = 22.0
    static let dotScale = 1.8
    /// The dash of a low-data unit's line.
    static let lowDataDash = "5 4"

    /// Dot radius for an incident's casualty measure `m`: the dot's area grows with 1 + m.
    static func dotRadius(_ m: Double) -> Double { min(dotScale * (1 + max(0, m)).squareRoot(), maxDotRadius) }
}
