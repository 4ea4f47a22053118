/// An article after reading and segmentation: its source, metadata and segments.
public struct Document: Sendable {
  public private(set) var source: SourceFile
  public var format: DocumentFormat
  // The optional fields are spelled `Optional<…>`: a `T?` stored `var` is set to nil before the
  // initializer runs, and the optimizer then builds the value aside and copies it into place (every
  // field retained, then released).
  public var title: Optional<String>
  public var author: Optional<String>
  /// The article's own date, which anchors relative dates.
  public var date: Optional<CalendarDate>
  /// Where the date came from ("front matter", "dateline", "meta article:published_time", …).
  public var dateEvidence: Optional<String>
  public var segments: [Segment]
  /// Informational remarks about the document (for example that it holds no text).
  public var remarks: [String]

  public init(
    source: SourceFile, format: DocumentFormat, title: String? = nil, author: String? = nil,
    date: CalendarDate? = nil, dateEvidence: String? = nil, segments: [Segment] = [], remarks: [String] = []
  ) {
    self.source = source
    self.format = format
    self.title = title
    self.author = author
    self.date = date
    self.dateEvidence = dateEvidence
    self.segments = segments
    self.remarks = remarks
  }

  public var path: String { source.path }

  /// The document as a report of a large run keeps it once its claims were checked: segments without
  /// their text (kind, author, reason and source lines stay), and the file's bytes only when
  /// `keepingSource` (the report quotes lines of it).
  public func released(keepingSource: Bool) -> Document {
    var d = self
    d.release(keepingSource: keepingSource)
    return d
  }

  /// Makes this document `released(keepingSource:)` in place, without copying its segments.
  public mutating func release(keepingSource: Bool) {
    if !keepingSource { source = source.withoutBytes() }
    for k in segments.indices { segments[k].release() }
  }

  /// A span in this document for a range of a segment's text.
  public func span(segment: Segment, textStart: Int, textEnd: Int) -> SourceSpan {
    span(text: segment.text, map: segment.map, textStart: textStart, textEnd: textEnd)
  }

  /// `span(segment:textStart:textEnd:)` from a segment's text and map, for a caller that holds
  /// those two and not a copy of the whole segment.
  public func span(text: String, map: OffsetMap, textStart: Int, textEnd: Int) -> SourceSpan {
    let s = map.sourceOffset(forStart: textStart)
    var e = map.sourceOffset(forEnd: textEnd)
    if e < s { e = s }
    let quoted = Segment.slice(text, textStart, textEnd)
    return source.span(from: s, to: e, text: quoted)
  }
}

extension Segment {
  /// The substring of `text` between two UTF-8 offsets.
  public static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
    let n = text.utf8.count
    let s = max(0, min(start, n))
    let e = max(s, min(end, n))
    if s == 0 && e == n { return text }
    if s == e { return "" }
    // A native string's bytes are read in place; `withUTF8` would need a mutable copy of `text`
    // (a retain and a release of its storage on every call).
    if let sliced = text.utf8.withContiguousStorageIfAvailable({
      String(decoding: UnsafeBufferPointer(rebasing: $0[s..<e]), as: UTF8.self)
    }) {
      return sliced
    }
    var text = text
    return text.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[s..<e]), as: UTF8.self) }
  }
}
