import ClaimLintCore

/// A span's region as the CI formats show it: a trailing line break is left out.
///
/// A span that ends just after a line break would otherwise end at column 1 of the next line, which
/// may not exist (the file's last line break ends the last line) and makes GitHub highlight an extra
/// line. When the report holds the file, such a span ends instead at the end of its last line, and the
/// byte range shrinks to match, so a snippet cut from it equals the region. Without the file the span's
/// own positions are used.
struct SpanRegion: Equatable {
  var line: Int
  var column: Int
  var endLine: Int
  var endColumn: Int
  var startOffset: Int
  var endOffset: Int

  init(_ span: SourceSpan, source: SourceFile?) {
    line = span.line
    column = span.column
    endLine = span.endLine
    endColumn = span.endColumn
    startOffset = span.startOffset
    endOffset = span.endOffset
    guard let source, span.endLine > span.line || span.endOffset > span.startOffset else { return }
    let bytes = source.bytes
    var end = min(span.endOffset, bytes.count)
    let start = max(0, min(span.startOffset, end))
    if end > start, bytes[end - 1] == 0x0A { end -= 1 }
    if end > start, bytes[end - 1] == 0x0D { end -= 1 }
    guard end != min(span.endOffset, bytes.count) else { return }
    let position = source.position(of: end)
    endLine = position.line
    endColumn = position.column
    endOffset = end
  }
}
