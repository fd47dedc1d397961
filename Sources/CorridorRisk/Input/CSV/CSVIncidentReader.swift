import Platform

/// Reads a CSV incidents file of any supported layout, in parallel pieces, into an
/// `IncidentSet` whose contents do not depend on how many pieces were used.
enum CSVIncidentReader {
    /// A field longer than this is a broken file (no export has megabyte notes), not data.
    static let maximumFieldBytes = 1 << 20

    static func read(_ buffer: ByteBuffer, file: String, format requested: IncidentFormat, keepText: Bool,
                     parallelism: Int) async throws -> IncidentSet {
        let (header, start) = try buffer.withBytes { bytes in
            try checkEncoding(bytes, file: file)
            var scanner = CSVScanner(bytes: bytes, from: hasUTF8BOM(bytes) ? 3 : 0)
            var headerRecord = CSVRecord()
            guard scanner.next(into: &headerRecord) else {
                throw InputError(.malformed, file: file, reason: "is empty: no header line")
            }
            if headerRecord.unterminatedQuote {
                throw InputError(.malformed, file: file, location: "line 1", reason: "the header has an unterminated quoted field")
            }
            let names = headerRecord.fields.map { scanner.string($0).trimmedSpaces.lowercased() }
            let header = CSVHeader(names: names)
            if let repeated = header.repeatedName {
                throw InputError(.malformed, file: file, location: "line 1", reason: "column '\(repeated.name.prefix(60))' appears twice "
                                 + "in the header (columns \(repeated.first) and \(repeated.second)): remove or rename one")
            }
            return (header, (position: scanner.position, line: scanner.line))
        }
        let format = requested == .auto ? IncidentFormat.detect(csvHeader: header.names) : requested
        switch format {
        case .acled:
            return try await read(ACLEDRowMapper(header: header, file: file, keepText: keepText), .acled, buffer, header, start, file, parallelism)
        case .gtd:
            return try await read(GTDRowMapper(header: header, file: file, keepText: keepText), .gtd, buffer, header, start, file, parallelism)
        case .native:
            return try await read(NativeRowMapper(header: header, file: file, keepText: keepText), .native, buffer, header, start, file, parallelism)
        case .geojson, .layer:
            throw InputError(.malformed, file: file, reason: "is CSV, not \(format == .geojson ? "GeoJSON" : "a GDAL layer")")
        case .auto, nil:
            throw InputError(.malformed, file: file, location: "line 1", reason:
                "unrecognised incidents layout: the header has none of ACLED's event_id_cnty and sub_event_type, "
                + "GTD's eventid and iyear, or the native id, date, lon, lat columns")
        }
    }

    /// What one piece produced.
    private struct PieceResult: Sendable {
        var incidents: [Incident] = []
        var incidentLines: [Int] = []
        var rejected: [RejectedRecord] = []
        var read = 0
        var end = 0
        var endLine = 0

        mutating func shiftLines(by offset: Int) {
            for i in incidentLines.indices { incidentLines[i] += offset }
            for i in rejected.indices { rejected[i].line += offset }
            endLine += offset
        }
    }

    private static func read<M: IncidentRowMapper>(
        _ mapper: M, _ format: IncidentFormat, _ buffer: ByteBuffer, _ header: CSVHeader,
        _ start: (position: Int, line: Int), _ file: String, _ parallelism: Int
    ) async throws -> IncidentSet {
        let pieces = CSVChunker.pieces(of: buffer, from: start.position, line: start.line, count: parallelism * 2)
        var results = try await withThrowingTaskGroup(of: (Int, PieceResult).self) { group in
            for (k, piece) in pieces.enumerated() {
                group.addTask {
                    try Task.checkCancellation()
                    return (k, parse(piece, mapper, buffer, header.names.count, file))
                }
            }
            var results = [PieceResult](repeating: PieceResult(), count: pieces.count)
            for try await (k, r) in group { results[k] = r }
            return results
        }
        // Verify the chain: each piece must start where the previous one ended (a guessed start
        // can fall inside a quoted field); such a piece is read again from the true boundary.
        // A kept piece counted its lines from 0: shift them by the line it really starts on.
        for k in 1..<max(results.count, 1) {
            if results[k - 1].end != pieces[k].start {
                let fixed = CSVChunker.Piece(start: results[k - 1].end, line: results[k - 1].endLine, limit: pieces[k].limit)
                results[k] = fixed.start >= fixed.limit
                    ? PieceResult(end: fixed.start, endLine: fixed.line)
                    : parse(fixed, mapper, buffer, header.names.count, file)
            } else {
                results[k].shiftLines(by: results[k - 1].endLine)
            }
        }
        return merge(results, format: format, file: file)
    }

    private static func parse<M: IncidentRowMapper>(_ piece: CSVChunker.Piece, _ mapper: M, _ buffer: ByteBuffer,
                                                   _ columns: Int, _ file: String) -> PieceResult {
        let out = buffer.withBytes { bytes in
            var scanner = CSVScanner(bytes: bytes, from: piece.start, to: piece.limit, line: piece.line)
            var record = CSVRecord()
            record.fields.reserveCapacity(columns)
            var result = PieceResult()
            var released = piece.start
            while scanner.next(into: &record) {
                result.read += 1
                // Hand back the pages of records already done, a few megabytes at a time.
                if record.fields.first.map({ $0.start - released > ByteBuffer.releaseStep }) == true {
                    let upTo = record.fields[0].start - 1
                    buffer.release(released..<upTo)
                    released = upTo
                }
                do throws(Rejection) {
                    if record.unterminatedQuote {
                        throw Rejection("unterminated quoted field: a quote opened in this record never closes")
                    }
                    if record.fields.count != columns {
                        throw Rejection("has \(record.fields.count) fields, the header has \(columns)")
                    }
                    if record.strayQuote { throw Rejection("malformed quoting: text follows a closing quote") }
                    if let long = record.fields.firstIndex(where: { $0.end - $0.start > maximumFieldBytes }) {
                        let size = record.fields[long].end - record.fields[long].start
                        throw Rejection("field \(long + 1) is \(size) bytes long (the limit is \(maximumFieldBytes) per field)")
                    }
                    result.incidents.append(try mapper.incident(record, scanner))
                    result.incidentLines.append(record.line)
                } catch {
                    var id: String? = nil
                    if mapper.idColumn < record.fields.count {
                        let text = scanner.string(record.fields[mapper.idColumn]).trimmedSpaces
                        if !text.isEmpty && text.count <= 200 { id = text }
                    }
                    result.rejected.append(RejectedRecord(file: file, line: record.line, id: id, reason: error.reason))
                }
            }
            result.end = scanner.position
            result.endLine = scanner.line
            return result
        }
        buffer.release(piece.start..<out.end)
        return out
    }

    /// Joins the pieces in order and rejects ids already accepted earlier in the file. Each
    /// piece is let go as soon as it is copied, so the peak holds one piece, not all of them twice.
    private static func merge(_ pieces: [PieceResult], format: IncidentFormat, file: String) -> IncidentSet {
        var pieces = pieces
        let total = pieces.reduce(0) { $0 + $1.incidents.count }
        var incidents: [Incident] = []
        var lines: [Int] = []
        var rejected: [RejectedRecord] = []
        var seen = IDIndex(capacity: total)
        var read = 0
        for k in pieces.indices {
            var piece = PieceResult()
            swap(&piece, &pieces[k])   // taken, not copied: the piece's arrays are freed or adopted
            read += piece.read
            rejected.append(contentsOf: piece.rejected)
            // First the ids, then the incidents: a piece without a repeat (the usual case) is
            // appended whole, and the first such piece becomes the result without a copy.
            let base = incidents.count
            var accepted: [Int] = []   // piece indices accepted so far, at positions base, base + 1, …
            accepted.reserveCapacity(piece.incidents.count)
            var repeats: [(index: Int, first: Int)] = []
            for i in piece.incidents.indices {
                let position = base + accepted.count
                if let first = seen.insert(piece.incidents[i].id, at: position, idAt: { p in
                    p < base ? incidents[p].id : piece.incidents[accepted[p - base]].id
                }) {
                    repeats.append((i, first))
                } else {
                    accepted.append(i)
                }
            }
            if repeats.isEmpty {
                if incidents.isEmpty {
                    incidents = piece.incidents   // adopted; growing it later moves, never copies, its elements
                    lines = piece.incidentLines
                    incidents.reserveCapacity(total)
                    lines.reserveCapacity(total)
                } else {
                    incidents += piece.incidents
                    lines += piece.incidentLines
                }
                continue
            }
            for (i, first) in repeats {
                let firstLine = first < base ? lines[first] : piece.incidentLines[accepted[first - base]]
                rejected.append(RejectedRecord(file: file, line: piece.incidentLines[i], id: piece.incidents[i].id,
                                               reason: "duplicate id (first accepted on line \(firstLine))"))
            }
            for i in accepted {
                incidents.append(piece.incidents[i])
                lines.append(piece.incidentLines[i])
            }
        }
        rejected.sort { $0.line < $1.line }
        return IncidentSet(file: file, format: format, read: read, incidents: incidents, lines: lines, rejected: rejected)
    }

    static func hasUTF8BOM(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF
    }

    /// UTF-16 (with a byte-order mark or the tell-tale zero bytes) cannot be read as UTF-8.
    static func checkEncoding(_ b: UnsafeBufferPointer<UInt8>, file: String) throws {
        let bom16 = b.count >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))
        let zeros = b.prefix(64).filter { $0 == 0 }.count
        if bom16 || zeros > 8 {
            throw InputError(.malformed, file: file, reason: "is UTF-16 (or binary), not UTF-8 text: re-save it as UTF-8")
        }
    }
}
