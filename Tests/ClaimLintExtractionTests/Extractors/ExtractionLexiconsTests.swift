import ClaimLintCore
import ClaimLintExtraction
import Testing

/// One broken lexicon row and the error it must give.
struct BrokenLexiconCase: Sendable, CustomTestStringConvertible {
  var id: String
  var file: String
  var text: String
  var line: Int
  var column: Int
  var message: String
  var testDescription: String { id }
}

@Suite struct ExtractionLexiconsTests {
  @Test func realLexiconsLoad() throws {
    let (set, errors) = LexiconSet.load(directory: ExtractionFixture.lexiconDirectory, displayPrefix: "rules/lexicons")
    #expect(errors.isEmpty)
    _ = try ExtractionLexicons(set)
  }

  static let broken: [BrokenLexiconCase] = [
    BrokenLexiconCase(
      id: "misspelt direction", file: "qualifiers",
      text: "# qualifiers\nover\tabove\nabout\tabuot\n", line: 3, column: 7,
      message:
        "unknown direction 'abuot'; expected 'above', 'at-least', 'below', 'at-most', 'approximate', or 'exact'"),
    BrokenLexiconCase(
      id: "tolerance out of range", file: "qualifiers", text: "@tolerance\t10%\n", line: 1, column: 12,
      message: "expected a tolerance between 0 and 1, found '10%'"),
    BrokenLexiconCase(
      id: "unknown qualifier flag", file: "qualifiers", text: "or more\tat-least\tbefore\n", line: 1, column: 18,
      message: "unknown flag 'before'; expected 'after' or 'band'"),
    BrokenLexiconCase(
      id: "number kind", file: "numbers", text: "seven\tunit\t7\neight\tdigit\t8\n", line: 2, column: 7,
      message:
        "unknown kind 'digit'; expected 'unit', 'tens', 'multiplier', 'scale', 'suffix', 'short-scale', 'fraction', 'vague', 'designator', or 'furniture'"
    ),
    BrokenLexiconCase(
      id: "number value", file: "numbers", text: "dozen\tmultiplier\ttwelve\n", line: 1, column: 18,
      message: "expected a number, found 'twelve'"),
    BrokenLexiconCase(
      id: "currency code", file: "currencies", text: "$\tUSD\tsymbol\nbaht\tbaht\tname\n", line: 2, column: 6,
      message: "expected a three-letter ISO 4217 code, found 'baht'"),
    BrokenLexiconCase(
      id: "missing currency kind", file: "currencies", text: "kyat\tMMK\n", line: 1, column: 9,
      message: "missing kind field"),
    BrokenLexiconCase(
      id: "empty action form", file: "actions", text: "arrest\tarrested||detained\n", line: 1, column: 17,
      message: "empty action form"),
    BrokenLexiconCase(
      id: "empty unit form", file: "units", text: "tonne\ttonne|tonnes|\n", line: 1, column: 20,
      message: "empty unit form"),
    BrokenLexiconCase(
      id: "money family case", file: "money-nouns", text: "aid\taid|relief\nFine\tfine\n", line: 2, column: 1,
      message: "money family 'Fine' must be lower-case letters and hyphens"),
    BrokenLexiconCase(
      id: "money noun without forms", file: "money-nouns", text: "ransom\n", line: 1, column: 7,
      message: "missing forms field"),
    BrokenLexiconCase(
      id: "month number", file: "months", text: "august\t8\tname\nsept\t13\tabbr\n", line: 2, column: 6,
      message: "expected a month number from 1 to 12, found '13'"),
    BrokenLexiconCase(
      id: "weekday kind", file: "weekdays", text: "friday\t5\tfull\n", line: 1, column: 10,
      message: "unknown kind 'full'; expected 'name', 'long-abbr', or 'abbr'"),
  ]

  @Test(arguments: broken)
  func brokenRowNamesFileLineAndColumn(_ c: BrokenLexiconCase) throws {
    var set = ExtractionFixture.lexiconSet()
    let table = try LexiconTable(path: "rules/lexicons/\(c.file).tsv", text: c.text)
    var replaced = LexiconSet()
    for (name, t) in set.tables where name != c.file { replaced.merge(t, as: name) }
    replaced.merge(table, as: c.file)
    set = replaced
    #expect(throws: DataFileError(path: "rules/lexicons/\(c.file).tsv", line: c.line, column: c.column, message: c.message)) {
      try ExtractionLexicons(set)
    }
  }

  @Test func errorPrintsLikeACompiler() throws {
    let table = try LexiconTable(path: "rules/lexicons/qualifiers.tsv", text: "about\tabuot\n")
    var set = LexiconSet()
    set.merge(table, as: "qualifiers")
    do {
      _ = try ExtractionLexicons(set)
      Issue.record("expected an error")
    } catch {
      #expect(
        error.description
          == "rules/lexicons/qualifiers.tsv:1:7: error: unknown direction 'abuot'; expected 'above', 'at-least', 'below', 'at-most', 'approximate', or 'exact'"
      )
    }
  }
}
