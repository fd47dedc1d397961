/// An immutable block of bytes (a file's contents) that parallel readers share.
///
/// A regular file is memory-mapped read-only: no copy, no zeroed pages, and the pages a reader
/// has finished with can be handed back (`release`) so a large file never has to be resident
/// all at once. Other inputs (pipes, bytes in memory) are copied into owned memory. Nothing
/// writes to the bytes after creation, which is why sharing them between tasks is sound
/// (`@unchecked Sendable`); `deinit` unmaps or frees exactly once.
package final class ByteBuffer: @unchecked Sendable {
    private let base: UnsafeMutablePointer<UInt8>
    /// How many bytes the buffer holds.
    package let count: Int
    private let mapped: Bool

    private init(base: UnsafeMutablePointer<UInt8>, count: Int, mapped: Bool) {
        self.base = base
        self.count = count
        self.mapped = mapped
    }

    /// A copy of in-memory bytes.
    package convenience init(_ bytes: some Collection<UInt8>) {
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
        if mapped { LibC.unmap(base, count) } else { base.deallocate() }
    }

    /// Calls `body` with the bytes, keeping this buffer (and so the memory) alive until it returns.
    /// The only way to reach the bytes: a pointer that outlived the buffer would read freed memory.
    package func withBytes<T, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> T) throws(E) -> T {
        defer { withExtendedLifetime(self) {} }
        return try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// How much a sequential reader reads before it hands the pages back (`release`).
    package static let releaseStep = 8 << 20

    /// Tells the system the reader is done with `range` for now: mapped pages leave this
    /// process's memory (they are read again from the page cache if touched later).
    package func release(_ range: Range<Int>) {
        guard mapped else { return }
        let page = LibC.pageSize
        let start = (range.lowerBound + page - 1) / page * page
        let end = range.upperBound / page * page
        if end > start { LibC.dropPages(base + start, end - start) }
    }

    /// Reads a whole file (or pipe); a failure names what went wrong in words.
    package static func contents(ofFile path: String) throws(SystemError) -> ByteBuffer {
        let fd = LibC.openFile(path, LibC.readOnlyFlags)
        guard fd >= 0 else { throw SystemError.last("cannot open") }
        defer { LibC.closeFile(fd) }
        guard let info = LibC.status(ofDescriptor: fd) else { throw SystemError.last("cannot stat") }
        if info.kind == .directory { throw SystemError(reason: "is a directory, not a file") }
        if info.kind == .regular, info.size > 0, let map = LibC.mapReadOnly(fd, info.size) {
            return ByteBuffer(base: map, count: info.size, mapped: true)
        }
        // Pipes, empty or special files: read until end of file, growing by doubling.
        var capacity = max(info.size, 0) + 1
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
            let n = LibC.readBytes(fd, base + count, capacity - count)
            if n < 0 {
                base.deallocate()
                throw SystemError.last("read failed")
            }
            if n == 0 { break }
            count += n
        }
        return ByteBuffer(base: base, count: count, mapped: false)
    }
}

/// A failed system call, as a reason a user can read ("cannot open: No such file or directory").
package struct SystemError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What failed and the system's words for why.
    package var reason: String
    /// The `errno` value, 0 when the failure was not a system call's.
    package var code: Int32 = 0

    package init(reason: String, code: Int32 = 0) {
        self.reason = reason
        self.code = code
    }

    /// `what: <strerror(errno)>` for the call that just failed.
    package static func last(_ what: String) -> SystemError {
        let code = LibC.errorNumber
        return SystemError(reason: "\(what): \(LibC.message(code))", code: code)
    }

    package var description: String { reason }
}
