import Foundation
import Testing
import CorridorRisk

/// The library as a user meets it: the README's example, as written, runs and says something true.
@Suite struct LibraryUseTests {
    /// The body of this test is the README's "As a library" example, line for line (checked below).
    static func readmeExample() async throws -> (RiskReport, Data, [String]) {
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }
        // README example begins
        let network = try BundledDataset.infrastructure()
        let incidents = try await BundledDataset.incidents()
        let report = try await RiskScorer().score(infrastructure: network, incidents: [incidents])
        for unit in report.rankedUnits.prefix(3) {
            let top = unit.topIncidents.first
            print(unit.id, unit.tier, unit.trend.direction, top?.incident.date ?? "", top?.incident.description ?? "")
        }
        let json = report.jsonData()
        // README example ends
        return (report, json, printed)
    }

    @Test func theReadmeExampleRunsAsWritten() async throws {
        let (report, json, printed) = try await Self.readmeExample()
        #expect(printed.count == 3)
        #expect(report.rankedUnits.first.map { $0.risk >= report.units.map(\.risk).max()! } == true)
        let top = try #require(report.rankedUnits.first?.topIncidents.first?.incident)
        #expect(top.description?.isEmpty == false && top.source?.isEmpty == false)
        // The JSON records the bundled inputs with their checksums, like a command-line report.
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"path\": \"\(BundledDataset.infrastructureName)\""))
        #expect(text.contains("\"path\": \"\(BundledDataset.incidentsName)\""))
        #expect(report.provenance.inputs.allSatisfy { ($0.sha256?.count ?? 0) == 64 })
    }

    @Test func theReadmeShowsExactlyThisExample() throws {
        let readme = try String(contentsOfFile: FixturePath.root.deletingLastPathComponent().appendingPathComponent("README.md").path,
                                encoding: .utf8)
        let source = try String(contentsOfFile: #filePath, encoding: .utf8)
        func block(_ text: String, from: String, to: String) -> [String] {
            guard let a = text.range(of: from), let b = text.range(of: to, range: a.upperBound..<text.endIndex) else { return [] }
            return text[a.upperBound..<b.lowerBound].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("//") }
        }
        let inReadme = block(readme, from: "import CorridorRisk\n", to: "```")
        let inTest = block(source, from: "// README example begins", to: "// README example ends")
        #expect(!inTest.isEmpty)
        #expect(inReadme.map { $0.components(separatedBy: "  //")[0].trimmingCharacters(in: .whitespaces) } == inTest)
    }

    @Test func rankedUnitsRunFromTheRiskiestDown() async throws {
        let (report, _, _) = try await Self.readmeExample()
        let ranked = report.rankedUnits
        #expect(ranked.count == report.units.count)
        #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.risk > $1.risk || ($0.risk == $1.risk && $0.id < $1.id) })
    }
}
