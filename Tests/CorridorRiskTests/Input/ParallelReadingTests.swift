import Testing
import Foundation
@testable import CorridorRisk

/// A large CSV read in one piece and in many gives the same incidents, lines and rejections.
@Suite struct ParallelReadingTests {
    /// About 4 MB of native CSV with quoted line breaks, commas and some bad rows.
    static let bigCSV: String = {
        var s = "id,date,lon,lat,precision,category,target,fatalities,injured,hostages,description\n"
        for i in 0..<40_000 {
            let lon = 60 + Double(i % 997) / 100, lat = 24 + Double(i % 1009) / 100
            let description: String
            switch i % 7 {
            case 0: description = "\"a note, with a comma\nand a second line\""
            case 1: description = "\"quoted \"\"words\"\" here\""
            default: description = "plain text \(i)"
            }
            let precision = i % 101 == 0 ? "9" : String(i % 3 + 1)  // every 101st row is rejected
            let id = i % 211 == 0 && i > 0 ? "E\(i - 1)" : "E\(i)"  // some duplicates
            s += "\(id),2020-01-\(10 + i % 18),\(lon),\(lat),\(precision),bombing,rail,\(i % 4),0,0,\(description)\n"
        }
        return s
    }()

    @Test func oneAndManyPiecesAgree() async throws {
        let one = try await incidents(Self.bigCSV, parallelism: 1)
        let many = try await incidents(Self.bigCSV, parallelism: 7)
        #expect(one.read == 40_000)
        #expect(one.incidents == many.incidents)
        #expect(one.lines == many.lines)
        #expect(one.rejected == many.rejected)
        #expect(one.read == many.read)
        #expect(one.incidents.count + one.rejected.count == one.read)
        // Each record is two physical lines when its note has a line break.
        let second = try #require(one.incidents.first { $0.id == "E1" })
        #expect(one.lines[one.incidents.firstIndex(of: second)!] == 4)
    }

    @Test func misleadingQuotesFallBackToACorrectRead() async throws {
        // A stray quote in an unquoted field breaks quote parity for the splitter;
        // the verified chain must still produce what a single piece produces.
        var text = Self.bigCSV
        text = text.replacingOccurrences(of: "plain text 1000\n", with: "plain \"text 1000\n")
        let one = try await incidents(text, parallelism: 1)
        let many = try await incidents(text, parallelism: 5)
        #expect(one.incidents == many.incidents)
        #expect(one.rejected == many.rejected)
    }
}
