import GeoFoundation
import RealModule

/// How much work a run will be, from the inputs and parameters alone, before any of it is done:
/// the scoring units the segmentation will cut and the incident–unit pairs the join will test.
/// A run past `ScoringLimits` is refused with the estimate (`--segment-km 1e-9` would otherwise
/// grow memory until the machine gives up); one past the warning level goes ahead with a warning.
public struct WorkEstimate: Hashable, Sendable, CustomStringConvertible {
    /// Units: each linear asset's length over the segment length, rounded up, plus one per site.
    public var units: Double
    /// Candidate pairs: each incident against the units whose kernel area reaches it, with the
    /// incidents spread evenly over their bounding box (an estimate; clustered data has more).
    public var pairs: Double

    /// The estimate for `assets` and `incidents` under `parameters`.
    public init(assets: [Asset], incidents: [Incident], parameters p: ModelParameters) {
        let geodesic = Geodesic.wgs84
        var units = 0.0
        var kernelAreaKm2 = 0.0
        let reachKm = LocationPrecision.allCases.map { RiskModel.spreadRadius(radius: p.radiusKm, uncertainty: p.uncertainty($0)) }.max() ?? p.radiusKm
        for asset in assets {
            guard asset.kind.isLinear else {
                units += 1
                kernelAreaKm2 += Double.pi * reachKm * reachKm
                continue
            }
            let parts: [[Coordinate]] = switch asset.geometry {
            case .lineString(let cs): [cs]
            case .multiLineString(let ls): ls
            default: []
            }
            let km = parts.reduce(0) { $0 + geodesic.length(of: $1) } / 1000
            units += max(1, (km / p.segmentKm).rounded(.up))
            kernelAreaKm2 += km * 2 * reachKm + Double.pi * reachKm * reachKm
        }
        self.units = units
        // The incidents' box in km² (at least one kernel's area, so a single place is not a divide by zero).
        var box = Envelope(covering: incidents.map(\.location))
        if let b = box, b.maxX - b.minX > 180 { box = nil }   // spread round the globe: take the whole
        let boxKm2 = box.map { b in
            let midLat = (b.minY + b.maxY) / 2 * .pi / 180
            return (b.maxX - b.minX) * 111.32 * max(0.05, Double.cos(midLat)) * (b.maxY - b.minY) * 110.57
        } ?? 510_000_000
        let density = Double(incidents.count) / max(boxKm2, Double.pi * reachKm * reachKm)
        pairs = min(Double(incidents.count) * max(units, 1), kernelAreaKm2 * density)
    }

    public var description: String {
        "about \(Self.rounded(units)) scoring units and \(Self.rounded(pairs)) incident–unit pairs"
    }

    /// Two significant digits: an estimate, not a count (`120000`, `3.4e+13`).
    static func rounded(_ x: Double) -> String {
        guard x.isFinite else { return "∞" }
        guard x >= 100 else { return String(Int(x.rounded())) }
        let scale = Double.pow(10, Double.log10(x).rounded(.down) - 1)
        let r = (x / scale).rounded() * scale
        return r < 1e15 ? String(Int(r)) : "\(r)"
    }
}

/// The largest runs `RiskScorer` accepts, and the size past which it warns.
public enum ScoringLimits {
    /// Refused beyond: 3 million units (30,000 km at 10 m segments) need about 5 GB.
    public static let maximumUnits = 3_000_000.0
    /// Refused beyond: 50 billion candidate pairs would take hours on any machine.
    public static let maximumPairs = 5e10
    /// Warned beyond: runs this large take minutes and gigabytes.
    public static let warningUnits = 500_000.0
    public static let warningPairs = 2e9
}

/// A run refused as too large, with the estimate and the limit.
public struct WorkTooLarge: Error, Hashable, Sendable, CustomStringConvertible {
    public var estimate: WorkEstimate
    public var description: String {
        let what = estimate.units > ScoringLimits.maximumUnits
            ? "the limit is \(WorkEstimate.rounded(ScoringLimits.maximumUnits)) units"
            : "the limit is \(WorkEstimate.rounded(ScoringLimits.maximumPairs)) pairs"
        return "this run would score \(estimate) (\(what)): use a longer segmentKm or a smaller radiusKm, "
            + "or split the network"
    }
}

extension WorkEstimate {
    /// Throws `WorkTooLarge` past the limits; returns a warning past the warning level.
    /// `joinShare` is the part of the pairs this process joins (1/N for a shard, 0 for a merge);
    /// every process holds all the units. The warning is the whole run's, so a sharded run's
    /// report says what a single run's says.
    func check(joinShare: Double = 1) throws(WorkTooLarge) -> String? {
        if units > ScoringLimits.maximumUnits || pairs * joinShare > ScoringLimits.maximumPairs { throw WorkTooLarge(estimate: self) }
        if units > ScoringLimits.warningUnits || pairs > ScoringLimits.warningPairs {
            return "a large run: \(self); expect minutes and gigabytes"
        }
        return nil
    }
}
