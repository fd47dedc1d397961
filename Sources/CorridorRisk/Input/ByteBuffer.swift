#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An immutable block of bytes (a file's contents) that parallel readers share.
///
/// A regular file is memory-mapped read-only: no copy, no zeroed pages, and the pages a reader
/// has finished with can be handed back (`release`) so a large file never has to be resident
/// all at once. Other inputs (pipes, bytes in memory) are copied into owned memory. Nothing
/// writes to the bytes after creation, which is why sharing them between tasks is sound
/// (`@unchecked Sendable`); `deinit` unmaps or frees exactly once.
final class ByteBuffer: @unchecked Sendable {
    private let base: UnsafeMutablePointer<UInt8>
    let count: Int
    private let mapped: Bool

    private init(base: UnsafeMutablePointer<UInt8>, count: Int, mapped: Bool) {
        self.base = base
        self.count = count
        self.mapped = mapped
    }

    /// A copy of in-memory bytes.
    convenience init(_ bytes: some Collection<UInt8>) {
        let base = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        let copied = bytes.withContiguousStorageIfAvailable { source -> Int in
            if let start = source.baseAddress { base.initialize(from: start, count: source.count) }
            return source.count
        }
        var count = copied ?? 0
        if copied == nil {
            for b in bytes { base[count] = b; count += 1 }
        }
        self.init(base: base, count: count, mapped: false)
    }

    deinit {
        if mapped { munmap(base, count) } else { base.deallocate() }
    }

    /// Calls `body` with the bytes, keeping this buffer (and so the memory) alive until it returns.
    /// The only way to reach the bytes: a pointer that outlived the buffer would read freed memory.
    func withBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try withExtendedLifetime(self) { try body(UnsafeBufferPointer(start: base, count: count)) }
    }

    /// How much a sequential reader reads before it hands the pages back (`release`).
    static let releaseStep = 8 << 20

    /// Tells the system the reader is done with `range` for now: mapped pages leave this
    /// process's memory (they are read again from the page cache if touched later).
    func release(_ range: Range<Int>) {
        guard mapped else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page
        let end = range.upperBound / page * page
        if end > start { madvise(base + start, end - start, Int32(MADV_DONTNEED)) }
    }

    /// Reads a whole file (or pipe); failures name the file and the reason.
    static func contents(ofFile path: String) throws -> ByteBuffer {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputError(.unreadable, file: path, reason: errnoText("cannot open")) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw InputError(.unreadable, file: path, reason: errnoText("cannot stat")) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw InputError(.unreadable, file: path, reason: "is a directory, not a file")
        }
        let size = Int(info.st_size)
        if (info.st_mode & S_IFMT) == S_IFREG, size > 0,
           let map = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), map != MAP_FAILED {
            _ = madvise(map, size, Int32(MADV_SEQUENTIAL))
            return ByteBuffer(base: map.assumingMemoryBound(to: UInt8.self), count: size, mapped: true)
        }
        // Pipes, empty or special files: read until end of file, growing by doubling.
        var capacity = max(size, 0) + 1
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
        return ByteBuffer(base: base, count: count, mapped: false)
    }

    private static func errnoText(_ what: String) -> String {
        "\(what): \(String(cString: strerror(errno)))"
    }
}
