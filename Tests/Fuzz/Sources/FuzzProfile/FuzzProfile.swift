import FuzzSupport
import CorridorRiskGDAL

/// Any bytes as a JSON asset profile (`--profile FILE`): an error naming the key, or a profile
/// that can classify something (rules, or a kind property) whose rules are well formed. An
/// accepted profile is then used to read a small fixed network (GeoJSON, through GDAL): that
/// must give an `InputError` or assets that pass `Infrastructure.validate()`.
@_cdecl("FuzzProfile_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, count in fuzzProfile(UnsafeRawPointer(data!), count) }
}

let scratch = ScratchDirectory(tag: "profile")

/// Properties a profile might name: the native ones, OSM tags, upper-case data-portal columns
/// (`TYPE`, `ASSET_ID`, `ROUTE_NO`, `CRIT`, as in the seed profile seed-data-md.json), and odd
/// values (a criticality out of range, a kind that is not one, empty and padded values).
let network: String = {
    let text = """
    {"type": "FeatureCollection", "features": [
    {"type": "Feature", "id": 1, "properties": {"id": "n25", "kind": "road", "name": "N-25", "highway": "trunk", "ref": "N-25",
     "criticality": "3", "cpec": "true", "corridors": "CPEC western; Quetta",
     "TYPE": "National Highway", "ASSET_ID": "NH-25-1", "NAME": "RCD Highway", "ROUTE_NO": "N-25", "CRIT": "3", "CORRIDOR": "CPEC western"},
     "geometry": {"type": "LineString", "coordinates": [[66.9, 30.1], [67.0, 30.2], [67.1, 30.2]]}},
    {"type": "Feature", "id": 2, "properties": {"id": "n25b", "kind": "road", "highway": "trunk", "ref": "N-25", "criticality": "11"},
     "geometry": {"type": "LineString", "coordinates": [[67.1, 30.2], [67.2, 30.3]]}},
    {"type": "Feature", "id": 3, "properties": {"id": "ml3", "kind": "rail", "railway": "rail", "name": " ML-3 ", "usage": "main",
     "TYPE": "Railway", "ASSET_ID": "ML-3", "CRIT": "2.5"},
     "geometry": {"type": "MultiLineString", "coordinates": [[[67.0, 29.5], [67.3, 29.9]], [[67.3, 29.9], [67.0, 30.2]]]}},
    {"type": "Feature", "id": 4, "properties": {"id": "gw", "kind": "port", "harbour": "yes", "landuse": "port", "cpec": "1"},
     "geometry": {"type": "Point", "coordinates": [62.33, 25.12]}},
    {"type": "Feature", "id": 5, "properties": {"id": "dam", "kind": "dam", "waterway": "dam", "name": ""},
     "geometry": {"type": "LineString", "coordinates": [[66.5, 29.0], [66.51, 29.01]]}},
    {"type": "Feature", "id": 6, "properties": {"id": "plant", "kind": "powerPlant", "power": "plant"},
     "geometry": {"type": "Polygon", "coordinates": [[[66.0, 28.0], [66.01, 28.0], [66.01, 28.01], [66.0, 28.0]]]}},
    {"type": "Feature", "id": 7, "properties": {"id": "odd", "kind": "castle", "man_made": "pipeline", "criticality": "x"},
     "geometry": {"type": "LineString", "coordinates": [[65.0, 27.0], [65.1, 27.1]]}},
    {"type": "Feature", "id": 8, "properties": {"id": "", "kind": "pipeline", "man_made": "pipeline"},
     "geometry": null}
    ]}
    """
    return text.withCString { scratch.write(UnsafeRawBufferPointer(start: $0, count: text.utf8.count), name: "network.geojson") }
}()

func fuzzProfile(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let profile: AssetProfile
    do {
        profile = try AssetProfile.parse(json: text, name: "fuzz")
    } catch {
        trace("\(error)")
        // The key is named as spelled, so an unknown key "" is named ""; no other empty key.
        require(!error.reason.isEmpty, "an error without a reason")
        require(!error.key.isEmpty || text.contains("\"\""), "an error without a key: \(error)")
        return 0
    }
    require(!profile.rules.isEmpty || profile.kindProperty != nil, "accepted a profile with neither rules nor a kind property")
    require(profile.name == "fuzz", "the name was not kept")
    for p in [profile.id, profile.nameProperty, profile.kindProperty, profile.criticality, profile.cpec, profile.corridors] {
        require(p.map { !$0.isEmpty } ?? true, "an empty property name was accepted")
    }
    for rule in profile.rules {
        require(!rule.conditions.isEmpty, "a rule without conditions")
        require(rule.conditions.allSatisfy { !$0.values.isEmpty }, "a condition without values")
        require(rule.criticality.map { $0.isFinite && $0 > 0 && $0 <= 10 } ?? true, "rule criticality out of (0, 10]")
    }
    require((try? AssetProfile.parse(json: text, name: "fuzz")) == profile, "a second parse differs")
    do {
        let infrastructure = try NetworkReader.read(path: network, profile: profile)
        do { try infrastructure.validate() } catch { require(false, "a network read with the profile does not validate: \(error)") }
        trace("profile accepted: \(infrastructure.assets.map(\.id))")
        require(infrastructure.profile == "fuzz", "the network does not name its profile")
    } catch {
        trace("profile accepted; network: \(error)")
        require(isInputErrorOrTolerated(error), "not an InputError: \(type(of: error)): \(error)")
    }
    return 0
}
