import ArgumentParser
import CorridorRisk
import SyntheticData
import Platform

/// `risk-bench`: makes synthetic ACLED-layout datasets and times each phase of a scoring run.
@main
struct RiskBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk-bench",
        abstract: "Synthetic data and phase timings for CorridorRisk benchmarks.",
        discussion: "See Docs/PERFORMANCE.md; Tests/Benchmark/compare.sh runs the side-by-side with GeoPandas.",
        subcommands: [Generate.self, Phases.self])
}

extension SyntheticACLED.Shape: ExpressibleByArgument {}

/// Writes `infrastructure.geojson` and `acled.csv` for a given size and seed.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a deterministic synthetic network and ACLED-layout incidents.",
        discussion: "Example: risk-bench generate --incidents 1000000 --network-km 5000 --output-dir /tmp/bench-1m")

    @Option(help: "Number of incidents.") var incidents: Int = 100_000
    @Option(help: "Approximate total length of the network's lines, km.") var networkKm: Double = 5_000
    @Option(help: "Random seed: the same seed gives the same bytes.") var seed: UInt64 = 1
    @Option(help: "uniform (incidents around towns, the first benchmarks' data) or real (75 % on a few thousand shared places along the network, precision mostly 1, as in real exports).")
    var shape: SyntheticACLED.Shape = .uniform
    @Option(help: "Also write network.osm: an OpenStreetMap extract of about this many ways around the same towns.")
    var osmWays: Int?
    @Option(help: "Directory to write infrastructure.geojson and acled.csv into.") var outputDir: String

    func run() throws {
        try FileSystem.makeDirectory(outputDir)
        let network = SyntheticNetwork(lengthKm: networkKm, seed: seed)
        try write(Array(network.geoJSON.utf8), to: outputDir + "/infrastructure.geojson")
        let path = outputDir + "/acled.csv"
        let file = try Self.create(path)
        var bytes = 0
        try SyntheticACLED(network: network, seed: seed, shape: shape).write(count: incidents) { chunk in
            try file.write(chunk)
            bytes += chunk.count
        }
        try file.close(flush: false)
        print("network: \(network.lineCount) lines, \(Int(network.lengthKm)) km, \(network.towns.count) towns")
        if let osmWays {
            let osm = SyntheticOSM.extract(ways: osmWays, towns: network.towns, seed: seed)
            let file = try Self.create(outputDir + "/network.osm")
            var osmBytes = 0
            try osm.write { chunk in
                try file.write(Array(chunk.utf8))
                osmBytes += chunk.utf8.count
            }
            try file.close(flush: false)
            print("osm: \(osm.wayCount) ways, \(osm.nodeCount) nodes, \(osmBytes / 1_000_000) MB → \(outputDir)/network.osm")
        }
        print("incidents: \(incidents) rows, \(bytes / 1_000_000) MB → \(path)")
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        let file = try Self.create(path)
        try file.write(bytes)
        try file.close(flush: false)
    }

    /// A new file at `path`, replacing an old one.
    static func create(_ path: String) throws -> FileSystem.Writer {
        FileSystem.remove(path)
        return try FileSystem.Writer.createNew(path, permissions: FileSystem.defaultFilePermissions)
    }
}

/// Runs read → score → encode and prints how long each phase took (median of the repeats).
struct Phases: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time each phase of a scoring run (read, validate, segment, index, join, score, hot spots, encode).",
        discussion: "Example: risk-bench phases --infrastructure /tmp/bench-1m/infrastructure.geojson --incidents /tmp/bench-1m/acled.csv --repeat 3")

    @Option(help: "Infrastructure GeoJSON.") var infrastructure: String
    @Option(help: "Incidents file.") var incidents: String
    @Option(help: "Worker threads (default: all cores).") var threads: Int?
    @Option(help: "Runs; medians are printed.") var `repeat`: Int = 3

    func run() async throws {
        let workers = threads ?? IncidentReader.defaultParallelism
        var samples: [String: [Double]] = [:]
        var order: [String] = []
        let recorder = Recorder()
        var summary = ""
        for _ in 0..<max(1, `repeat`) {
            recorder.reset()
            let start = Stopwatch()
            let network = try recorder.time("read infrastructure") { try InfrastructureReader.read(path: infrastructure) }
            let set = try await IncidentReader.read(path: incidents, parallelism: workers, observer: recorder.observe)
            let report = try await RiskScorer(parallelism: workers, observer: recorder.observe)
                .score(infrastructure: network, incidents: [set])
            let json = recorder.time("encode json") { report.jsonData() }
            recorder.observe("total", start.seconds)
            for (phase, seconds) in recorder.phases {
                if samples[phase] == nil { order.append(phase) }
                samples[phase, default: []].append(seconds)
            }
            summary = "\(set.read) incidents read (\(set.rejected.count) rejected), \(report.units.count) units, "
                + "\(report.incidents.used) used, JSON \(json.count / 1_000_000) MB"
        }
        print(summary)
        print("threads \(workers), median of \(max(1, `repeat`)) runs")
        for phase in order {
            let s = samples[phase]!.sorted()
            print(pad(phase, 22) + String(format3(s[s.count / 2])) + " s")
        }
        print(pad("peak RSS", 22) + "\(System.peakResidentBytes >> 20) MB")
    }

    private func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(1, n - s.count)) }
    private func format3(_ v: Double) -> String {
        let ms = Int((v * 1000).rounded())
        let frac = String(ms % 1000)
        return "\(ms / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
    }
}

/// Collects phase durations from the library's observers (which may call from any task).
final class Recorder: @unchecked Sendable {
    private let lock = Lock()
    private(set) var phases: [(String, Double)] = []

    func reset() { lock.locked { phases = [] } }

    var observe: PhaseObserver { { [self] phase, seconds in lock.locked { phases.append((phase, seconds)) } } }

    func time<T>(_ phase: String, _ body: () throws -> T) rethrows -> T {
        let start = Stopwatch()
        let result = try body()
        observe(phase, start.seconds)
        return result
    }
}
