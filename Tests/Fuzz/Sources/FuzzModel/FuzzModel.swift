import FuzzSupport

/// Any bytes as a JSON model file: an error naming the key, or parameters that validate.
@_cdecl("FuzzModel_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, count in fuzzModel(UnsafeRawPointer(data!), count) }
}

func fuzzModel(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    if let parameters = try? ModelParameters.parse(json: text) {
        require((try? parameters.validate()) != nil, "accepted parameters do not validate")
    }
    return 0
}
