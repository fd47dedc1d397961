import ArgumentParser
import CorridorRisk
import CorridorRiskGDAL
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
              risk-report --infrastructure pakistan-latest.osm.pbf --incidents acled.csv --format gpkg --output risk.gpkg
              risk-report --infrastructure network.gpkg --layer railways --profile my-profile.json
              risk-report diff september.json october.json --format html --output changes.html

            Exit status: 0 success, 64 usage error, 65 data error (a rejected record with --strict, \
            no valid incident, malformed input), 66 an input is missing or unreadable, \
            74 the output cannot be written.
            """)

    @OptionGroup(title: "Inputs") var inputs: InputOptions
    @OptionGroup(title: "Model") var model: ModelOptions

    @Option(help: ArgumentHelp(
        "Output format: text (terminal), markdown, json (the full report), geojson, csv, html (with a map), gpkg (QGIS; needs --output).",
        discussion: "Example: --format html --output report.html", valueName: "format"))
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp(
        "Write the report to this file instead of standard output (atomically: never half written).",
        discussion: "Example: --output report.json", valueName: "file"))
    var output: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("How many top units the text, Markdown and HTML reports list. Example: --top 20", valueName: "n"))
    var top: Int = 10

    @Option(help: ArgumentHelp(
        "Show only units of this corridor; repeat for several.",
        discussion: #"Example: --corridor "CPEC Western Alignment""#, valueName: "name"))
    var corridor: [String] = []

    @Flag(help: "Replace the --output file even when it is read-only.")
    var force = false

    @Flag(help: "Fail (exit 65) on the first rejected incident record instead of counting it.")
    var strict = false

    @Flag(help: "No progress or warnings on standard error.")
    var quiet = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Worker threads (default: all cores); the report is identical for any value.", valueName: "n"))
    var threads: Int?

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be 0 or more") }
        if let threads, threads < 1 { throw ValidationError("--threads must be 1 or more") }
        if format == .gpkg && output == nil { throw ValidationError("--format gpkg writes a file: give it with --output FILE.gpkg") }
        try OutputFile.refuseInputs(output, inputs.files + [model.model].compactMap { $0 }, what: "a report")
    }

    func run() async throws {
        try await runReportingFailures { try await produceReport() }
    }

    /// Scores, or with `parts` (partial results of `risk-report partial`) merges, and writes the report.
    func produceReport(parts: [String] = []) async throws {
        // The output is checked before any work: a bad target never costs a scoring run.
        let target = try output.map { try OutputFile.target($0, force: force) }
        if format == .gpkg, target?.inPlace == true {
            throw ExitStatus.Failure(message: "\(output ?? ""): a GeoPackage is a database file: name a regular file, not a device or pipe",
                                     code: ExitStatus.usage)
        }
        if !quiet, let notice = target?.notice { Standard.error("risk-report: \(notice)") }
        var progress = Progress(enabled: !quiet && Progress.stderrIsTerminal)
        let parallelism = threads ?? IncidentReader.defaultParallelism
        let parameters = try model.parameters()

        progress.begin("reading infrastructure")
        let network = try inputs.network()
        progress.end("\(network.assets.count) assets")

        progress.begin("reading incidents")
        let sets = try await inputs.incidentSets(keepText: format.showsText, strict: strict, parallelism: parallelism)
        let valid = sets.reduce(0) { $0 + $1.incidents.count }
        progress.end("\(valid) valid of \(sets.reduce(0) { $0 + $1.read })")

        progress.begin("scoring")
        let gazetteer = try inputs.gazetteer()
        let scorer = RiskScorer(parameters: parameters, parallelism: parallelism, observer: progress.phases)
        let provenance = Provenance(inputs: try model.provenanceInputs())
        let report = parts.isEmpty
            ? try await scorer.score(infrastructure: network, incidents: sets, asOf: model.day, places: gazetteer,
                                     provenance: provenance)
            : try await scorer.merge(try parts.map(PartCommand.read), infrastructure: network, incidents: sets,
                                     asOf: model.day, places: gazetteer, provenance: provenance)
        progress.end("\(report.units.count) units")

        progress.begin("rendering \(format.rawValue)")
        let shown = try report.filtered(toCorridors: corridor)
        let shownIncidents = format.showsText ? sets.flatMap(\.incidents) : []
        if let rendering = format.rendering {
            let bytes = try render(shown, shownIncidents, network, sets, gazetteer, as: rendering)
            progress.end()
            if let target {
                try OutputFile.write(bytes, to: target)
            } else if !Standard.output(bytes) {
                throw ExitStatus.Failure(message: "standard output: write failed", code: ExitStatus.cannotWrite)
            }
        } else if let output, let target {
            do {
                try GeoPackageWriter.write(shown, incidents: shownIncidents, to: target.path)
            } catch {
                throw ExitStatus.Failure(message: "\(output): cannot write the GeoPackage: \(error)", code: ExitStatus.cannotWrite)
            }
            progress.end()
        }
        try finish(report, sets, valid, &progress)
    }

    private func render(_ shown: RiskReport, _ incidents: [Incident], _ network: Infrastructure, _ sets: [IncidentSet],
                        _ gazetteer: Gazetteer?, as rendering: ReportFormat) throws -> [UInt8] {
        let color = rendering == .text && output == nil && Standard.isTerminal && !Standard.noColor
        let input = RenderInput(report: shown, incidents: incidents, title: title(network, sets),
                                top: top, color: color, unicode: Terminal.showsUnicode(output: output),
                                places: gazetteer?.places ?? [], context: rendering == .html ? try BundledDataset.mapContext() : nil)
        return ReportRenderer.render(input, as: rendering)
    }

    /// The run's end: the data error when nothing was valid, else the counts and warnings.
    private func finish(_ report: RiskReport, _ sets: [IncidentSet], _ valid: Int, _ progress: inout Progress) throws {
        progress.finish()
        // Without a valid incident the report is still written (every unit scores 0, as the
        // spec says), but the run is a data error: the input is almost certainly wrong.
        if valid == 0 {
            let rejected = sets.flatMap(\.rejected)
            let first = rejected.first.map { "; first rejection: \($0.file) \($0.place): \($0.reason)" } ?? ""
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

    private func title(_ network: Infrastructure, _ sets: [IncidentSet]) -> String {
        if inputs.isBundled { return "Balochistan corridors (bundled dataset)" }
        let files = ([network.file] + sets.map(\.file)).map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        return "CorridorRisk: " + files.joined(separator: " + ")
    }
}
