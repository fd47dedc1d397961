@testable import CorridorRiskGDAL
import GeoFoundation
import Testing
import TestSupport

/// The ways of one route become its lines, independent of their order and direction.
@Suite struct RouteBuilderTests {
    func coordinates(_ ways: [[(lon: Double, lat: Double)]]) -> [[Coordinate]] {
        ways.map { $0.map { Coordinate($0.lon, $0.lat) } }
    }

    @Test func threeHundredWaysOfOneRoadBecomeOneLineAsLongAsTheirSum() throws {
        let ways = coordinates(GDALTestFiles.roadWays(300))
        let parts = try RouteBuilder().merge(ways)
        #expect(parts.count == 1)
        let sum = ways.reduce(0) { $0 + Geodesic.wgs84.length(of: $1) }
        let merged = Geodesic.wgs84.length(of: parts[0])
        #expect(abs(merged - sum) <= 1e-9 * sum, "merged \(merged) m, ways \(sum) m")
        #expect(parts[0].count == 300 * 2 + 1)
        #expect(parts[0].first == ways[0].first, "runs from its western end")
    }

    @Test func shuffledAndReversedWaysGiveTheSameLines() throws {
        let ways = coordinates(GDALTestFiles.roadWays(120))
        var rng = SplitMix64(seed: 7)
        var shuffled = ways.shuffled(using: &rng)
        for i in shuffled.indices where rng.below(2) == 0 { shuffled[i].reverse() }
        #expect(try RouteBuilder().merge(shuffled) == RouteBuilder().merge(ways))
    }

    @Test func aGapLeavesTwoPiecesLongestFirst() throws {
        var ways = coordinates(GDALTestFiles.roadWays(30))
        ways.remove(at: 10)   // ways 0-9 and 11-29: the second piece is longer
        let parts = try RouteBuilder().merge(ways)
        #expect(parts.count == 2)
        #expect(Geodesic.wgs84.length(of: parts[0]) > Geodesic.wgs84.length(of: parts[1]))
        #expect(parts[1].first == ways[0].first)
    }

    @Test func aBranchLeavesThreeLinesInAFixedOrder() throws {
        let main = coordinates(GDALTestFiles.roadWays(20))
        let junction = main[9].last!
        let spur = [junction, Coordinate(junction.x + 0.002, junction.y - 0.004), Coordinate(junction.x + 0.003, junction.y - 0.009)]
        let parts = try RouteBuilder().merge(main + [spur])
        // The line merger stops at the junction (three ways meet): two halves of the main road and the spur.
        #expect(parts.count == 3)
        let lengths = parts.map { Geodesic.wgs84.length(of: $0) }
        #expect(lengths == lengths.sorted(by: >))
        #expect(try RouteBuilder().merge(([spur] + main).reversed()) == parts)
        for p in parts { #expect(!RouteBuilder.precedes(p[p.count - 1], p[0]), "each runs west to east") }
    }
}
