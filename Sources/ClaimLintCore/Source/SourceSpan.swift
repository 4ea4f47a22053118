/// An exact stretch of a user's file: path, byte offsets, start and end positions and the quoted text.
///
/// `endColumn` is exclusive, as in SARIF: a one-character span at column 5 ends at column 6.
public struct SourceSpan: Sendable, Hashable, Comparable {
  public var path: String
  public var startOffset: Int
  public var endOffset: Int
  public var line: Int
  public var column: Int
  public var endLine: Int
  public var endColumn: Int
  /// The text of the span as read (for HTML, the decoded text rather than the markup).
  public var text: String

  public init(
    path: String, startOffset: Int, endOffset: Int, line: Int, column: Int, endLine: Int, endColumn: Int,
    text: String
  ) {
    self.path = path
    self.startOffset = startOffset
    self.endOffset = endOffset
    self.line = line
    self.column = column
    self.endLine = endLine
    self.endColumn = endColumn
    self.text = text
  }

  public var start: SourcePosition { SourcePosition(line: line, column: column) }

  /// `path:line:col`, the form every reporter prints.
  public var locationDescription: String { "\(path):\(line):\(column)" }

  public static func < (a: SourceSpan, b: SourceSpan) -> Bool {
    if a.path != b.path { return a.path < b.path }
    if a.startOffset != b.startOffset { return a.startOffset < b.startOffset }
    return a.endOffset < b.endOffset
  }
}
