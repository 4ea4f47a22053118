/// Maps UTF-8 offsets in extracted text back to byte offsets in the original file.
///
/// Extracted text is built from runs copied verbatim from the source (after HTML entity decoding,
/// whitespace folding or Markdown markup removal, a new run starts). Each run is an anchor: a text
/// offset and the source offset it came from. An offset inside a run maps linearly; an offset inside
/// a run that was not a verbatim copy (an entity such as `&amp;`) maps to the start of that run.
public struct OffsetMap: Sendable, Hashable {
  public private(set) var textOffsets: [Int] = []
  public private(set) var sourceOffsets: [Int] = []
  /// For each anchor, whether the run is a verbatim copy (linear mapping) or a replacement.
  public private(set) var verbatim: [Bool] = []
  /// For each anchor, the source offset where the run ends (exclusive).
  public private(set) var sourceEnds: [Int] = []

  public init() {}

  /// Records that text starting at `textOffset` was copied from `sourceOffset..<sourceEnd`.
  public mutating func append(textOffset: Int, sourceOffset: Int, sourceEnd: Int, verbatim isVerbatim: Bool = true) {
    if let last = textOffsets.last, last == textOffset {
      // A later run at the same text offset replaces an empty earlier one.
      sourceOffsets[sourceOffsets.count - 1] = sourceOffset
      sourceEnds[sourceEnds.count - 1] = sourceEnd
      verbatim[verbatim.count - 1] = isVerbatim
      return
    }
    textOffsets.append(textOffset)
    sourceOffsets.append(sourceOffset)
    sourceEnds.append(sourceEnd)
    verbatim.append(isVerbatim)
  }

  /// A map for text that is an exact copy of the source starting at `sourceOffset`.
  public static func identity(sourceOffset: Int, length: Int) -> OffsetMap {
    var m = OffsetMap()
    m.append(textOffset: 0, sourceOffset: sourceOffset, sourceEnd: sourceOffset + length)
    return m
  }

  public var isEmpty: Bool { textOffsets.isEmpty }

  private func anchor(for offset: Int) -> Int? {
    guard !textOffsets.isEmpty else { return nil }
    var lo = 0
    var hi = textOffsets.count - 1
    if offset < textOffsets[0] { return 0 }
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if textOffsets[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    return lo
  }

  /// The source offset of the character that starts at text offset `offset`.
  public func sourceOffset(forStart offset: Int) -> Int {
    guard let a = anchor(for: offset) else { return offset }
    if !verbatim[a] { return sourceOffsets[a] }
    return min(sourceOffsets[a] + max(0, offset - textOffsets[a]), sourceEnds[a])
  }

  /// The source offset just past the character that ends at text offset `offset` (exclusive).
  public func sourceOffset(forEnd offset: Int) -> Int {
    guard offset > 0, let a = anchor(for: offset - 1) else { return sourceOffset(forStart: offset) }
    if !verbatim[a] { return sourceEnds[a] }
    return min(sourceOffsets[a] + (offset - textOffsets[a]), sourceEnds[a])
  }
}
