import Testing
import Foundation
@testable import CorridorRisk

/// Shards, partial results and the merge, in memory: slices cover every unit once, a part reads
/// back to the same bytes, and merged parts are the report of one run, in any order.
@Suite struct ShardingTests {
    @Test func shardsParseOnlyKOfN() {
        #expect(Shard("2/7") == Shard(index: 2, count: 7))
        for bad in ["0/3", "4/3", "1/0", "-1/3", "1/3/4", "a/3", "1/", "/3", "", "0x1/2", "+1/2", " 1/2", "١/٢"] {
            #expect(Shard(bad) == nil, "\(bad)")
        }
    }

    @Test(arguments: [0, 1, 5, 529, 1_000_003])
    func theSlicesCoverEveryUnitOnceInOrder(total: Int) throws {
        for n in [1, 2, 3, 7, 64] {
            var next = 0
            for k in 1...n {
                let range = try #require(Shard(index: k, count: n)).units(of: total)
                #expect(range.lowerBound == next)
                next = range.upperBound
            }
            #expect(next == total)
        }
    }

    func bundled() async throws -> (Infrastructure, [IncidentSet]) {
        (try BundledDataset.infrastructure(), [try await BundledDataset.incidents()])
    }

    @Test func aPartReadsBackToTheSameBytes() async throws {
        let (network, sets) = try await bundled()
        let part = try await RiskScorer().partial(infrastructure: network, incidents: sets, shard: Shard("2/3")!)
        let bytes = part.jsonLines()
        let again = try PartialResult(jsonLines: bytes, file: "p.jsonl")
        #expect(again.jsonLines() == bytes)
        #expect(again.shard == Shard("2/3") && again.units == Shard("2/3")!.units(of: part.unitCount))
        #expect(!again.totals.isEmpty && !again.reached.isEmpty)
    }

    @Test func mergedPartsAreTheReportOfOneRunInAnyOrder() async throws {
        let (network, sets) = try await bundled()
        let whole = try await RiskScorer().score(infrastructure: network, incidents: sets).jsonData()
        for n in [1, 4] {
            var parts: [PartialResult] = []
            for k in 1...n {
                parts.append(try await RiskScorer(parallelism: 1).partial(infrastructure: network, incidents: sets,
                                                                         shard: Shard(index: k, count: n)!))
            }
            let merged = try await RiskScorer().merge(parts.reversed(), infrastructure: network, incidents: sets)
            #expect(merged.jsonData() == whole, "\(n) shards")
        }
    }

    @Test func aPartOfAnotherModelOrAMissingShardIsRefused() async throws {
        let (network, sets) = try await bundled()
        let one = try await RiskScorer().partial(infrastructure: network, incidents: sets, shard: Shard("1/2")!)
        let two = try await RiskScorer().partial(infrastructure: network, incidents: sets, shard: Shard("2/2")!)
        await #expect(throws: InputError.self) { _ = try await RiskScorer().merge([one], infrastructure: network, incidents: sets) }
        await #expect(throws: InputError.self) { _ = try await RiskScorer().merge([one, one, two], infrastructure: network, incidents: sets) }
        var other = ModelParameters()
        other.radiusKm = 20
        await #expect(throws: InputError.self) {
            _ = try await RiskScorer(parameters: other).merge([one, two], infrastructure: network, incidents: sets)
        }
        let lines = one.jsonLines().split(separator: 0x0A)
        let cut = Array(lines.dropLast().joined(separator: [0x0A]))
        #expect(throws: InputError.self) { try PartialResult(jsonLines: cut, file: "cut.jsonl") }
    }
}
