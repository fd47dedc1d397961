/// File-system operations the tools need beyond reading (which `ByteBuffer` does), as small
/// typed calls over the C library. Policy (what may be overwritten, and how) stays with the
/// caller; this only makes the calls and turns failures into `SystemError`.
package enum FileSystem {
    /// What `path` names, following symbolic links; nil when nothing is there.
    package static func status(_ path: String) -> FileStatus? { LibC.status(ofPath: path) }

    /// What `path` itself is (a symbolic link is reported as one); nil when nothing is there.
    package static func linkStatus(_ path: String) -> FileStatus? { LibC.linkStatus(ofPath: path) }

    /// Whether two paths name the same existing file.
    package static func sameFile(_ a: String, _ b: String) -> Bool {
        guard let sa = status(a), let sb = status(b) else { return false }
        return sa.isSameFile(as: sb)
    }

    /// The absolute path with symbolic links resolved, or nil when it does not exist.
    package static func canonicalPath(_ path: String) -> String? { LibC.canonicalPath(path) }

    /// Whether this process may write to the file.
    package static func mayWrite(_ path: String) -> Bool { LibC.mayWrite(path) }

    /// Creates a directory unless it exists.
    package static func makeDirectory(_ path: String) throws(SystemError) {
        guard LibC.makeDirectory(path) else { throw SystemError.last("cannot create directory \(path)") }
    }

    /// The permission bits a new file gets by default (0666 less the umask).
    package static var defaultFilePermissions: UInt32 { 0o666 & ~LibC.creationMask() }

    /// An open file being written; closed by `close()` or when dropped.
    package final class Writer {
        private var fd: Int32

        private init(fd: Int32) { self.fd = fd }

        deinit { if fd >= 0 { LibC.closeFile(fd) } }

        /// Creates `path`, which must not exist (no symbolic link or old file is followed).
        package static func createNew(_ path: String, permissions: UInt32) throws(SystemError) -> Writer {
            let fd = LibC.openFile(path, LibC.createExclusiveFlags, permissions: permissions)
            guard fd >= 0 else { throw SystemError.last("cannot create") }
            return Writer(fd: fd)
        }

        /// Opens an existing file for writing in place, without creating or truncating it
        /// (for devices and FIFOs, which must not be replaced).
        package static func openExisting(_ path: String) throws(SystemError) -> Writer {
            let fd = LibC.openFile(path, LibC.writeExistingFlags)
            guard fd >= 0 else { throw SystemError.last("cannot open for writing") }
            return Writer(fd: fd)
        }

        /// Writes every byte.
        package func write(_ bytes: UnsafeRawBufferPointer) throws(SystemError) {
            guard LibC.writeAll(fd, bytes) else { throw SystemError.last("write failed") }
        }

        /// Writes every byte.
        package func write(_ bytes: [UInt8]) throws(SystemError) {
            let ok = bytes.withUnsafeBytes { LibC.writeAll(fd, $0) }
            if !ok { throw SystemError.last("write failed") }
        }

        /// Sets the permission bits.
        package func setPermissions(_ permissions: UInt32) throws(SystemError) {
            guard LibC.setPermissions(fd, permissions) else { throw SystemError.last("cannot set permissions") }
        }

        /// Flushes to the disk (regular files) and closes.
        package func close(flush: Bool) throws(SystemError) {
            defer {
                LibC.closeFile(fd)
                fd = -1
            }
            if flush && !LibC.flushToDisk(fd) { throw SystemError.last("write failed") }
        }
    }

    /// Renames atomically within a file system.
    package static func rename(_ from: String, to: String) throws(SystemError) {
        guard LibC.renameFile(from, to) else { throw SystemError.last("cannot move into place") }
    }

    /// Removes a file; a missing one is not an error.
    package static func remove(_ path: String) { _ = LibC.removeFile(path) }

    /// Until `clearRemoveOnInterrupt()`: SIGINT, SIGTERM or SIGHUP remove `path` and exit with
    /// 128 + the signal, so an interrupted write never leaves a temporary file behind.
    package static func removeOnInterrupt(_ path: String) { LibC.removeOnInterrupt(path) }

    /// Restores the default signal handling.
    package static func clearRemoveOnInterrupt() { LibC.clearInterruptCleanup() }
}
