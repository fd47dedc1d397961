import Testing
@testable import CorridorRisk

/// The library checks what it is handed, whoever built it: bad assets and incidents made in code
/// throw the same `InputError` a reader would, through every public entry point.
@Suite struct BoundaryTests {
    static let line = Shape.lineString([Coordinate(67, 30), Coordinate(67, 30.2)])

    static let badAssets: [(Asset, String)] = [
        (Asset(id: "P", kind: .port, geometry: .multiPoint([])), "empty MultiPoint"),
        (Asset(id: "P", kind: .port, geometry: .multiPoint([Coordinate(67, 30)])),
         "a port site needs a Point, Polygon or MultiPolygon, got MultiPoint"),
        (Asset(id: "R", kind: .rail, geometry: .point(Coordinate(67, 30))),
         "a rail asset needs a LineString or MultiLineString, got Point"),
        (Asset(id: "R", kind: .rail, geometry: .lineString([Coordinate(67, 30), Coordinate(.nan, 30.2)])),
         "longitude is not a finite number"),
        (Asset(id: "R", kind: .road, geometry: .lineString([])), "empty LineString"),
        (Asset(id: "R", kind: .road, geometry: .multiLineString([])), "empty MultiLineString"),
        (Asset(id: "R", kind: .road, geometry: .multiLineString([[Coordinate(67, 30)]])),
         "a LineString needs at least 2 positions, got 1"),
        (Asset(id: "S", kind: .mine, geometry: .point(Coordinate(200, 30))), "longitude 200 is outside [-180, 180]"),
        (Asset(id: "S", kind: .mine, geometry: .polygon([[Coordinate(67, 30), Coordinate(67.1, 30), Coordinate(67, 30.1)]])),
         "a Polygon ring needs at least 4 positions, got 3"),
        (Asset(id: "S", kind: .mine, geometry: .polygon([])), "empty Polygon"),
        (Asset(id: "S", kind: .dam, criticality: 0, geometry: .point(Coordinate(67, 30))), "criticality must be in (0, 10], got 0"),
        (Asset(id: " ", kind: .dam, geometry: .point(Coordinate(67, 30))), "missing id"),
    ]

    @Test(arguments: 0..<badAssets.count)
    func aBadAssetBuiltInCodeIsATypedErrorFromTheScorer(index: Int) async {
        let (asset, reason) = Self.badAssets[index]
        let network = Infrastructure(file: "network (in code)", assets: [Asset(id: "ok", kind: .rail, geometry: Self.line), asset])
        let expected = InputError(.malformed, file: "network (in code)",
                                  location: InputError.featureLocation(1, id: asset.id), reason: reason)
        #expect(throws: expected) { try network.validate() }
        await #expect(throws: expected) {
            _ = try await RiskScorer().score(infrastructure: network, incidents: [])
        }
    }

    @Test func aRepeatedAssetIdIsAnError() {
        let a = Asset(id: "a", kind: .rail, geometry: Self.line)
        #expect(throws: InputError(.malformed, file: "n", location: "feature 1 (id \"a\")", reason: "duplicate asset id (also feature 0)")) {
            try Infrastructure(file: "n", assets: [a, a]).validate()
        }
    }

    @Test func aBadIncidentBuiltInCodeIsATypedErrorNamingItsLine() async {
        let network = Infrastructure(file: "n", assets: [Asset(id: "ok", kind: .rail, geometry: Self.line)])
        let cases: [(Incident, String)] = [
            (Build.incident("A", at: Coordinate(67, .nan)), "latitude is not a finite number"),
            (Build.incident("A", at: Coordinate(0, 0)), "coordinates are exactly (0, 0), the usual stand-in for an unknown location"),
            (Build.incident("", at: Coordinate(67, 30)), "missing id"),
            (Build.incident("A\u{7}", at: Coordinate(67, 30)), "malformed id (contains a control character)"),
            (Build.incident("A", at: Coordinate(67, 30), fatalities: -1), "fatalities must be a non-negative whole number, got -1"),
        ]
        for (incident, reason) in cases {
            let set = Build.set([Build.incident("ok", at: Coordinate(67, 30.1)), incident])
            let expected = InputError(.malformed, file: "test", location: "line 3", reason: reason)
            #expect(throws: expected) { try set.validate() }
            await #expect(throws: expected) { _ = try await RiskScorer().score(infrastructure: network, incidents: [set]) }
        }
    }

    @Test func aSetChangedAfterReadingIsCheckedAgain() async throws {
        var set = try await incidents("id,date,lon,lat,precision\nA,2024-01-01,67,30,1\n")
        #expect(throws: Never.self) { try set.validate() }
        set.incidents[0].location = Coordinate(67, .infinity)
        #expect(throws: InputError(.malformed, file: "test.csv", location: "line 2", reason: "latitude is not a finite number")) {
            try set.validate()
        }
    }

    @Test func badParametersAndUnknownCorridorsAreTypedErrors() async throws {
        var p = ModelParameters.defaults
        p.segmentKm = -5
        let network = Infrastructure(file: "n", assets: [Asset(id: "ok", kind: .rail, corridors: ["C"], geometry: Self.line)])
        await #expect(throws: ModelError.self) { _ = try await RiskScorer(parameters: p).score(infrastructure: network, incidents: []) }
        let report = try await RiskScorer().score(infrastructure: network, incidents: [])
        #expect(throws: UnknownCorridor(name: "D", known: ["C"])) { _ = try report.filtered(toCorridors: ["D"]) }
    }
}
