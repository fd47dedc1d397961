import FuzzSupport

/// Any bytes as a JSON model file: an error naming the key (empty only for a key spelled ""), or
/// parameters that validate; parsing the same text again gives the same result.
@_cdecl("FuzzModel_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, count in fuzzModel(UnsafeRawPointer(data!), count) }
}

func fuzzModel(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let parameters: ModelParameters
    do {
        parameters = try ModelParameters.parse(json: text)
    } catch {
        trace("\(error)")
        // The key is named as spelled, so an unknown key "" is named ""; no other empty key.
        require(!error.reason.isEmpty, "an error without a reason: \(error)")
        require(!error.key.isEmpty || text.contains("\"\""), "an error without a key: \(error)")
        require((try? ModelParameters.parse(json: text)) == nil, "a second parse succeeds")
        return 0
    }
    trace("accepted")
    do { try parameters.validate() } catch { require(false, "accepted parameters do not validate: \(error)") }
    require((try? ModelParameters.parse(json: text)) == parameters, "a second parse differs")
    return 0
}
