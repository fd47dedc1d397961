import ArgumentParser
import CorridorRisk

/// The model of a scoring run: a JSON model file and the most-used parameters as options
/// (an option wins over the file), and the date the run scores as of.
struct ModelOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Score as of this date (YYYY-MM-DD); later incidents are counted as future and not scored.",
        discussion: "Default: the latest valid incident date. Example: --as-of 2025-03-31", valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp(
        "JSON model file with any subset of the report's parameters.",
        discussion: #"Example: --model model.json where model.json is {"radiusKm": 30, "categoryWeights": {"unrest": 0}}"#,
        valueName: "file"))
    var model: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Segment length in km (default 10). Example: --segment-km 5", valueName: "km"), transform: decimalArgument)
    var segmentKm: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("Kernel radius in km: incidents farther away do not count (default 25). Example: --radius-km 30", valueName: "km"), transform: decimalArgument)
    var radiusKm: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("Half-life of an incident's weight in days (default 365). Example: --half-life-days 180", valueName: "days"), transform: decimalArgument)
    var halfLifeDays: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("Scale of the 0-100 score curve (default 10; larger spreads high risks). Example: --kappa 50", valueName: "k"), transform: decimalArgument)
    var kappa: Double?

    func validate() throws {
        if let asOf, CalendarDay(iso: asOf) == nil {
            throw ValidationError("--as-of must be a date written YYYY-MM-DD, got '\(asOf)'")
        }
    }

    /// The date asked for, if any.
    var day: CalendarDay? { asOf.flatMap { CalendarDay(iso: $0) } }

    /// The parameters: the defaults, then the model file, then the options.
    func parameters() throws -> ModelParameters {
        var parameters = try model.map { try ModelParameters.load(path: $0) } ?? .defaults
        if let segmentKm { parameters.segmentKm = segmentKm }
        if let radiusKm { parameters.radiusKm = radiusKm }
        if let halfLifeDays { parameters.halfLifeDays = halfLifeDays }
        if let kappa { parameters.kappa = kappa }
        try parameters.validate()
        return parameters
    }

    /// The model file as a provenance input.
    func provenanceInputs() throws -> [InputFile] {
        try model.map { [InputFile(role: "model", path: $0, digest: try FileDigest.of(path: $0), format: "json")] } ?? []
    }
}
