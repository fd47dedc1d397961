#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let systemWrite = Glibc.write
#else
private let systemWrite = Darwin.write
#endif

/// A directory of this process's own under the temporary directory, for the targets whose
/// readers only take a path (GDAL). Each input is written to one file in it, and everything in it
/// (GDAL's side files too: `-wal`, `-shm`, `-journal`, `.aux.xml`) is removed after each run.
/// The directory itself is removed at exit; after a crash it is left for inspection.
public final class ScratchDirectory: @unchecked Sendable {
    public let path: String

    /// `/tmp/corridor-fuzz-<tag>-<pid>` (or under `$TMPDIR`), created now.
    public init(tag: String) {
        let base = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        path = "\(base)/corridor-fuzz-\(tag)-\(getpid())"
        if mkdir(path, 0o700) != 0 && errno != EEXIST {
            fatalError("cannot create \(path): errno \(errno)")
        }
        ScratchDirectory.atExit.append(path)
        if ScratchDirectory.atExit.count == 1 {
            atexit {
                for p in ScratchDirectory.atExit {
                    ScratchDirectory.removeContents(of: p)
                    rmdir(p)
                }
            }
        }
    }

    nonisolated(unsafe) private static var atExit: [String] = []

    /// Writes `bytes` to `name` in the directory (replacing it) and returns the file's path.
    public func write(_ bytes: UnsafeRawBufferPointer, name: String) -> String {
        let file = "\(path)/\(name)"
        let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { fatalError("cannot create \(file): errno \(errno)") }
        var done = 0
        while done < bytes.count {
            let n = systemWrite(fd, bytes.baseAddress! + done, bytes.count - done)
            guard n > 0 else { fatalError("cannot write \(file): errno \(errno)") }
            done += n
        }
        close(fd)
        return file
    }

    /// Removes every file in the directory.
    public func clear() { ScratchDirectory.removeContents(of: path) }

    /// The names of the files in the directory now (to check that nothing is left behind).
    public func entries() -> [String] { ScratchDirectory.names(in: path) }

    private static func names(in path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    private static func removeContents(of path: String) {
        for name in Self.names(in: path) {
            let file = "\(path)/\(name)"
            if unlink(file) != 0 && errno == EISDIR {
                removeContents(of: file)
                rmdir(file)
            }
        }
    }
}
