import Testing
@testable import ReportRendering

@Suite struct MarkdownRendererTests {
    @Test func tableCellsEscapePipesAndFlattenLineBreaks() {
        #expect(MarkdownRenderer.escape("a|b\nc\r\nd") == "a\\|b c  d")
        // A pipe followed by a combining mark is one Character but still a table separator.
        #expect(MarkdownRenderer.escape("x|\u{0301}y") == "x\\|\u{0301}y")
    }
}
