import Foundation
import TestSupport

/// Small GDAL inputs written by the tests themselves (no download), in a temporary directory
/// each test removes.
enum GDALTestFiles {
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("corridorrisk-gdal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `writer`'s OSM XML as `name` in `dir`.
    static func osm(_ writer: OSMXMLWriter, _ name: String = "extract.osm", in dir: URL) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try writer.text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A road from (66.0, 28.0) going north-east in `n` ways of `pointsPerWay` points each,
    /// consecutive ways sharing their end node.
    static func roadWays(_ n: Int, pointsPerWay: Int = 3, step: Double = 0.001) -> [[(lon: Double, lat: Double)]] {
        var ways: [[(lon: Double, lat: Double)]] = []
        var k = 0
        for _ in 0..<n {
            var w: [(lon: Double, lat: Double)] = []
            for j in 0..<pointsPerWay {
                let i = k + j
                w.append((66.0 + Double(i) * step, 28.0 + Double(i) * step * 0.5 + (i % 2 == 0 ? 0 : step * 0.2)))
            }
            ways.append(w)
            k += pointsPerWay - 1
        }
        return ways
    }

    /// Runs a command-line tool (ogr2ogr), returning its status and standard error.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// GDAL's command-line tools, from Debian's gdal-bin (`.ci/run` installs it).
    static let ogr2ogr = "/usr/bin/ogr2ogr"
    static let ogrinfo = "/usr/bin/ogrinfo"
    static var missingTools: String? {
        FileManager.default.isExecutableFile(atPath: ogr2ogr) ? nil : "no ogr2ogr (Debian's gdal-bin): the test is skipped"
    }
}
