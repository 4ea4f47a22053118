import ClaimLint
import ClaimLintCore
import ClaimLintExtraction
import ClaimLintTestSupport
import Testing

/// A river-flood draft and a wire report that disagree on the number of residents evacuated.
enum FloodStory {
  static let sentence =
    "Emergency crews evacuated more than 1,200 residents from low-lying streets along the Sava on Monday night, the regional governor said."
  static let wire = """
    2025-03-11

    About 900 residents were evacuated from low-lying streets along the Sava on Monday night, the regional governor said.

    Water levels on the river were expected to peak on Wednesday, forecasters said.

    """

  /// A plain-text draft with `before` inserted above the evacuation sentence.
  static func draft(before: String = "", closing: String = "Schools in the riverside districts stayed closed on Tuesday.") -> String {
    "2025-03-11\n\n\(before)\(sentence)\n\n\(closing)\n"
  }
}

@Suite struct SuppressionTests {
  func check(_ draft: (String, String)) -> Report {
    TestSupport.check([(name: draft.0, text: draft.1), (name: "wire.txt", text: FloodStory.wire)], onlyRules: ["quantity-mismatch", "date-mismatch"])
  }

  func ids(_ r: Report) -> [String] { r.findings.map { "\($0.span.path):\($0.span.line) \($0.ruleID)" } }

  @Test func withoutADirectiveTheFigureIsReported() {
    #expect(ids(check(("draft.txt", FloodStory.draft()))) == ["draft.txt:3 quantity-mismatch"])
  }

  @Test func scansMarkdownHTMLAndPlainText() {
    let md = SourceFile(
      path: "draft.md",
      text: "# Flood\n\n<!-- claimlint-disable-next-line quantity-mismatch, date-mismatch -->\nText.\n<!--claimlint-disable-->\n\nMore.\n<!-- claimlint-enable quantity-mismatch -->\n<!-- an editor's note, not a directive -->\n")
    let found = SuppressionScanner.directives(in: md, format: .markdown)
    #expect(found.map(\.kind) == [.disableNextLine, .disable, .enable])
    #expect(found.map(\.rules) == [["quantity-mismatch", "date-mismatch"], [], ["quantity-mismatch"]])
    #expect(found.map(\.span.line) == [3, 5, 8])
    #expect(found[0].span.column == 1 && found[0].span.endColumn == 70)

    let html = SourceFile(
      path: "wire.html",
      text: "<article>\n<p>Lead.</p> <!-- claimlint-disable-next-line\n     quantity-mismatch -->\n<p>Figure.</p>\n</article>\n")
    let h = SuppressionScanner.directives(in: html, format: .html)
    #expect(h.count == 1)
    #expect(h.first?.rules == ["quantity-mismatch"])
    #expect(h.first?.span.line == 2 && h.first?.endLine == 3)
    #expect(h.first?.ownLine == false)

    let text = SourceFile(
      path: "draft.txt",
      text: "2025-03-11\n\n  claimlint-disable-next-line quantity-mismatch\nCrews evacuated residents.\nThe claimlint-disable comment is explained in the newsroom guide.\nclaimlint-disable is what editors type.\nclaimlint-enable\n")
    let t = SuppressionScanner.directives(in: text, format: .text)
    #expect(t.map(\.span.line) == [3, 7], "prose that merely mentions a directive is not one")
    #expect(t.first?.span.column == 3)
    // In plain text, comment syntax is article text, not a directive.
    #expect(SuppressionScanner.directives(in: SourceFile(path: "a.txt", text: "<!-- claimlint-disable -->\n"), format: .text).isEmpty)
  }

  @Test func plainTextReaderAndScannerAgree() {
    let lines = [
      "claimlint-disable-next-line quantity-mismatch", "claimlint-disable", "claimlint-enable date-mismatch,quantity-mismatch",
      "claimlint-disable-next-line", "claimlint-disable everything now.", "claimlint-disabled", "Claimlint-disable",
      "claimlint-enable: all", "the claimlint-disable line",
    ]
    for line in lines {
      let bytes = Array(line.utf8)
      let reader = PlainTextReader.isSuppressionDirective(bytes, 0, bytes.count)
      let scanner = !SuppressionScanner.directives(in: SourceFile(path: "a.txt", text: line + "\n"), format: .text).isEmpty
      #expect(reader == scanner, "\(line)")
    }
  }

  @Test func plainTextDirectiveLineIsNotArticleText() {
    let plain = TestSupport.checker().processTexts([(name: "draft.txt", text: FloodStory.draft())])
    let directed = TestSupport.checker().processTexts([
      (name: "draft.txt", text: FloodStory.draft(before: "claimlint-disable-next-line quantity-mismatch\n"))
    ])
    let a = plain.first?.report
    let b = directed.first?.report
    #expect(b?.document.segments.contains { $0.text.contains("claimlint") } == false)
    #expect(a?.claims.map(\.span.text) == b?.claims.map(\.span.text))
    #expect(b?.claims.first.map { $0.span.line } == 4)
  }

  @Test func nextLineDirectiveInEachFormat() {
    let text = FloodStory.draft(before: "claimlint-disable-next-line quantity-mismatch\n\n")
    #expect(ids(check(("draft.txt", text))) == [])
    let md = "# Crews evacuate residents\n\n<!-- claimlint-disable-next-line quantity-mismatch -->\n\(FloodStory.sentence)\n"
    #expect(ids(check(("draft.md", md))) == [])
    let html = "<html><body><article>\n<h1>Crews evacuate residents</h1>\n<!-- claimlint-disable-next-line -->\n<p>\(FloodStory.sentence)</p>\n</article></body></html>\n"
    #expect(ids(check(("draft.html", html))) == [])
    // A directive for another rule leaves the finding and is itself reported.
    let other = FloodStory.draft(before: "claimlint-disable-next-line date-mismatch\n")
    #expect(ids(check(("draft.txt", other))) == ["draft.txt:3 unused-suppression", "draft.txt:4 quantity-mismatch"])
  }

  @Test func disableAndEnableRegions() {
    let region = "2025-03-11\n\nclaimlint-disable quantity-mismatch\n\n\(FloodStory.sentence)\n\nclaimlint-enable quantity-mismatch\n\nSchools stayed closed.\n"
    #expect(ids(check(("draft.txt", region))) == [])
    let closedBefore = "2025-03-11\n\nclaimlint-disable quantity-mismatch\nclaimlint-enable\n\n\(FloodStory.sentence)\n"
    #expect(ids(check(("draft.txt", closedBefore))) == ["draft.txt:3 unused-suppression", "draft.txt:6 quantity-mismatch"])
    // Disabling every rule and re-enabling one keeps that one reported.
    let allButOne = "2025-03-11\n\nclaimlint-disable\nclaimlint-enable quantity-mismatch\n\n\(FloodStory.sentence)\n"
    #expect(ids(check(("draft.txt", allButOne))).contains("draft.txt:6 quantity-mismatch"))
    // An unclosed region runs to the end of the file.
    let open = "2025-03-11\n\nclaimlint-disable\n\n\(FloodStory.sentence)\n"
    #expect(ids(check(("draft.txt", open))) == [])
  }

  @Test func unusedAndUnknownSuppressionsAreNotes() throws {
    let text = FloodStory.draft(
      before: "claimlint-disable-next-line quantity-mismatch, date-mismatch\n",
      closing: "claimlint-disable-next-line quantity-mismach\nSchools in the riverside districts stayed closed on Tuesday.")
    let r = check(("draft.txt", text))
    let notes = r.findings.filter { $0.ruleID == "unused-suppression" }
    #expect(notes.map(\.message) == ["suppression of 'date-mismatch' matched no finding", "suppression names an unknown rule 'quantity-mismach'"])
    #expect(notes.allSatisfy { $0.severity == .note })
    #expect(notes.map(\.span.line) == [3, 6])
    #expect(notes.first?.help == "remove 'date-mismatch' from the suppression")
    #expect(r.rules.contains { $0.identifier == "unused-suppression" })
    #expect(!r.findings.contains { $0.ruleID == "quantity-mismatch" })
  }

  @Test func suppressionsOfRulesThatDidNotRunAreNotReported() {
    let text = FloodStory.draft(before: "claimlint-disable-next-line quantity-mismatch, title-mismatch\n")
    let r = check(("draft.txt", text))
    #expect(ids(r) == [], "title-mismatch did not run (--only), so its suppression cannot be judged")
  }

  @Test func suppressionsCanBeTurnedOff() {
    let checker = Checker(
      configuration: TestSupport.configuration,
      options: CheckerOptions(onlyRules: ["quantity-mismatch"], threads: 1, inlineSuppressions: false))
    let text = FloodStory.draft(before: "claimlint-disable-next-line quantity-mismatch\n")
    let r = checker.check(checker.processTexts([(name: "draft.txt", text: text), (name: "wire.txt", text: FloodStory.wire)]), draftPath: nil)
    #expect(ids(r) == ["draft.txt:4 quantity-mismatch"])
  }

  @Test func inPrePublishModeOnlyTheDraftsDirectivesCount() {
    let wire = "claimlint-disable-next-line quantity-mismatch\n" + FloodStory.wire
    let r = TestSupport.check(
      [(name: "draft.txt", text: FloodStory.draft()), (name: "wire.txt", text: wire)], draft: "draft.txt", onlyRules: ["quantity-mismatch"])
    #expect(ids(r) == ["draft.txt:3 quantity-mismatch"], "a source's directive neither hides the draft's finding nor is reported")
  }
}
