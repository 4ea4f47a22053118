/// Maps UTF-8 offsets in extracted text back to byte offsets in the original file.
///
/// Extracted text is built from runs copied verbatim from the source (after HTML entity decoding,
/// whitespace folding or Markdown markup removal, a new run starts). Each run is an anchor: a text
/// offset and the source offset it came from. An offset inside a run maps linearly; an offset inside
/// a run that was not a verbatim copy (an entity such as `&amp;`) maps to the start of that run.
public struct OffsetMap: Sendable, Hashable {
  /// One run: text from `textOffset` on was copied from `sourceOffset..<sourceEnd` of the source.
  public struct Anchor: Sendable, Hashable {
    public var textOffset: Int
    public var sourceOffset: Int
    /// Where the run ends in the source (exclusive).
    public var sourceEnd: Int
    /// Whether the run is a verbatim copy (linear mapping) or a replacement.
    public var verbatim: Bool

    public init(textOffset: Int, sourceOffset: Int, sourceEnd: Int, verbatim: Bool) {
      self.textOffset = textOffset
      self.sourceOffset = sourceOffset
      self.sourceEnd = sourceEnd
      self.verbatim = verbatim
    }
  }

  // Most segments are one run (a paragraph of plain text or Markdown): its anchor is stored inline,
  // and only the anchors after it out of line, so such a map allocates nothing. A large run keeps
  // hundreds of thousands of segments while it finds its stories.
  /// The first anchor (meaningful when `count > 0`; zero otherwise, so equal maps compare equal).
  private var first = Anchor(textOffset: 0, sourceOffset: 0, sourceEnd: 0, verbatim: false)
  /// The anchors after the first.
  private var rest: [Anchor] = []
  /// The number of anchors.
  public private(set) var count = 0

  public init() {}

  /// Anchor `i` (`0..<count`), in text order.
  public subscript(i: Int) -> Anchor { i == 0 ? first : rest[i - 1] }

  /// About how many bytes the map holds out of line (for memory budgets).
  public var outOfLineSize: Int { rest.isEmpty ? 0 : rest.capacity * MemoryLayout<Anchor>.stride + 32 }

  /// Records that text starting at `textOffset` was copied from `sourceOffset..<sourceEnd`.
  public mutating func append(textOffset: Int, sourceOffset: Int, sourceEnd: Int, verbatim isVerbatim: Bool = true) {
    let anchor = Anchor(textOffset: textOffset, sourceOffset: sourceOffset, sourceEnd: sourceEnd, verbatim: isVerbatim)
    if count == 0 {
      first = anchor
      count = 1
    } else if self[count - 1].textOffset == textOffset {
      // A later run at the same text offset replaces an empty earlier one.
      if count == 1 { first = anchor } else { rest[rest.count - 1] = anchor }
    } else {
      rest.append(anchor)
      count += 1
    }
  }

  /// Records a run (see `append(textOffset:sourceOffset:sourceEnd:verbatim:)`).
  public mutating func append(_ anchor: Anchor) {
    append(textOffset: anchor.textOffset, sourceOffset: anchor.sourceOffset, sourceEnd: anchor.sourceEnd, verbatim: anchor.verbatim)
  }

  /// The text offsets of the anchors, in order.
  public var textOffsets: [Int] { (0..<count).map { self[$0].textOffset } }
  /// The source offsets of the anchors, in order.
  public var sourceOffsets: [Int] { (0..<count).map { self[$0].sourceOffset } }
  /// For each anchor, whether the run is a verbatim copy.
  public var verbatim: [Bool] { (0..<count).map { self[$0].verbatim } }
  /// For each anchor, the source offset where the run ends (exclusive).
  public var sourceEnds: [Int] { (0..<count).map { self[$0].sourceEnd } }

  /// Builds the identity map for a verbatim slice of the source.
  public static func identity(sourceOffset: Int, length: Int) -> OffsetMap {
    var m = OffsetMap()
    m.append(textOffset: 0, sourceOffset: sourceOffset, sourceEnd: sourceOffset + length)
    return m
  }

  public var isEmpty: Bool { count == 0 }

  /// The anchor whose run holds text offset `offset` (the first one for an offset before it).
  private func anchor(for offset: Int) -> Anchor? {
    guard count > 0 else { return nil }
    if count == 1 || offset < rest[0].textOffset { return first }
    // The last anchor of `rest` at or before `offset`.
    var lo = 0
    var hi = rest.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if rest[mid].textOffset <= offset { lo = mid } else { hi = mid - 1 }
    }
    return rest[lo]
  }

  /// The source offset of the character that starts at text offset `offset`.
  public func sourceOffset(forStart offset: Int) -> Int {
    guard let a = anchor(for: offset) else { return offset }
    if !a.verbatim { return a.sourceOffset }
    return min(a.sourceOffset + max(0, offset - a.textOffset), a.sourceEnd)
  }

  /// The source offset just past the character that ends at text offset `offset` (exclusive).
  public func sourceOffset(forEnd offset: Int) -> Int {
    guard offset > 0, let a = anchor(for: offset - 1) else { return sourceOffset(forStart: offset) }
    if !a.verbatim { return a.sourceEnd }
    return min(a.sourceOffset + (offset - a.textOffset), a.sourceEnd)
  }
}
