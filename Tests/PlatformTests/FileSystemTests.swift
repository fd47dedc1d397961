import Testing
import Platform

@Suite struct FileSystemTests {
    private func temporaryPath(_ name: String) -> String { "/tmp/corridorrisk-platform-\(System.processID)-\(name)" }

    @Test func aNewFileIsWrittenAndReadBackByteForByte() throws {
        let path = temporaryPath("round-trip")
        FileSystem.remove(path)
        defer { FileSystem.remove(path) }
        let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let file = try FileSystem.Writer.createNew(path, permissions: 0o600)
        try file.write(bytes)
        try file.close(flush: true)
        let back = try ByteBuffer.contents(ofFile: path)
        #expect(back.withBytes { Array($0) } == bytes)
        #expect(FileSystem.status(path)?.permissions == 0o600)
        #expect(FileSystem.status(path)?.kind == .regular)
    }

    @Test func createNewNeverReusesAnExistingName() throws {
        let path = temporaryPath("exclusive")
        FileSystem.remove(path)
        defer { FileSystem.remove(path) }
        _ = try FileSystem.Writer.createNew(path, permissions: 0o644)
        #expect(throws: SystemError.self) { _ = try FileSystem.Writer.createNew(path, permissions: 0o644) }
    }

    @Test func aMissingFileNamesTheSystemReason() {
        #expect {
            _ = try ByteBuffer.contents(ofFile: "/nonexistent/file.csv")
        } throws: { error in
            (error as? SystemError)?.reason == "cannot open: No such file or directory"
        }
    }

    @Test func aDirectoryIsNotReadAsAFile() {
        #expect {
            _ = try ByteBuffer.contents(ofFile: "/tmp")
        } throws: { error in
            (error as? SystemError)?.reason == "is a directory, not a file"
        }
    }

    @Test func devicesAreRecognised() {
        #expect(FileSystem.status("/dev/null")?.kind == .device)
        #expect(FileSystem.linkStatus("/dev/stdout")?.kind == .symbolicLink)
    }

    @Test func theLockSerialisesConcurrentUpdates() async {
        final class Counter: @unchecked Sendable {
            let lock = Lock()
            var value = 0
        }
        let counter = Counter()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask { for _ in 0..<10_000 { counter.lock.locked { counter.value += 1 } } }
            }
        }
        #expect(counter.value == 80_000)
    }
}
