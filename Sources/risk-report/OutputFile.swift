import Platform

/// Writes a report atomically: to a temporary file beside the target, flushed to disk, then
/// renamed into place, so a failure, a full disk or Ctrl-C never leaves half a report.
enum OutputFile {
    static func write(_ bytes: [UInt8], to path: String) throws {
        let directory = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : "."
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(name).tmp-\(System.processID)"
        FileSystem.removeOnInterrupt(temporary)
        defer { FileSystem.clearRemoveOnInterrupt() }
        do throws(SystemError) {
            let file = try FileSystem.Writer.createNew(temporary, permissions: 0o644)
            do throws(SystemError) {
                try file.write(bytes)
                try file.close(flush: true)
            } catch {
                FileSystem.remove(temporary)
                throw error
            }
        } catch {
            throw failure(path, error.reason.hasPrefix("cannot create")
                          ? "cannot create a file in \(directory == "" ? "/" : directory): \(error.reason.dropFirst("cannot create: ".count))"
                          : error.reason)
        }
        do throws(SystemError) {
            try FileSystem.rename(temporary, to: path)
        } catch {
            FileSystem.remove(temporary)
            throw failure(path, "cannot move the report into place: \(error.reason.dropFirst("cannot move into place: ".count))")
        }
    }

    /// Whether two paths name the same existing file (so a report never replaces an input).
    static func sameFile(_ a: String, _ b: String) -> Bool { FileSystem.sameFile(a, b) }

    private static func failure(_ path: String, _ reason: String) -> ExitStatus.Failure {
        ExitStatus.Failure(message: "\(path): \(reason)", code: ExitStatus.cannotWrite)
    }
}
