/// The assets read from one infrastructure file (or built in code), in file order.
public struct Infrastructure: Sendable {
    /// The file as the caller named it.
    public var file: String
    /// The layout it was read from (`geojson`, …), as reports record it.
    public var format: String
    /// The assets, in file order.
    public var assets: [Asset]
    /// Observations that do not stop the run (e.g. no linear asset at all).
    public var warnings: [String]
    /// The file's SHA-256 and size (`nil` for infrastructure built in code).
    public var digest: FileDigest?
    /// The layer read, when the file has layers (GDAL formats).
    public var layer: String?
    /// The profile that turned features into assets (GDAL formats).
    public var profile: String?
    /// The assets built by merging ways that share a route key, by asset id.
    public var routes: [RouteSummary] = []

    /// Infrastructure built in code (no file digest). `RiskScorer` checks it as a reader would.
    public init(file: String, assets: [Asset], warnings: [String] = [], format: String = "geojson") {
        self.file = file
        self.format = format
        self.assets = assets
        self.warnings = warnings
    }
}
