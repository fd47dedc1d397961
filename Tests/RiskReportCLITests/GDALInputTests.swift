import Foundation
import Testing
import TestSupport

/// Your own network through GDAL, end to end: an OpenStreetMap XML extract, a Shapefile in UTM
/// zone 42N and a GeoPackage made by `ogr2ogr` score exactly as the same network given as
/// GeoJSON; `--format gpkg` is read back by `ogrinfo` and by risk-report itself; bad files are one
/// line naming the file. Every input is written here; `.ci/run` installs gdal-bin for `ogr2ogr`.
@Suite final class GDALInputTests {
    let dir: URL
    init() throws { dir = try CLI.temporaryDirectory() }
    deinit { try? FileManager.default.removeItem(at: dir) }

    static let ogr2ogr = "/usr/bin/ogr2ogr", ogrinfo = "/usr/bin/ogrinfo"
    static var missing: String? {
        FileManager.default.isExecutableFile(atPath: ogr2ogr) ? nil : "no ogr2ogr/ogrinfo (Debian's gdal-bin): skipped"
    }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    @discardableResult
    func tool(_ executable: String, _ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(executable) \(arguments)")
        return String(decoding: data, as: UTF8.self)
    }

    func units(_ args: [String]) throws -> [[String: Any]] {
        let r = try CLI.run(args + ["--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        return try #require(report["units"] as? [[String: Any]])
    }

    /// Units agree: same ids and kinds, chainage and scores within `tolerance`.
    func expectSameUnits(_ a: [[String: Any]], _ b: [[String: Any]], tolerance: Double = 0,
                         sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.count == b.count && !a.isEmpty, sourceLocation: sourceLocation)
        for (x, y) in zip(a, b) {
            #expect(x["id"] as? String == y["id"] as? String, sourceLocation: sourceLocation)
            for key in ["startKm", "endKm", "lengthKm", "threat", "risk", "score"] {
                let (u, v) = (x[key] as? Double ?? .nan, y[key] as? Double ?? .nan)
                #expect(abs(u - v) <= tolerance * max(1, abs(v)), "\(x["id"] ?? "") \(key): \(u) vs \(v)", sourceLocation: sourceLocation)
            }
        }
    }

    // MARK: OpenStreetMap

    /// A few dozen ways near Quetta: the N-25 in 30 ways, the railway in 12, a station node, and a
    /// residential street no rule takes; plus incidents along them.
    func osmExtract(shuffled: Bool = false) -> (osm: OSMXMLWriter, road: [(lon: Double, lat: Double)], rail: [(lon: Double, lat: Double)]) {
        var osm = OSMXMLWriter()
        osm.point(66.97, 30.17, tags: [("railway", "station"), ("name", "Quetta")])   // node 1
        func line(_ n: Int, from start: (Double, Double), step: (Double, Double)) -> [[(lon: Double, lat: Double)]] {
            (0..<n).map { w in (0...2).map { j in
                let i = Double(w * 2 + j)
                return (start.0 + step.0 * i, start.1 + step.1 * i + (Int(i) % 2 == 0 ? 0 : 0.002))
            } }
        }
        let road = line(30, from: (66.60, 29.60), step: (0.006, 0.009))
        let rail = line(12, from: (66.70, 29.70), step: (0.010, 0.008))
        var order = Array(road.indices)
        if shuffled { var rng = SplitMix64(seed: 3); order.shuffle(using: &rng) }
        for i in order {
            let way = shuffled && i % 3 == 0 ? Array(road[i].reversed()) : road[i]
            osm.way(way, tags: [("highway", "trunk"), ("ref", "N-25"), ("name", "Quetta–Karachi highway")], id: 100 + i)
        }
        for (i, w) in rail.enumerated() { osm.way(w, tags: [("railway", "rail"), ("name", "ML-3")], id: 300 + i) }
        osm.way([(66.8, 29.9), (66.81, 29.91)], tags: [("highway", "residential")], id: 400)
        func joined(_ ways: [[(lon: Double, lat: Double)]]) -> [(lon: Double, lat: Double)] {
            ways.enumerated().flatMap { k, w in k == 0 ? w : Array(w.dropFirst()) }
        }
        return (osm, joined(road), joined(rail))
    }

    func incidentsNearby() throws -> String {
        var rows = ["id,date,lon,lat,precision,category,target,fatalities"]
        for k in 0..<24 {
            let lon = 66.62 + Double(k) * 0.015, lat = 29.63 + Double(k) * 0.02
            rows.append("q\(k),2024-\(String(format: "%02d", k % 12 + 1))-15,\(lon),\(lat),\(k % 3 + 1),"
                        + (k % 2 == 0 ? "explosive,transport" : "armedAssault,security") + ",\(k % 4)")
        }
        return try write("incidents.csv", rows.joined(separator: "\n") + "\n")
    }

    func coordinates(_ line: [(lon: Double, lat: Double)]) -> String {
        "[" + line.map { "[\($0.lon), \($0.lat)]" }.joined(separator: ", ") + "]"
    }

    @Test(.enabled(if: missing == nil, Comment(rawValue: missing ?? "")))
    func anOSMExtractScoresAsTheSameNetworkInGeoJSON() throws {
        let (osm, road, rail) = osmExtract()
        let extract = try write("quetta.osm", osm.text)
        let geojson = try write("quetta.geojson", """
            {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"id": "rail-ML-3", "kind": "rail", "name": "ML-3", "criticality": 3},
             "geometry": {"type": "LineString", "coordinates": \(coordinates(rail))}},
            {"type": "Feature", "properties": {"id": "road-N-25", "kind": "road", "name": "N-25 (Quetta–Karachi highway)", "criticality": 3},
             "geometry": {"type": "LineString", "coordinates": \(coordinates(road))}},
            {"type": "Feature", "properties": {"id": "station-node1", "kind": "station", "name": "Quetta", "criticality": 1},
             "geometry": {"type": "Point", "coordinates": [66.97, 30.17]}}]}
            """)
        let incidents = try incidentsNearby()
        let fromOSM = try units(["--infrastructure", extract, "--incidents", incidents])
        expectSameUnits(fromOSM, try units(["--infrastructure", geojson, "--incidents", incidents]), tolerance: 1e-12)
        #expect(fromOSM.filter { ($0["assetId"] as? String) == "road-N-25" }.count > 3, "chainage runs along the whole road")

        let r = try CLI.run(["--infrastructure", extract, "--incidents", incidents, "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        let input = try #require((report["inputs"] as? [[String: Any]])?.first)
        let routes = try #require(input["routes"] as? [[String: Any]])
        #expect(routes.map { $0["asset"] as? String } == ["rail-ML-3", "road-N-25"])
        #expect(routes.map { $0["ways"] as? Int } == [12, 30])
        #expect(input["profile"] as? String == "osm")
        #expect((report["warnings"] as? [String])?.contains { $0.contains("1 features match no rule of the osm profile") } == true)
    }

    @Test(.enabled(if: missing == nil, Comment(rawValue: missing ?? "")))
    func waysInShuffledOrderGiveTheSameBytes() throws {
        let incidents = try incidentsNearby()
        let a = try write("a.osm", osmExtract().osm.text)
        let b = try write("b.osm", osmExtract(shuffled: true).osm.text)
        for format in ["csv", "geojson", "markdown"] {
            let x = try CLI.run(["--infrastructure", a, "--incidents", incidents, "--format", format])
            let y = try CLI.run(["--infrastructure", b, "--incidents", incidents, "--format", format])
            #expect(x.status == 0 && !x.stdout.isEmpty)
            if format == "markdown" {
                // The title names the file; everything else is the same.
                #expect(x.text.replacingOccurrences(of: "a.osm", with: "b.osm") == y.text)
            } else {
                #expect(x.stdout == y.stdout, "\(format)")
            }
        }
    }

    // MARK: Shapefile and GeoPackage made by ogr2ogr

    /// The bundled network's lines, as GeoJSON (a Shapefile holds one geometry type).
    func bundledLines() throws -> String {
        let bundled = CLI.fixtures.appendingPathComponent("balochistan/infrastructure.geojson").path
        try tool(Self.ogr2ogr, ["-f", "GeoJSON", path("lines.geojson"), bundled, "-where", "kind IN ('rail', 'road')"])
        return path("lines.geojson")
    }

    @Test(.enabled(if: missing == nil, Comment(rawValue: missing ?? "")))
    func aShapefileInUTM42NScoresAsItsGeoJSON() throws {
        let lines = try bundledLines()
        try tool(Self.ogr2ogr, ["-f", "ESRI Shapefile", "-t_srs", "EPSG:32642", path("lines-utm.shp"), lines])
        let r = try CLI.run(["--infrastructure", path("lines-utm.shp"), "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("transformed from EPSG:32642 (WGS 84 / UTM zone 42N)"), "\(r.stderr)")
        #expect(r.stderr.contains("field 'criticalit' read as 'criticality'"), "\(r.stderr)")
        // Projected and back: coordinates agree to about a micrometre, scores to 1e-6.
        expectSameUnits(try units(["--infrastructure", path("lines-utm.shp")]), try units(["--infrastructure", lines]), tolerance: 1e-6)
    }

    @Test(.enabled(if: missing == nil, Comment(rawValue: missing ?? "")))
    func aGeoPackageFromOgr2ogrScoresExactlyAsItsGeoJSON() throws {
        let bundled = CLI.fixtures.appendingPathComponent("balochistan")
        try tool(Self.ogr2ogr, ["-f", "GPKG", path("network.gpkg"), bundled.appendingPathComponent("infrastructure.geojson").path])
        try tool(Self.ogr2ogr, ["-f", "GPKG", "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat", "-a_srs", "EPSG:4326",
                                path("incidents.gpkg"), bundled.appendingPathComponent("incidents.csv").path])
        let fromGPKG = try units(["--infrastructure", path("network.gpkg"), "--incidents", path("incidents.gpkg")])
        let fromGeoJSON = try units(["--infrastructure", bundled.appendingPathComponent("infrastructure.geojson").path])
        expectSameUnits(fromGPKG, fromGeoJSON)
        // Corridors, which ogr2ogr wrote as GDAL's list text, are read as lists.
        #expect(fromGPKG.map { $0["corridors"] as? [String] } == fromGeoJSON.map { $0["corridors"] as? [String] })
    }

    // MARK: GeoPackage out

    @Test(.enabled(if: missing == nil, Comment(rawValue: missing ?? "")))
    func theGeoPackageReportOpensInOgrinfoAndReadsBack() throws {
        let out = path("risk.gpkg")
        let r = try CLI.run(["--format", "gpkg", "--output", out])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = try tool(Self.ogrinfo, ["-ro", "-so", "-al", out])
        let json = try units([])
        let linear = json.filter { ["rail", "road", "pipeline"].contains($0["kind"] as? String ?? "") }
        let lines = linear.count
        #expect(summary.contains("Layer name: units_lines") && summary.contains("Feature Count: \(lines)"), "\(summary.prefix(400))")
        for layer in ["units_points", "units_polygons", "incidents", "corridors", "layer_styles"] {
            #expect(summary.contains("Layer name: \(layer)"), "\(layer)")
        }
        for field in ["score: Real", "tier: String", "smoothedScoreHigh: Real", "place: String", "largestContribution: Real"] {
            #expect(summary.contains(field), "\(field)")
        }
        let back = try units(["--infrastructure", out, "--layer", "units_lines", "--segment-km", "1000"])
        // Each unit, read back as an asset longer than itself, is one unit again.
        #expect(back.compactMap { $0["assetId"] as? String } == linear.compactMap { $0["id"] as? String })
    }

    @Test func gpkgNeedsAnOutputFileAndAWritableOne() throws {
        #expect(try CLI.run(["--format", "gpkg"]).status == 64)
        let r = try CLI.run(["--format", "gpkg", "--output", path("no-such-dir/risk.gpkg")])
        #expect(r.status == 74 && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    // MARK: Bad input

    @Test(.enabled(if: missing == nil, Comment(rawValue: missing ?? "")))
    func badFilesAreOneLineNamingTheFileLayerOrRule() throws {
        func fails(_ args: [String], _ text: String, code: Int32 = 65, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let r = try CLI.run(args + ["--format", "json", "--output", path("report.json")])
            #expect(r.status == code, "\(r.stderr)", sourceLocation: sourceLocation)
            #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains(text), "\(r.stderr)", sourceLocation: sourceLocation)
            #expect(!FileManager.default.fileExists(atPath: path("report.json")), "nothing written", sourceLocation: sourceLocation)
        }
        let corrupt = try write("corrupt.gpkg", String(repeating: "SQLite format 3\u{0}garbage", count: 100))
        try fails(["--infrastructure", corrupt], "corrupt.gpkg: GDAL cannot read it")
        try fails(["--infrastructure", path("absent.gpkg")], "absent.gpkg", code: 66)

        let lines = try bundledLines()
        try tool(Self.ogr2ogr, ["-f", "ESRI Shapefile", path("net.shp"), lines])
        try FileManager.default.removeItem(atPath: path("net.dbf"))
        try fails(["--infrastructure", path("net.shp")], "net.shp: has no .dbf beside it")

        try tool(Self.ogr2ogr, ["-f", "ESRI Shapefile", path("noprj.shp"), lines])
        try FileManager.default.removeItem(atPath: path("noprj.prj"))
        let r = try CLI.run(["--infrastructure", path("noprj.shp"), "--format", "csv"])
        #expect(r.status == 0 && r.stderr.contains("declares no CRS (no .prj beside the .shp): read as WGS84 lon/lat"), "\(r.stderr)")

        try fails(["--infrastructure", path("noprj.shp"), "--layer", "railways"], "has no layer 'railways' (its layers: noprj (lines))")
        let osm = try write("x.osm", osmExtract().osm.text)
        let unknownKey = try write("unknown-key.json", #"{"rules": [{"where": {"highway": "trunk"}, "kind": "road"}], "speed": "maxspeed"}"#)
        try fails(["--infrastructure", osm, "--profile", unknownKey], "unknown-key.json: profile speed is not a profile key")
        let unknownKind = try write("unknown-kind.json", #"{"rules": [{"where": {"highway": "trunk"}, "kind": "motorway"}]}"#)
        try fails(["--infrastructure", osm, "--profile", unknownKind], "profile rules[0].kind must be one of")
        try fails(["--infrastructure", osm, "--profile", "native"], "has no 'kind' field")
    }

    @Test func aProjectedGeoJSONSaysWhatToDo() throws {
        let utm = try write("utm.geojson", #"""
            {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32642"}},
             "features": [{"type": "Feature", "properties": {"id": "r", "kind": "road"},
                           "geometry": {"type": "LineString", "coordinates": [[298978.13, 3289000.5], [310000.0, 3300000.0]]}}]}
            """#)
        let r = try CLI.run(["--infrastructure", utm])
        #expect(r.status == 65)
        #expect(r.stderr.contains("longitude 298978.13 is outside [-180, 180]; the coordinates look projected (the file declares crs urn:ogc:def:crs:EPSG::32642)"), "\(r.stderr)")
        #expect(r.stderr.contains("ogr2ogr -t_srs EPSG:4326"))
    }

    @Test func nearMissPropertiesAndSemicolonListsAreWarned() throws {
        let net = try write("near.geojson", #"""
            {"type": "FeatureCollection", "features": [{"type": "Feature",
              "properties": {"id": "r", "kind": "road", "Criticality": 3, "corridors": "N-25; CPEC western"},
              "geometry": {"type": "LineString", "coordinates": [[66.9, 30.1], [67.0, 30.2]]}}]}
            """#)
        let r = try CLI.run(["--infrastructure", net, "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("property 'Criticality' (1 features) looks like 'criticality' but is not read as it (names are case-sensitive)"), "\(r.stderr)")
        #expect(r.stderr.contains("1 features give corridors as one string with ';'"), "\(r.stderr)")
        let missingKind = try write("kind.geojson", #"""
            {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"id": "r", "Kind": "road"},
              "geometry": {"type": "LineString", "coordinates": [[66.9, 30.1], [67.0, 30.2]]}}]}
            """#)
        let k = try CLI.run(["--infrastructure", missingKind])
        #expect(k.status == 65 && k.stderr.contains("missing kind (the feature has 'Kind'"), "\(k.stderr)")
    }
}
