import ArgumentParser
import CorridorRisk
import SyntheticData
#if canImport(Glibc)
import Glibc
#endif

/// `risk-bench`: makes synthetic ACLED-layout datasets and times each phase of a scoring run.
@main
struct RiskBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk-bench",
        abstract: "Synthetic data and phase timings for CorridorRisk benchmarks.",
        discussion: "See Docs/PERFORMANCE.md; Tests/Benchmark/compare.sh runs the side-by-side with GeoPandas.",
        subcommands: [Generate.self, Phases.self])
}

/// Writes `infrastructure.geojson` and `acled.csv` for a given size and seed.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a deterministic synthetic network and ACLED-layout incidents.",
        discussion: "Example: risk-bench generate --incidents 1000000 --network-km 5000 --output-dir /tmp/bench-1m")

    @Option(help: "Number of incidents.") var incidents: Int = 100_000
    @Option(help: "Approximate total length of the network's lines, km.") var networkKm: Double = 5_000
    @Option(help: "Random seed: the same seed gives the same bytes.") var seed: UInt64 = 1
    @Option(help: "Directory to write infrastructure.geojson and acled.csv into.") var outputDir: String

    func run() throws {
        mkdir(outputDir, 0o755)
        let network = SyntheticNetwork(lengthKm: networkKm, seed: seed)
        try write(Array(network.geoJSON.utf8), to: outputDir + "/infrastructure.geojson")
        let path = outputDir + "/acled.csv"
        guard let file = fopen(path, "wb") else { throw ValidationError("cannot create \(path)") }
        defer { fclose(file) }
        var bytes = 0
        try SyntheticACLED(network: network, seed: seed).write(count: incidents) { chunk in
            guard fwrite(chunk, 1, chunk.count, file) == chunk.count else { throw ValidationError("write failed: \(path)") }
            bytes += chunk.count
        }
        print("network: \(network.lineCount) lines, \(Int(network.lengthKm)) km, \(network.towns.count) towns")
        print("incidents: \(incidents) rows, \(bytes / 1_000_000) MB → \(path)")
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        guard let f = fopen(path, "wb") else { throw ValidationError("cannot create \(path)") }
        defer { fclose(f) }
        guard fwrite(bytes, 1, bytes.count, f) == bytes.count else { throw ValidationError("write failed: \(path)") }
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
            let start = ContinuousClock.now
            let network = try recorder.time("read infrastructure") { try InfrastructureReader.read(path: infrastructure) }
            let set = try await IncidentReader.read(path: incidents, parallelism: workers, observer: recorder.observe)
            let report = try await RiskScorer(parallelism: workers, observer: recorder.observe)
                .score(infrastructure: network, incidents: [set])
            let json = recorder.time("encode json") { report.jsonData() }
            recorder.observe("total", Recorder.seconds(since: start))
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
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print(pad("peak RSS", 22) + "\(usage.ru_maxrss / 1024) MB")
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
    private let lock = NSLockish()
    private(set) var phases: [(String, Double)] = []

    func reset() { lock.locked { phases = [] } }

    var observe: PhaseObserver { { [self] phase, seconds in lock.locked { phases.append((phase, seconds)) } } }

    func time<T>(_ phase: String, _ body: () throws -> T) rethrows -> T {
        let start = ContinuousClock.now
        let result = try body()
        observe(phase, Self.seconds(since: start))
        return result
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = start.duration(to: .now).components
        return Double(d.seconds) + Double(d.attoseconds) / 1e18
    }
}

/// A pthread mutex, so the recorder needs no Foundation.
final class NSLockish: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func locked<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}
