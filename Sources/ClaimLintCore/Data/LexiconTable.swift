/// A line-based data file from `rules/`: one entry per line, tab-separated fields, `#` comments.
///
/// Every row keeps its line number and each field its column, so errors point into the file the way
/// a compiler points into source.
public struct LexiconTable: Sendable {
  public struct Field: Sendable, Hashable {
    public var value: String
    /// 1-based column (code points) where the field starts.
    public var column: Int
  }

  public struct Row: Sendable {
    public var line: Int
    public var fields: [Field]

    public subscript(_ i: Int) -> String { i < fields.count ? fields[i].value : "" }
    public var count: Int { fields.count }
  }

  public let path: String
  public let rows: [Row]

  /// Parses `text`; blank lines and lines starting with `#` are skipped.
  ///
  /// - Throws: `DataFileError` when a row has fewer than `minFields` fields or a field is empty.
  public init(path: String, text: String, minFields: Int = 1, maxFields: Int = Int.max) throws(DataFileError) {
    self.path = path
    var rows: [Row] = []
    var lineNo = 0
    for line in Self.lines(of: text) {
      lineNo += 1
      let trimmed = line.drop(while: { $0 == " " })
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      var fields: [Field] = []
      var column = 1
      for part in line.split(separator: "\t", omittingEmptySubsequences: false) {
        let value = part.trimmingCharacters(inSetOf: " ")
        fields.append(Field(value: value, column: column))
        column += part.unicodeScalars.count + 1
      }
      while let last = fields.last, last.value.isEmpty, fields.count > minFields { fields.removeLast() }
      if fields.count < minFields {
        // `column` counted a separator after the last field; the missing field is due at the line's end.
        throw DataFileError(
          path: path, line: lineNo, column: column - 1,
          message: "expected \(minFields) tab-separated fields, found \(fields.count)")
      }
      if fields.count > maxFields {
        throw DataFileError(
          path: path, line: lineNo, column: fields[maxFields].column,
          message: "expected at most \(maxFields) tab-separated fields, found \(fields.count)")
      }
      if let empty = fields.prefix(minFields).first(where: { $0.value.isEmpty }) {
        throw DataFileError(path: path, line: lineNo, column: empty.column, message: "empty field")
      }
      rows.append(Row(line: lineNo, fields: fields))
    }
    self.rows = rows
  }

  /// The lines of `text` split the way `LineIndex` splits a file (`\n`, `\r\n` or a lone `\r`), without
  /// their breaks and without a leading byte order mark.
  ///
  /// Splitting works on Unicode scalars: as `Character`s, `\r\n` is one grapheme and never equals `"\n"`.
  static func lines(of text: String) -> [Substring] {
    let scalars = text.unicodeScalars
    var start = scalars.startIndex
    if scalars.first == "\u{FEFF}" { start = scalars.index(after: start) }
    var lines: [Substring] = []
    var i = start
    while i < scalars.endIndex {
      let c = scalars[i]
      if c == "\n" || c == "\r" {
        lines.append(Substring(scalars[start..<i]))
        var next = scalars.index(after: i)
        if c == "\r", next < scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
        start = next
        i = next
      } else {
        i = scalars.index(after: i)
      }
    }
    lines.append(Substring(scalars[start..<scalars.endIndex]))
    return lines
  }
}

extension Substring {
  func trimmingCharacters(inSetOf chars: Character) -> String {
    var s = self[...]
    while s.first == chars { s = s.dropFirst() }
    while s.last == chars { s = s.dropLast() }
    return String(s)
  }
}
