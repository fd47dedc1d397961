import Platform

/// Splits a CSV body into pieces that start on record boundaries, so pieces can be parsed in
/// parallel, without a pass over the file first.
///
/// Each raw cut moves to just after the next line break: a record boundary unless that break
/// sits inside a quoted field (a line break in an ACLED note, say), which nothing this cheap can
/// tell. So the cut is a guess, and the reader checks it: a piece is kept only when the piece
/// before it, read from a true boundary, ends exactly where it starts; otherwise it is read again
/// from that end. Line numbers inside a piece are counted from its start and shifted once the
/// pieces before it are known.
enum CSVChunker {
    struct Piece: Sendable {
        var start: Int
        /// The line at `start`: exact for the first piece, 0 (relative) for the guessed ones.
        var line: Int
        var limit: Int
    }

    /// Up to `count` pieces covering `start..<bytes.count`; `line` is the line at `start`.
    static func pieces(of buffer: ByteBuffer, from start: Int, line: Int, count: Int) -> [Piece] {
        let n = buffer.count
        let pieces = max(1, min(count, (n - start) / (1 << 20)))  // at least 1 MiB each
        guard pieces > 1 else { return [Piece(start: start, line: line, limit: n)] }
        var result = [Piece(start: start, line: line, limit: n)]
        for k in 1..<pieces {
            let cut = start + (n - start) * k / pieces
            let next = buffer.withBytes { ByteCounting.firstIndex(of: CSVScanner.lf, in: $0, from: cut, to: n) }
            guard let lf = next, lf + 1 < n, lf + 1 > result[result.count - 1].start else { continue }
            result[result.count - 1].limit = lf + 1
            result.append(Piece(start: lf + 1, line: 0, limit: n))
        }
        return result
    }
}
