import CorridorRisk
import CorridorRiskGDAL
import Foundation
import GeoFoundation
import Testing
import TestSupport

/// OpenStreetMap extracts written by the test, read through GDAL's OSM driver and the `osm`
/// profile: ways become routes, tags become kinds, and whatever is not read is counted.
@Suite struct NetworkReaderTests {
    func n25(_ ways: [[(lon: Double, lat: Double)]], order: [Int]? = nil) -> OSMXMLWriter {
        var osm = OSMXMLWriter()
        for i in order ?? Array(ways.indices) {
            osm.way(ways[i], tags: [("highway", "trunk"), ("ref", "N-25"), ("name", i == 0 ? "RCD Highway" : "Quetta–Karachi road")], id: 1000 + i)
        }
        return osm
    }

    @Test func threeHundredWaysSharingARefBecomeOneRoad() throws {
        let dir = try GDALTestFiles.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ways = GDALTestFiles.roadWays(300)
        let network = try NetworkReader.read(path: try GDALTestFiles.osm(n25(ways), in: dir))
        #expect(network.assets.count == 1)
        let road = try #require(network.assets.first)
        #expect(road.id == "road-N-25" && road.kind == .road && road.criticality == 3)
        #expect(road.name == "N-25 (Quetta–Karachi road)", "the commonest name")
        guard case .lineString(let line) = road.geometry else { Issue.record("not one line: \(road.geometry.typeName)"); return }
        let sum = ways.reduce(0) { $0 + Geodesic.wgs84.length(of: $1.map { Coordinate($0.lon, $0.lat) }) }
        #expect(abs(Geodesic.wgs84.length(of: line) - sum) <= 1e-6 * sum)
        #expect(network.routes == [RouteSummary(assetID: "road-N-25", key: "N-25", ways: 300, pieces: 1, lengthKm: network.routes[0].lengthKm)])
        #expect(abs(network.routes[0].lengthKm * 1000 - sum) <= 1e-6 * sum)
        #expect(network.profile == "osm" && network.format == "osm")
    }

    @Test func waysInShuffledOrderGiveTheSameNetwork() throws {
        let dir = try GDALTestFiles.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ways = GDALTestFiles.roadWays(80)
        var rng = SplitMix64(seed: 42)
        let a = try NetworkReader.read(path: try GDALTestFiles.osm(n25(ways), "a.osm", in: dir))
        let b = try NetworkReader.read(path: try GDALTestFiles.osm(n25(ways, order: Array(ways.indices).shuffled(using: &rng)), "b.osm", in: dir))
        #expect(a.assets == b.assets)
        #expect(a.routes == b.routes)
    }

    @Test func aRoadWithAGapIsOneAssetInTwoPiecesAndSaysSo() throws {
        let dir = try GDALTestFiles.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var ways = GDALTestFiles.roadWays(40)
        ways.remove(at: 25)
        let network = try NetworkReader.read(path: try GDALTestFiles.osm(n25(ways), in: dir))
        guard case .multiLineString(let parts) = try #require(network.assets.first).geometry else {
            Issue.record("a gap should give a MultiLineString"); return
        }
        #expect(parts.count == 2)
        #expect(network.routes.first?.pieces == 2 && network.routes.first?.ways == 39)
        #expect(network.warnings.contains { $0.contains("road-N-25: 39 ways in 2 pieces") }, "\(network.warnings)")
    }

    @Test func theOSMProfileReadsRailwaysStationsAirportsAndCountsTheRest() throws {
        let dir = try GDALTestFiles.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var osm = OSMXMLWriter()
        let rail = GDALTestFiles.roadWays(12)
        for (i, w) in rail.enumerated() { osm.way(w, tags: [("railway", "rail"), ("name", "ML-3"), ("usage", "main")], id: 10 + i) }
        osm.point(67.88, 29.55, tags: [("railway", "station"), ("name", "Sibi Junction")])
        osm.way([(66.90, 30.25), (66.92, 30.25), (66.92, 30.26), (66.90, 30.26), (66.90, 30.25)],
                tags: [("aeroway", "aerodrome"), ("name", "Quetta International Airport")], id: 500)
        osm.way([(66.5, 29.0), (66.6, 29.1)], tags: [("highway", "residential"), ("name", "a lane")], id: 600)
        osm.way([(66.5, 29.2), (66.6, 29.3)], tags: [("highway", "trunk")], id: 601)   // no ref, no name: its own asset
        let network = try NetworkReader.read(path: try GDALTestFiles.osm(osm, in: dir))
        let byKind = Dictionary(grouping: network.assets, by: \.kind)
        #expect(byKind[.rail]?.map(\.id) == ["rail-ML-3"])
        #expect(byKind[.station]?.first?.name == "Sibi Junction")
        #expect(byKind[.airport]?.first?.name == "Quetta International Airport")
        #expect(byKind[.road]?.map(\.id) == ["road-way601"])
        #expect(network.warnings.contains { $0.contains("1 features match no rule of the osm profile and were skipped") }, "\(network.warnings)")
    }

    @Test func aProfileFileMapsYourOwnAttributes() throws {
        let dir = try GDALTestFiles.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var osm = OSMXMLWriter()
        for (i, w) in GDALTestFiles.roadWays(5).enumerated() { osm.way(w, tags: [("highway", "primary"), ("ref", "M-8")], id: 1 + i) }
        let profile = try AssetProfile.parse(json: #"""
            {"name": "name", "routeKey": "ref",
             "rules": [{"where": {"highway": ["primary", "trunk"]}, "kind": "road", "criticality": 4, "cpec": true,
                        "corridors": "CPEC Western Alignment"}]}
            """#)
        let network = try NetworkReader.read(path: try GDALTestFiles.osm(osm, in: dir), profile: profile)
        let road = try #require(network.assets.first)
        #expect(network.assets.count == 1)
        #expect(road.criticality == 4 && road.cpec && road.corridors == ["CPEC Western Alignment"])
    }

    @Test func aMissingLayerNamesTheLayersThereAre() throws {
        let dir = try GDALTestFiles.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try GDALTestFiles.osm(n25(GDALTestFiles.roadWays(3)), in: dir)
        #expect {
            try NetworkReader.read(path: path, layer: "roads")
        } throws: { error in
            "\(error)".contains("has no layer 'roads'") && "\(error)".contains("lines (lines)")
        }
    }

    @Test func aFileGDALCannotReadIsOneLineNamingIt() throws {
        let dir = try GDALTestFiles.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("network.gpkg").path
        try Data("this is not a GeoPackage\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try NetworkReader.read(path: path)
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix(path) && text.contains("GDAL cannot read it") && !text.contains("\n")
        }
        #expect { try NetworkReader.read(path: dir.appendingPathComponent("absent.gpkg").path) } throws: { error in
            (error as? InputError)?.kind == .unreadable
        }
    }
}
