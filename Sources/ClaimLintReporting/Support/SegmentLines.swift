import ClaimLintCore

/// The first and last line of the user's file that a segment covers.
///
/// The end is the line of the segment's last byte (`sourceEnd - 1`), so a segment that ends with its
/// line break does not spill onto the next line.
struct SegmentLines: Equatable {
  let start: Int
  let end: Int

  init(_ segment: Segment, in source: SourceFile) {
    let first = segment.sourceStart
    let last = segment.sourceEnd > first ? segment.sourceEnd - 1 : first
    // Lines only need the line index, which a released file (no bytes) keeps.
    start = source.lineIndex.line(of: max(0, first))
    end = max(start, source.lineIndex.line(of: max(0, last)))
  }
}
