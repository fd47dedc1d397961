import Testing
@testable import ReportRendering
@testable import CorridorRisk

@Suite struct TextRendererTests {
    static func text(color: Bool = false) -> String {
        String(decoding: ReportRenderer.render(SampleReport.input(color: color), as: .text), as: UTF8.self)
    }

    @Test func theTerminalReportNamesTheTopUnitItsIncidentsAndTheAccounting() {
        let t = Self.text()
        #expect(t.hasPrefix("Sample  —  as of 2024-12-31\n"))
        #expect(t.contains("  1. R#1  0.0–10.0 km  score 27.8 low  trend rising ↑  2 incidents"))
        #expect(t.contains("· X1 (67%, 4.5 km, 30 d): Bomb on the track, near \"km 4\""))
        #expect(t.contains("incidents: read 3 = rejected 1 + future 0 + beyond 25 km 0 + used 2"))
        #expect(t.contains("in.csv:4 [X3]: latitude 95 is outside [-90, 90]"))
        #expect(t.contains("warning: a warning"))
        #expect(!t.contains("\u{1B}["))
    }

    @Test func colourIsOnlyUsedWhenAsked() {
        let t = Self.text(color: true)
        #expect(t.contains("\u{1B}[36mlow\u{1B}[0m"))
    }

    @Test func markdownHasTheSameTopUnit() {
        let md = String(decoding: ReportRenderer.render(SampleReport.input(), as: .markdown), as: UTF8.self)
        #expect(md.contains("| 1 | `R#1` | Rail, main line | 0.0–10.0 km | 27.8 | low | rising ↑ |"))
        #expect(md.contains("| in.csv | 4 | X3 | latitude 95 is outside [-90, 90] |"))
    }
}
