import Testing
@testable import ReportRendering
@testable import CorridorRisk

@Suite struct TextRendererTests {
    static func text(color: Bool = false, unicode: Bool = true) -> String {
        var input = SampleReport.input(color: color)
        input.unicode = unicode
        return String(decoding: ReportRenderer.render(input, as: .text), as: UTF8.self)
    }

    @Test func theTerminalReportNamesTheTopUnitWhereItIsAndHowSureWeAre() {
        let t = Self.text()
        #expect(t.hasPrefix("Sample  —  as of 2024-12-31\n"))
        #expect(t.contains("  1. R#1  km 0–10, between Sibi and Mach\n     Rail, main line\n"))
        #expect(t.contains("     score 27.8 low  smoothed 24.0 [11.8–36.2]  low data\n"))
        #expect(t.contains("     trend rising ↑  history ▃▄█  2 incidents, ≈1.8 effective, the top one 67 %\n"))
        #expect(t.contains("· X1 (67%, 4.5 km, 30 d): Bomb on the track, near \"km 4\""))
        #expect(t.contains("incidents: read 4 = rejected 1 + future 0 + excluded 1 + beyond reach 0 + used 2"))
        #expect(t.contains("in.csv line 4 [X3]: latitude 95 is outside [-90, 90]"))
        #expect(t.contains("R#1  km 0–10, between Sibi and Mach  z 2.50  p 0.012  bin +2  FDR bin +1"))
        #expect(t.contains("warning: a warning"))
        #expect(!t.contains("\u{1B}["))
    }

    @Test func sparklinesFallBackToASCII() {
        #expect(Self.text(unicode: false).contains("history -~#"))
        #expect(ReportDigest.sparkline([0, 1, 2, 4, 8], unicode: true) == "▁▂▃▅█")
    }

    @Test func colourIsOnlyUsedWhenAsked() {
        let t = Self.text(color: true)
        #expect(t.contains("\u{1B}[36m27.8 low\u{1B}[0m"))
    }

    @Test func controlCharactersFromTheDataAreShownNotObeyed() {
        var input = SampleReport.input()
        input.report.units[0].assetName = "Rail\u{1B}[31m red\u{0}"
        input.report.warnings = ["line one\nline two\u{9B}"]
        let t = String(decoding: ReportRenderer.render(input, as: .text), as: UTF8.self)
        #expect(t.contains("Rail\\u{1B}[31m red\\u{0}"))
        #expect(t.contains("warning: line one line two\\u{9B}"))
        #expect(!t.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0 || $0.value == 0x9B })
        let md = String(decoding: ReportRenderer.render(input, as: .markdown), as: UTF8.self)
        #expect(!md.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0 })
    }

    @Test func markdownHasTheSameTopUnit() {
        let md = String(decoding: ReportRenderer.render(SampleReport.input(), as: .markdown), as: UTF8.self)
        #expect(md.contains("| 1 | `R#1`<br>Rail, main line | km 0–10, between Sibi and Mach | 27.8 low<br>*low data* | 24.0 [11.8–36.2] | rising ↑ | ▃▄█ |"))
        #expect(md.contains("| in.csv | line 4 | X3 | latitude 95 is outside [-90, 90] |"))
        #expect(md.contains("| `R#1` | km 0–10, between Sibi and Mach | 3.25 | 2.50 | 0.012 | +2 | +1 |"))
    }
}
