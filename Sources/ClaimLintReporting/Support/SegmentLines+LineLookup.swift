import ClaimLintCore

extension SegmentLines {
  /// The same lines as `init(_:in:)`, found with two line lookups and no column counting.
  ///
  /// Reports list every segment of every document (hundreds of thousands in a large archive), and a
  /// segment's lines need only the line index: `SourceFile.position(of:)` also counts the code points
  /// before the offset for a column the segment reports never show. A test checks that both
  /// initializers agree.
  init(lineLookup segment: Segment, in source: SourceFile) {
    let first = segment.sourceStart
    let sourceEnd = segment.sourceEnd
    let last = sourceEnd > first ? sourceEnd - 1 : first
    let count = source.bytes.count
    let startLine = source.lineIndex.line(of: max(0, min(first, count)))
    let endLine = source.lineIndex.line(of: max(0, min(last, count)))
    start = startLine
    end = max(startLine, endLine)
  }
}
