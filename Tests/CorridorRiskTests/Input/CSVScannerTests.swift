import Testing
@testable import CorridorRisk
import Platform

/// RFC 4180 corner cases, read through the scanner every CSV reader uses.
@Suite struct CSVScannerTests {
    /// Every record as (line, fields) for a CSV text.
    func records(_ text: String) -> [(line: Int, fields: [String], unterminated: Bool, stray: Bool)] {
        ByteBuffer(Array(text.utf8)).withBytes { bytes in
            var scanner = CSVScanner(bytes: bytes)
            var record = CSVRecord()
            var out: [(Int, [String], Bool, Bool)] = []
            while scanner.next(into: &record) {
                out.append((record.line, record.fields.map { scanner.string($0) }, record.unterminatedQuote, record.strayQuote))
            }
            return out
        }
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() {
        let r = records("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,row,here\n")
        #expect(r.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["last", "row", "here"]])
        // The record after a two-line field starts on physical line 4.
        #expect(r.map(\.line) == [1, 2, 4])
    }

    @Test func crlfAndLfBothEndRecordsAndAFinalBreakIsOptional() {
        #expect(records("a,b\r\n1,2\r\n3,4").map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(records("a,b\n1,2\n").map(\.fields) == [["a", "b"], ["1", "2"]])
        // A CR inside a quoted field is content.
        #expect(records("a\r\n\"x\r\ny\"\r\n").map(\.fields) == [["a"], ["x\r\ny"]])
    }

    @Test func blankLinesAreSkippedButCounted() {
        let r = records("h\n\n1\n\r\n2\n")
        #expect(r.map(\.fields) == [["h"], ["1"], ["2"]])
        #expect(r.map(\.line) == [1, 3, 5])
    }

    @Test func emptyFieldsAreKept() {
        #expect(records(",,\n\"\",x,\n").map(\.fields) == [["", "", ""], ["", "x", ""]])
    }

    @Test func anUnterminatedQuoteIsFlaggedNotLooped() {
        let r = records("a,b\n1,\"never closed\n2,3\n")
        #expect(r.count == 2)
        #expect(r[1].unterminated)
    }

    @Test func textAfterAClosingQuoteIsFlagged() {
        let r = records("\"ab\"c,d\n")
        #expect(r[0].stray)
        #expect(r[0].fields[1] == "d")
    }

    @Test func theByteOrderMarkIsNotPartOfTheFirstColumn() async throws {
        let set = try await incidents("\u{FEFF}id,date,lon,lat,precision\nA,2024-01-01,67,30,1\n")
        #expect(set.format == .native)
        #expect(set.incidents.map(\.id) == ["A"])
    }
}
