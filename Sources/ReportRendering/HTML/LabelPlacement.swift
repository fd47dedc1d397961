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
/// each tried right, left, above and below its point; a label that would overlap one already
/// placed (or leave the frame) is dropped. Text width is estimated generously (0.62 em per
/// character plus a margin), so labels keep clear of each other in any sans-serif font.
enum LabelPlacement {
    static let maxLabels = 80

    static func place(_ places: [Place], in frame: MapFrame) -> [PlacedLabel] {
        let ordered = places.filter { frame.contains($0.location) }
            .sorted { ($0.rank ?? 9, $0.name) < ($1.rank ?? 9, $1.name) }
        var placed: [PlacedLabel] = []
        for place in ordered where placed.count < maxLabels {
            let rank = place.rank ?? 9
            let size = rank <= 1 ? 13.0 : rank == 2 ? 11.5 : 10.5
            let width = Double(place.name.count) * size * 0.62 + 4
            let ax = frame.x(place.location.x), ay = frame.y(place.location.y)
            let gap = 5.0
            let options: [(x: Double, y: Double, anchor: String, minX: Double, minY: Double)] = [
                (ax + gap, ay + size * 0.35, "start", ax + gap - 2, ay - size * 0.65),
                (ax - gap, ay + size * 0.35, "end", ax - gap - width + 2, ay - size * 0.65),
                (ax - width / 2 + 2, ay - gap - 2, "start", ax - width / 2, ay - gap - size - 2),
                (ax - width / 2 + 2, ay + gap + size, "start", ax - width / 2, ay + gap),
            ]
            for o in options {
                let box = (minX: o.minX, minY: o.minY, maxX: o.minX + width, maxY: o.minY + size * 1.15)
                guard box.minX >= frame.x0 + 2, box.maxX <= frame.x0 + frame.width - 2,
                      box.minY >= frame.y0 + 2, box.maxY <= frame.y0 + frame.height - 2 else { continue }
                if placed.allSatisfy({ !overlaps($0.box, box) }) {
                    placed.append(PlacedLabel(place: place, anchorX: ax, anchorY: ay, x: o.x, y: o.y, anchor: o.anchor,
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
