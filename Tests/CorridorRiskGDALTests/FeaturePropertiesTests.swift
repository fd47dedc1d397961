@testable import CorridorRiskGDAL
import Testing

@Suite struct FeaturePropertiesTests {
    @Test func osmOtherTagsAreReadAsTags() {
        let tags = FeatureProperties.hstore(#""ref"=>"N-25","name:ur"=>"قومی شاہراہ","note"=>"say \"hi\", c:\\""#)
        #expect(tags.map(\.0) == ["ref", "name:ur", "note"])
        #expect(tags[2].1 == #"say "hi", c:\"#)
        #expect(tags[1].1 == "قومی شاہراہ")
        #expect(FeatureProperties.hstore(#""broken"=>"#).isEmpty)
    }

    @Test func listsInEveryFormGDALWritesThem() {
        #expect(FeatureProperties.list("Jaffar Express route; Bolan corridor") == ["Jaffar Express route", "Bolan corridor"])
        #expect(FeatureProperties.list("(2:Jaffar Express route,Bolan corridor)") == ["Jaffar Express route", "Bolan corridor"])
        #expect(FeatureProperties.list(#"["A", "B, C"]"#) == ["A", "B, C"])
        // A parenthesis that is not GDAL's list form stays one name.
        #expect(FeatureProperties.list("(3:a,b)") == ["(3:a,b)"])
        #expect(FeatureProperties.list("N-25 (RCD)") == ["N-25 (RCD)"])
    }
}
