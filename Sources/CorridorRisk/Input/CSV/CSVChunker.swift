import Platform

/// Splits a CSV body into pieces that start on record boundaries, so pieces can be parsed in
/// parallel.
///
/// A line break inside a quoted field is not a record boundary. In well-formed CSV every quote
/// toggles "inside quotes" (a doubled quote toggles twice), so the number of quotes before an
/// offset tells whether it is inside a field. Counting quotes and line breaks is one cheap pass,
/// run on every core. Malformed quoting can fool the count; the reader then verifies each
/// piece against the end of the previous one and re-reads any piece that started wrong.
enum CSVChunker {
    struct Piece: Sendable {
        var start: Int
        var line: Int
        var limit: Int
    }

    private struct Counts: Sendable {
        var quotes = 0
        var newlines = 0
    }

    /// Up to `count` pieces covering `start..<bytes.count`; `line` is the line at `start`.
    static func pieces(of buffer: ByteBuffer, from start: Int, line: Int, count: Int) async -> [Piece] {
        let n = buffer.count
        let pieces = max(1, min(count, (n - start) / (1 << 20)))  // at least 1 MiB each
        guard pieces > 1 else { return [Piece(start: start, line: line, limit: n)] }
        let cuts = (0...pieces).map { start + (n - start) * $0 / pieces }

        // Quotes and line breaks in each raw range, counted in parallel.
        let counts = await withTaskGroup(of: (Int, Counts).self) { group in
            for k in 0..<pieces {
                group.addTask { (k, tally(buffer, cuts[k], cuts[k + 1])) }
            }
            var result = [Counts](repeating: Counts(), count: pieces)
            for await (k, c) in group { result[k] = c }
            return result
        }

        var result = [Piece(start: start, line: line, limit: n)]
        var quotesBefore = 0, linesBefore = line
        for k in 1..<pieces {
            quotesBefore += counts[k - 1].quotes
            linesBefore += counts[k - 1].newlines
            // From the raw cut, find the first line break outside quotes: a record starts after it.
            var inQuotes = quotesBefore % 2 == 1
            var p = cuts[k], lines = linesBefore
            var found = false
            buffer.withBytes { bytes in
                while p < n {
                    let c = bytes[p]
                    if c == CSVScanner.quote { inQuotes.toggle() }
                    else if c == CSVScanner.lf {
                        lines += 1
                        if !inQuotes { p += 1; found = true; break }
                    }
                    p += 1
                }
            }
            guard found, p < n, p > result[result.count - 1].start else { continue }
            result[result.count - 1].limit = p
            result.append(Piece(start: p, line: lines, limit: n))
        }
        return result
    }

    /// Counts a range in steps of `ByteBuffer.releaseStep`, handing each step's pages back at
    /// once, so counting never makes more than a few megabytes of the file resident.
    private static func tally(_ buffer: ByteBuffer, _ from: Int, _ to: Int) -> Counts {
        var counts = Counts()
        var start = from
        while start < to {
            let end = min(start + ByteBuffer.releaseStep, to)
            let (quotes, newlines) = buffer.withBytes {
                ByteCounting.count(CSVScanner.quote, CSVScanner.lf, in: $0, from: start, to: end)
            }
            buffer.release(start..<end)
            counts.quotes += quotes
            counts.newlines += newlines
            start = end
        }
        return counts
    }
}
