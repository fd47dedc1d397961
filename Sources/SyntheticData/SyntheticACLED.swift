import RealModule
import TestSupport
import CorridorRisk

/// Writes N incidents in ACLED's current CSV export layout: events clustered around towns plus
/// background, dates over ten years (both ACLED date spellings), the spec's sub-event types,
/// skewed fatalities, and notes with commas, quotes and line breaks. Deterministic for a seed.
public struct SyntheticACLED {
    static let header = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
        + "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
        + "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,"
        + "fatalities,tags,timestamp"

    /// (event_type, sub_event_type, relative frequency)
    static let types: [(String, String, Int)] = [
        ("Battles", "Armed clash", 30),
        ("Violence against civilians", "Attack", 25),
        ("Explosions/Remote violence", "Remote explosive/landmine/IED", 14),
        ("Explosions/Remote violence", "Suicide bomb", 3),
        ("Explosions/Remote violence", "Grenade", 4),
        ("Explosions/Remote violence", "Shelling/artillery/missile attack", 5),
        ("Explosions/Remote violence", "Air/drone strike", 2),
        ("Violence against civilians", "Abduction/forced disappearance", 6),
        ("Strategic developments", "Looting/property destruction", 4),
        ("Riots", "Violent demonstration", 4),
        ("Riots", "Mob violence", 2),
        ("Protests", "Peaceful protest", 1),
    ]

    static let targetsInNotes = ["a passenger train", "the railway track", "a bus", "a convoy on the highway",
                                 "Chinese engineers", "a gas pipeline", "power pylons", "a fishing boat near the port",
                                 "the airport perimeter", "coal miners", "a police checkpoint", "FC soldiers",
                                 "Levies personnel", "a market", "a school", "civilians", "a government office",
                                 "a truck carrying goods", "a mobile tower", "a polio team"]
    static let actors = ["BLA: Baloch Liberation Army", "BLF: Baloch Liberation Front", "TTP: Tehreek-i-Taliban Pakistan",
                         "Unidentified Armed Group (Pakistan)", "Military Forces of Pakistan (2018-)",
                         "Police Forces of Pakistan (2018-)", "Islamic State (Pakistan)"]
    static let provinces = ["Balochistan", "Sindh", "Khyber Pakhtunkhwa", "Punjab", "Gilgit-Baltistan"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    /// Where the incidents are.
    public enum Shape: String, CaseIterable, Sendable {
        /// 75 % within tens of km of a town (each at its own point), 25 % anywhere; precision 1–3
        /// alike. The first benchmarks' data.
        case uniform
        /// Like a real export: ACLED geocodes events to named places, so 75 % sit on a few
        /// thousand shared place points along and near the network (within a few km of a line,
        /// some places far busier than others), 25 % anywhere; precision mostly 1 (70 %), some 2
        /// (20 %) and 3 (10 %).
        case real
    }

    let towns: [(lon: Double, lat: Double)]
    let places: [(lon: Double, lat: Double)]
    let shape: Shape
    let seed: UInt64

    /// Incidents around `network`'s towns (`uniform`) or on places along its lines (`real`).
    public init(network: SyntheticNetwork, seed: UInt64, shape: Shape = .uniform) {
        towns = network.towns
        self.seed = seed
        self.shape = shape
        places = shape == .real ? Self.places(along: network.lines, count: 3_000, seed: seed) : []
    }

    /// `count` place points: each on a random line at a random chainage, moved off it by a
    /// normally distributed 0–5 km (about 1.5 km typical) to either side.
    static func places(along lines: [[(lon: Double, lat: Double)]], count: Int, seed: UInt64) -> [(lon: Double, lat: Double)] {
        var rng = SplitMix64(seed: seed ^ 0x91AC_E5)
        let usable = lines.filter { $0.count >= 2 }
        guard !usable.isEmpty else { return [] }
        return (0..<count).map { _ in
            let line = usable[rng.below(usable.count)]
            let k = rng.below(line.count - 1)
            let f = rng.unit()
            let a = line[k], b = line[k + 1]
            let lon = a.lon + (b.lon - a.lon) * f, lat = a.lat + (b.lat - a.lat) * f
            // Perpendicular offset in degrees (~111 km per degree).
            let dx = b.lon - a.lon, dy = b.lat - a.lat
            let norm = max((dx * dx + dy * dy).squareRoot(), 1e-12)
            let off = min(5.0, abs(rng.normal()) * 1.5) / 111 * (rng.below(2) == 0 ? 1 : -1)
            return (lon - dy / norm * off, lat + dx / norm * off)
        }
    }

    /// Calls `sink` with successive chunks of the CSV (header first), about 4 MB each.
    public func write(count: Int, to sink: ([UInt8]) throws -> Void) rethrows {
        var rng = SplitMix64(seed: seed ^ 0xAC1ED)
        let totalWeight = Self.types.reduce(0) { $0 + $1.2 }
        var out: [UInt8] = []
        out.reserveCapacity(1 << 22)
        out.append(contentsOf: Self.header.utf8)
        out.append(0x0A)
        let start = 16_801  // 2016-01-01 in days since 1970-01-01
        for i in 0..<count {
            // Location: 75 % near towns or on shared places (by shape), 25 % anywhere in the region.
            var lon: Double, lat: Double
            if shape == .real, rng.unit() < 0.75 {
                // Busy places first: the square of a uniform favours the low indices.
                let u = rng.unit()
                let p = places[min(places.count - 1, Int(u * u * Double(places.count)))]
                lon = p.lon
                lat = p.lat
            } else if shape == .uniform, rng.unit() < 0.75 {
                let t = towns[rng.below(towns.count)]
                let spread = 0.05 + rng.unit() * 0.25
                lon = t.lon + rng.normal() * spread
                lat = t.lat + rng.normal() * spread
            } else {
                lon = SyntheticNetwork.west - 1 + rng.unit() * (SyntheticNetwork.east - SyntheticNetwork.west + 2)
                lat = SyntheticNetwork.south - 1 + rng.unit() * (SyntheticNetwork.north - SyntheticNetwork.south + 2)
            }
            let day = start + rng.below(3_653)
            let (y, m, d) = CalendarDay(daysSinceEpoch: Int32(day)).components
            let date = rng.unit() < 0.8
                ? "\(y)-\(Self.two(m))-\(Self.two(d))"
                : "\(Self.two(d)) \(Self.months[m - 1]) \(y)"
            var pick = rng.below(totalWeight)
            var type = Self.types[0]
            for t in Self.types {
                if pick < t.2 { type = t; break }
                pick -= t.2
            }
            // Fatalities: mostly none or few, a long tail of mass-casualty events.
            let f = rng.unit()
            let fatalities = f < 0.55 ? 0 : f < 0.85 ? 1 + rng.below(3) : f < 0.98 ? 3 + rng.below(10) : 10 + Int(Double.pow(rng.unit(), -0.7) * 5)
            let civilian = type.1 == "Attack" && rng.unit() < 0.6 ? "Civilian targeting" : ""
            let target = Self.targetsInNotes[rng.below(Self.targetsInNotes.count)]
            let actor = Self.actors[rng.below(Self.actors.count)]
            let town = "Town \(rng.below(towns.count))"
            var notes = "On \(Self.two(d)) \(Self.months[m - 1]) \(y), \(actor) attacked \(target) near \(town), "
                + "\(Self.province(lat)). \(fatalities) reportedly killed"
            switch rng.below(10) {
            case 0: notes += "; police said the \"suspects\" fled.\nA second blast followed, injuring bystanders."
            case 1: notes += ". Officials called it a \"cowardly act\", vowing action."
            case 2: notes += ".\nNo group claimed responsibility."
            default: notes += "."
            }
            let fields: [String] = [
                "PAK\(100_000 + i)", date, String(y), String(1 + rng.below(3)), "Political violence", type.0, type.1,
                actor, "", "Rebel group", civilian.isEmpty ? "Military Forces of Pakistan (2018-)" : "Civilians (Pakistan)",
                "", civilian.isEmpty ? "State forces" : "Civilians", "Rebel group-State forces", civilian, "586",
                "South Asia", "Pakistan", Self.province(lat), "District \(rng.below(40))", "", town,
                SyntheticNetwork.fixed(lat), SyntheticNetwork.fixed(lon), precision(&rng),
                rng.unit() < 0.5 ? "Dawn" : "The News; Express Tribune", "National", notes, String(fatalities),
                rng.unit() < 0.1 ? "local administrators" : "", String(1_600_000_000 + day),
            ]
            for (k, field) in fields.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                Self.appendField(field, to: &out)
            }
            out.append(0x0A)
            if out.count > (1 << 22) - 4096 {
                try sink(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        try sink(out)
    }

    /// ACLED's geo_precision: 1–3 alike (`uniform`), or 70/20/10 % (`real`).
    private func precision(_ rng: inout SplitMix64) -> String {
        guard shape == .real else { return String(1 + rng.below(3)) }
        let u = rng.unit()
        return u < 0.7 ? "1" : u < 0.9 ? "2" : "3"
    }

    static func appendField(_ s: String, to out: inout [UInt8]) {
        if s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A }) {
            out.append(0x22)
            for b in s.utf8 {
                out.append(b)
                if b == 0x22 { out.append(0x22) }
            }
            out.append(0x22)
        } else {
            out.append(contentsOf: s.utf8)
        }
    }

    static func province(_ lat: Double) -> String { provinces[min(4, max(0, Int((lat - 24) / 2.8)))] }

    static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
}

