import CorridorRisk
import RealModule

/// The map frame: an equirectangular projection with x scaled by cos(mid-latitude).
///
/// This is a display projection only. Around the middle latitude of the data it keeps shapes and
/// distances nearly true (east–west scale error is cos φ / cos φ₀ − 1, a few per cent over the few
/// degrees a province spans), and it needs no projection library, so the page is produced the same
/// everywhere. Kilometres use a sphere of the mean Earth radius (1° of latitude = 111.195 km),
/// within 1 % of the ellipsoid, which is what a scale bar needs.
struct MapFrame {
    static let kmPerDegree = 111.195

    let centerLon: Double
    let centerLat: Double
    /// cos(centre latitude): the x scale factor.
    let k: Double
    /// Map units per degree of latitude.
    let s: Double
    let x0: Double, y0: Double, width: Double, height: Double

    /// A frame `width` wide that shows `envelope` padded by `padKm` (at least), its height chosen
    /// from the data's shape within `minHeight…maxHeight`, the extent widened to fill the frame.
    init(fitting envelope: Envelope, padKm: Double, x0: Double, y0: Double, width: Double,
         minHeight: Double, maxHeight: Double) {
        let midLat = (envelope.minY + envelope.maxY) / 2
        k = max(Double.cos(midLat * .pi / 180), 0.05)
        var w = envelope.width * k
        var h = envelope.height
        let pad = max(0.06 * max(w, h), padKm / Self.kmPerDegree, 0.05)
        w += 2 * pad
        h += 2 * pad
        height = min(max(width * h / w, minHeight), maxHeight)
        s = min(width / w, height / h)
        centerLon = (envelope.minX + envelope.maxX) / 2
        centerLat = midLat
        self.x0 = x0
        self.y0 = y0
        self.width = width
    }

    func x(_ lon: Double) -> Double { x0 + width / 2 + (lon - centerLon) * k * s }
    func y(_ lat: Double) -> Double { y0 + height / 2 - (lat - centerLat) * s }

    var lonMin: Double { centerLon - width / (2 * s * k) }
    var lonMax: Double { centerLon + width / (2 * s * k) }
    var latMin: Double { centerLat - height / (2 * s) }
    var latMax: Double { centerLat + height / (2 * s) }

    /// The frame's extent in lon/lat.
    var envelope: Envelope { Envelope(minX: lonMin, minY: latMin, maxX: lonMax, maxY: latMax) }

    func contains(_ c: Coordinate) -> Bool {
        c.x >= lonMin && c.x <= lonMax && c.y >= latMin && c.y <= latMax
    }

    /// Kilometres per map unit, true at the centre latitude in both directions.
    var kmPerUnit: Double { Self.kmPerDegree / s }

    /// `x,y` rounded to one decimal.
    func point(_ c: Coordinate) -> String { svg(x(c.x)) + "," + svg(y(c.y)) }

    /// The points of a line or ring, consecutive repeats after rounding dropped (at least two kept,
    /// so a line shorter than the rounding still draws as a dot with its round caps).
    func points(_ cs: [Coordinate]) -> [String] {
        var out: [String] = []
        out.reserveCapacity(cs.count)
        for c in cs {
            let p = point(c)
            if out.last != p { out.append(p) }
        }
        if out.count == 1 { out.append(out[0]) }
        return out
    }

    /// A round length of at most `fraction` of the frame's width: 1, 2 or 5 times a power of ten kilometres.
    func scaleBarKm(fraction: Double = 0.18) -> Double {
        let target = fraction * width * kmPerUnit
        var base = 1.0
        while base * 10 <= target { base *= 10 }
        while base > target { base /= 10 }
        for m in [5.0, 2.0] where m * base <= target { return m * base }
        return base
    }

    /// Degrees between graticule lines: the smallest step giving at most 8 intervals.
    var graticuleStep: Double {
        let span = max(lonMax - lonMin, latMax - latMin)
        for step in [0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 15, 30, 45] where span / step <= 8 {
            return step
        }
        return 90
    }

    /// The multiples of `step` from `lo` to `hi`.
    static func graticule(_ lo: Double, _ hi: Double, _ step: Double) -> [Double] {
        var out: [Double] = []
        var i = (lo / step).rounded(.up)
        while i * step <= hi {
            out.append(((i * step) * 1000).rounded() / 1000)
            i += 1
        }
        return out
    }

    /// `29.5°N`, `67°E`.
    static func degrees(_ v: Double, _ positive: String, _ negative: String) -> String {
        let r = (v * 100).rounded() / 100
        return ReportDigest.number(abs(r)) + "°" + (r > 0 ? positive : r < 0 ? negative : "")
    }
}
