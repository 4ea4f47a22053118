import Testing

@testable import ClaimLintCore

/// Lexicon rows are cut into fields on their bytes when ASCII; the result must be what cutting on
/// characters gives (values, columns, phrase word counts), which is how non-ASCII rows are cut.
@Suite struct LexiconFieldsTests {
  static func byCharacters(_ line: Substring) -> (fields: [LexiconTable.Field], column: Int) {
    var fields: [LexiconTable.Field] = []
    var column = 1
    for part in line.split(separator: "\t", omittingEmptySubsequences: false) {
      fields.append(LexiconTable.Field(value: part.trimmingCharacters(inSetOf: " "), column: column))
      column += part.unicodeScalars.count + 1
    }
    return (fields, column)
  }

  static let lines = [
    "", " ", "a", "arrested\tarrest", " over \t more than | in excess of ", "\t", "\t\t", "a\t", "\tb",
    "minister\ttitle\t", "  #not a comment here\tx", "a  b\t  c  d  \te", "x|y\t|\t||", "one two three four five six",
  ]

  @Test func asciiFieldsAreTheFieldsOfTheCharacters() {
    for line in Self.lines {
      let fast = LexiconTable.asciiFields(line[...])
      let slow = Self.byCharacters(line[...])
      #expect(fast.fields == slow.fields, "\(line.debugDescription)")
      #expect(fast.column == slow.column, "\(line.debugDescription)")
    }
  }

  @Test func phraseWordCountsAreThoseOfSplitting() {
    for value in Self.lines + ["a|b c", "|", " | ", "more than|over", "x  y", "é | à b"] {
      let slow = value.split(separator: "|").map { $0.split(whereSeparator: { $0 == " " }).count }
      #expect(LexiconTable.phraseWordCounts(value) == slow, "\(value.debugDescription)")
    }
  }

  @Test func errorsStillNameTheirColumn() throws {
    #expect(throws: DataFileError.self) { try LexiconTable(path: "x.tsv", text: "a\t\n", minFields: 2) }
    do {
      _ = try LexiconTable(path: "x.tsv", text: "ok\tfine\nsaid\t \t\n", minFields: 2)
      Issue.record("an empty second field must be an error")
    } catch {
      #expect(error.line == 2)
      #expect(error.column == 6)
    }
  }

  /// Blank and comment lines as the characters of the line read them.
  @Test func blankAndCommentLinesAreThoseOfTheCharacters() {
    let lines = Self.lines + [
      "#", "# comment", "   # indented comment", "#\u{301} not a hash", " \u{301}# x", "a # b", "\t# tab first", "#\u{200D}x",
      "   ", "é", "#é", "  #\u{FE0F}",
    ]
    for line in lines {
      let trimmed = line.drop(while: { $0 == " " })
      let slow = trimmed.isEmpty || trimmed.hasPrefix("#")
      #expect(LexiconTable.isBlankOrComment(line[...]) == slow, "\(line.debugDescription)")
    }
  }

  /// The first over-long phrase is the first count over the limit of `phraseWordCounts`.
  @Test func firstOverlongPhraseIsThatOfTheCounts() {
    let long = (1...13).map { "w\($0)" }.joined(separator: " ")
    let values = Self.lines + [
      long, "short|" + long, long + "|short", "a | " + long + " | " + long + " x", String(repeating: "x ", count: 30),
      (1...14).map { "é\($0)" }.joined(separator: " "), "é|" + long, String(repeating: "|", count: 40),
      String(repeating: " ", count: 40), (1...12).map { "w\($0)" }.joined(separator: "  "),
    ]
    for value in values {
      for limit in [1, 2, 12] {
        #expect(
          LexiconTable.firstPhrase(of: value, over: limit) == LexiconTable.phraseWordCounts(value).first { $0 > limit },
          "\(value.debugDescription) over \(limit)")
      }
    }
  }

  /// Lines are cut as the Unicode scalars of the text cut them.
  @Test func linesAreThoseOfTheScalars() {
    func byScalars(_ text: String) -> [Substring] {
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
    let texts = [
      "", "\n", "a", "a\nb\n", "a\r\nb\rc\n\r\nd", "\u{FEFF}# bom\nover\tmore than\n", "\u{FEFF}", "x\u{FEFF}y\n",
      "більше ніж\tover\r\né\u{301}\n\n", "\r\r\n\n\r", "e\u{301}\r\u{301}\n",
    ]
    for text in texts {
      #expect(LexiconTable.lines(of: text).map(String.init) == byScalars(text).map(String.init), "\(text.debugDescription)")
    }
  }

  /// Rows with the same fields are duplicates, however their fields were spaced; rows that differ in
  /// how their fields are split are not.
  @Test func duplicateRowsAreFoundByTheirFields() throws {
    #expect(throws: DataFileError.self) { try LexiconTable(path: "x.tsv", text: "over\tmore than\n over \t more than \n") }
    #expect(throws: DataFileError.self) { try LexiconTable(path: "x.tsv", text: "café\tx\ncafe\u{301}\tx\n") }
    let table = try LexiconTable(path: "x.tsv", text: "a b\tc\na\tb c\na b c\n")
    #expect(table.rows.count == 3)
  }
}
