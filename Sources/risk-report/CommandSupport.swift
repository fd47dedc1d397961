import ArgumentParser
import Platform
import CorridorRisk
import ReportRendering

extension IncidentFormat: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}

/// `risk-report`: `score` (the default, so `risk-report --format html` scores), `diff`, and
/// `partial`/`merge` for a run split over machines.
@main
struct RiskReportTool: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk-report",
        abstract: "Score security risk along infrastructure corridors, and compare two reports.",
        discussion: """
            'risk-report [score] [options]' scores the bundled Balochistan dataset, or your own network and \
            incidents, and prints or writes the report: 'risk-report score --help' lists every option \
            (--infrastructure, --incidents, --places, --as-of, --model, --format, --output, …). \
            'risk-report diff OLD.json NEW.json' says what changed between two JSON reports. \
            'risk-report partial --shard K/N' and 'risk-report merge PART…' split a run over machines \
            (Docs/SCALE.md) and give the report one run would.

            Examples:
              risk-report
              risk-report --as-of 2025-03-31 --format html --output balochistan.html
              risk-report diff september.json october.json --format html --output changes.html
            """,
        subcommands: [ScoreCommand.self, DiffCommand.self, PartCommand.self, MergeCommand.self],
        defaultSubcommand: ScoreCommand.self)
}

/// Runs a subcommand's work and turns any failure into its one-line message and exit code.
func runReportingFailures(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        let failure = ExitStatus.failure(for: error)
        Standard.error("risk-report: error: \(failure.message)")
        throw ExitCode(failure.code)
    }
}

/// Whether block characters can be shown: always in a file or pipe (the report is UTF-8), and
/// on a terminal whose locale says UTF-8.
enum Terminal {
    static func showsUnicode(output: String?) -> Bool {
        guard output == nil, Standard.isTerminal else { return true }
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { System.environment($0) }.first { !$0.isEmpty } ?? ""
        let l = locale.lowercased()
        return l.contains("utf-8") || l.contains("utf8")
    }
}
