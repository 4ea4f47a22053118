#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The byte offsets at which each line of a file starts.
///
/// A line ends at `\n`, at `\r\n`, or at a lone `\r`.
public struct LineIndex: Sendable {
  /// `lineStarts[i]` is the byte offset of line `i + 1`.
  public let lineStarts: [Int]
  /// `continuations[k]` is the number of UTF-8 continuation bytes (`10xxxxxx`) before byte offset
  /// `min(k * blockSize, count)`; there are `count / blockSize + 2` entries.
  ///
  /// A column is the number of code points from the line start, that is, of bytes that are not
  /// continuation bytes: the byte distance less the continuation bytes in between. Where two
  /// neighbouring entries are equal their block has none and the count needs no reading at all, as
  /// in most blocks of English news text; otherwise at most `blockSize` bytes are read, however long
  /// the line (a 50 MB page on one line would otherwise cost a scan from the line start for every
  /// position).
  private let continuations: [Int32]
  static let blockSize = 64

  public init(bytes: [UInt8]) {
    let hasReturn = bytes.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 0x0D, raw.count) != nil } ?? false }
    lineStarts = hasReturn ? Self.scanLineStarts(bytes) : Self.lineFeedStarts(bytes)
    continuations = Self.blockContinuations(bytes)
  }

  /// Line starts of text whose lines end at `\n` only, by `memchr`.
  private static func lineFeedStarts(_ bytes: [UInt8]) -> [Int] {
    var starts = [0]
    starts.reserveCapacity(bytes.count / 40 + 1)
    let n = bytes.count
    bytes.withUnsafeBytes { raw in
      guard let base = raw.baseAddress else { return }
      var i = 0
      while i < n, let hit = memchr(base + i, 0x0A, n - i) {
        let at = base.distance(to: UnsafeRawPointer(hit))
        starts.append(at + 1)
        i = at + 1
      }
    }
    return starts
  }

  /// Line starts byte by byte, for text with carriage returns (`\r\n`, lone `\r`).
  private static func scanLineStarts(_ bytes: [UInt8]) -> [Int] {
    var starts = [0]
    starts.reserveCapacity(bytes.count / 40 + 1)
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b == 0x0A {
        starts.append(i + 1)
      } else if b == 0x0D {
        if i + 1 < n, bytes[i + 1] == 0x0A { i += 1 }
        starts.append(i + 1)
      }
      i += 1
    }
    return starts
  }

  /// The running count of continuation bytes at every block boundary (see `continuations`), a
  /// whole block (eight words) at a time.
  private static func blockContinuations(_ bytes: [UInt8]) -> [Int32] {
    let n = bytes.count
    var table: [Int32] = []
    table.reserveCapacity(n / blockSize + 2)
    table.append(0)
    var total = 0
    bytes.withUnsafeBytes { raw in
      var start = 0
      while start + blockSize <= n {
        // Each word adds 0 or 1 to each byte lane: at most 8 per lane, 64 for the sum of the lanes.
        var lanes: UInt64 = 0
        var i = start
        while i < start + blockSize {
          let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
          lanes &+= (word & ~(word << 1) & 0x8080_8080_8080_8080) >> 7
          i += 8
        }
        total += Int(truncatingIfNeeded: (lanes &* 0x0101_0101_0101_0101) >> 56)
        table.append(Int32(truncatingIfNeeded: total))
        start += blockSize
      }
      // The last, partial block (possibly empty).
      var i = start
      while i < n {
        if raw[i] & 0xC0 == 0x80 { total += 1 }
        i += 1
      }
      table.append(Int32(truncatingIfNeeded: total))
    }
    return table
  }

  /// The 1-based line holding `offset` (line 1 for offsets before the file).
  ///
  /// A binary search without a branch on the comparison: the last line start at or before `offset`
  /// lies in `starts[base..<base + count]`, and each round keeps the half that holds it (the upper
  /// half, of `count - half` starts, when `starts[base + half] <= offset`, else the lower `half`
  /// ones, which the first `count - half` include).
  public func line(of offset: Int) -> Int {
    lineStarts.withUnsafeBufferPointer { starts in
      var base = 0
      var count = starts.count
      while count > 1 {
        let half = count / 2
        base = starts[base + half] <= offset ? base + half : base
        count -= half
      }
      return base + 1
    }
  }

  /// The 1-based line and code-point column of `offset` in `bytes` (the bytes this index was built from).
  public func position(of offset: Int, in bytes: [UInt8]) -> SourcePosition {
    let o = max(0, min(offset, bytes.count))
    let line = line(of: o)
    return SourcePosition(line: line, column: 1 + codePoints(from: lineStarts[line - 1], to: o, in: bytes))
  }

  /// The positions of `start` and `end` (`start <= end`): the end's column is counted on from the
  /// start's when both lie on one line, as most spans do.
  public func positions(of start: Int, _ end: Int, in bytes: [UInt8]) -> (start: SourcePosition, end: SourcePosition) {
    let a = position(of: start, in: bytes)
    let s = max(0, min(start, bytes.count))
    let e = max(s, min(end, bytes.count))
    let nextLine = a.line < lineStarts.count ? lineStarts[a.line] : Int.max
    guard e < nextLine || (e == s) else { return (a, position(of: e, in: bytes)) }
    return (a, SourcePosition(line: a.line, column: a.column + codePoints(from: s, to: e, in: bytes)))
  }

  /// How many code points start in `bytes[from..<to]` (`0 <= from`, `to <= bytes.count`), from the
  /// block counts: nothing is read when the blocks spanned hold no continuation byte, only the range
  /// itself when it lies in one block, else only the partial blocks at its two ends.
  @inline(__always)
  func codePoints(from: Int, to: Int, in bytes: [UInt8]) -> Int {
    guard from < to else { return 0 }
    let first = from / Self.blockSize
    let last = to / Self.blockSize
    // `last + 1` is a valid entry: `to <= count`, and the table ends at `count / blockSize + 1`.
    if continuations[first] == continuations[last + 1] { return to - from }
    if first == last { return Self.codePoints(in: bytes, from: from, to: to) }
    return to - from - (continuations(before: to, in: bytes) - continuations(before: from, in: bytes))
  }

  /// The number of continuation bytes before `offset` (`0...bytes.count`).
  @inline(__always)
  private func continuations(before offset: Int, in bytes: [UInt8]) -> Int {
    let k = offset / Self.blockSize
    let before = Int(continuations[k])
    let blockStart = k * Self.blockSize
    guard offset > blockStart, continuations[k + 1] != continuations[k] else { return before }
    return before + (offset - blockStart) - Self.codePoints(in: bytes, from: blockStart, to: offset)
  }

  /// How many code points start in `bytes[from..<to]` (UTF-8 bytes that are not continuation bytes),
  /// eight bytes at a time.
  ///
  /// The x86-64 baseline has no population-count instruction (`nonzeroBitCount` is a dozen
  /// instructions), so continuation bytes are tallied per byte lane instead: each word adds 0 or 1
  /// to each of its eight byte lanes, and every 31 words (before any lane can pass 31, so that the
  /// eight lanes sum to at most 248 and fit one byte) one multiplication adds the lanes up into the
  /// top byte.
  static func codePoints(in bytes: [UInt8], from: Int, to: Int) -> Int {
    guard from < to else { return 0 }
    return bytes.withUnsafeBytes { raw -> Int in
      var i = from
      var continuation = 0
      var lanes: UInt64 = 0
      var words = 0
      while i + 8 <= to {
        let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        // A continuation byte is 10xxxxxx: its top bit set and the next one clear.
        lanes &+= (word & ~(word << 1) & 0x8080_8080_8080_8080) >> 7
        i += 8
        words += 1
        if words == 31 {
          continuation += Int(truncatingIfNeeded: (lanes &* 0x0101_0101_0101_0101) >> 56)
          lanes = 0
          words = 0
        }
      }
      continuation += Int(truncatingIfNeeded: (lanes &* 0x0101_0101_0101_0101) >> 56)
      while i < to {
        if raw[i] & 0xC0 == 0x80 { continuation += 1 }
        i += 1
      }
      return to - from - continuation
    }
  }
}
