import ArgumentParser
import CorridorRisk
import Platform
import ReportRendering

/// `risk-report [score]`: reads infrastructure and incidents (the bundled Balochistan dataset by
/// default), scores every corridor segment and prints or writes the report.
struct ScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score security risk along infrastructure corridors and report it (the default subcommand).",
        discussion: """
            With no arguments, scores the bundled Balochistan dataset (rail, CPEC roads, Gwadar port; \
            41 sourced incidents 2018-2025) with the default model and prints a terminal report.

            Examples:
              risk-report
              risk-report --as-of 2025-03-31 --format html --output balochistan.html
              risk-report --incidents acled-pakistan.csv --format json --output report.json
              risk-report --infrastructure network.geojson --incidents gtd.csv --incident-format gtd
              risk-report --corridor "Jaffar Express route" --top 5 --format markdown
              risk-report --infrastructure roads.geojson --incidents acled.csv --places geonames.csv
              risk-report diff september.json october.json --format html --output changes.html

            Exit status: 0 success, 64 usage error, 65 data error (a rejected record with --strict, \
            no valid incident, malformed input), 66 an input is missing or unreadable, \
            74 the output cannot be written.
            """)

    @Option(help: ArgumentHelp(
        "Infrastructure GeoJSON: a FeatureCollection of rail/road/pipeline lines and sites.",
        discussion: "Default: the bundled Balochistan network. Example: --infrastructure network.geojson",
        valueName: "file"))
    var infrastructure: String?

    @Option(help: ArgumentHelp(
        "Incidents file (ACLED or GTD export, native CSV or GeoJSON); repeat for several.",
        discussion: "Default: the bundled incidents. Ids must be unique across files. "
            + "Example: --incidents acled-2024.csv --incidents acled-2025.csv",
        valueName: "file"))
    var incidents: [String] = []

    @Option(help: ArgumentHelp(
        "Layout of the incident files: auto detects it from the content.",
        discussion: "Example: --incident-format acled", valueName: "format"))
    var incidentFormat: IncidentFormat = .auto

    @Option(help: ArgumentHelp(
        "Score as of this date (YYYY-MM-DD); later incidents are counted as future and not scored.",
        discussion: "Default: the latest valid incident date. Example: --as-of 2025-03-31", valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp(
        "Gazetteer naming the places around each unit: CSV (name, lon, lat) or GeoJSON points with a name.",
        discussion: "Default: the bundled gazetteer with the bundled network, none otherwise. Example: --places towns.csv",
        valueName: "file"))
    var places: String?

    @Option(help: ArgumentHelp(
        "JSON model file with any subset of the report's parameters.",
        discussion: #"Example: --model model.json where model.json is {"radiusKm": 30, "categoryWeights": {"unrest": 0}}"#,
        valueName: "file"))
    var model: String?

    @Option(help: ArgumentHelp("Segment length in km (default 10). Example: --segment-km 5", valueName: "km"))
    var segmentKm: Double?

    @Option(help: ArgumentHelp("Kernel radius in km: incidents farther away do not count (default 25). Example: --radius-km 30", valueName: "km"))
    var radiusKm: Double?

    @Option(help: ArgumentHelp("Half-life of an incident's weight in days (default 365). Example: --half-life-days 180", valueName: "days"))
    var halfLifeDays: Double?

    @Option(help: ArgumentHelp("Scale of the 0-100 score curve (default 10; larger spreads high risks). Example: --kappa 50", valueName: "k"))
    var kappa: Double?

    @Option(help: ArgumentHelp(
        "Output format: text (terminal), markdown, json (the full report), geojson (QGIS), csv, html (with a map).",
        discussion: "Example: --format html --output report.html", valueName: "format"))
    var format: ReportFormat = .text

    @Option(help: ArgumentHelp(
        "Write the report to this file instead of standard output (atomically: never half written).",
        discussion: "Example: --output report.json", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("How many top units the text, Markdown and HTML reports list. Example: --top 20", valueName: "n"))
    var top: Int = 10

    @Option(help: ArgumentHelp(
        "Show only units of this corridor; repeat for several.",
        discussion: #"Example: --corridor "CPEC Western Alignment""#, valueName: "name"))
    var corridor: [String] = []

    @Flag(help: "Fail (exit 65) on the first rejected incident record instead of counting it.")
    var strict = false

    @Flag(help: "No progress or warnings on standard error.")
    var quiet = false

    @Option(help: ArgumentHelp("Worker threads (default: all cores); the report is identical for any value.", valueName: "n"))
    var threads: Int?

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be 0 or more") }
        if let threads, threads < 1 { throw ValidationError("--threads must be 1 or more") }
        if let asOf, CalendarDay(iso: asOf) == nil {
            throw ValidationError("--as-of must be a date written YYYY-MM-DD, got '\(asOf)'")
        }
        if let output {
            for input in [infrastructure, model, places].compactMap({ $0 }) + incidents where OutputFile.sameFile(output, input) {
                throw ValidationError("--output \(output) is an input file; a report never overwrites its inputs")
            }
        }
    }

    func run() async throws {
        try await runReportingFailures { try await produceReport() }
    }

    private func produceReport() async throws {
        var progress = Progress(enabled: !quiet && Progress.stderrIsTerminal)
        let parallelism = threads ?? IncidentReader.defaultParallelism

        var parameters = try model.map { try ModelParameters.load(path: $0) } ?? .defaults
        if let segmentKm { parameters.segmentKm = segmentKm }
        if let radiusKm { parameters.radiusKm = radiusKm }
        if let halfLifeDays { parameters.halfLifeDays = halfLifeDays }
        if let kappa { parameters.kappa = kappa }
        try parameters.validate()

        progress.begin("reading infrastructure")
        let network = try infrastructure.map { try InfrastructureReader.read(path: $0) } ?? BundledDataset.infrastructure()
        progress.end("\(network.assets.count) assets")

        progress.begin("reading incidents")
        var sets: [IncidentSet] = []
        if incidents.isEmpty {
            sets.append(try await BundledDataset.incidents(keepText: showsText, strict: strict, parallelism: parallelism))
        }
        for path in incidents {
            sets.append(try await IncidentReader.read(path: path, format: incidentFormat, strict: strict,
                                                      keepText: showsText, parallelism: parallelism))
        }
        let valid = sets.reduce(0) { $0 + $1.incidents.count }
        progress.end("\(valid) valid of \(sets.reduce(0) { $0 + $1.read })")

        progress.begin("scoring")
        let inputs = try model.map { [InputFile(role: "model", path: $0, digest: try FileDigest.of(path: $0), format: "json")] } ?? []
        let gazetteer = try places.map { try GazetteerReader.read(path: $0) } ?? (infrastructure == nil ? BundledDataset.places() : nil)
        let report = try await RiskScorer(parameters: parameters, parallelism: parallelism).score(
            infrastructure: network, incidents: sets, asOf: asOf.flatMap { CalendarDay(iso: $0) }, places: gazetteer,
            provenance: Provenance(inputs: inputs))
        progress.end("\(report.units.count) units")

        progress.begin("rendering \(format.rawValue)")
        let shown = try report.filtered(toCorridors: corridor)
        let color = format == .text && output == nil && Standard.isTerminal && !Standard.noColor
        let shownIncidents = showsText ? sets.flatMap(\.incidents) : []
        let input = RenderInput(report: shown, incidents: shownIncidents, title: title(network, sets),
                                top: top, color: color, unicode: Terminal.showsUnicode(output: output),
                                places: gazetteer?.places ?? [], context: format == .html ? try BundledDataset.mapContext() : nil)
        let bytes = ReportRenderer.render(input, as: format)
        progress.end()

        if let output {
            try OutputFile.write(bytes, to: output)
        } else if !Standard.output(bytes) {
            throw ExitStatus.Failure(message: "standard output: write failed", code: ExitStatus.cannotWrite)
        }
        progress.finish()
        // Without a valid incident the report is still written (every unit scores 0, as the
        // spec says), but the run is a data error: the input is almost certainly wrong.
        if valid == 0 {
            let rejected = sets.flatMap(\.rejected)
            let first = rejected.first.map { "; first rejection: \($0.file) line \($0.line): \($0.reason)" } ?? ""
            throw ExitStatus.Failure(
                message: "\(sets.map(\.file).joined(separator: ", ")): no valid incident record "
                    + "(\(sets.reduce(0) { $0 + $1.read }) read, \(rejected.count) rejected)\(first)",
                code: ExitStatus.data)
        }
        if !quiet {
            if report.incidents.rejected > 0 {
                Standard.error("risk-report: \(report.incidents.rejected) incident records rejected (listed in the report)")
            }
            for warning in report.warnings { Standard.error("risk-report: warning: \(warning)") }
        }
    }

    /// Only the human-readable formats show incidents (map dots, descriptions); the others
    /// are read without the incidents' text, faster and in less memory.
    private var showsText: Bool { [.text, .markdown, .html].contains(format) }

    private func title(_ network: Infrastructure, _ sets: [IncidentSet]) -> String {
        if infrastructure == nil && incidents.isEmpty { return "Balochistan corridors (bundled dataset)" }
        let files = ([network.file] + sets.map(\.file)).map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        return "CorridorRisk: " + files.joined(separator: " + ")
    }
}
