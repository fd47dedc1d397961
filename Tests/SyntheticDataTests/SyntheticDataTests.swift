import Testing
import CorridorRisk
@testable import SyntheticData

@Suite struct SyntheticDataTests {
    func csv(_ count: Int, seed: UInt64, network: SyntheticNetwork) -> [UInt8] {
        var out: [UInt8] = []
        SyntheticACLED(network: network, seed: seed).write(count: count) { out += $0 }
        return out
    }

    @Test func theSameSeedGivesTheSameBytes() {
        let a = SyntheticNetwork(lengthKm: 800, seed: 4), b = SyntheticNetwork(lengthKm: 800, seed: 4)
        #expect(a.geoJSON == b.geoJSON)
        #expect(csv(3_000, seed: 4, network: a) == csv(3_000, seed: 4, network: b))
        #expect(csv(3_000, seed: 5, network: a) != csv(3_000, seed: 4, network: a))
    }

    @Test func theNetworkHasAboutTheRequestedLength() throws {
        let n = SyntheticNetwork(lengthKm: 2_000, seed: 1)
        #expect(n.lengthKm >= 2_000 && n.lengthKm < 2_600)
        let infrastructure = try InfrastructureReader.read(bytes: Array(n.geoJSON.utf8), name: "synthetic.geojson")
        #expect(infrastructure.assets.filter { $0.kind.isLinear }.count == n.lineCount)
        #expect(infrastructure.assets.contains { if case .polygon = $0.geometry { true } else { false } })
    }

    @Test func theIncidentsAreACLEDThatReadsWithoutRejections() async throws {
        let network = SyntheticNetwork(lengthKm: 1_000, seed: 2)
        let bytes = csv(5_000, seed: 2, network: network)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\"\"") && text.contains(",\"On "))  // quoted notes with quotes
        let set = try await IncidentReader.read(bytes: bytes, name: "synthetic.csv")
        #expect(set.format == .acled)
        #expect(set.read == 5_000 && set.rejected.isEmpty)
        // Both ACLED date spellings, several categories, and a long tail of fatalities.
        #expect(text.contains(" January ") || text.contains(" March "))
        #expect(Set(set.incidents.map(\.category)).count >= 7)
        #expect(set.incidents.map(\.fatalities).max()! >= 10)
    }
}
