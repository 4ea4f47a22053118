import ClaimLintCore

/// The first and last line of the user's file that a segment covers.
///
/// The end is the line of the segment's last byte (`sourceEnd - 1`), so a segment that ends with its
/// line break does not spill onto the next line.
struct SegmentLines: Equatable {
  let start: Int
  let end: Int

  init(_ segment: Segment, in source: SourceFile) {
    // Lines only need the line index, which a released file (no bytes) keeps.
    self.init(sourceStart: segment.sourceStart, sourceEnd: segment.sourceEnd, in: source.lineIndex)
  }

  /// The lines of the segment that covers `sourceStart..<sourceEnd` (read from a segment in place,
  /// without copying it).
  init(sourceStart first: Int, sourceEnd: Int, in lineIndex: LineIndex) {
    let last = sourceEnd > first ? sourceEnd - 1 : first
    start = lineIndex.line(of: max(0, first))
    end = max(start, lineIndex.line(of: max(0, last)))
  }
}
