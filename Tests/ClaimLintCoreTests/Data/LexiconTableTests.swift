import ClaimLintCore
import Testing

/// `LexiconTable`: the line-based, tab-separated data files under `rules/lexicons/`.
@Suite struct LexiconTableTests {
  static let path = "rules/lexicons/qualifiers.tsv"

  /// Rows as `line: field@column|field@column`, for compact expectations.
  private func summary(_ table: LexiconTable) -> [String] {
    table.rows.map { row in "\(row.line): " + row.fields.map { "\($0.value)@\($0.column)" }.joined(separator: "|") }
  }

  @Test func commentsAndBlankLinesAreSkipped() throws {
    let text = """
      # Qualifiers of figures: phrase, direction, optional tolerance.
      # A later line wins.

      more than\tabove
      at least\tat-least  
        # an indented comment

      about\tapproximate\t0.1
         
      nearly\tat-most

      """
    let table = try LexiconTable(path: Self.path, text: text, minFields: 2)
    #expect(table.path == Self.path)
    #expect(summary(table) == [
      "4: more than@1|above@11",
      "5: at least@1|at-least@10",
      "8: about@1|approximate@7|0.1@19",
      "10: nearly@1|at-most@8",
    ])
    #expect(table.rows[2][2] == "0.1")
    #expect(table.rows[2][3] == "")
    #expect(table.rows[2].count == 3)
  }

  @Test func columnsCountCodePoints() throws {
    let table = try LexiconTable(path: "rules/lexicons/titles.tsv", text: "більше ніж\tabove\n“about”\tapproximate\n서울시장\tmayor\n")
    #expect(summary(table) == ["1: більше ніж@1|above@12", "2: “about”@1|approximate@9", "3: 서울시장@1|mayor@6"])
  }

  struct LineBreakCase: Sendable, CustomTestStringConvertible {
    var id: String
    var text: String
    var testDescription: String { id }
  }

  @Test(arguments: [
    LineBreakCase(id: "LF", text: "# header\nmore than\tabove\n\nabout\tapproximate\n"),
    LineBreakCase(id: "CRLF", text: "# header\r\nmore than\tabove\r\n\r\nabout\tapproximate\r\n"),
    LineBreakCase(id: "lone CR", text: "# header\rmore than\tabove\r\rabout\tapproximate\r"),
    LineBreakCase(id: "byte order mark", text: "\u{FEFF}# header\nmore than\tabove\n\nabout\tapproximate"),
  ])
  func lineBreaks(_ c: LineBreakCase) throws {
    let table = try LexiconTable(path: Self.path, text: c.text, minFields: 2)
    #expect(summary(table) == ["2: more than@1|above@11", "4: about@1|approximate@7"])
  }

  @Test func byteOrderMarkIsNotPartOfTheFirstField() throws {
    let table = try LexiconTable(path: "rules/lexicons/abbreviations.tsv", text: "\u{FEFF}mr\nmrs\n")
    #expect(table.rows.map { $0[0] } == ["mr", "mrs"])
    #expect(table.rows[0].fields[0].column == 1)
  }

  @Test func trailingEmptyFieldsAreDropped() throws {
    let table = try LexiconTable(path: Self.path, text: "about\tapproximate\t\t\n")
    #expect(summary(table) == ["1: about@1|approximate@7"])
  }

  struct ErrorCase: Sendable, CustomTestStringConvertible {
    var id: String
    var text: String
    var minFields: Int
    var maxFields: Int
    var line: Int
    var column: Int
    var message: String
    var testDescription: String { id }
  }

  static let errorCases: [ErrorCase] = [
    ErrorCase(
      id: "too few fields", text: "more than\tabove\nabout\n", minFields: 2, maxFields: .max, line: 2, column: 6,
      message: "expected 2 tab-separated fields, found 1"),
    ErrorCase(
      id: "too few fields after a comment and CRLF", text: "# phrase, direction, tolerance\r\nabout\tapproximate\r\n",
      minFields: 3, maxFields: .max, line: 2, column: 18, message: "expected 3 tab-separated fields, found 2"),
    ErrorCase(
      id: "too few fields after Cyrillic", text: "більше ніж\n", minFields: 2, maxFields: .max, line: 1, column: 11,
      message: "expected 2 tab-separated fields, found 1"),
    ErrorCase(
      id: "spaces instead of a tab", text: "more than    above\n", minFields: 2, maxFields: .max, line: 1, column: 19,
      message: "expected 2 tab-separated fields, found 1"),
    ErrorCase(
      id: "empty first field", text: "\tabove\n", minFields: 2, maxFields: .max, line: 1, column: 1,
      message: "empty field"),
    ErrorCase(
      id: "empty second field", text: "more than\t\tabove\n", minFields: 2, maxFields: .max, line: 1, column: 11,
      message: "empty field"),
    ErrorCase(
      id: "trailing tab leaves the required field empty", text: "about\t\n", minFields: 2, maxFields: .max, line: 1,
      column: 7, message: "empty field"),
    ErrorCase(
      id: "too many fields", text: "about\tapproximate\t0.1\n", minFields: 2, maxFields: 2, line: 1, column: 19,
      message: "expected at most 2 tab-separated fields, found 3"),
    ErrorCase(
      id: "duplicate entry", text: "about\tapproximate\nnearly\tat-most\n# again\nabout\tapproximate\n", minFields: 2,
      maxFields: .max, line: 4, column: 1, message: "duplicate entry; the same entry is on line 1"),
    ErrorCase(
      id: "overlong entry", text: "about\tapproximate\nmore than\t" + String(repeating: "a", count: 3_000) + "\n", minFields: 2,
      maxFields: .max, line: 2, column: 11, message: "entry is 3000 characters long; the limit is 2048"),
    ErrorCase(
      id: "overlong phrase", text: "arrest\tdetain|" + String(repeating: "and then ", count: 7) + "detained\n", minFields: 2,
      maxFields: .max, line: 1, column: 8, message: "phrase has 15 words; the limit is 12"),
  ]

  /// Issue #8: a lexicon that is not UTF-8 points at the first bad byte.
  @Test func invalidUTF8PointsAtTheFirstBadByte() throws {
    let bytes = Array("minister\trole\r\nspokes".utf8) + [0xFF] + Array("man\trole\n".utf8)
    #expect {
      _ = try LexiconTable.text(of: bytes, path: "rules/lexicons/titles.tsv")
    } throws: { error in
      (error as? DataFileError)?.description == "rules/lexicons/titles.tsv:2:7: error: file is not valid UTF-8 (byte 0xFF at offset 21)"
    }
    #expect(try LexiconTable.text(of: Array("spokesman\trole\n".utf8), path: "titles.tsv") == "spokesman\trole\n")
  }

  @Test(arguments: errorCases)
  func errorsPointIntoTheFile(_ c: ErrorCase) {
    #expect {
      _ = try LexiconTable(path: Self.path, text: c.text, minFields: c.minFields, maxFields: c.maxFields)
    } throws: { error in
      guard let e = error as? DataFileError else { return false }
      #expect(e.path == Self.path)
      #expect(e.line == c.line)
      #expect(e.column == c.column)
      #expect(e.message == c.message)
      #expect(e.description == "\(Self.path):\(c.line):\(c.column): error: \(c.message)")
      return true
    }
  }

  @Test func lexiconSetMergesTablesOfTheSameName() throws {
    var set = LexiconSet()
    set.merge(try LexiconTable(path: "rules/lexicons/actions.tsv", text: "arrest\tarrest\n"), as: "actions")
    set.merge(try LexiconTable(path: "extra/actions.tsv", text: "\ndetain\tarrest\n"), as: "actions")
    let actions = set.table("actions")
    #expect(actions.path == "rules/lexicons/actions.tsv")
    #expect(actions.rows.map { "\($0.line):\($0[0])" } == ["1:arrest", "2:detain"])
    #expect(set.table("missing").rows.isEmpty)
    #expect(set.table("missing").path == "rules/lexicons/missing.tsv")
  }
}
