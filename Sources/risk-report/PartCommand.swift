import ArgumentParser
import CorridorRisk
import Platform

/// `risk-report partial --shard K/N`: joins one shard of the units and writes its sums, for
/// `risk-report merge` (Docs/SCALE.md). Shards run anywhere, in any order.
struct PartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partial",
        abstract: "Score one shard of the units (K of N) and write its partial result, for 'risk-report merge'.",
        discussion: """
            Every shard reads the same inputs and model; shard K of N joins units ⌊(K−1)·U/N⌋ to ⌊K·U/N⌋ of the U \
            units a whole run cuts. 'risk-report merge' with the same inputs and model then writes any report \
            format, byte for byte the one 'risk-report' writes in one run.

            Examples:
              risk-report partial --shard 1/3 --output part-1.jsonl
              risk-report partial --shard 2/3 --incidents acled.csv --infrastructure net.gpkg > part-2.jsonl
              risk-report merge part-*.jsonl --incidents acled.csv --infrastructure net.gpkg --format html --output report.html

            Exit status as for 'risk-report score'.
            """)

    @OptionGroup(title: "Inputs") var inputs: InputOptions
    @OptionGroup(title: "Model") var model: ModelOptions

    @Option(help: ArgumentHelp("Which shard to score: K of N, 1 ≤ K ≤ N. Example: --shard 2/7", valueName: "K/N"))
    var shard: String

    @Option(help: ArgumentHelp("Write the partial result (JSON Lines) to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Replace the --output file even when it is read-only.")
    var force = false

    @Flag(help: "No progress or warnings on standard error.")
    var quiet = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Worker threads (default: all cores).", valueName: "n"))
    var threads: Int?

    func validate() throws {
        if Shard(shard) == nil { throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N, e.g. --shard 2/7, got '\(shard)'") }
        if let threads, threads < 1 { throw ValidationError("--threads must be 1 or more") }
        try OutputFile.refuseInputs(output, inputs.files + [model.model].compactMap { $0 }, what: "a partial result")
    }

    func run() async throws {
        try await runReportingFailures {
            guard let shard = Shard(shard) else { return }
            let target = try output.map { try OutputFile.target($0, force: force) }
            if !quiet, let notice = target?.notice { Standard.error("risk-report: \(notice)") }
            var progress = Progress(enabled: !quiet && Progress.stderrIsTerminal)
            let parallelism = threads ?? IncidentReader.defaultParallelism
            let parameters = try model.parameters()
            progress.begin("reading infrastructure")
            let network = try inputs.network()
            progress.end("\(network.assets.count) assets")
            progress.begin("reading incidents")
            let sets = try await inputs.incidentSets(keepText: false, strict: false, parallelism: parallelism)
            progress.end("\(sets.reduce(0) { $0 + $1.incidents.count }) valid")
            progress.begin("joining shard \(shard)")
            let part = try await RiskScorer(parameters: parameters, parallelism: parallelism, observer: progress.phases)
                .partial(infrastructure: network, incidents: sets, asOf: model.day, shard: shard)
            progress.end("\(part.units.count) of \(part.unitCount) units")
            let bytes = part.jsonLines()
            progress.finish()
            if let target {
                try OutputFile.write(bytes, to: target)
            } else if !Standard.output(bytes) {
                throw ExitStatus.Failure(message: "standard output: write failed", code: ExitStatus.cannotWrite)
            }
        }
    }

    /// Reads a partial result file; a missing file is exit 66, anything else not a part 65.
    static func read(_ path: String) throws -> PartialResult {
        try PartialResult(path: path)
    }
}

/// `risk-report merge PART…`: the report of a run split into shards, from all their partial
/// results and the same inputs and model.
struct MergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Write the report of a sharded run from all its partial results (same inputs and model options).",
        discussion: """
            Give every part of the run (any order) and the same input and model options as the partial runs; \
            the inputs' SHA-256, the model and asOf are checked against each part. The report is byte for byte \
            the one a single 'risk-report' run writes. Everything else is as for 'risk-report score'.

            Example:
              risk-report merge part-1.jsonl part-2.jsonl part-3.jsonl --format json --output report.json
            """)

    @Argument(help: ArgumentHelp("The partial results (JSON Lines from 'risk-report partial').", valueName: "part"))
    var parts: [String]

    @OptionGroup var options: ScoreCommand

    func validate() throws {
        if parts.isEmpty { throw ValidationError("give the partial results to merge, e.g. risk-report merge part-*.jsonl") }
        if let output = options.output, parts.contains(where: { OutputFile.sameFile(output, $0) }) {
            throw ValidationError("--output \(output) is a partial result; a report never overwrites its inputs")
        }
    }

    func run() async throws {
        try await runReportingFailures { try await options.produceReport(parts: parts) }
    }
}
