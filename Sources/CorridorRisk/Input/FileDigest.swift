import Crypto

/// The SHA-256 of an input's bytes, recorded in every report so a reader can tell exactly which
/// files produced it.
public struct FileDigest: Hashable, Sendable {
    /// Lowercase hex SHA-256.
    public var sha256: String
    public var byteCount: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        sha256 = SHA256.hash(data: UnsafeRawBufferPointer(bytes)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
        byteCount = bytes.count
    }

    /// The digest of the file at `path`.
    public static func of(path: String) throws -> FileDigest {
        try ByteBuffer.contents(ofFile: path).withBytes(FileDigest.init)
    }
}
