import CorridorRisk

/// A town label placed on the map: its anchor (the place's point), the text's position and the
/// box it covers, in map units.
struct PlacedLabel {
    var place: Place
    var anchorX: Double, anchorY: Double
    var x: Double, y: Double
    var anchor: String          // SVG text-anchor: start or end
    var fontSize: Double
    var bold: Bool
    var box: (minX: Double, minY: Double, maxX: Double, maxY: Double)
}

/// Declutters town labels: places inside the frame, the more important first (rank, then name),
/// each tried right, left, above, below and at the diagonals of its point; a label that would overlap one already
/// placed (or leave the frame) is dropped. Text width is estimated generously (0.68 em per
/// character plus a margin, checked in Chromium), so labels keep clear of each other.
enum LabelPlacement {
    static let maxLabels = 90

    static func place(_ places: [Place], in frame: MapFrame) -> [PlacedLabel] {
        let ordered = places.filter { frame.contains($0.location) }
            .sorted { ($0.rank ?? 9, $0.name) < ($1.rank ?? 9, $1.name) }
        var placed: [PlacedLabel] = []
        for place in ordered where placed.count < maxLabels {
            let rank = place.rank ?? 9
            let size = rank <= 1 ? 13.0 : rank <= 3 ? 11.5 : 10.5
            let width = Double(place.name.count) * size * 0.68 + 8
            let ax = frame.x(place.location.x), ay = frame.y(place.location.y)
            let gap = 5.0
            // Candidate baselines and left edges: right of the point, left, above, below, then the diagonals.
            let options: [(x: Double, baseline: Double, anchor: String, left: Double)] = [
                (ax + gap, ay + size * 0.35, "start", ax + gap),
                (ax - gap, ay + size * 0.35, "end", ax - gap - width),
                (ax - width / 2, ay - gap - size * 0.35, "start", ax - width / 2),
                (ax - width / 2, ay + gap + size * 0.95, "start", ax - width / 2),
                (ax + gap, ay - gap, "start", ax + gap),
                (ax + gap, ay + gap + size * 0.7, "start", ax + gap),
                (ax - gap, ay - gap, "end", ax - gap - width),
                (ax - gap, ay + gap + size * 0.7, "end", ax - gap - width),
            ]
            for o in options {
                // A glyph box from ascent to descent (0.98 and 0.3 em in common sans fonts), 2 units of margin.
                let box = (minX: o.left - 2, minY: o.baseline - size * 0.98 - 2, maxX: o.left + width + 2, maxY: o.baseline + size * 0.3 + 2)
                guard box.minX >= frame.x0 + 2, box.maxX <= frame.x0 + frame.width - 2,
                      box.minY >= frame.y0 + 2, box.maxY <= frame.y0 + frame.height - 2 else { continue }
                if placed.allSatisfy({ !overlaps($0.box, box) }) {
                    placed.append(PlacedLabel(place: place, anchorX: ax, anchorY: ay, x: o.x, y: o.baseline, anchor: o.anchor,
                                              fontSize: size, bold: rank <= 1, box: box))
                    break
                }
            }
        }
        return placed
    }

    static func overlaps(_ a: (minX: Double, minY: Double, maxX: Double, maxY: Double),
                         _ b: (minX: Double, minY: Double, maxX: Double, maxY: Double)) -> Bool {
        a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY
    }
}
