import CCrypto

/// SHA-256 through the system's libcrypto (OpenSSL's EVP interface).
///
/// One owner of one `EVP_MD_CTX`, freed in `deinit`. The system library replaces swift-crypto,
/// whose BoringSSL copy made up most of a library user's cold build for this one hash.
package final class SHA256 {
    private let context: OpaquePointer

    /// A fresh hash. libcrypto fails here only when it is out of memory.
    package init() {
        guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            fatalError("libcrypto could not start a SHA-256 digest (out of memory)")
        }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Adds bytes to the hash.
    package func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        _ = EVP_DigestUpdate(context, base, bytes.count)
    }

    /// The digest as lowercase hex; the hash cannot be updated afterwards.
    package func finalizeHex() -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        _ = EVP_DigestFinal_ex(context, &digest, &length)
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(Int(length) * 2)
        for b in digest.prefix(Int(length)) {
            out.append(hex[Int(b >> 4)])
            out.append(hex[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The hex SHA-256 of `bytes`.
    package static func hex(of bytes: UnsafeRawBufferPointer) -> String {
        let h = SHA256()
        h.update(bytes)
        return h.finalizeHex()
    }
}
