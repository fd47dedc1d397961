import Foundation
import GeoFoundation
import Testing
@testable import CorridorRisk

/// Named places (METHOD §9) on hand-made gazetteers, against geodesic distances computed here.
@Suite struct PlaceNamingTests {
    static let g = Geodesic.wgs84

    static func score(_ assets: [Asset], _ places: [Place]?) async throws -> RiskReport {
        try await RiskScorer(parallelism: 1).score(infrastructure: Infrastructure(file: "t", assets: assets), incidents: [],
                                                   places: places.map { Gazetteer(file: "g", places: $0) })
    }

    @Test func aTieGoesToTheSmallerName() async throws {
        let site = Coordinate(67, 0)
        // Due west and due east at the same latitude: exactly equal geodesic distances.
        let places = [Place(name: "Beta", location: Coordinate(66.9, 0)), Place(name: "Alpha", location: Coordinate(67.1, 0)),
                      Place(name: "Zeta", location: Coordinate(66.9, 0))]
        #expect(Self.g.distance(site, places[0].location) == Self.g.distance(site, places[1].location))
        let u = try await Self.score([Build.site("S", at: site)], places).units[0]
        let near = try #require(u.places?.near)
        #expect(near.name == "Alpha" && near.bearing == .W)
        #expect(near.distanceKm == Self.g.distance(site, places[1].location) / 1000)
        #expect(u.places?.from == nil && u.places?.to == nil)
        #expect(u.placeDescription == "11 km W of Alpha")
    }

    @Test func aUnitWithinAKilometreIsAtThePlace() async throws {
        let site = Coordinate(67, 30)
        let town = Place(name: "Mach", location: Build.offset(site, km: 0.999, azimuth: 200))
        let u = try await Self.score([Build.site("S", at: site)], [town]).units[0]
        #expect(u.places?.near?.bearing == nil)
        #expect(u.placeDescription == "at Mach")
        let far = try await Self.score([Build.site("S", at: site)], [Place(name: "Mach", location: Build.offset(site, km: 1.001, azimuth: 225))]).units[0]
        #expect(far.places?.near?.bearing == .NE, "the unit lies NE of a town to its SW")
        #expect(far.placeDescription == "1.0 km NE of Mach")
    }

    @Test func segmentEndsNameThePlacesWithin15Km() async throws {
        let line = Build.line("L", km: 10)                        // 10 km due north from (67, 30)
        let end = Build.offset(Build.origin, km: 10, azimuth: 0)
        let places = [Place(name: "South", location: Build.offset(Build.origin, km: 15, azimuth: 180)),   // exactly 15 km: included
                      Place(name: "North", location: Build.offset(end, km: 15.01, azimuth: 0))]           // past 15 km
        let u = try await Self.score([line], places).units[0]
        #expect(u.places?.from == "South" && u.places?.to == nil)
        // The middle is 20 km from South and 20.01 from North: South names it, the unit to its north.
        #expect(u.places?.near?.name == "South" && u.places?.near?.bearing == .N)
        #expect(u.placeDescription == "km 0–10, 20 km N of South")
        let both = try await Self.score([line], [Place(name: "South", location: Build.offset(Build.origin, km: 5, azimuth: 180)),
                                                 Place(name: "North", location: Build.offset(end, km: 3, azimuth: 0))]).units[0]
        #expect(both.placeDescription == "km 0–10, between South and North")
    }

    @Test func nothingWithin50KmLeavesNearNull() async throws {
        let site = Coordinate(67, 30)
        let edge = try await Self.score([Build.site("S", at: site)], [Place(name: "Edge", location: Build.offset(site, km: 50, azimuth: 90))])
        #expect(edge.units[0].places?.near?.name == "Edge", "at most 50 km includes 50 km")
        let beyond = try await Self.score([Build.site("S", at: site)], [Place(name: "Far", location: Build.offset(site, km: 50.01, azimuth: 90))])
        #expect(beyond.units[0].places == UnitPlaces(near: nil, from: nil, to: nil))
        #expect(try await Self.score([Build.site("S", at: site)], []).units[0].places == UnitPlaces(near: nil, from: nil, to: nil))
        #expect(try await Self.score([Build.site("S", at: site)], nil).units[0].places == nil)
    }
}
