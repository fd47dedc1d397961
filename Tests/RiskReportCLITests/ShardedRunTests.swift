import Testing
import Foundation

/// `risk-report partial` and `merge`: the report of a run split into N shards, each run by the
/// binary, is byte for byte the report of one run, for any N and any order of the parts; a part
/// of another run is refused.
@Suite(.serialized) final class ShardedRunTests {
    let dir: URL

    init() throws { dir = try CLI.temporaryDirectory() }
    deinit { try? FileManager.default.removeItem(at: dir) }

    /// Runs every shard of `count` and merges the parts in `order` (a permutation of 1...count).
    func merged(_ inputs: [String], count: Int, order: [Int], format: String = "json") throws -> Data {
        let parts = (1...count).map { dir.appendingPathComponent("part-\($0)-of-\(count).jsonl").path }
        // Two shards at a time, as two executors would run them.
        let statuses = Statuses(count)
        DispatchQueue.concurrentPerform(iterations: count) { k in
            let r = try? CLI.run(["partial", "--shard", "\(k + 1)/\(count)", "--output", parts[k], "--quiet", "--threads", "1"] + inputs)
            statuses.set(k, r.map { $0.status == 0 ? "" : $0.stderr } ?? "did not run")
        }
        let failures = statuses.all.filter { !$0.isEmpty }
        #expect(failures.isEmpty, "\(failures)")
        let r = try CLI.run(["merge"] + order.map { parts[$0 - 1] } + inputs + ["--format", format, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    /// The outcome of each concurrent shard ("" for success, else its stderr).
    final class Statuses: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [String]
        init(_ n: Int) { values = Array(repeating: "", count: n) }
        func set(_ i: Int, _ v: String) { lock.lock(); values[i] = v; lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return values }
    }

    /// A deterministic permutation of 1...n that is not the identity for n > 1.
    static func shuffled(_ n: Int) -> [Int] {
        var order = Array(1...n)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(n)
        for i in stride(from: n - 1, to: 0, by: -1) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            order.swapAt(i, Int(state >> 33) % (i + 1))
        }
        return order == Array(1...n) ? order.reversed() : order
    }

    @Test func theBundledDataMergesToTheBytesOfOneRun() throws {
        let single = try CLI.run(["--format", "json"]).stdout
        for n in [1, 2, 3, 7] {
            #expect(try merged([], count: n, order: Self.shuffled(n)) == single, "\(n) shards")
        }
        // Every format comes from the same merged report.
        let html = try CLI.run(["--format", "html"]).stdout
        #expect(try merged([], count: 3, order: [3, 1, 2], format: "html") == html)
    }

    /// 200,000 incidents around a 1,200 km network, a tenth of them at shared places, with
    /// repeated ids whose copies lie near units of other shards (the first in input order wins).
    func generatedInputs() throws -> [String] {
        let network = dir.appendingPathComponent("network.geojson")
        try Data(#"""
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"id":"west","kind":"rail","name":"West line"},"geometry":{"type":"LineString","coordinates":[[62,28],[64,28.5],[66,29]]}},
        {"type":"Feature","properties":{"id":"east","kind":"road","name":"East road","corridors":["CPEC"]},"geometry":{"type":"LineString","coordinates":[[66,29],[68,30],[70,31]]}},
        {"type":"Feature","properties":{"id":"port","kind":"port","name":"Port"},"geometry":{"type":"Point","coordinates":[62.3,27.9]}}]}
        """#.utf8).write(to: network)
        var rng: UInt64 = 42
        func next() -> Double {
            rng = rng &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(rng >> 11) / Double(1 << 53)
        }
        let categories = ["bombing", "armedAssault", "sabotage", "kidnapping", "unrest", "hijacking"]
        let targets = ["rail", "road", "port", "", "energy"]
        var csv = "id,date,lon,lat,precision,category,target,fatalities,injured,hostages\n"
        csv.reserveCapacity(200_000 * 64)
        for i in 0..<200_000 {
            let t = next()
            var lon = 62 + 8 * t, lat = 28 + 3 * t + (next() - 0.5) * 0.8
            if i % 10 == 0 { lon = 64 + Double(i % 7); lat = 28.5 + Double(i % 7) * 0.3 }   // shared places
            // Every 5,000th row repeats the id of one of the first thousand, at the network's east end.
            let repeated = i % 5_000 == 4_999
            if repeated { lon = 69.5; lat = 30.8 }
            let id = repeated ? "G\(i % 1_000)" : "G\(i)"
            let day = 1 + Int(next() * 27), month = 1 + Int(next() * 12), year = 2019 + Int(next() * 6)
            let precision = next() < 0.8 ? 1 : (next() < 0.7 ? 2 : 3)
            csv += "\(id),\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day),"
                + "\(String(format: "%.5f", lon)),\(String(format: "%.5f", lat)),\(precision),"
                + "\(categories[Int(next() * 6)]),\(targets[Int(next() * 5)]),\(Int(next() * 4)),\(Int(next() * 3)),0\n"
        }
        let incidents = dir.appendingPathComponent("incidents.csv")
        try Data(csv.utf8).write(to: incidents)
        return ["--infrastructure", network.path, "--incidents", incidents.path]
    }

    @Test func aGeneratedRunMergesToTheBytesOfOneRun() throws {
        let inputs = try generatedInputs()
        let one = try CLI.run(inputs + ["--format", "json", "--quiet"])
        #expect(one.status == 0, "\(one.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: one.stdout) as? [String: Any])
        let counts = try #require(report["incidents"] as? [String: Any])
        #expect(counts["read"] as? Int == 200_000)
        #expect((counts["rejected"] as? Int ?? 0) >= 40)   // the repeated ids
        #expect((report["units"] as? [Any])?.count ?? 0 > 80)
        for n in [1, 2, 3, 7] {
            #expect(try merged(inputs, count: n, order: Self.shuffled(n)) == one.stdout, "\(n) shards")
        }
    }

    @Test func partsOfAnotherRunAreRefused() throws {
        var parts: [String] = []
        for k in 1...2 {
            let part = dir.appendingPathComponent("p\(k).jsonl").path
            #expect(try CLI.run(["partial", "--shard", "\(k)/2", "--output", part]).status == 0)
            parts.append(part)
        }
        func refusal(_ arguments: [String]) throws -> String {
            let r = try CLI.run(["merge"] + arguments)
            #expect(r.status == 65, "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
            return r.stderr
        }
        #expect(try refusal([parts[0]]).contains("shards 2/2 are missing"))
        #expect(try refusal([parts[0], parts[0], parts[1]]).contains("is shard 1/2, like"))
        #expect(try refusal(parts + ["--radius-km", "20"]).contains("was made with another model"))
        #expect(try refusal(parts + ["--as-of", "2024-01-01"]).contains("was scored as of"))
        let other = dir.appendingPathComponent("other.csv")
        try Data("id,date,lon,lat,precision\nA,2024-01-01,67,30,1\n".utf8).write(to: other)
        #expect(try refusal(parts + ["--incidents", other.path]).contains("was made from other inputs"))

        let text = try String(contentsOfFile: parts[1], encoding: .utf8)
        let cut = dir.appendingPathComponent("cut.jsonl")
        try Data(text.split(separator: "\n").dropLast().joined(separator: "\n").utf8).write(to: cut)
        #expect(try refusal([parts[0], cut.path]).contains("the file was cut short"))
        let report = dir.appendingPathComponent("report.json")
        try CLI.run(["--format", "json"]).stdout.write(to: report)
        #expect(try refusal([report.path]).contains("is not a CorridorRisk partial result"))
        #expect(try CLI.run(["partial", "--shard", "3/2"]).status == 64)
        #expect(try CLI.run(["partial", "--shard", "0x1/2"]).status == 64)
    }
}
