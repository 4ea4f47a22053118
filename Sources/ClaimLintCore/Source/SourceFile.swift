/// One input file as the user has it: its display path, its bytes and a line index over them.
///
/// Every position claimlint reports is an offset into `bytes`, turned into a 1-based line and a
/// 1-based column counted in Unicode code points by `lineIndex`.
public struct SourceFile: Sendable {
  /// The path as shown to the user: relative, with `/` separators.
  public let path: String
  /// The file's bytes as valid UTF-8 (invalid sequences were replaced before this point).
  public let bytes: [UInt8]
  /// Line starts of `bytes`.
  public let lineIndex: LineIndex

  /// Creates a source file from already-decoded UTF-8 bytes.
  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
    self.lineIndex = LineIndex(bytes: bytes)
  }

  private init(path: String, bytes: [UInt8], lineIndex: LineIndex) {
    self.path = path
    self.bytes = bytes
    self.lineIndex = lineIndex
  }

  /// The file without its bytes, keeping its path and line index: lines can still be found
  /// (`lineIndex.line(of:)`), but columns and text cannot. What a report of a large run keeps of an
  /// article no finding quotes.
  public func withoutBytes() -> SourceFile { SourceFile(path: path, bytes: [], lineIndex: lineIndex) }

  /// Creates a source file from a string (tests, stdin).
  public init(path: String, text: String) {
    self.init(path: path, bytes: Array(text.utf8))
  }

  /// The text of the whole file.
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// The text between two byte offsets, clamped to the file.
  public func text(from start: Int, to end: Int) -> String {
    let s = max(0, min(start, bytes.count))
    let e = max(s, min(end, bytes.count))
    return String(decoding: bytes[s..<e], as: UTF8.self)
  }

  /// The 1-based line and code-point column of a byte offset.
  public func position(of offset: Int) -> SourcePosition {
    lineIndex.position(of: offset, in: bytes)
  }

  /// A span covering `start..<end` in this file, quoting `text` (or the bytes themselves).
  ///
  /// `quoted` is taken (`consuming`): a caller that makes the text for the span (as
  /// `Document.span(text:map:textStart:textEnd:)` does) moves it in, instead of the span retaining it
  /// and the caller releasing its own.
  public func span(from start: Int, to end: Int, text quoted: consuming String? = nil) -> SourceSpan {
    let s = max(0, min(start, bytes.count))
    let e = max(s, min(end, bytes.count))
    let (a, b) = lineIndex.positions(of: s, e, in: bytes)
    return SourceSpan(
      path: path, startOffset: s, endOffset: e, line: a.line, column: a.column,
      endLine: b.line, endColumn: b.column, text: quoted ?? text(from: s, to: e))
  }

  /// The full text of the 1-based line `line`, without its line break.
  public func lineText(_ line: Int) -> String {
    guard line >= 1, line <= lineIndex.lineStarts.count else { return "" }
    let start = lineIndex.lineStarts[line - 1]
    var end = line < lineIndex.lineStarts.count ? lineIndex.lineStarts[line] : bytes.count
    while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }
}
