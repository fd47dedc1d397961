import ArgumentParser
import CorridorRisk

/// Reads a number on the command line as the spec reads numbers: decimal only (`0x10`, `nan`
/// and `inf` are refused, where Swift's own parser would take them); negative values get
/// through so that the option's own check can say what range it needs.
/// (ArgumentParser's message names the option and the value: this adds the reason.)
func decimalArgument(_ text: String) throws -> Double {
    guard let v = ByteParsing.double(text) else { throw ValidationError("not a decimal number: write it like 5 or 2.5") }
    return v
}
