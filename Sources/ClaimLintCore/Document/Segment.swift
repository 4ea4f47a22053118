/// A classified stretch of an article: its kind, its extracted text, and where that text lies in the file.
public struct Segment: Sendable, Hashable {
  public var kind: SegmentKind
  /// The extracted text (markup removed, entities decoded, whitespace folded).
  public var text: String
  /// Maps offsets in `text` back to the source file.
  public var map: OffsetMap
  /// For a comment, its author when the page names one.
  public var author: String?
  /// Why the segment got its kind (a marker word, a tag, a layout rule); shown by `claimlint segments`.
  public var reason: String?
  /// The source range of a released segment (see `released()`), whose text and map are gone.
  private var releasedRange: Range<Int>? = nil

  public init(kind: SegmentKind, text: String, map: OffsetMap, author: String? = nil, reason: String? = nil) {
    self.kind = kind
    self.text = text
    self.map = map
    self.author = author
    self.reason = reason
  }

  /// The source byte range the segment covers.
  public var sourceStart: Int { releasedRange?.lowerBound ?? map.sourceOffset(forStart: 0) }
  public var sourceEnd: Int { releasedRange?.upperBound ?? map.sourceOffset(forEnd: text.utf8.count) }

  /// The segment without its text and offset map, keeping its kind, author, reason and source range:
  /// what a report of a large run keeps of the segments once their claims have been read.
  public func released() -> Segment {
    var s = self
    s.release()
    return s
  }

  /// Makes this segment `released()` in place: nothing is copied but its source range.
  public mutating func release() {
    let range = sourceStart..<max(sourceStart, sourceEnd)
    text = ""
    map = OffsetMap()
    releasedRange = range
  }
}
