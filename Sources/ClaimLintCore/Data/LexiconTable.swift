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

  /// The longest field, in code points. Lexicon entries are literal phrases; a longer field is a mistake
  /// (a missing line break, a pasted article), and would slow every lookup down.
  public static let maxFieldLength = 2048
  /// The most words in one phrase (a field, or one `|`-separated alternative of it). Phrase lookups try
  /// every length up to the longest phrase at every word of every article, so this bounds their cost.
  public static let maxPhraseWords = 12

  /// Decodes a lexicon file's bytes as UTF-8.
  ///
  /// - Throws: `DataFileError` at the line and column of the first byte that is not valid UTF-8.
  public static func text(of bytes: [UInt8], path: String) throws(DataFileError) -> String {
    if let bad = UTF8Validation.firstInvalidByte(bytes) {
      let at = LineIndex(bytes: bytes).position(of: bad, in: bytes)
      let hex = String(bytes[bad], radix: 16, uppercase: true)
      throw DataFileError(
        path: path, line: at.line, column: at.column,
        message: "file is not valid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex) at offset \(bad))")
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Parses `text`; blank lines and lines starting with `#` are skipped.
  ///
  /// - Throws: `DataFileError` when a row has fewer than `minFields` fields, a field is empty or longer
  ///   than `maxFieldLength`, a phrase has more than `maxPhraseWords` words, or a row repeats an earlier one.
  public init(path: String, text: String, minFields: Int = 1, maxFields: Int = Int.max) throws(DataFileError) {
    self.path = path
    var rows: [Row] = []
    var lineNo = 0
    var firstLine: [[String]: Int] = [:]
    for line in Self.lines(of: text) {
      lineNo += 1
      let trimmed = line.drop(while: { $0 == " " })
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      var fields: [Field] = []
      var column = 1
      if line.utf8.allSatisfy({ $0 < 0x80 }) {
        // ASCII (nearly every line): characters, code points and bytes are one, so the fields are
        // cut on the bytes, as the general loop below would cut them.
        (fields, column) = Self.asciiFields(line)
      } else {
        for part in line.split(separator: "\t", omittingEmptySubsequences: false) {
          let value = part.trimmingCharacters(inSetOf: " ")
          fields.append(Field(value: value, column: column))
          column += part.unicodeScalars.count + 1
        }
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
      for f in fields {
        let length = f.value.unicodeScalars.count
        if length > Self.maxFieldLength {
          throw DataFileError(
            path: path, line: lineNo, column: f.column,
            message: "entry is \(length) characters long; the limit is \(Self.maxFieldLength)")
        }
        for words in Self.phraseWordCounts(f.value) {
          if words > Self.maxPhraseWords {
            throw DataFileError(
              path: path, line: lineNo, column: f.column,
              message: "phrase has \(words) words; the limit is \(Self.maxPhraseWords)")
          }
        }
      }
      let key = fields.map(\.value)
      if let first = firstLine[key] {
        throw DataFileError(path: path, line: lineNo, column: 1, message: "duplicate entry; the same entry is on line \(first)")
      }
      firstLine[key] = lineNo
      rows.append(Row(line: lineNo, fields: fields))
    }
    self.rows = rows
  }

  /// The tab-separated fields of an ASCII line, each trimmed of spaces, with the 1-based column where
  /// each starts, and the column after the last field's separator-to-be (as the general loop counts).
  static func asciiFields(_ line: Substring) -> (fields: [Field], column: Int) {
    var fields: [Field] = []
    var column = 1
    let u = line.utf8
    var start = u.startIndex
    while true {
      let end = u[start...].firstIndex(of: 0x09) ?? u.endIndex
      var a = start
      var b = end
      while a < b, u[a] == 0x20 { a = u.index(after: a) }
      while b > a, u[u.index(before: b)] == 0x20 { b = u.index(before: b) }
      fields.append(Field(value: String(Substring(u[a..<b])), column: column))
      column += u.distance(from: start, to: end) + 1
      guard end < u.endIndex else { break }
      start = u.index(after: end)
    }
    return (fields, column)
  }

  /// The number of space-separated words in each `|`-separated phrase of `value` (empty phrases
  /// skipped, as `split` skips them).
  static func phraseWordCounts(_ value: String) -> [Int] {
    guard value.utf8.allSatisfy({ $0 < 0x80 }) else {
      return value.split(separator: "|").map { $0.split(whereSeparator: { $0 == " " }).count }
    }
    var counts: [Int] = []
    var words = 0
    var inWord = false
    var phraseLength = 0
    for b in value.utf8 {
      if b == 0x7C {
        if phraseLength > 0 { counts.append(words) }
        words = 0
        inWord = false
        phraseLength = 0
        continue
      }
      phraseLength += 1
      if b == 0x20 {
        inWord = false
      } else if !inWord {
        inWord = true
        words += 1
      }
    }
    if phraseLength > 0 { counts.append(words) }
    return counts
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
