import ClaimLintCore
import Testing

/// claimlint's own JSON parser: values, escapes, numbers, and errors that point at a line and column.
@Suite struct JSONValueTests {
  private func parse(_ text: String) throws(DataFileError) -> JSONValue {
    try JSONValue.parse(Array(text.utf8), path: "rules/rules.json")
  }

  @Test func objectKeepsKeysInDocumentOrder() throws {
    let v = try parse(
      """
      {
        "rule": "quantity-mismatch",
        "tolerance": 0.1,
        "enabled": true,
        "tags": ["figures", "counts"],
        "replacedBy": null,
        "aliases": {}
      }
      """)
    #expect(
      v
        == .object([
          ("rule", .string("quantity-mismatch")),
          ("tolerance", .number(0.1)),
          ("enabled", .bool(true)),
          ("tags", .array([.string("figures"), .string("counts")])),
          ("replacedBy", .null),
          ("aliases", .object([])),
        ]))
    #expect(v.objectValue?.map(\.0) == ["rule", "tolerance", "enabled", "tags", "replacedBy", "aliases"])
    #expect(v != .object([("tolerance", .number(0.1)), ("rule", .string("quantity-mismatch"))]))
  }

  @Test func nestedArraysAndWhitespace() throws {
    let v = try parse(" \t\r\n[ [] , [ [ 1 ] ] ,\n{ \"a\" : [ ] } ]\n")
    #expect(v == .array([.array([]), .array([.array([.number(1)])]), .object([("a", .array([]))])]))
  }

  struct StringCase: Sendable, CustomTestStringConvertible {
    var id: String
    var json: String
    var value: String
    var testDescription: String { id }
  }

  static let stringCases: [StringCase] = [
    StringCase(id: "plain", json: #""Flood warning""#, value: "Flood warning"),
    StringCase(id: "quote and backslash", json: #""the \"official\" count \\ 12""#, value: #"the "official" count \ 12"#),
    StringCase(id: "solidus", json: #""rules\/lexicons""#, value: "rules/lexicons"),
    StringCase(id: "control escapes", json: #""a\nb\tc\rd\be\ff""#, value: "a\nb\tc\rd\u{8}e\u{C}f"),
    StringCase(id: "BMP escapes", json: #""\u00e9t\u00C9 \u041a\u0438\u0457\u0432""#, value: "étÉ Київ"),
    StringCase(id: "surrogate pair", json: #""flood \ud83c\udf0a""#, value: "flood 🌊"),
    StringCase(id: "lone high surrogate", json: #""\ud83c!""#, value: "\u{FFFD}!"),
    StringCase(id: "lone low surrogate", json: #""\udf0a""#, value: "\u{FFFD}"),
    StringCase(id: "high surrogate then a non-surrogate", json: #""\ud83c\u0041""#, value: "\u{FFFD}A"),
    StringCase(id: "raw UTF-8", json: #""서울시 “1,200명”""#, value: "서울시 “1,200명”"),
    StringCase(id: "empty", json: #""""#, value: ""),
  ]

  @Test(arguments: stringCases)
  func strings(_ c: StringCase) throws {
    #expect(try parse(c.json) == .string(c.value))
  }

  @Test(arguments: [
    ("0", 0.0), ("-0", -0.0), ("12400", 12400), ("-12", -12), ("3.5", 3.5), ("0.1", 0.1), ("1e3", 1000),
    ("2.5E-2", 0.025), ("-1.5e+2", -150),
  ])
  func numbers(_ json: String, _ value: Double) throws {
    #expect(try parse(json) == .number(value))
  }

  @Test func booleansAreNotNumbers() throws {
    let v = try parse("[true, 1, false, 0, null]")
    #expect(v == .array([.bool(true), .number(1), .bool(false), .number(0), .null]))
    #expect(JSONValue.bool(true) != .number(1))
    #expect(JSONValue.bool(false) != .number(0))
    #expect(JSONValue.null != .number(0))
    #expect(Set([JSONValue.bool(true), .number(1), .bool(false), .number(0)]).count == 4)
  }

  @Test(arguments: [
    (JSONValue.string("yes"), #""yes""#), (.number(0.1), "0.1"), (.number(3), "3"), (.number(-40), "-40"),
    (.bool(false), "false"), (.null, "null"), (.array([]), "an array"), (.object([]), "an object"),
  ])
  func renderedForMessages(_ value: JSONValue, _ rendered: String) {
    #expect(value.rendered == rendered)
  }

  struct ErrorCase: Sendable, CustomTestStringConvertible {
    var id: String
    var json: String
    var line: Int
    var column: Int
    var message: String
    var testDescription: String { id }
  }

  static let errorCases: [ErrorCase] = [
    ErrorCase(
      id: "missing comma between members on line 3",
      json: """
        {
          "rules": {
            "date-mismatch": {"enabled": true} "hedge-dropped": {"enabled": false}
          }
        }
        """,
      line: 3, column: 40, message: "expected ',' or '}'"),
    ErrorCase(
      id: "missing comma at the end of line 3",
      json: "{\n  \"a\": 1,\n  \"b\": 2\n  \"c\": 3\n}", line: 4, column: 3, message: "expected ',' or '}'"),
    ErrorCase(id: "missing comma in an array", json: "[1, 2\n 3]", line: 2, column: 2, message: "expected ',' or ']'"),
    ErrorCase(id: "trailing comma in an array", json: "[1, 2,]", line: 1, column: 7, message: "unexpected character"),
    ErrorCase(id: "trailing comma in an object", json: "{\"a\": 1,}", line: 1, column: 9, message: "expected a string key"),
    ErrorCase(id: "unquoted key", json: "{rules: {}}", line: 1, column: 2, message: "expected a string key"),
    ErrorCase(id: "missing colon", json: "{\"rules\" {}}", line: 1, column: 10, message: "expected ':' after key"),
    ErrorCase(id: "empty document", json: "", line: 1, column: 1, message: "unexpected end of file"),
    ErrorCase(id: "only white space", json: "\n\n  ", line: 3, column: 3, message: "unexpected end of file"),
    ErrorCase(id: "unclosed object", json: "{\"a\": 1", line: 1, column: 8, message: "unexpected end of file in object"),
    ErrorCase(id: "unclosed array", json: "[1,\n2", line: 2, column: 2, message: "unexpected end of file in array"),
    ErrorCase(id: "unterminated string", json: "[\"flood", line: 1, column: 8, message: "unterminated string"),
    ErrorCase(id: "raw line break in a string", json: "[\"flood\nwarning\"]", line: 1, column: 8, message: "control character in string"),
    ErrorCase(id: "misspelt literal", json: "[tru]", line: 1, column: 2, message: "unexpected character"),
    ErrorCase(id: "capitalised literal", json: "True", line: 1, column: 1, message: "unexpected character"),
    ErrorCase(id: "two documents", json: "{} {}", line: 1, column: 4, message: "unexpected content after the JSON value"),
    ErrorCase(id: "column after Cyrillic", json: "{\"city\": \"Київ\" \"x\": 1}", line: 1, column: 17, message: "expected ',' or '}'"),
    ErrorCase(id: "duplicate key points at the second key", json: "{\n  \"enabled\": true,\n  \"enabled\": false\n}", line: 3, column: 3, message: "duplicate key 'enabled'"),
    ErrorCase(id: "bad \\u escape", json: #"["\u00g1"]"#, line: 1, column: 3, message: "bad \\u escape"),
    ErrorCase(id: "signed \\u escape", json: #"["\u+0041"]"#, line: 1, column: 3, message: "bad \\u escape"),
    ErrorCase(id: "short \\u escape", json: #"["\u41"]"#, line: 1, column: 3, message: "bad \\u escape"),
    ErrorCase(id: "unknown escape", json: #"["\q"]"#, line: 1, column: 3, message: "unknown escape '\\q'"),
    ErrorCase(id: "plus sign", json: "+1", line: 1, column: 1, message: "invalid number '+1'"),
    ErrorCase(id: "leading zero", json: "[01]", line: 1, column: 2, message: "invalid number '01'"),
    ErrorCase(id: "leading point", json: "[.5]", line: 1, column: 2, message: "invalid number '.5'"),
    ErrorCase(id: "trailing point", json: "[5.]", line: 1, column: 2, message: "invalid number '5.'"),
    ErrorCase(id: "bare minus", json: "[-]", line: 1, column: 2, message: "invalid number '-'"),
    ErrorCase(id: "empty exponent", json: "[1e]", line: 1, column: 2, message: "invalid number '1e'"),
    ErrorCase(id: "number too large", json: "[1e999]", line: 1, column: 2, message: "invalid number '1e999'"),
    ErrorCase(id: "percent after a number", json: "[10%]", line: 1, column: 4, message: "expected ',' or ']'"),
  ]

  @Test(arguments: errorCases)
  func errorsPointAtTheProblem(_ c: ErrorCase) {
    #expect {
      _ = try parse(c.json)
    } throws: { error in
      guard let e = error as? DataFileError else { return false }
      #expect(e.path == "rules/rules.json")
      #expect(e.line == c.line)
      #expect(e.column == c.column)
      #expect(e.message == c.message)
      return true
    }
  }

  @Test func errorDescriptionNamesFileLineAndColumn() {
    let json = "{\n  \"rules\": {\n    \"date-mismatch\": {\"enabled\": true} \"hedge-dropped\": {}\n  }\n}"
    #expect {
      _ = try parse(json)
    } throws: { error in
      (error as? DataFileError)?.description == "rules/rules.json:3:40: error: expected ',' or '}'"
    }
  }

  @Test func nestingUpTo200LevelsIsAccepted() throws {
    let json = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
    var v = try parse(json)
    var depth = 1
    while case .array(let items) = v, let first = items.first {
      v = first
      depth += 1
    }
    #expect(depth == 200)
  }

  @Test(arguments: [201, 100_000])
  func deeperNestingIsAnErrorNotACrash(_ levels: Int) {
    let json = String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
    #expect {
      _ = try parse(json)
    } throws: { error in
      guard let e = error as? DataFileError else { return false }
      return e.message == "JSON nested too deeply" && e.line == 1 && e.column == 201
    }
  }

  @Test func byteOrderMarkIsSkipped() throws {
    #expect(try parse("\u{FEFF}{\"enabled\": true}") == .object([("enabled", .bool(true))]))
    #expect(try parse("\u{FEFF}  [1]") == .array([.number(1)]))
  }

  @Test func byteOrderMarkDoesNotShiftColumns() {
    #expect {
      _ = try parse("\u{FEFF}{x}")
    } throws: { error in
      guard let e = error as? DataFileError else { return false }
      return (e.line, e.column, e.message) == (1, 2, "expected a string key")
    }
  }
}
