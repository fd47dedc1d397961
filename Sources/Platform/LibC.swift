#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#else
#error("CorridorRisk needs a POSIX C library (glibc or Darwin)")
#endif

/// Every call into the C library that the package makes, and nothing else: the one file that
/// knows which C library the platform has (glibc on Linux, Darwin on macOS). The rest of the
/// package calls these thin wrappers, so a port touches this file only. The wrappers are named
/// differently from the C functions they call, so no call here can recurse into itself.
enum LibC {
    // MARK: - Errors

    /// The current `errno`.
    static var errorNumber: Int32 { errno }

    /// `strerror` of an error number, e.g. "No such file or directory".
    static func message(_ code: Int32) -> String { String(cString: strerror(code)) }

    static let interrupted = EINTR
    static let notFound = ENOENT

    // MARK: - File descriptors

    static let readOnlyFlags = O_RDONLY | O_CLOEXEC
    /// Write only, created exclusively: never follows or reuses an existing name.
    static let createExclusiveFlags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC
    /// Write only into an existing file (a device, a FIFO): no create, no truncate.
    static let writeExistingFlags = O_WRONLY | O_CLOEXEC

    static func openFile(_ path: String, _ flags: Int32, permissions: UInt32 = 0) -> Int32 {
        open(path, flags, mode_t(permissions))
    }

    static func closeFile(_ fd: Int32) { _ = close(fd) }

    /// Reads up to `count` bytes, retrying on EINTR; −1 on failure.
    static func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        while true {
            let n = read(fd, buffer, count)
            if n < 0 && errno == EINTR { continue }
            return n
        }
    }

    /// Writes every byte, retrying short writes and EINTR; false on failure (errno is set).
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard var next = bytes.baseAddress else { return true }
        var left = bytes.count
        while left > 0 {
            let n = write(fd, next, left)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            next += n
            left -= n
        }
        return true
    }

    static func flushToDisk(_ fd: Int32) -> Bool { fsync(fd) == 0 }

    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) != 0 }

    // MARK: - File metadata

    private static func describe(_ s: stat) -> FileStatus {
        let mode = UInt32(s.st_mode)
        let type: FileStatus.Kind
        switch mode & UInt32(S_IFMT) {
        case UInt32(S_IFREG): type = .regular
        case UInt32(S_IFDIR): type = .directory
        case UInt32(S_IFLNK): type = .symbolicLink
        case UInt32(S_IFCHR), UInt32(S_IFBLK): type = .device
        case UInt32(S_IFIFO): type = .fifo
        case UInt32(S_IFSOCK): type = .socket
        default: type = .other
        }
        return FileStatus(device: UInt64(s.st_dev), inode: UInt64(s.st_ino), size: Int(s.st_size),
                          permissions: mode & 0o7777, kind: type)
    }

    /// `stat`: follows symbolic links.
    static func status(ofPath path: String) -> FileStatus? {
        var s = stat()
        return stat(path, &s) == 0 ? describe(s) : nil
    }

    /// `lstat`: describes a final symbolic link itself.
    static func linkStatus(ofPath path: String) -> FileStatus? {
        var s = stat()
        return lstat(path, &s) == 0 ? describe(s) : nil
    }

    static func status(ofDescriptor fd: Int32) -> FileStatus? {
        var s = stat()
        return fstat(fd, &s) == 0 ? describe(s) : nil
    }

    static func setPermissions(_ fd: Int32, _ permissions: UInt32) -> Bool { fchmod(fd, mode_t(permissions)) == 0 }

    /// Whether this process may write the file (`access(W_OK)`).
    static func mayWrite(_ path: String) -> Bool { access(path, W_OK) == 0 }

    static func renameFile(_ from: String, _ to: String) -> Bool { rename(from, to) == 0 }

    static func removeFile(_ path: String) -> Bool { unlink(path) == 0 }

    /// Creates a directory (0755); true when it exists afterwards.
    static func makeDirectory(_ path: String) -> Bool { mkdir(path, 0o755) == 0 || errno == EEXIST }

    /// The canonical absolute path (symbolic links resolved), or nil when it does not exist.
    static func canonicalPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// The process's file-creation mask (read by setting and restoring it).
    static func creationMask() -> UInt32 {
        let old = umask(0o022)
        umask(old)
        return UInt32(old)
    }

    // MARK: - Memory maps

    /// Maps a file read-only for sequential reading; nil when it cannot be mapped.
    static func mapReadOnly(_ fd: Int32, _ count: Int) -> UnsafeMutablePointer<UInt8>? {
        guard let p = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        _ = madvise(p, count, Int32(MADV_SEQUENTIAL))
        return p.assumingMemoryBound(to: UInt8.self)
    }

    static func unmap(_ p: UnsafeMutablePointer<UInt8>, _ count: Int) { _ = munmap(p, count) }

    /// Hands mapped pages back; they are read again from the page cache if touched later.
    static func dropPages(_ p: UnsafeMutablePointer<UInt8>, _ count: Int) { _ = madvise(p, count, Int32(MADV_DONTNEED)) }

    static var pageSize: Int { Int(sysconf(Int32(_SC_PAGESIZE))) }

    // MARK: - Process

    static var onlineProcessors: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    static var processID: Int32 { getpid() }

    static func environmentValue(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

    /// Peak resident set size of this process in bytes (`getrusage`).
    static var peakResidentBytes: Int {
        var usage = rusage()
        #if canImport(Darwin)
        getrusage(RUSAGE_SELF, &usage)
        return Int(usage.ru_maxrss)
        #else
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024
        #endif
    }

    // MARK: - Locks

    /// A pthread mutex in memory of its own (a mutex must not move once initialised).
    static func makeMutex() -> UnsafeMutablePointer<pthread_mutex_t> {
        let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        m.initialize(to: pthread_mutex_t())
        pthread_mutex_init(m, nil)
        return m
    }

    static func destroyMutex(_ m: UnsafeMutablePointer<pthread_mutex_t>) {
        pthread_mutex_destroy(m)
        m.deinitialize(count: 1)
        m.deallocate()
    }

    static func lock(_ m: UnsafeMutablePointer<pthread_mutex_t>) { pthread_mutex_lock(m) }
    static func unlock(_ m: UnsafeMutablePointer<pthread_mutex_t>) { pthread_mutex_unlock(m) }

    // MARK: - Signals

    /// The path the interrupt handler removes; plain C memory, read without locks or allocation.
    nonisolated(unsafe) private static var interruptPath: UnsafeMutablePointer<CChar>?

    /// Until `clearInterruptCleanup`: on SIGINT, SIGTERM or SIGHUP remove `path`, exit 128 + signal.
    static func removeOnInterrupt(_ path: String) {
        interruptPath = strdup(path)
        for s in [SIGINT, SIGTERM, SIGHUP] {
            signal(s) { signal in
                if let p = LibC.interruptPath { unlink(p) }
                _exit(128 + signal)
            }
        }
    }

    static func clearInterruptCleanup() {
        for s in [SIGINT, SIGTERM, SIGHUP] { signal(s, SIG_DFL) }
        free(interruptPath)
        interruptPath = nil
    }
}

/// What the file system says about a path or descriptor.
package struct FileStatus: Hashable, Sendable {
    /// The file's type.
    package enum Kind: Hashable, Sendable { case regular, directory, symbolicLink, device, fifo, socket, other }

    /// Device and inode: together they name the file, whatever path reached it.
    package var device: UInt64
    package var inode: UInt64
    package var size: Int
    /// The permission bits (`st_mode & 0o7777`).
    package var permissions: UInt32
    package var kind: Kind

    /// Whether `other` is the same file (same device and inode).
    package func isSameFile(as other: FileStatus) -> Bool { device == other.device && inode == other.inode }
}

/// Byte search with the C library's `memchr` (vectorised by the platform), inlinable so the CSV
/// scanner's hot loop calls it directly.
package enum ByteSearch {
    /// The first index of `byte` in bytes[from..<to], or nil.
    @inlinable
    package static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, let base = bytes.baseAddress,
              let hit = memchr(base + from, Int32(byte), to - from) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
}
