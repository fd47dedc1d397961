import Platform

/// The SHA-256 of an input's bytes, recorded in every report so a reader can tell exactly which
/// files produced it.
public struct FileDigest: Hashable, Sendable {
    /// Lowercase hex SHA-256.
    public var sha256: String
    /// The file's size in bytes.
    public var byteCount: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.init(sha256: SHA256.hex(of: UnsafeRawBufferPointer(bytes)), byteCount: bytes.count)
    }

    init(sha256: String, byteCount: Int) {
        self.sha256 = sha256
        self.byteCount = byteCount
    }

    /// The digest of the file at `path`.
    public static func of(path: String) throws -> FileDigest {
        try InputError.contents(of: path).withBytes(FileDigest.init)
    }
}

extension ByteBuffer {
    /// The file's digest and how many byte sequences in it are not valid UTF-8, in one pass of
    /// 4 MiB chunks whose pages are handed back as soon as they are done (so this pass, which
    /// runs alongside the parse, never makes the whole file resident).
    func digestAndUTF8Check() -> (FileDigest, invalidUTF8: Int) {
        withBytes { bytes in
            let hasher = SHA256()
            var invalid = 0, checked = 0
            var start = 0
            while start < bytes.count {
                let end = min(start + (1 << 22), bytes.count)
                hasher.update(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<end]))
                if checked < end {
                    let (count, next) = UTF8Check.invalidSequences(in: bytes, from: checked, to: end)
                    invalid += count
                    checked = next
                }
                release(start..<end)
                start = end
            }
            return (FileDigest(sha256: hasher.finalizeHex(), byteCount: bytes.count), invalid)
        }
    }
}
