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
  /// `blockColumns[k]` is the code-point column of byte offset `k * blockSize` within its line, so that
  /// a column is found by counting at most `blockSize` bytes, however long the line (a 50 MB page on
  /// one line would otherwise cost a scan from the line start for every position).
  private let blockColumns: [Int32]
  static let blockSize = 256

  public init(bytes: [UInt8]) {
    let hasReturn = bytes.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 0x0D, raw.count) != nil } ?? false }
    if hasReturn {
      (lineStarts, blockColumns) = Self.scan(bytes)
      return
    }
    // Lines end at `\n` only: line starts by `memchr`, and a block's column counted on from the
    // previous block's (or its line's start) eight bytes at a time.
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
    var blocks: [Int32] = []
    blocks.reserveCapacity(n / Self.blockSize + 1)
    var line = 0
    var counted = 0
    var column = 1
    var offset = 0
    while offset < n {
      while line + 1 < starts.count, starts[line + 1] <= offset { line += 1 }
      if counted < starts[line] {
        counted = starts[line]
        column = 1
      }
      column += Self.codePoints(in: bytes, from: counted, to: offset)
      counted = offset
      blocks.append(Int32(truncatingIfNeeded: column))
      offset += Self.blockSize
    }
    lineStarts = starts
    blockColumns = blocks
  }

  /// Line starts and block columns byte by byte, for text with carriage returns (`\r\n`, lone `\r`).
  private static func scan(_ bytes: [UInt8]) -> (starts: [Int], blocks: [Int32]) {
    var starts = [0]
    starts.reserveCapacity(bytes.count / 40 + 1)
    var blocks: [Int32] = []
    blocks.reserveCapacity(bytes.count / Self.blockSize + 1)
    var i = 0
    let n = bytes.count
    var column: Int32 = 1
    var nextBlock = 0
    while i < n {
      if i == nextBlock {
        blocks.append(column)
        nextBlock += Self.blockSize
      }
      let b = bytes[i]
      if b == 0x0A {
        starts.append(i + 1)
        column = 1
      } else if b == 0x0D {
        if i + 1 < n, bytes[i + 1] == 0x0A {
          i += 1
          if i == nextBlock {
            blocks.append(column + 1)
            nextBlock += Self.blockSize
          }
        }
        starts.append(i + 1)
        column = 1
      } else if b & 0xC0 != 0x80 {
        column &+= 1
      }
      i += 1
    }
    return (starts, blocks)
  }

  /// The 1-based line holding `offset`.
  public func line(of offset: Int) -> Int {
    var lo = 0
    var hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    return lo + 1
  }

  /// The 1-based line and code-point column of `offset` in `bytes` (the bytes this index was built from).
  public func position(of offset: Int, in bytes: [UInt8]) -> SourcePosition {
    let o = max(0, min(offset, bytes.count))
    let line = line(of: o)
    var i = lineStarts[line - 1]
    var column = 1
    // Start from the last block boundary inside this line, when there is one.
    let block = o / Self.blockSize
    if block < blockColumns.count, block * Self.blockSize > i {
      i = block * Self.blockSize
      column = Int(blockColumns[block])
    }
    return SourcePosition(line: line, column: column + Self.codePoints(in: bytes, from: i, to: o))
  }

  /// The positions of `start` and `end` (`start <= end`): the end's column is counted on from the
  /// start's when both lie on one line, as most spans do.
  public func positions(of start: Int, _ end: Int, in bytes: [UInt8]) -> (start: SourcePosition, end: SourcePosition) {
    let a = position(of: start, in: bytes)
    let s = max(0, min(start, bytes.count))
    let e = max(s, min(end, bytes.count))
    let nextLine = a.line < lineStarts.count ? lineStarts[a.line] : Int.max
    guard e < nextLine || (e == s) else { return (a, position(of: e, in: bytes)) }
    return (a, SourcePosition(line: a.line, column: a.column + Self.codePoints(in: bytes, from: s, to: e)))
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
