import ArgumentParser
import CorridorRisk
import Platform

/// Where and how a report is written, as careful Unix tools do it:
///
/// - a regular file is replaced atomically: written to a temporary file beside it, flushed to
///   disk, then renamed into place, so a failure, a full disk or Ctrl-C never leaves half a
///   report; the old file's permission bits are kept; a read-only one is replaced only with
///   `--force`;
/// - a symbolic link is followed on purpose: the file it points to is replaced and the link stays
///   (a notice says so); a link to nothing is refused;
/// - anything that is not a regular file — `/dev/null`, a terminal, a FIFO — and the process's
///   own streams (`/dev/stdout`, `/dev/fd/N`) are written in place, never replaced by a file (a
///   full device is exit 74);
/// - a directory, a name ending in `/`, an empty name, or a file in the bundled data
///   (`Fixtures/balochistan`, which the next build compiles in) is refused before any work.
enum OutputFile {
    /// A checked target.
    struct Target {
        /// The path to write: the link's target for a symbolic link to a regular file.
        var path: String
        /// Write in place (devices, FIFOs) rather than replace.
        var inPlace: Bool
        /// The permission bits the replaced file had.
        var permissions: UInt32?
        /// Said on standard error (e.g. that a symbolic link was followed).
        var notice: String?
    }

    /// Checks `path` as an output; throws the failure (64 usage, 74 cannot write) to report.
    static func target(_ path: String, force: Bool) throws -> Target {
        guard !path.isEmpty else { throw usage("--output needs a file name, e.g. --output report.json") }
        if path.hasSuffix("/") {
            throw usage("--output \(path) ends in '/': name a file in that directory, e.g. --output \(path)report.json")
        }
        if let bundled = BundledDataset.sourceDirectory, let directory = FileSystem.canonicalPath(parent(of: path)),
           directory == bundled {
            throw usage("--output \(path) is in the bundled data (\(bundled)), which the next build compiles in: write the report elsewhere")
        }
        // The process's own streams and descriptors (`/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`)
        // are written in place even when they lead to a regular file: the caller's redirection.
        if path.hasPrefix("/dev/") || path.hasPrefix("/proc/"), FileSystem.status(path).map({ $0.kind != .directory }) == true {
            return Target(path: path, inPlace: true)
        }
        guard let link = FileSystem.linkStatus(path) else {
            guard FileSystem.status(parent(of: path))?.kind == .directory else {
                throw cannotWrite(path, "no such directory: \(parent(of: path))")
            }
            return Target(path: path, inPlace: false)
        }
        switch link.kind {
        case .symbolicLink:
            guard let target = FileSystem.status(path) else {
                throw cannotWrite(path, "is a symbolic link to nothing: remove the link or name a file")
            }
            if target.kind == .regular, let real = FileSystem.canonicalPath(path) {
                var resolved = try self.target(real, force: force)
                resolved.notice = "\(path) is a symbolic link: writing the file it points to, \(real)"
                return resolved
            }
            if target.kind == .directory { throw usage("--output \(path) is a directory: name a file in it, e.g. --output \(path)/report.json") }
            return Target(path: path, inPlace: true)
        case .directory:
            throw usage("--output \(path) is a directory: name a file in it, e.g. --output \(path)/report.json")
        case .regular:
            // Read-only by its mode (even for root, whom the system lets write anything).
            if !force && (!FileSystem.mayWrite(path) || link.permissions & 0o200 == 0) {
                throw cannotWrite(path, "is read-only (mode \(String(link.permissions, radix: 8))): pass --force to replace it")
            }
            return Target(path: path, inPlace: false, permissions: link.permissions)
        case .device, .fifo, .socket, .other:
            return Target(path: path, inPlace: true)
        }
    }

    /// Writes `bytes` to a checked target.
    static func write(_ bytes: [UInt8], to target: Target) throws {
        if target.inPlace {
            do throws(SystemError) {
                let file = try FileSystem.Writer.openExisting(target.path)
                try file.write(bytes)
                try file.close(flush: false)
            } catch {
                throw cannotWrite(target.path, error.reason)
            }
            return
        }
        let path = target.path
        let directory = parent(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let temporary = (path.contains("/") ? directory + "/" : "") + ".\(name).tmp-\(System.processID)"
        FileSystem.removeOnInterrupt(temporary)
        defer { FileSystem.clearRemoveOnInterrupt() }
        do throws(SystemError) {
            let file = try FileSystem.Writer.createNew(temporary, permissions: target.permissions ?? FileSystem.defaultFilePermissions)
            do throws(SystemError) {
                // The umask may have taken bits off: the replaced report's mode comes back exactly.
                if let permissions = target.permissions { try file.setPermissions(permissions) }
                try file.write(bytes)
                try file.close(flush: true)
            } catch {
                FileSystem.remove(temporary)
                throw error
            }
        } catch {
            throw cannotWrite(path, error.reason.hasPrefix("cannot create")
                              ? "cannot create a file in \(directory): \(error.reason.dropFirst("cannot create: ".count))"
                              : error.reason)
        }
        do throws(SystemError) {
            try FileSystem.rename(temporary, to: path)
        } catch {
            FileSystem.remove(temporary)
            throw cannotWrite(path, "cannot move the report into place: \(error.reason.dropFirst("cannot move into place: ".count))")
        }
    }

    /// Throws the usage error when `output` is one of `inputs`: `what` (a report, a partial
    /// result) never overwrites what it was made from.
    static func refuseInputs(_ output: String?, _ inputs: [String], what: String) throws {
        guard let output else { return }
        for input in inputs where sameFile(output, input) {
            throw ValidationError("--output \(output) is an input file; \(what) never overwrites its inputs")
        }
    }

    /// Whether two paths name the same existing file (so a report never replaces an input).
    static func sameFile(_ a: String, _ b: String) -> Bool { FileSystem.sameFile(a, b) }

    /// The directory part of a path (`.` for a bare name, `/` for a file at the root).
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func usage(_ message: String) -> ExitStatus.Failure {
        ExitStatus.Failure(message: message, code: ExitStatus.usage)
    }

    private static func cannotWrite(_ path: String, _ reason: String) -> ExitStatus.Failure {
        ExitStatus.Failure(message: "\(path): \(reason)", code: ExitStatus.cannotWrite)
    }
}
