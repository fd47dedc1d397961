#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An immutable block of bytes (a file's contents) that parallel readers share.
///
/// It owns its memory and frees it in `deinit`; nothing writes to it after creation, which is
/// why handing it to several tasks at once is sound (`@unchecked Sendable`).
final class ByteBuffer: @unchecked Sendable {
    private let base: UnsafeMutablePointer<UInt8>
    let count: Int

    private init(base: UnsafeMutablePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    /// A copy of in-memory bytes.
    convenience init(_ bytes: some Collection<UInt8>) {
        let base = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        var i = 0
        for b in bytes { base[i] = b; i += 1 }
        self.init(base: base, count: i)
    }

    deinit { base.deallocate() }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Reads a whole file (or pipe) with POSIX calls; failures name the file and the reason.
    static func contents(ofFile path: String) throws -> ByteBuffer {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputError(.unreadable, file: path, reason: errnoText("cannot open")) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw InputError(.unreadable, file: path, reason: errnoText("cannot stat")) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw InputError(.unreadable, file: path, reason: "is a directory, not a file")
        }
        // Sized from stat for a regular file; grown by doubling for pipes or a file that grows.
        var capacity = max(Int(info.st_size), 0) + 1
        var base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        var count = 0
        while true {
            if count == capacity {
                let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                bigger.update(from: base, count: count)
                base.deallocate()
                base = bigger
                capacity *= 2
            }
            let n = read(fd, base + count, capacity - count)
            if n < 0 {
                if errno == EINTR { continue }
                base.deallocate()
                throw InputError(.unreadable, file: path, reason: errnoText("read failed"))
            }
            if n == 0 { break }
            count += n
        }
        return ByteBuffer(base: base, count: count)
    }

    private static func errnoText(_ what: String) -> String {
        "\(what): \(String(cString: strerror(errno)))"
    }
}
