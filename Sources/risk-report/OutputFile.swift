#if canImport(Glibc)
import Glibc
#endif

/// Writes a report atomically: to a temporary file beside the target, flushed to disk, then
/// renamed into place, so a failure, a full disk or Ctrl-C never leaves half a report.
enum OutputFile {
    static func write(_ bytes: [UInt8], to path: String) throws {
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(name).tmp-\(getpid())"
        InterruptCleanup.protect(temporary)
        defer { InterruptCleanup.release() }

        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw failure(path, "cannot create a file in \(directory == "" ? "/" : directory)") }
        var written = 0
        let ok = bytes.withUnsafeBytes { raw -> Bool in
            while written < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 { if errno == EINTR { continue }; return false }
                written += n
            }
            return fsync(fd) == 0
        }
        let reason = ok ? nil : String(cString: strerror(errno))
        close(fd)
        guard ok else {
            unlink(temporary)
            throw failure(path, "write failed: \(reason ?? "unknown error")")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw failure(path, "cannot move the report into place: \(reason)")
        }
    }

    /// Whether two paths name the same existing file (so a report never replaces an input).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    private static func failure(_ path: String, _ reason: String) -> ExitStatus.Failure {
        let detail = reason.hasPrefix("cannot create") ? "\(reason): \(String(cString: strerror(errno)))" : reason
        return ExitStatus.Failure(message: "\(path): \(detail)", code: ExitStatus.cannotWrite)
    }
}

/// Removes the temporary report file if the process is interrupted while it is being written.
enum InterruptCleanup {
    // The path lives in memory the signal handler can read without locks or allocation.
    nonisolated(unsafe) private static var path: UnsafeMutablePointer<CChar>?

    static func protect(_ temporary: String) {
        path = strdup(temporary)
        for s in [SIGINT, SIGTERM, SIGHUP] {
            signal(s) { signal in
                if let p = InterruptCleanup.path { unlink(p) }
                _exit(128 + signal)
            }
        }
    }

    static func release() {
        for s in [SIGINT, SIGTERM, SIGHUP] { signal(s, SIG_DFL) }
        free(path)
        path = nil
    }
}
