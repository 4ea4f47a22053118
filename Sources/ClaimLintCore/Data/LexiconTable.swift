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
    // Rows by their fields joined with tabs (no field holds a tab, so two rows have the same key
    // exactly when they have the same fields).
    var firstLine: [String: Int] = [:]
    for line in Self.lines(of: text) {
      lineNo += 1
      if Self.isBlankOrComment(line) { continue }
      var fields: [Field] = []
      var column = 1
      let ascii = line.utf8.allSatisfy({ $0 < 0x80 })
      if ascii {
        // ASCII (nearly every line): characters, code points and bytes are one, so the fields are
        // cut on the bytes, as the general loop below would cut them.
        (fields, column) = Self.asciiFields(line)
      } else {
        // A tab is a character of its own (a control never joins its neighbours), so the line is cut on
        // its tab bytes; the spaces are trimmed as characters (a space a combining mark follows stays).
        for bytes in line.utf8.split(separator: 0x09, omittingEmptySubsequences: false) {
          let part = Substring(bytes)
          fields.append(Field(value: part.trimmingCharacters(inSetOf: " "), column: column))
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
        // In an ASCII row every byte is one code point.
        let length = ascii ? f.value.utf8.count : f.value.unicodeScalars.count
        if length > Self.maxFieldLength {
          throw DataFileError(
            path: path, line: lineNo, column: f.column,
            message: "entry is \(length) characters long; the limit is \(Self.maxFieldLength)")
        }
        if let words = Self.firstPhrase(of: f.value, over: Self.maxPhraseWords) {
          throw DataFileError(
            path: path, line: lineNo, column: f.column,
            message: "phrase has \(words) words; the limit is \(Self.maxPhraseWords)")
        }
      }
      var key = fields.first?.value ?? ""
      for f in fields.dropFirst() {
        key += "\t"
        key += f.value
      }
      if let first = firstLine[key] {
        throw DataFileError(path: path, line: lineNo, column: 1, message: "duplicate entry; the same entry is on line \(first)")
      }
      firstLine[key] = lineNo
      rows.append(Row(line: lineNo, fields: fields))
    }
    self.rows = rows
  }

  /// Whether `line` is skipped: blank (spaces only) or a comment (`#` after any spaces), as the
  /// characters of the line read. Decided on the bytes; a `#` that a combining mark or joiner follows
  /// is another character than `#`, so that rare line is decided on its characters.
  static func isBlankOrComment(_ line: Substring) -> Bool {
    let u = line.utf8
    var i = u.startIndex
    while i < u.endIndex, u[i] == 0x20 { i = u.index(after: i) }
    if i == u.endIndex { return true }
    guard u[i] == 0x23 else { return false }
    let next = u.index(after: i)
    if next < u.endIndex, u[next] >= 0x80 { return line.drop(while: { $0 == " " }).hasPrefix("#") }
    return true
  }

  /// The tab-separated fields of an ASCII line, each trimmed of spaces, with the 1-based column where
  /// each starts, and the column after the last field's separator-to-be (as the general loop counts).
  static func asciiFields(_ line: Substring) -> (fields: [Field], column: Int) {
    if let cut = line.utf8.withContiguousStorageIfAvailable({ asciiFields(bytes: $0) }) { return cut }
    return Array(line.utf8).withUnsafeBufferPointer { asciiFields(bytes: $0) }
  }

  private static func asciiFields(bytes u: UnsafeBufferPointer<UInt8>) -> (fields: [Field], column: Int) {
    var fields: [Field] = []
    var column = 1
    var start = 0
    while true {
      var end = start
      while end < u.count, u[end] != 0x09 { end += 1 }
      var a = start
      var b = end
      while a < b, u[a] == 0x20 { a += 1 }
      while b > a, u[b - 1] == 0x20 { b -= 1 }
      fields.append(Field(value: String(decoding: UnsafeBufferPointer(rebasing: u[a..<b]), as: UTF8.self), column: column))
      column += end - start + 1
      guard end < u.count else { break }
      start = end + 1
    }
    return (fields, column)
  }

  /// The word count of the first `|`-separated phrase of `value` with more than `limit` words (as
  /// `phraseWordCounts` counts), or nil. A phrase of n words takes at least 2n - 1 bytes, so a short
  /// value (nearly every one) is answered by its length.
  static func firstPhrase(of value: String, over limit: Int) -> Int? {
    guard value.utf8.count > 2 * limit else { return nil }
    return phraseWordCounts(value).first { $0 > limit }
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
  /// Splitting works on the UTF-8 bytes: the breaks are ASCII, so every cut falls between scalars (as
  /// `Character`s, `\r\n` is one grapheme and never equals `"\n"`).
  static func lines(of text: String) -> [Substring] {
    var text = text
    text.makeContiguousUTF8()
    let u = text.utf8
    let cuts = u.withContiguousStorageIfAvailable { bytes -> [Range<Int>] in
      var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
      var cuts: [Range<Int>] = []
      var i = start
      while i < bytes.count {
        let c = bytes[i]
        if c == 0x0A || c == 0x0D {
          cuts.append(start..<i)
          i += c == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
          start = i
        } else {
          i += 1
        }
      }
      cuts.append(start..<bytes.count)
      return cuts
    } ?? []
    return cuts.map { r in Substring(u[u.index(u.startIndex, offsetBy: r.lowerBound)..<u.index(u.startIndex, offsetBy: r.upperBound)]) }
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
