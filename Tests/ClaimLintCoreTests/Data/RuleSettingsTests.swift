import ClaimLintCore
import ClaimLintTestSupport
import Testing

/// `RuleSettings.parse` (the `rules.json` format) and `merged(with:)`.
@Suite struct RuleSettingsTests {
  /// The rule ids a run knows; the core does not know the rule list, the caller passes it in.
  static let known: Set<String> = ["quantity-mismatch", "hedge-dropped", "date-mismatch", "title-mismatch"]

  private func parse(_ json: String, path: String = "rules/rules.json") throws(DataFileError) -> RuleSettings {
    try RuleSettings.parse(Array(json.utf8), path: path, knownRules: Self.known)
  }

  @Test func validFile() throws {
    let settings = try parse(
      """
      {
        "$comment": "Desk settings for the election night live blog",
        "rules": {
          "quantity-mismatch": {"enabled": true, "severity": "error", "tolerance": 0.1},
          "hedge-dropped": {"enabled": false, "description": "off until the hedge list is reviewed"},
          "date-mismatch": {"$comment": "same day only", "maxDaysApart": 0, "severity": "note"}
        }
      }
      """)
    #expect(settings.entries.keys.sorted() == ["date-mismatch", "hedge-dropped", "quantity-mismatch"])
    #expect(settings.isEnabled("quantity-mismatch"))
    #expect(!settings.isEnabled("hedge-dropped"))
    #expect(settings.isEnabled("date-mismatch"))
    #expect(settings.isEnabled("title-mismatch"))
    #expect(settings.entry("quantity-mismatch").severity == .error)
    #expect(settings.entry("date-mismatch").severity == .note)
    #expect(settings.entry("hedge-dropped").severity == nil)
    #expect(settings.option("tolerance", for: "quantity-mismatch", default: 0.2) == 0.1)
    #expect(settings.option("maxDaysApart", for: "date-mismatch", default: 3) == 0)
    #expect(settings.option("tolerance", for: "title-mismatch", default: 0.2) == 0.2)
    #expect(settings.entry("hedge-dropped").options.isEmpty)
  }

  @Test func emptyAndCommentOnlyFiles() throws {
    #expect(try parse("{}").entries.isEmpty)
    #expect(try parse(#"{"$comment": "nothing yet", "rules": {}}"#).entries.isEmpty)
  }

  struct ErrorCase: Sendable, CustomTestStringConvertible {
    var id: String
    var json: String
    var message: String
    var testDescription: String { id }
  }

  static let errorCases: [ErrorCase] = [
    ErrorCase(
      id: "unknown top-level key", json: #"{↓"rulez": {}}"#, message: "at 'rulez': unknown key; expected 'rules'"),
    ErrorCase(
      id: "unknown rule id on a later line", json: "{\n  \"rules\": {\n    ↓\"quantity-mismatches\": {}\n  }\n}",
      message: "at 'rules.quantity-mismatches': unknown rule id; 'claimlint rules' lists the known ids"),
    ErrorCase(id: "top level is an array", json: "↓[]", message: "expected a JSON object at the top level"),
    ErrorCase(id: "rules is an array", json: #"{"rules": ↓[]}"#, message: "at 'rules': expected an object, found an array"),
    ErrorCase(
      id: "unknown rule id", json: #"{"rules": {↓"quantity-mismatches": {}}}"#,
      message: "at 'rules.quantity-mismatches': unknown rule id; 'claimlint rules' lists the known ids"),
    ErrorCase(
      id: "rule is a bool", json: #"{"rules": {"date-mismatch": ↓true}}"#,
      message: "at 'rules.date-mismatch': expected an object, found true"),
    ErrorCase(
      id: "enabled is a string", json: #"{"rules": {"hedge-dropped": {"enabled": ↓"yes"}}}"#,
      message: #"at 'rules.hedge-dropped.enabled': expected true or false, found "yes""#),
    ErrorCase(
      id: "enabled is a number", json: #"{"rules": {"hedge-dropped": {"enabled": ↓1}}}"#,
      message: "at 'rules.hedge-dropped.enabled': expected true or false, found 1"),
    ErrorCase(
      id: "unknown severity", json: #"{"rules": {"quantity-mismatch": {"severity": ↓"fatal"}}}"#,
      message: #"at 'rules.quantity-mismatch.severity': expected 'error', 'warning', or 'note', found "fatal""#),
    ErrorCase(
      id: "capitalised severity", json: #"{"rules": {"quantity-mismatch": {"severity": ↓"Warning"}}}"#,
      message: #"at 'rules.quantity-mismatch.severity': expected 'error', 'warning', or 'note', found "Warning""#),
    ErrorCase(
      id: "severity is a number", json: #"{"rules": {"quantity-mismatch": {"severity": ↓2}}}"#,
      message: "at 'rules.quantity-mismatch.severity': expected 'error', 'warning', or 'note', found 2"),
    ErrorCase(
      id: "option is a string", json: #"{"rules": {"quantity-mismatch": {"tolerance": ↓"10%"}}}"#,
      message: #"at 'rules.quantity-mismatch.tolerance': expected a number, found "10%""#),
    ErrorCase(
      id: "option is a bool", json: #"{"rules": {"date-mismatch": {"maxDaysApart": ↓false}}}"#,
      message: "at 'rules.date-mismatch.maxDaysApart': expected a number, found false"),
  ]

  /// Each error names the key path and points at the `↓`: the key when the key is the problem (unknown
  /// rule id, unknown key), else the value.
  @Test(arguments: errorCases)
  func errorsNameTheKeyPathAndPointIntoTheFile(_ c: ErrorCase) {
    let (json, offsets, _) = TestSupport.markers(c.json)
    let at = TestSupport.position(of: offsets[0], in: json)
    #expect {
      _ = try parse(json)
    } throws: { error in
      guard let e = error as? DataFileError else { return false }
      #expect(e.path == "rules/rules.json")
      #expect(e.line == at.line)
      #expect(e.column == at.column)
      #expect(e.message == c.message)
      #expect(e.description == "rules/rules.json:\(at.line):\(at.column): error: \(c.message)")
      return true
    }
  }

  @Test func syntaxErrorsKeepTheirPosition() {
    #expect {
      _ = try parse("{\n  \"rules\": {\n    \"hedge-dropped\": {\"enabled\": yes}\n  }\n}", path: "claimlint.json")
    } throws: { error in
      (error as? DataFileError)?.description == "claimlint.json:3:34: error: unexpected character"
    }
  }

  @Test func parseRulesUsesTheGivenKeyPrefix() {
    let value = JSONValue.object([("hedge-dropped", .object([("enabled", .string("no"))]))])
    #expect {
      _ = try RuleSettings.parseRules(value, keyPrefix: "lint.rules", path: "claimlint.json", knownRules: Self.known)
    } throws: { error in
      (error as? DataFileError)?.message == #"at 'lint.rules.hedge-dropped.enabled': expected true or false, found "no""#
    }
  }

  @Test func mergedOverridesFieldByField() throws {
    let base = try parse(
      """
      {"rules": {
        "quantity-mismatch": {"enabled": true, "severity": "warning", "tolerance": 0.1, "minimum": 10},
        "hedge-dropped": {"enabled": false},
        "date-mismatch": {"maxDaysApart": 0}
      }}
      """)
    let user = try parse(
      """
      {"rules": {
        "quantity-mismatch": {"tolerance": 0.25},
        "hedge-dropped": {"severity": "note"},
        "date-mismatch": {"enabled": false},
        "title-mismatch": {"severity": "error"}
      }}
      """)
    let merged = base.merged(with: user)
    let quantity = merged.entry("quantity-mismatch")
    #expect(quantity.enabled)
    #expect(quantity.severity == .warning)
    #expect(quantity.options == ["tolerance": 0.25, "minimum": 10])
    // Setting only a severity does not turn a disabled rule back on.
    #expect(!merged.isEnabled("hedge-dropped"))
    #expect(merged.entry("hedge-dropped").severity == .note)
    #expect(!merged.isEnabled("date-mismatch"))
    #expect(merged.option("maxDaysApart", for: "date-mismatch", default: 5) == 0)
    #expect(merged.isEnabled("title-mismatch"))
    #expect(merged.entry("title-mismatch").severity == .error)
  }

  @Test func mergedCanTurnARuleBackOn() throws {
    let base = RuleSettings(entries: ["hedge-dropped": .init(enabled: false)])
    let user = try parse(#"{"rules": {"hedge-dropped": {"enabled": true}}}"#)
    #expect(base.merged(with: user).isEnabled("hedge-dropped"))
    #expect(!user.merged(with: base).isEnabled("hedge-dropped"))
    #expect(base.merged(with: RuleSettings()).entries == base.entries)
  }
}
