/// The byte offsets at which each line of a file starts.
///
/// A line ends at `\n`, at `\r\n`, or at a lone `\r`.
public struct LineIndex: Sendable {
  /// `lineStarts[i]` is the byte offset of line `i + 1`.
  public let lineStarts: [Int]

  public init(bytes: [UInt8]) {
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
    lineStarts = starts
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

  /// The 1-based line and code-point column of `offset` in `bytes`.
  public func position(of offset: Int, in bytes: [UInt8]) -> SourcePosition {
    let o = max(0, min(offset, bytes.count))
    let line = line(of: o)
    var column = 1
    var i = lineStarts[line - 1]
    while i < o {
      if bytes[i] & 0xC0 != 0x80 { column += 1 }
      i += 1
    }
    return SourcePosition(line: line, column: column)
  }
}
