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
}
