import CorridorRisk

extension AssetProfile {
    /// OpenStreetMap's tags: main roads, railways, stations, airports, ports and harbours, power
    /// plants, dams, mines, border crossings and pipelines. Ways that share a `ref` (`N-25`), else
    /// a `name`, are merged into one route. Criticality: 3 for motorways, trunk roads, main-line
    /// railways, airports, ports and power plants; 2 for primary and secondary roads, other
    /// railways, dams and pipelines; 1 for tertiary roads, stations, mines and border crossings.
    public static let osm: AssetProfile = {
        func rule(_ conditions: [(String, [String])], _ kind: AssetKind, _ criticality: Double) -> Rule {
            Rule(conditions: conditions.map { (key: $0.0, values: $0.1) }, kind: kind, criticality: criticality, cpec: nil, corridors: [])
        }
        return AssetProfile(
            name: "osm", id: nil, nameProperty: "name", kindProperty: nil, criticality: nil, cpec: nil, corridors: nil,
            routeKey: ["ref", "name"],
            rules: [
                rule([("highway", ["motorway", "motorway_link", "trunk", "trunk_link"])], .road, 3),
                rule([("highway", ["primary", "primary_link", "secondary", "secondary_link"])], .road, 2),
                rule([("highway", ["tertiary", "tertiary_link"])], .road, 1),
                rule([("railway", ["rail"])], .rail, 3),
                rule([("railway", ["narrow_gauge", "light_rail"])], .rail, 2),
                rule([("railway", ["station", "halt"])], .station, 1),
                rule([("aeroway", ["aerodrome"])], .airport, 3),
                rule([("industrial", ["port"])], .port, 3),
                rule([("landuse", ["port"])], .port, 3),
                rule([("harbour", ["yes"])], .port, 3),
                rule([("power", ["plant"])], .powerPlant, 3),
                rule([("waterway", ["dam"])], .dam, 2),
                rule([("man_made", ["dam"])], .dam, 2),
                rule([("landuse", ["quarry"])], .mine, 1),
                rule([("man_made", ["mineshaft", "adit"])], .mine, 1),
                rule([("barrier", ["border_control"])], .borderCrossing, 1),
                rule([("man_made", ["pipeline"])], .pipeline, 2),
            ])
    }()
}
