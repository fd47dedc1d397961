import CorridorRisk

/// Colours and the page's stylesheet.
enum HTMLStyle {
    /// Tier colours: the five-class YlOrRd sequential ramp (ColorBrewer), light and calm for
    /// `minimal` to dark red for `extreme`. It changes monotonically in lightness, so the order
    /// survives the common colour-vision deficiencies and greyscale printing. Lines get a dark
    /// casing on the map so the light end stays visible on the pale background.
    static func color(_ tier: RiskTier) -> String {
        switch tier {
        case .minimal: "#ffffb2"
        case .low: "#fecc5c"
        case .moderate: "#fd8d3c"
        case .high: "#f03b20"
        case .extreme: "#bd0026"
        }
    }

    /// Text colour readable on `color(tier)`.
    static func ink(_ tier: RiskTier) -> String {
        tier >= .high ? "#ffffff" : "#2b2100"
    }

    /// Incident dots: a blue that no tier colour resembles.
    static let incidentFill = "#2f5d9b"
    static let incidentStroke = "#1b3a66"
    /// Outlines of sites, polygons and line casings.
    static let outline = "#2a2f36"

    /// Accounting buckets: used, beyond the radius, future, rejected.
    static let accountingColors = ["#2f5d9b", "#8fb0dd", "#cfd6df", "#6b6b6b"]

    /// The stylesheet. It must stay free of `<`, `>` and `&` so the page is well-formed XML and
    /// reads the same in an HTML parser (where a style element's content is raw text).
    static var css: String {
        var s = """
        :root { --ink: #1d2330; --muted: #5b6472; --rule: #d9dde3; --panel: #f6f7f9; --accent: #2f5d9b; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: #eceff3; color: var(--ink);
          font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; }
        main { max-width: 1240px; margin: 0 auto; background: #ffffff; padding: 28px 36px 24px;
          box-shadow: 0 0 0 1px #dde1e6; }
        h1 { font-size: 27px; line-height: 1.2; margin: 0 0 6px; letter-spacing: -0.01em; }
        h2 { font-size: 19px; margin: 34px 0 10px; padding-bottom: 5px; border-bottom: 2px solid var(--ink); }
        h3 { font-size: 15px; margin: 18px 0 6px; }
        p { margin: 6px 0; }
        a { color: var(--accent); }
        code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
        .muted { color: var(--muted); }
        .small { font-size: 13px; }
        .meta { color: var(--muted); margin: 2px 0; font-size: 14px; }
        .meta b { color: var(--ink); font-weight: 600; }
        nav.toc { margin: 14px 0 0; font-size: 13.5px; }
        nav.toc a { margin-right: 14px; text-decoration: none; }
        nav.toc a:hover { text-decoration: underline; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 10px; margin: 16px 0 4px; }
        .card { background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; padding: 9px 13px; }
        .card .v { font-size: 22px; font-weight: 650; line-height: 1.25; font-variant-numeric: tabular-nums; }
        .card .k { font-size: 12.5px; color: var(--muted); }
        figure.map { margin: 8px 0 0; }
        figure.map svg { display: block; width: 100%; height: auto; border: 1px solid var(--rule); border-radius: 4px; background: #ffffff; }
        figure.map figcaption { font-size: 12.5px; color: var(--muted); margin-top: 6px; }
        svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; }
        .unit:hover polyline, .unit:hover path { stroke-width: 7; }
        .site:hover rect, .site:hover path { stroke-width: 2.6; }
        .inc:hover, .inset-inc:hover { fill-opacity: 0.6; }
        .inset-unit:hover polyline { stroke-width: 7; }
        .tablewrap { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: 13.5px; margin: 6px 0; }
        th, td { padding: 6px 9px; border-bottom: 1px solid #e4e7eb; vertical-align: top; text-align: left; }
        th { background: #eef1f5; font-weight: 600; font-size: 12.5px; color: #333b47; border-bottom: 1px solid #c9ced6; white-space: nowrap; }
        tbody tr:nth-child(even) td { background: #fafbfc; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.nw { white-space: nowrap; }
        td.id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12.5px; white-space: nowrap; }
        td.sum { font-weight: 600; }
        .badge { display: inline-block; min-width: 66px; text-align: center; padding: 1px 8px; border-radius: 10px;
          font-size: 12px; font-weight: 600; border: 1px solid #00000030; white-space: nowrap; }
        .rank { display: inline-block; width: 22px; height: 22px; line-height: 20px; border-radius: 11px; text-align: center;
          border: 1.5px solid var(--ink); font-weight: 700; font-size: 12px; background: #ffffff; }
        table.top tbody tr td { background: transparent; }
        table.top tbody:nth-of-type(even) td { background: #f7f8fa; }
        table.top tr.figures td { border-bottom: none; padding-top: 9px; padding-bottom: 2px; }
        table.top tr.detail td { padding-top: 0; padding-bottom: 9px; border-bottom: 1px solid #e4e7eb; }
        table.top td.score { font-weight: 600; }
        ul.mi { margin: 0; padding: 0; list-style: none; font-size: 13px; color: #3b4350; }
        ul.mi li { margin: 1px 0 0; padding-left: 14px; text-indent: -14px; }
        ul.mi li::before { content: "▸ "; color: #8c96a3; }
        .trend { white-space: nowrap; }
        .up { color: #b4141f; font-weight: 600; }
        .down { color: #1f6f3a; font-weight: 600; }
        .bar { display: block; }
        .stats { display: flex; flex-wrap: wrap; gap: 10px; margin: 8px 0; }
        .stat { background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; padding: 8px 14px; min-width: 120px; }
        .stat .v { font-size: 20px; font-weight: 650; font-variant-numeric: tabular-nums; }
        .stat .k { font-size: 12.5px; color: var(--muted); }
        .keyrow { display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 13px; margin: 6px 0; }
        .sw { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: -1px; margin-right: 5px; border: 1px solid #00000040; }
        .warn { background: #fff8e1; border-left: 4px solid #e0a800; padding: 6px 12px; margin: 4px 0; font-size: 14px; }
        .method p { max-width: 62em; }
        footer { margin-top: 34px; padding-top: 10px; border-top: 1px solid var(--rule); font-size: 13px; color: var(--muted); }
        footer td { font-size: 12.5px; }
        td.hash { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 11.5px; word-break: break-all; }
        @media print {
          body { background: #ffffff; }
          main { box-shadow: none; max-width: none; padding: 0; }
          nav.toc { display: none; }
          h2 { break-after: avoid; }
          tr, figure { break-inside: avoid; }
        }

        """
        for t in RiskTier.allCases {
            s += ".t-\(t.rawValue) { background: \(color(t)); color: \(ink(t)); }\n"
        }
        return s
    }
}
