import Foundation
import Testing

/// The Spark driver (`Sources/spark-driver/risk_report_spark.py`) on a `local[2]` PySpark
/// session: it ships the binary and the inputs to the executors, runs one `risk-report partial`
/// per shard there and merges the parts; the report must be the single run's bytes. `.ci/run`
/// installs PySpark in `Tests/Spark/.venv` (Java 17 from Debian); where either is missing the
/// test is skipped and says so.
@Suite struct SparkDriverTests {
    static let root = CLI.fixtures.deletingLastPathComponent()
    static let python = root.appendingPathComponent("Tests/Spark/.venv/bin/python")
    static let driver = root.appendingPathComponent("Sources/spark-driver/risk_report_spark.py")

    static var missing: String? {
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            return "no Tests/Spark/.venv with PySpark (.ci/run makes it): the Spark test is skipped"
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let javaHome = ProcessInfo.processInfo.environment["JAVA_HOME"].map { [$0 + "/bin"] } ?? []
        guard (javaHome + path.split(separator: ":").map(String.init)).contains(where: {
            FileManager.default.isExecutableFile(atPath: $0 + "/java")
        }) else {
            return "no java on PATH (Debian: openjdk-17-jre-headless): the Spark test is skipped"
        }
        return nil
    }

    @Test(.enabled(if: missing == nil, Comment(rawValue: missing ?? "")), .timeLimit(.minutes(10)))
    func theSparkDriverOnLocal2GivesTheBytesOfOneRun() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = CLI.fixtures.appendingPathComponent("balochistan")
        let inputs = ["--infrastructure", data.appendingPathComponent("infrastructure.geojson").path,
                      "--incidents", data.appendingPathComponent("incidents.csv").path,
                      "--places", data.appendingPathComponent("places.csv").path]
        let single = try CLI.run(inputs + ["--format", "json"])
        #expect(single.status == 0)

        let output = dir.appendingPathComponent("spark.json")
        let process = Process()
        process.executableURL = Self.python
        process.arguments = [Self.driver.path, "--master", "local[2]", "--binary", CLI.executable.path, "--shards", "5",
                             "--format", "json", "--output", output.path, "--"] + inputs
        process.currentDirectoryURL = dir
        let log = dir.appendingPathComponent("spark.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let tail = (try? String(contentsOf: log, encoding: .utf8))?.suffix(2_000) ?? ""
        #expect(process.terminationStatus == 0, "\(tail)")
        #expect(try Data(contentsOf: output) == single.stdout, "\(tail)")
    }
}
