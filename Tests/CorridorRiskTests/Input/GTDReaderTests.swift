import Testing
@testable import CorridorRisk

@Suite struct GTDReaderTests {
    static let header = "eventid,iyear,imonth,iday,country_txt,latitude,longitude,specificity,summary,suicide,"
        + "attacktype1_txt,targtype1_txt,targsubtype1_txt,targtype2_txt,targsubtype2_txt,targtype3_txt,targsubtype3_txt,"
        + "nkill,nwound,nhostkid,scite1"

    @Test func mapsAttackTypesTargetsSpecificityAndUnknownCounts() async throws {
        let rows = [
            "201903179001,2019,3,17,Pakistan,28.54657,68.22308,1,Train derailed,0,Bombing/Explosion,Transportation,Train/Train Tracks/Trolley,,,,,5,12,-99,Nation",
            "201808119001,2018,8,11,Pakistan,28.88846,64.40616,2,Bus bombed,1,Bombing/Explosion,Transportation,Bus (excluding tourists),Private Citizens & Property,Unnamed Civilian/Unspecified,,,0,5,,Dawn",
            "202101039001,2021,1,0,Pakistan,29.86371,67.33018,4,Miners kidnapped,0,Hostage Taking (Kidnapping),Business,Mining,Police,Police Checkpoint,Military,Military Unit/Patrol/Convoy,11,-9,11.0,The News",
            "201905119001,2019,5,11,Pakistan,25.12163,62.32541,5,Hotel stormed,0,Armed Assault,Business,Hotel/Resort,Government (Diplomatic),Embassy,,,5,6,0,Dawn",
        ]
        let set = try await incidents(([Self.header] + rows).joined(separator: "\n"))
        #expect(set.format == .gtd)
        #expect(set.rejected.isEmpty)
        let i = set.incidents
        #expect(i.map(\.category) == [.bombing, .suicideBombing, .kidnapping, .armedAssault])
        #expect(i.map(\.targets) == [[.rail], [.road, .civilians], [.security, .other], [.government, .other]])
        #expect(i.map(\.precision) == [.exact, .nearTown, .region, .region])
        #expect(i[0].hostages == 0)                           // -99 is unknown
        #expect(i[2].injured == 0 && i[2].hostages == 11)   // -9 unknown, 11.0 fine
        #expect(i[2].date == CalendarDay(year: 2021, month: 1, day: 1))  // unknown day: the 1st
        #expect(i[0].source == "Nation")
        #expect(i[0].description == "Train derailed")
    }

    @Test func otherAttackTypes() {
        #expect(GTDRowMapper.category("Hijacking", suicide: false) == .hijacking)
        #expect(GTDRowMapper.category("Hostage Taking (Barricade Incident)", suicide: false) == .hostageTaking)
        #expect(GTDRowMapper.category("Facility/Infrastructure Attack", suicide: false) == .sabotage)
        #expect(GTDRowMapper.category("Assassination", suicide: false) == .armedAssault)
        #expect(GTDRowMapper.category("Unarmed Assault", suicide: false) == .armedAssault)
        #expect(GTDRowMapper.category("Unknown", suicide: false) == .other)
        #expect(GTDRowMapper.target("Utilities", subtype: "") == .energy)
        #expect(GTDRowMapper.target("Maritime", subtype: "") == .maritime)
        #expect(GTDRowMapper.target("Airports & Aircraft", subtype: "") == .aviation)
        #expect(GTDRowMapper.target("Military", subtype: "") == .security)
        #expect(GTDRowMapper.target("Government (General)", subtype: "") == .government)
        #expect(GTDRowMapper.target("Educational Institution", subtype: "") == .other)
    }

    @Test func aBadSpecificityIsRejected() async throws {
        let set = try await incidents(Self.header + "\n1,2019,3,17,Pakistan,28.5,68.2,7,x,0,Armed Assault,,,,,,,1,0,0,s\n")
        #expect(set.rejected.map(\.reason) == ["specificity must be 1 to 5, got '7'"])
    }
}
