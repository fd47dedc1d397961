import Testing
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import ReportRendering
import CorridorRisk

/// The HTML page, rendered from reports the real library computes on small in-memory datasets.
@Suite struct HTMLRendererTests {
    static let hostile = #"<script>alert(1)</script> & "quoted" 'single'"#

    /// The spec's worked example (rail R, port P), plus a polygon site, hostile strings in an asset
    /// name, an incident description and a rejected record, and an incident dated after as-of.
    static let infrastructureText = #"""
    {"type": "FeatureCollection", "features": [
      {"type": "Feature", "properties": {"id": "R", "kind": "rail", "name": "Rail <script>alert(1)</script> & \"quoted\" 'single'",
        "corridors": ["Example <corridor> & co"]},
       "geometry": {"type": "LineString", "coordinates": [[67.0, 30.0], [67.0, 30.3]]}},
      {"type": "Feature", "properties": {"id": "P", "kind": "port", "cpec": true, "criticality": 2},
       "geometry": {"type": "Point", "coordinates": [67.1, 30.1]}},
      {"type": "Feature", "properties": {"id": "G", "kind": "mine", "name": "Big mine"},
       "geometry": {"type": "Polygon", "coordinates": [[[66.8, 30.05], [66.9, 30.05], [66.9, 30.15], [66.8, 30.15], [66.8, 30.05]]]}}
    ]}
    """#

    static let incidentsText = #"""
    id,date,lon,lat,precision,category,target,fatalities,injured,hostages,description
    X1,2024-01-01,67.1,30.05,2,bombing,rail,2,3,0,"Bomb <script>alert(1)</script> & ""quoted"" 'single'"
    X2,2024-12-01,67.05,30.25,1,hijacking,rail;foreignNationals,5,0,100,Train hijacked
    FUTURE1,2025-06-01,67.02,30.2,1,bombing,rail,9,9,0,After the as-of date
    <bad>&id,2024-05-05,67.0,95.0,1,bombing,rail,0,0,0,latitude out of range
    """#

    static func report(incidents text: String = incidentsText, top: Int = 10) async throws -> RenderInput {
        let infra = try InfrastructureReader.read(bytes: Array(infrastructureText.utf8), name: "infra <test>.geojson")
        let set = try await IncidentReader.read(bytes: Array(text.utf8), name: "incidents & co.csv", parallelism: 2)
        let report = try await RiskScorer(parallelism: 2)
            .score(infrastructure: infra, incidents: [set], asOf: CalendarDay(iso: "2024-12-31"))
        return RenderInput(report: report, incidents: set.incidents, title: "Test <report> & more", top: top)
    }

    static func page(_ options: HTMLRenderer.Options = .init(), top: Int = 10) async throws -> String {
        HTMLRenderer.render(try await report(top: top), options: options)
    }

    // MARK: - Well-formedness and structure

    @Test func thePageIsWellFormedXML() async throws {
        let html = try await Self.page()
        let doc = try XMLDocumentSummary(html)
        #expect(doc.root == "html")
        #expect(doc.rootNamespace == "http://www.w3.org/1999/xhtml")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\""))
        #expect(html.contains("<meta charset=\"utf-8\"/>"))
        #expect(!html.contains("&nbsp;"))
    }

    @Test func theSummaryParserRejectsMalformedMarkup() {
        for bad in ["<html><p>open</html>", "<a><b></a>", "<a>&nbsp;</a>", "<a>x & y</a>", "<a x=1/>", "<a></a><b/>"] {
            #expect(throws: XMLDocumentSummary.Malformed.self, "\(bad)") { try XMLDocumentSummary(bad) }
        }
        #expect(throws: Never.self) { try XMLDocumentSummary("<!DOCTYPE html>\n<a>ok &amp; &#39;fine&#39;</a>") }
    }

    @Test func everySectionIsThereInOrder() async throws {
        let html = try await Self.page()
        let anchors = ["<header>", "id=\"map-svg\"", "class=\"legend\"", "id=\"corridors\"", "id=\"top-units\"", "id=\"hot-spots\"",
                       "id=\"trends\"", "id=\"incidents\"", "id=\"warnings\"", "id=\"method\"", "id=\"provenance\"", "<script>"]
        var last = html.startIndex
        for a in anchors {
            let r = try #require(html.range(of: a, range: last..<html.endIndex), "\(a) missing or out of order")
            last = r.upperBound
        }
        #expect(html.contains("2024-12-31"))
        #expect(html.contains("read 4 = rejected 1 + future 1 + excluded 0 + beyond reach 0 + used 2"))
    }

    /// The one script is the page's own: inline, in a CDATA section (the page stays well-formed
    /// XML), no markup strings, nothing fetched.
    @Test func theOnlyScriptIsInlineAndSafeForBothParsers() async throws {
        let html = try await Self.page()
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(html.contains("<script>//<![CDATA[\n"))
        #expect(html.contains("\n//]]></script>"))
        #expect(!MapScript.source.contains("]]>") && !MapScript.source.contains("</"))
        #expect(!MapScript.source.contains("innerHTML") && !MapScript.source.contains("fetch(") && !MapScript.source.contains("eval("))
        #expect(!html.contains("<script src"))
    }

    // MARK: - The map

    @Test func theMapHasOneElementPerUnitWithItsIdInATitle() async throws {
        let input = try await Self.report()
        let doc = try XMLDocumentSummary(HTMLRenderer.render(input))
        #expect(doc.svgCount >= 2)
        let ids = input.report.units.map(\.id)
        #expect(ids == ["R#1", "R#2", "R#3", "P", "G"])
        #expect(doc.units.map(\.id).sorted() == ids.sorted(), "one map element per unit")
        for unit in doc.units {
            #expect(unit.title.hasPrefix(unit.id + " — "), "tooltip of \(unit.id): \(unit.title)")
            #expect(unit.title.contains("score "))
        }
        let r2 = try #require(doc.units.first { $0.id == "R#2" })
        #expect(r2.title.contains("km 10–20"))
        #expect(r2.title.contains("extreme"))
        #expect(r2.title.contains("main incident: X2"))
        #expect(r2.title.contains(Self.hostile), "the asset name, unescaped by the parser")
        #expect(doc.units.first { $0.id == "P" }?.shapes == ["rect"], "a point site is a square")
        #expect(doc.units.first { $0.id == "G" }?.shapes == ["path"], "a visible polygon is filled")
        #expect(doc.units.first { $0.id == "R#1" }?.shapes.allSatisfy { $0 == "polyline" } == true)
    }

    @Test func everyUnitAndDotCarriesItsDetailsAsJSON() async throws {
        let html = try await Self.page()
        let doc = try XMLDocumentSummary(html)
        #expect(doc.infos.count == 5 + 2)
        for info in doc.infos {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(info.utf8)) as? [String: Any])
            #expect(["unit", "incident"].contains(object["kind"] as? String))
        }
        let r2 = try #require(doc.infos.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .first { $0["id"] as? String == "R#2" })
        #expect((r2["top"] as? [[String: Any]])?.first?["id"] as? String == "X2")
        #expect((r2["history"] as? [Double])?.count == 12)
        #expect(r2["place"] as? String == "km 10–20")
    }

    @Test func higherTiersAreDrawnOnTop() async throws {
        let input = try await Self.report()
        let doc = try XMLDocumentSummary(HTMLRenderer.render(input))
        let tiers = Dictionary(uniqueKeysWithValues: input.report.units.map { ($0.id, $0.tier) })
        let segments = doc.units.filter { $0.id.hasPrefix("R#") }.map { tiers[$0.id]! }
        #expect(segments == segments.sorted())
    }

    @Test func theMapHasALegendScaleBarNorthArrowGraticuleAndControls() async throws {
        let html = try await Self.page()
        #expect(html.contains("class=\"legend\""))
        #expect(html.contains(">Risk tier</text>"))
        for tier in RiskTier.allCases { #expect(html.contains(">\(tier.rawValue)</text>")) }
        #expect(html.contains(">80–100</text>"), "tier score ranges from the tier bounds")
        #expect(html.contains("id=\"scale-bar\""))
        #expect(html.contains(">km</text>"))
        #expect(html.contains("class=\"north-arrow\""))
        #expect(html.contains("°N</text>") && html.contains("°E</text>"))
        #expect(html.contains("class=\"rank-labels\""))
        #expect(html.contains("id=\"zoom-in\"") && html.contains("id=\"zoom-out\"") && html.contains("id=\"zoom-reset\""))
        #expect(html.contains("<aside id=\"details\" hidden=\"hidden\""), "the panel waits for the script")
        #expect(html.contains("@page { size: A4"))
    }

    @Test func theScaleBarIsTrueAtTheMapsLatitude() throws {
        let env = Envelope(minX: 66, minY: 59, maxX: 68, maxY: 61)
        let frame = MapFrame(fitting: env, padKm: 25, x0: 0, y0: 0, width: 700, minHeight: 420, maxHeight: 860)
        // One degree of longitude at 60°N is half a degree of latitude: 55.6 km.
        let unitsPerLonDegree = frame.x(68) - frame.x(67)
        #expect(abs(unitsPerLonDegree * frame.kmPerUnit - 111.195 * 0.5) < 0.01)
        let unitsPerLatDegree = frame.y(60) - frame.y(61)
        #expect(abs(unitsPerLatDegree * frame.kmPerUnit - 111.195) < 0.01)
        let km = frame.scaleBarKm()
        #expect([1.0, 2, 5, 10, 20, 50, 100, 200, 500].contains(km))
        #expect(km / frame.kmPerUnit <= 0.2 * frame.width && km / frame.kmPerUnit > 0.04 * frame.width)
    }

    @Test func incidentsAfterAsOfAreNotDrawnAndTheCountsAddUp() async throws {
        let doc = try XMLDocumentSummary(try await Self.page())
        #expect(doc.dots.count == 2)
        #expect(doc.dots.contains { $0.hasPrefix("X1 · 2024-01-01") })
        #expect(doc.dots.contains { $0.hasPrefix("X2 · 2024-12-01") })
        #expect(!doc.dots.contains { $0.contains("FUTURE1") })
        #expect(doc.text.contains("2 scored: 2 reached a unit, 0 none"))
        #expect(doc.text.contains("2 drawn"))
        #expect(doc.text.contains("not drawn: 1 future, 0 excluded, 1 rejected"))
        #expect(doc.text.contains("(of 4 read)"))
    }

    @Test func theDotCapKeepsTheMostSevere() async throws {
        let doc = try XMLDocumentSummary(try await Self.page(.init(maxIncidentDots: 1)))
        #expect(doc.dots.count == 1)
        #expect(doc.dots.first?.hasPrefix("X2 ") == true, "X2 has more casualties than X1")
        #expect(doc.text.contains("1 drawn (the most severe of 2 in view)"))
    }

    @Test func theDefaultCapIs2000DotsChosenDeterministically() async throws {
        // 2100 incidents near the rail line: 100 with casualties, 2000 without (ties broken by id).
        var csv = "id,date,lon,lat,precision,category,target,fatalities,injured,hostages\n"
        for k in 0..<2100 {
            let id = "N" + String(k + 10000)
            let lat = 30.0 + Double(k % 300) / 1000
            let fatalities = k < 100 ? k + 1 : 0
            csv += "\(id),2024-06-01,67.01,\(lat),1,armedClash,road,\(fatalities),0,0\n"
        }
        let input = try await Self.report(incidents: csv)
        let html = HTMLRenderer.render(input)
        let doc = try XMLDocumentSummary(html)
        #expect(doc.dots.count == 2000)
        #expect(doc.text.contains("2000 drawn (the most severe of 2100 in view)"))
        let drawn = Set(doc.dots.map { String($0.prefix { $0 != " " }) })
        #expect(drawn.contains("N10099"), "the most severe is kept")
        #expect(drawn.contains("N10100") && drawn.contains("N11999"), "zero-casualty ties: smallest ids first")
        #expect(!drawn.contains("N12000") && !drawn.contains("N12099"))
        #expect(html.utf8.count < 2_000_000)
        #expect(HTMLRenderer.render(input) == html)
    }

    @Test func lowDataUnitsAndHotSpotsAreMarked() async throws {
        let input = try await Self.report()
        let html = HTMLRenderer.render(input)
        // Every unit here rests on 2 incidents: the ones above minimal are drawn as low data.
        let lowData = input.report.units.filter { $0.lowData && $0.tier > .minimal }
        #expect(!lowData.isEmpty)
        #expect(html.components(separatedBy: "class=\"unit low-data\"").count - 1 == lowData.count)
        #expect(html.contains("<span class=\"flag\">low data</span>"))
        #expect(html.contains("class=\"interval\""), "the smoothed score's interval bar")
        #expect(html.contains("class=\"spark\""), "the history sparkline")
    }

    @Test func reportsWithoutIncidentsOrUnitsStillGiveAWellFormedPage() async throws {
        let infra = try InfrastructureReader.read(bytes: Array(Self.infrastructureText.utf8), name: "infra.geojson")
        let none = try await IncidentReader.read(bytes: Array("id,date,lon,lat,precision,category\n".utf8), name: "none.csv")
        let quiet = try await RiskScorer(parallelism: 1).score(infrastructure: infra, incidents: [none])
        #expect(quiet.asOf == nil)
        let page = HTMLRenderer.render(RenderInput(report: quiet))
        _ = try XMLDocumentSummary(page)
        #expect(page.contains("<svg"))
        #expect(page.contains("No unit has any exposure."))

        let empty = RiskReport(asOf: nil, parameters: .defaults,
                               incidents: IncidentAccounting(read: 0, rejected: 0, future: 0, excluded: 0, beyondRadius: 0, used: 0),
                               rejected: [], units: [], corridors: [], warnings: ["a <warning> & more"], provenance: Provenance())
        let emptyPage = HTMLRenderer.render(RenderInput(report: empty))
        _ = try XMLDocumentSummary(emptyPage)
        #expect(emptyPage.contains("There is no unit to map."))
        #expect(emptyPage.contains("a &lt;warning&gt; &amp; more"))
    }

    @Test func rejectedRecordsAreListedUpTo100() async throws {
        var csv = "id,date,lon,lat,precision,category\n"
        for k in 0..<130 { csv += "B\(k),2024-01-01,67.0,95.0,1,bombing\n" }
        let html = HTMLRenderer.render(try await Self.report(incidents: csv))
        _ = try XMLDocumentSummary(html)
        #expect(html.contains("<td class=\"id\">B99</td>"))
        #expect(!html.contains("<td class=\"id\">B100</td>"))
        #expect(html.contains("… and 30 more rejected records"))
    }

    // MARK: - Safety and determinism

    @Test func dataStringsAreEscaped() async throws {
        let html = try await Self.page()
        #expect(html.components(separatedBy: "<script").count == 2, "no script element from data")
        #expect(!html.contains("alert(1)</script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39;"))
        #expect(html.contains("Test &lt;report&gt; &amp; more"))
        #expect(html.contains("Example &lt;corridor&gt; &amp; co"))
        #expect(html.contains("&lt;bad&gt;&amp;id"), "a rejected record's id")
        #expect(html.contains("incidents &amp; co.csv"), "a rejected record's file")
        let doc = try XMLDocumentSummary(html)
        #expect(doc.text.contains("Bomb " + Self.hostile), "the description excerpt of a main incident")
    }

    @Test func escapingCoversTheFiveCharactersAndForbiddenControls() {
        #expect(HTMLWriter.escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;")
        #expect(HTMLWriter.escape("plain text — ünïcode") == "plain text — ünïcode")
        #expect(HTMLWriter.escape("bell\u{07}tab\tline\n") == "bell\u{FFFD}tab\tline\n")
    }

    @Test func theOutputIsIdenticalOnTwoRenders() async throws {
        let input = try await Self.report()
        #expect(HTMLRenderer.render(input) == HTMLRenderer.render(input))
        #expect(ReportRenderer.render(input, as: .html) == Array(HTMLRenderer.render(input).utf8))
    }

    @Test func nothingIsLoadedFromTheNetwork() async throws {
        let html = try await Self.page()
        let doc = try XMLDocumentSummary(html)
        #expect(doc.resourceAttributes.isEmpty, "no src, no external href: \(doc.resourceAttributes)")
        #expect(!html.contains("@import"))
        #expect(!html.lowercased().contains("url(http"))
        for element in ["link", "img", "iframe", "object", "embed", "image", "use"] {
            #expect(!doc.elements.contains(element), "<\(element)>")
        }
    }

    @Test func theCorridorAndTopUnitTablesAreFilled() async throws {
        let input = try await Self.report(top: 3)
        let html = HTMLRenderer.render(input)
        #expect(html.contains("Top 3 units by risk"))
        #expect(html.contains("<div class=\"id\">P</div>"))
        #expect(html.contains("rising ↑"))
        #expect(html.contains("class=\"badge t-extreme\""))
        #expect(html.contains("33.3"), "the corridor's length")
    }
}

/// What the tests need from a page, read with Foundation's XML parser (which fails on anything
/// that is not well-formed).
final class XMLDocumentSummary: NSObject, XMLParserDelegate {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    struct Unit {
        var id: String
        var title = ""
        var shapes: [String] = []
    }

    private(set) var root: String?
    private(set) var rootNamespace: String?
    private(set) var elements: Set<String> = []
    private(set) var svgCount = 0
    private(set) var units: [Unit] = []
    /// Tooltips of the incident dots.
    private(set) var dots: [String] = []
    /// The `data-info` JSON of every map element that has one.
    private(set) var infos: [String] = []
    /// All character data.
    private(set) var text = ""
    /// `src` attributes and `href`s that do not point inside the page.
    private(set) var resourceAttributes: [String] = []

    private var errors: [String] = []
    private var stack: [String] = []
    private var unitDepth: Int?
    private var dotDepth: Int?
    private var titleText: String?

    init(_ markup: String) throws {
        super.init()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = self
        // swift-corelibs-foundation's `parse()` returns true for some errors it meets at the end
        // of the document (a mismatched or unclosed tag), so errors reported on the way count too.
        let ok = parser.parse()
        guard ok, errors.isEmpty, parser.parserError == nil else {
            throw Malformed(description: "\(errors + [parser.parserError.map { "\($0)" } ?? ""]) at line \(parser.lineNumber)")
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        errors.append("\(parseError) at line \(parser.lineNumber)")
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if root == nil {
            root = name
            rootNamespace = attributes["xmlns"]
        }
        elements.insert(name)
        if name == "svg" { svgCount += 1 }
        if let src = attributes["src"] { resourceAttributes.append("src=" + src) }
        for key in ["href", "xlink:href"] {
            if let href = attributes[key], !href.hasPrefix("#") { resourceAttributes.append("\(key)=" + href) }
        }
        if let info = attributes["data-info"] { infos.append(info) }
        let classes = (attributes["class"] ?? "").split(separator: " ")
        if classes.contains("unit"), let id = attributes["data-unit"] {
            units.append(Unit(id: id))
            unitDepth = stack.count
        } else if classes.contains("inc") {
            dots.append("")
            dotDepth = stack.count
        } else if let d = unitDepth, stack.count > d, name != "title" {
            units[units.count - 1].shapes.append(name)
        }
        if name == "title" { titleText = "" }
        stack.append(name)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
        if titleText != nil { titleText! += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
        if name == "title", let t = titleText {
            if let d = unitDepth, stack.count == d + 1 { units[units.count - 1].title = t }
            if let d = dotDepth, stack.count == d + 1 { dots[dots.count - 1] = t }
            titleText = nil
        }
        if unitDepth == stack.count { unitDepth = nil }
        if dotDepth == stack.count { dotDepth = nil }
    }
}

/// The bundled report's map: its towns are labelled, and no two labels overlap.
@Suite struct MapLabelTests {
    @Test func quettaSibiMachAndGwadarAreLabelledWithoutOverlaps() async throws {
        let report = try await RiskScorer(parallelism: 2).score(infrastructure: BundledDataset.infrastructure(),
                                                                incidents: [BundledDataset.incidents()],
                                                                places: BundledDataset.places())
        let input = RenderInput(report: report, places: try BundledDataset.places().places, context: try BundledDataset.mapContext())
        let scene = try #require(MapScene(units: report.units, ranked: [], halos: [:], incidents: [], reached: [],
                                          parameters: report.parameters, asOf: report.asOf, places: input.places,
                                          context: input.context, maxDots: 0))
        let names = scene.labels.map(\.place.name)
        for town in ["Quetta", "Sibi", "Mach", "Gwadar"] { #expect(names.contains(town), "\(town)") }
        for (i, a) in scene.labels.enumerated() {
            for b in scene.labels[(i + 1)...] { #expect(!LabelPlacement.overlaps(a.box, b.box), "\(a.place.name) / \(b.place.name)") }
        }
        // Cities before towns: a lower rank never loses its place to a higher one.
        #expect(names.first == "Abbottabad" || names.contains("Quetta"))
        let html = HTMLRenderer.render(input)
        for town in ["Quetta", "Sibi", "Mach", "Gwadar"] { #expect(html.contains(">\(town)</text>")) }
        #expect(html.contains("class=\"land\"") && html.contains("class=\"coast\"") && html.contains("class=\"border\""))
        #expect(html.contains("Made with Natural Earth"))
    }
}
