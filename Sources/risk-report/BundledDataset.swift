import CBundledData

/// The Balochistan dataset compiled into the executable (see Sources/CBundledData).
enum BundledDataset {
    static let infrastructureName = "bundled:balochistan/infrastructure.geojson"
    static let incidentsName = "bundled:balochistan/incidents.csv"

    static var infrastructure: UnsafeBufferPointer<UInt8> {
        var count = 0
        let start = bundled_infrastructure(&count)
        return UnsafeBufferPointer(start: start, count: count)
    }

    static var incidents: UnsafeBufferPointer<UInt8> {
        var count = 0
        let start = bundled_incidents(&count)
        return UnsafeBufferPointer(start: start, count: count)
    }
}
