import ArgumentParser
import CorridorRisk
import ReportRendering

/// `risk-report diff OLD.json NEW.json`: what changed between two JSON reports (METHOD §10).
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two JSON reports: which units changed tier, how much threat moved, what was added or removed.",
        discussion: """
            Reads reports made by this or an earlier version of risk-report (--format json). Units are matched \
            by id; reports of different networks still compare (their other units are added or removed).

            Examples:
              risk-report diff september.json october.json
              risk-report diff september.json october.json --format html --output changes.html
              risk-report diff old.json new.json --format json --output diff.json

            The HTML map needs the new report's network: the bundled one, the file its inputs name (when its \
            SHA-256 still matches) or --infrastructure. Exit status: 0 success, 64 usage error, \
            65 a file is not a report, 66 a file is missing, 74 the output cannot be written.
            """)

    @Argument(help: "The earlier report (JSON).") var old: String
    @Argument(help: "The later report (JSON).") var new: String

    @Option(help: ArgumentHelp("text, markdown, json, csv or html.", valueName: "format"))
    var format: ReportFormat = .text

    @Option(help: ArgumentHelp("Write to this file instead of standard output (atomically).", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("The new report's network, for the HTML map (default: found from its inputs).", valueName: "file"))
    var infrastructure: String?

    @Option(help: ArgumentHelp("Gazetteer for the HTML map's town labels (default: the bundled one with the bundled network).",
                               valueName: "file"))
    var places: String?

    @Flag(help: "Replace the --output file even when it is read-only.")
    var force = false

    func validate() throws {
        if format == .geojson { throw ValidationError("a diff has no geometry of its own: use text, markdown, json, csv or html") }
        if let output, [old, new].contains(where: { OutputFile.sameFile(output, $0) }) {
            throw ValidationError("--output \(output) is an input file; a diff never overwrites its inputs")
        }
    }

    func run() async throws {
        try await runReportingFailures {
            let target = try output.map { try OutputFile.target($0, force: force) }
            if let notice = target?.notice { Standard.error("risk-report: \(notice)") }
            let diff = ReportDiff(old: try ReportSnapshot.read(path: old), new: try ReportSnapshot.read(path: new))
            var input = DiffInput(diff: diff, title: "What changed: \(diff.old.asOf ?? "—") → \(diff.new.asOf ?? "—")")
            if format == .html { try await addMap(to: &input) }
            let bytes = DiffRenderer.render(input, as: format)
            if let target {
                try OutputFile.write(bytes, to: target)
            } else if !Standard.output(bytes) {
                throw ExitStatus.Failure(message: "standard output: write failed", code: ExitStatus.cannotWrite)
            }
        }
    }

    /// The new report's units with their geometry, cut again from its network, coloured by the
    /// tiers the new report gave them.
    private func addMap(to input: inout DiffInput) async throws {
        let snapshot = input.diff.new
        var network: Infrastructure?
        var bundled = false
        if let infrastructure {
            network = try InputOptions.network(path: infrastructure)
        } else if let recorded = snapshot.infrastructure {
            if recorded.path == BundledDataset.infrastructureName {
                network = try BundledDataset.infrastructure()
                bundled = true
            } else if let digest = try? FileDigest.of(path: recorded.path), digest.sha256 == recorded.sha256 {
                network = try InputOptions.network(path: recorded.path)
            }
        }
        guard let network else { return }
        var parameters = ModelParameters.defaults
        if let segmentKm = snapshot.segmentKm { parameters.segmentKm = segmentKm }
        let byID = Dictionary(snapshot.units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let cut = try await RiskScorer(parameters: parameters, parallelism: 1).score(infrastructure: network, incidents: [])
        input.mapUnits = cut.units.compactMap { u in
            guard let s = byID[u.id] else { return nil }
            var unit = u
            unit.score = s.score
            unit.tier = s.tier
            unit.threat = s.threat
            unit.incidentCount = s.incidentCount
            unit.lowData = false
            return unit
        }
        let gazetteer = try places.map { try GazetteerReader.read(path: $0) } ?? (bundled ? BundledDataset.places() : nil)
        input.places = gazetteer?.places ?? []
        input.context = try BundledDataset.mapContext()
    }
}
