import Testing
@testable import CorridorRisk

@Suite struct ACLEDReaderTests {
    static let currentHeader = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
        + "actor1,civilian_targeting,country,location,latitude,longitude,geo_precision,source,notes,fatalities,tags,timestamp"

    func row(_ id: String, date: String, sub: String, notes: String, civilian: String = "", fatalities: String = "3",
             lat: String = "29.6", lon: String = "67.5", precision: String = "1") -> String {
        "\(id),\(date),2025,1,Political violence,Violence,\(sub),BLA,\(civilian),Pakistan,Bolan,\(lat),\(lon),\(precision),Dawn,\(notes),\(fatalities),,1700000000"
    }

    @Test func readsTheCurrentLayoutWithBothDateForms() async throws {
        let text = [Self.currentHeader,
                    row("PAK1", date: "2025-03-11", sub: "Attack", notes: "\"Militants stormed the Jaffar Express, a train\""),
                    row("PAK2", date: "11 March 2025", sub: "Suicide bomb", notes: "Blast at a police checkpoint"),
                    row("PAK3", date: "9 Nov 2024", sub: "Remote explosive/landmine/IED", notes: "IED on the track"),
                    row("PAK4", date: "18-01-2022", sub: "Grenade", notes: "grenade thrown")].joined(separator: "\n")
        let set = try await incidents(text)
        #expect(set.format == .acled)
        #expect(set.rejected.isEmpty)
        #expect(set.incidents.map(\.date.description) == ["2025-03-11", "2025-03-11", "2024-11-09", "2022-01-18"])
        #expect(set.incidents.map(\.category) == [.armedAssault, .suicideBombing, .bombing, .bombing])
        #expect(set.incidents[0].targets == [.rail])
        #expect(set.incidents[1].targets == [.security])
        #expect(set.incidents[0].fatalities == 3 && set.incidents[0].injured == 0 && set.incidents[0].hostages == 0)
        #expect(set.incidents[0].description == "Militants stormed the Jaffar Express, a train")
        #expect(set.incidents[0].source == "Dawn")
    }

    @Test func readsTheLegacyLayout() async throws {
        let header = "data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,"
            + "sub_event_type,actor1,latitude,longitude,geo_precision,source,notes,fatalities,timestamp,iso3"
        let text = header + "\r\n"
            + "9001,586,PAK9,9,17 March 2019,2019,1,Explosions/Remote violence,Remote explosive/landmine/IED,"
            + "Unidentified,28.54657,68.22308,2,Nation,\"IED derailed six bogies of the Jaffar Express\",5,1552800000,PAK\r\n"
        let set = try await incidents("\u{FEFF}" + text)
        #expect(set.format == .acled)
        #expect(set.incidents.count == 1)
        #expect(set.incidents[0].date == CalendarDay(year: 2019, month: 3, day: 17))
        #expect(set.incidents[0].precision == .nearTown)
        #expect(set.incidents[0].targets == [.rail])
    }

    @Test func subEventTypesMapToTheSpecsCategories() {
        let table: [(String, IncidentCategory)] = [
            ("Suicide bomb", .suicideBombing), ("Remote explosive/landmine/IED", .bombing), ("Grenade", .bombing),
            ("Attack", .armedAssault), ("Abduction/forced disappearance", .kidnapping),
            ("Shelling/artillery/missile attack", .shelling), ("Air/drone strike", .shelling),
            ("Looting/property destruction", .sabotage), ("Armed clash", .armedClash),
            ("Violent demonstration", .unrest), ("Mob violence", .unrest),
            ("Excessive force against protesters", .unrest), ("Peaceful protest", .nonViolent),
            ("Protest with intervention", .nonViolent), ("Arrests", .nonViolent), ("Agreement", .nonViolent),
            ("Change to group/activity", .nonViolent), ("Headquarters or base established", .nonViolent),
            ("Non-violent transfer of territory", .nonViolent), ("Other", .nonViolent),
            ("Disrupted weapons use", .other), ("Something new", .other), ("attack", .armedAssault),
        ]
        for (text, category) in table {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBufferPointer { ACLEDRowMapper.category($0) } == category, "\(text)")
        }
    }

    @Test func otherIsNonViolentOnlyAsAStrategicDevelopment() async throws {
        let csv = """
            event_id_cnty,event_date,latitude,longitude,geo_precision,event_type,sub_event_type,notes,fatalities
            A1,2024-01-01,30,67,1,Strategic developments,Other,,0
            A2,2024-01-01,30,67,1,Riots,Other,,0
            A3,2024-01-01,30,67,1,Protests,Peaceful protest,,0
            """
        let set = try await incidents(csv)
        #expect(set.incidents.map(\.category) == [.nonViolent, .other, .nonViolent])
    }

    /// The keyword table of spec §1, one keyword per target and each matching rule.
    @Test(arguments: [
        ("A train was attacked", TargetSet([.rail])),
        ("two TRAINS stopped", [.rail]),
        ("the Jaffar  Express was hijacked", [.rail]),
        ("Buses and a convoy", [.road]),
        ("attack on Chinese engineers", [.foreignNationals]),
        ("foreign nationals were targeted", [.foreignNationals]),
        ("gas pipelines blown up", [.energy]),
        ("a fishing boat at the jetty", [.maritime]),
        ("rockets at the airport", [.aviation]),
        ("coal miners killed", [.mining]),
        ("FC soldiers and Levies", [.security]),
        ("Frontier Corps post", [.security]),
        ("policemen injured", [.security]),
        ("a trainee strained", []),            // whole words only
        ("the portal was closed", []),
        ("convoy of Chinese workers hit a mine", [.road, .foreignNationals, .mining]),
    ] as [(String, TargetSet)])
    func keywordsInferTargets(notes: String, expected: TargetSet) {
        let bytes = Array(notes.utf8)
        #expect(bytes.withUnsafeBufferPointer { TargetKeywords.shared.targets(in: $0) } == expected, "\(notes)")
    }

    @Test func withoutAKeywordTargetsComeFromCivilianTargeting() async throws {
        let text = [Self.currentHeader,
                    row("A", date: "2025-01-01", sub: "Attack", notes: "gunmen opened fire", civilian: "Civilian targeting"),
                    row("B", date: "2025-01-01", sub: "Attack", notes: "gunmen opened fire")].joined(separator: "\n")
        let set = try await incidents(text)
        #expect(set.incidents.map(\.targets) == [[.civilians], [.other]])
    }

    @Test func aMissingRequiredColumnNamesIt() async throws {
        let text = "event_id_cnty,event_date,sub_event_type,latitude,longitude\nA,2025-01-01,Attack,30,67\n"
        await #expect(throws: InputError(.malformed, file: "test.csv", location: "line 1",
                                         reason: "ACLED header has no 'geo_precision' column")) {
            try await incidents(text)
        }
    }
}
