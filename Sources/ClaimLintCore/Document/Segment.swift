/// A classified stretch of an article: its kind, its extracted text, and where that text lies in the file.
public struct Segment: Sendable, Hashable {
  public var kind: SegmentKind
  /// The extracted text (markup removed, entities decoded, whitespace folded).
  public var text: String
  /// Maps offsets in `text` back to the source file.
  public var map: OffsetMap
  // The optional fields are spelled `Optional<…>`: a `T?` stored `var` is set to nil before the
  // initializer runs, and the optimizer then builds the segment aside and copies it into place.
  /// For a comment, its author when the page names one.
  public var author: Optional<String>
  /// Why the segment got its kind (a marker word, a tag, a layout rule); shown by `claimlint segments`.
  public var reason: Optional<String>
  /// The source range of a released segment (see `released()`), whose text and map are gone.
  /// Internal (not private) for `UnsafeMutablePointer.initializeSegment`.
  @usableFromInline var releasedRange: Optional<Range<Int>>

  public init(kind: SegmentKind, text: String, map: OffsetMap, author: String? = nil, reason: String? = nil) {
    self.kind = kind
    self.text = text
    self.map = map
    self.author = author
    self.reason = reason
    self.releasedRange = nil
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

extension UnsafeMutablePointer where Pointee == Segment {
  /// Initialises the uninitialised memory this points to with a segment, field by field where it
  /// lies. A segment built with `Segment.init` and then stored into an array was built in one place,
  /// copied to the array (its strings and map retained) and the first destroyed (released).
  @inlinable public func initializeSegment(
    kind: SegmentKind, text: String, map: OffsetMap, author: String?, reason: String?
  ) {
    // Each offset is known when compiled: a key path to a stored property of a struct of fixed layout.
    guard let kindField = pointer(to: \.kind), let textField = pointer(to: \.text), let mapField = pointer(to: \.map),
      let authorField = pointer(to: \.author), let reasonField = pointer(to: \.reason),
      let rangeField = pointer(to: \.releasedRange)
    else {
      initialize(to: Segment(kind: kind, text: text, map: map, author: author, reason: reason))
      return
    }
    kindField.initialize(to: kind)
    textField.initialize(to: text)
    mapField.initialize(to: map)
    authorField.initialize(to: author)
    reasonField.initialize(to: reason)
    rangeField.initialize(to: nil)
  }
}
