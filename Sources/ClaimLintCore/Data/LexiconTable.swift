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
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNo += 1
      var line = Substring(rawLine)
      if line.hasSuffix("\r") { line = line.dropLast() }
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
        throw DataFileError(
          path: path, line: lineNo, column: column,
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
}

extension Substring {
  func trimmingCharacters(inSetOf chars: Character) -> String {
    var s = self[...]
    while s.first == chars { s = s.dropFirst() }
    while s.last == chars { s = s.dropLast() }
    return String(s)
  }
}
