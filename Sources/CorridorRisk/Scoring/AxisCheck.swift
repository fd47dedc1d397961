/// A warning when most incidents lie outside the network's extent but would lie inside it with
/// longitude and latitude swapped: the commonest column mix-up in hand-made files.
enum AxisCheck {
    static func warning(_ points: [Coordinate], assets: [Asset], radiusM: Double) -> String? {
        guard points.count >= 5,
              let extent = Envelope(union: assets.compactMap(\.geometry.envelope))?.widened(byMetres: radiusM) else { return nil }
        let outside = points.filter { !extent.contains($0) }.count
        let swappedInside = points.filter { extent.contains(Coordinate($0.y, $0.x)) }.count
        guard outside * 2 > points.count, swappedInside * 2 > points.count else { return nil }
        return "\(outside) of \(points.count) incidents lie outside the infrastructure's extent but would lie inside it "
            + "with longitude and latitude swapped: check the order of the coordinate columns"
    }
}
