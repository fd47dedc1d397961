import CorridorRisk

/// The page's stylesheet, from `HTMLStyle`'s table. It must stay free of `<`, `>` and `&` so the
/// page is well-formed XML and reads the same in an HTML parser (where a style element's content
/// is raw text).
enum HTMLStylesheet {
    static var css: String {
        let s = HTMLStyle.self
        var css = """
        :root { --ink: \(s.ink); --muted: \(s.muted); --rule: \(s.rule); --panel: \(s.panel); --accent: \(s.accent); }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: #eceff3; color: var(--ink);
          font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; }
        main { max-width: 1280px; margin: 0 auto; background: #ffffff; padding: 28px 36px 24px; box-shadow: 0 0 0 1px #dde1e6; }
        h1 { font-size: 27px; line-height: 1.2; margin: 0 0 6px; letter-spacing: -0.01em; }
        h2 { font-size: 19px; margin: 34px 0 10px; padding-bottom: 5px; border-bottom: 2px solid var(--ink); }
        h3 { font-size: 15px; margin: 18px 0 6px; }
        p { margin: 6px 0; }
        a { color: var(--accent); }
        code, .mono, td.id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; }
        .muted { color: var(--muted); }
        .small { font-size: 13px; }
        .meta { color: var(--muted); margin: 2px 0; font-size: 14px; }
        .meta b { color: var(--ink); font-weight: 600; }
        nav.toc { margin: 14px 0 0; font-size: 13.5px; }
        nav.toc a { margin-right: 14px; text-decoration: none; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 10px; margin: 16px 0 4px; }
        .card, .stat { background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; padding: 9px 13px; }
        .card .v, .stat .v { font-size: 21px; font-weight: 650; line-height: 1.25; font-variant-numeric: tabular-nums; }
        .card .k, .stat .k { font-size: 12.5px; color: var(--muted); }
        .stats { display: flex; flex-wrap: wrap; gap: 10px; margin: 8px 0; }
        .mapgrid { display: grid; grid-template-columns: minmax(0, 1fr) 250px; gap: 14px; align-items: start; }
        .mapbox { position: relative; border: 1px solid var(--rule); border-radius: 4px; overflow: hidden; background: \(s.sea); }
        .mapbox svg { display: block; width: 100%; height: auto; }
        .mapbox svg:focus { outline: 2px solid var(--accent); outline-offset: -2px; }
        svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; }
        .legend svg { display: block; width: 100%; height: auto; }
        .controls { position: absolute; top: 8px; left: 8px; display: none; flex-direction: column; gap: 4px; }
        .js .controls { display: flex; }
        .controls button { width: 30px; height: 30px; font: 600 17px/1 system-ui, sans-serif; border: 1px solid #9aa3ad;
          border-radius: 4px; background: #ffffff; color: var(--ink); cursor: pointer; }
        .controls button:hover { background: var(--panel); }
        #details { position: absolute; top: 8px; right: 8px; width: 330px; max-height: calc(100% - 16px); overflow: auto;
          background: #ffffff; border: 1px solid #9aa3ad; border-radius: 6px; padding: 10px 12px; font-size: 13px;
          box-shadow: 0 2px 10px #00000026; }
        #details[hidden] { display: none; }
        #details h4 { margin: 0 22px 4px 0; font-size: 14px; }
        #details .close { position: absolute; top: 4px; right: 6px; border: none; background: none; font-size: 18px; cursor: pointer; }
        #details ol { margin: 4px 0 0; padding-left: 18px; }
        .unit, .inc { cursor: pointer; }
        .unit:hover .tier-line, .unit.selected .tier-line { stroke-width: 7; }
        .inc:hover { fill-opacity: 0.65; }
        figcaption { font-size: 12.5px; color: var(--muted); margin-top: 6px; }
        .tablewrap { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: 13.5px; margin: 6px 0; }
        th, td { padding: 6px 9px; border-bottom: 1px solid #e4e7eb; vertical-align: top; text-align: left; }
        th { background: #eef1f5; font-weight: 600; font-size: 12.5px; color: #333b47; border-bottom: 1px solid #c9ced6; white-space: nowrap; }
        tbody tr:nth-child(even) td { background: #fafbfc; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.nw { white-space: nowrap; }
        td.id { font-size: 12.5px; white-space: nowrap; }
        .badge { display: inline-block; min-width: 66px; text-align: center; padding: 1px 8px; border-radius: 10px;
          font-size: 12px; font-weight: 600; border: 1px solid #00000030; white-space: nowrap; }
        .flag { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 11.5px; background: #fff3c4; border: 1px solid #e0b400; }
        .rank { display: inline-block; width: 22px; height: 22px; line-height: 20px; border-radius: 11px; text-align: center;
          border: 1.5px solid var(--ink); font-weight: 700; font-size: 12px; background: #ffffff; }
        table.top tbody td { background: transparent; }
        table.top tbody:nth-of-type(even) td { background: #f7f8fa; }
        table.top tr.figures td { border-bottom: none; padding-top: 9px; padding-bottom: 2px; }
        table.top tr.detail td { padding-top: 0; padding-bottom: 9px; }
        ul.mi { margin: 0; padding: 0; list-style: none; font-size: 13px; color: #3b4350; }
        ul.mi li { margin: 1px 0 0; padding-left: 14px; text-indent: -14px; }
        .up { color: \(s.rising); font-weight: 600; }
        .down { color: \(s.falling); font-weight: 600; }
        .sw { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: -1px; margin-right: 5px; border: 1px solid #00000040; }
        .warn { background: #fff8e1; border-left: 4px solid #e0a800; padding: 6px 12px; margin: 4px 0; font-size: 14px; }
        .method p { max-width: 62em; }
        footer { margin-top: 34px; padding-top: 10px; border-top: 1px solid var(--rule); font-size: 13px; color: var(--muted); }
        td.hash { font-family: ui-monospace, monospace; font-size: 11.5px; word-break: break-all; }
        @media (max-width: 900px) { .mapgrid { grid-template-columns: 1fr; } }
        @page { size: A4; margin: 12mm; }
        @media print {
          body { background: #ffffff; font-size: 11pt; }
          main { box-shadow: none; max-width: none; padding: 0; }
          nav.toc, .controls, #details { display: none !important; }
          .mapgrid { grid-template-columns: minmax(0, 1fr) 200px; }
          h2 { break-after: avoid; }
          tr, figure, .card { break-inside: avoid; }
          .tablewrap { overflow: visible; }
        }

        """
        for t in RiskTier.allCases {
            css += ".t-\(t.rawValue) { background: \(HTMLStyle.color(t)); color: \(HTMLStyle.ink(t)); }\n"
        }
        return css
    }
}
