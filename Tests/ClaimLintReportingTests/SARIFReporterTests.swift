import ClaimLintCore
import Foundation
import Testing

@testable import ClaimLintReporting

/// The SARIF log has what GitHub code scanning needs, and its regions match the files.
struct SARIFReporterTests {
  /// Parses the rendered log as generic JSON.
  func parsed(_ report: Report) throws -> [String: Any] {
    let text = SARIFReporter.render(report, options: ReportOptions())
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(object as? [String: Any])
  }

  @Test func logDecodesAsJSONWithTheFieldsGitHubRequires() throws {
    let log = try parsed(ReportFixture.checkReport())
    #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
    #expect(log["version"] as? String == "2.1.0")
    let runs = try #require(log["runs"] as? [[String: Any]])
    #expect(runs.count == 1)
    let run = try #require(runs.first)
    #expect((run["automationDetails"] as? [String: Any])?["id"] as? String == "claimlint/")
    #expect(run["columnKind"] as? String == "unicodeCodePoints")
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "claimlint")
    #expect(driver["semanticVersion"] as? String == "0.1.0")
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.map { $0["id"] as? String } == ["date-mismatch", "hedge-dropped", "quantity-mismatch", "title-mismatch"])
    for rule in rules {
      #expect(((rule["shortDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
      #expect(((rule["fullDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
      #expect(((rule["help"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
      let properties = try #require(rule["properties"] as? [String: Any])
      #expect(properties["security-severity"] == nil)
      #expect(properties["problem.severity"] != nil)
      #expect((rule["helpUri"] as? String)?.hasPrefix("https://example.org/claimlint#rule-") == true)
    }
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == 4)
    for result in results {
      let ruleID = try #require(result["ruleId"] as? String)
      let index = try #require(result["ruleIndex"] as? Int)
      #expect(rules[index]["id"] as? String == ruleID)
      #expect((result["locations"] as? [Any])?.count == 1)
      let fingerprints = try #require(result["partialFingerprints"] as? [String: String])
      #expect(fingerprints["primaryLocationLineHash"] != nil)
      #expect(fingerprints["claimlint/claimPair/v1"] != nil)
      let message = try #require((result["message"] as? [String: Any])?["text"] as? String)
      for related in result["relatedLocations"] as? [[String: Any]] ?? [] {
        let id = try #require(related["id"] as? Int)
        #expect(message.contains("](\(id))"))
      }
    }
    let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
    #expect(invocation["executionSuccessful"] as? Bool == false)
    #expect(invocation["exitCode"] as? Int == 2)
    #expect((invocation["toolExecutionNotifications"] as? [Any])?.count == 2)
  }

  @Test func resultsArrayIsPresentWhenThereAreNoFindings() throws {
    let log = try parsed(ReportFixture.cleanReport())
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    #expect((run["results"] as? [Any])?.isEmpty == true)
    let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
    #expect(invocation["executionSuccessful"] as? Bool == true)
    #expect(invocation["toolExecutionNotifications"] == nil)
  }

  @Test func snippetsAreCutFromTheFileBytesNotTheExtractedText() throws {
    let log = SARIFReporter.log(for: ReportFixture.checkReport())
    let title = try #require(log.runs[0].results.first { $0.ruleId == "title-mismatch" })
    let related = try #require(title.relatedLocations?.first)
    // The note's span quotes the decoded text, but the region covers the entity in the HTML file.
    #expect(related.physicalLocation.region?.snippet?.text == "Mayor Ana&nbsp;Ruiz")
    #expect(related.physicalLocation.region?.startColumn == 13)
    #expect(related.physicalLocation.region?.endColumn == 32)
  }

  @Test func regionsCountCodePointsAfterCyrillicAndCurlyQuotes() throws {
    let log = SARIFReporter.log(for: ReportFixture.checkReport())
    let quantity = try #require(log.runs[0].results.first { $0.ruleId == "quantity-mismatch" })
    let region = try #require(quantity.locations[0].physicalLocation.region)
    #expect(region.startLine == 7)
    #expect(region.startColumn == 58)
    #expect(region.endColumn == 83)
    #expect(region.snippet?.text == "more than 1,200 residents")
    let line = ReportFixture.draft.lineText(7)
    let scalars = Array(line.unicodeScalars)
    let cut = String(String.UnicodeScalarView(scalars[(57)..<(82)]))
    #expect(cut == "more than 1,200 residents")
  }

  @Test func multiLineRegionSnippetKeepsTheLineBreak() throws {
    let log = SARIFReporter.log(for: ReportFixture.checkReport())
    let hedge = try #require(log.runs[0].results.first { $0.ruleId == "hedge-dropped" })
    let region = try #require(hedge.locations[0].physicalLocation.region)
    #expect(region.startLine == 10)
    #expect(region.endLine == 11)
    #expect(region.snippet?.text == "the\ndamage was caused by a breach upstream")
  }

  @Test func messageLinksRelatedLocationsAndAppendsNotesWithoutSpan() throws {
    let log = SARIFReporter.log(for: ReportFixture.checkReport())
    let date = try #require(log.runs[0].results.first { $0.ruleId == "date-mismatch" })
    #expect(
      date.message.text
        == "date of the river's crest differs from 1 source (see [sources/wire-0412.txt:2](1)). this article is dated 2024-08-17, so 'on Friday' reads as 16 August 2024"
    )
    #expect(date.relatedLocations?.map(\.id) == [1])
  }

  @Test func literalBracketsInMessagesAreEscaped() {
    #expect(SARIFReporter.escapeBrackets("the [sic] figure") == "the \\[sic\\] figure")
    #expect(SARIFReporter.escapeBrackets("no brackets") == "no brackets")
  }

  @Test func ruleMetadataFollowsTheRuleDescription() throws {
    let rules = SARIFReporter.log(for: ReportFixture.checkReport()).runs[0].tool.driver.rules
    let hedge = try #require(rules.first { $0.id == "hedge-dropped" })
    #expect(hedge.name == "HedgeDropped")
    #expect(hedge.defaultConfiguration.level == "warning")
    #expect(hedge.properties.precision == "medium")
    #expect(hedge.properties.problemSeverity == "warning")
    #expect(hedge.help.text.contains("The damage was reportedly caused by a breach upstream."))
    #expect(!hedge.help.text.contains("↓") && !hedge.help.text.contains("†"))
    #expect(hedge.help.markdown?.contains("`draft.md` (draft):") == true)
    let date = try #require(rules.first { $0.id == "date-mismatch" })
    #expect(date.properties.precision == "high")
    let title = try #require(rules.first { $0.id == "title-mismatch" })
    #expect(title.properties.problemSeverity == "recommendation")
  }

  @Test func longRationaleIsCutToGitHubsLimit() {
    let long = String(repeating: "Editors compare figures with their sources. ", count: 40)
    let cut = SARIFReporter.truncated(long)
    #expect(cut.count <= 1024)
    #expect(cut.hasSuffix("…"))
  }

  @Test func unknownRuleIDGetsAMinimalDescriptor() throws {
    var report = ReportFixture.checkReport()
    report.rules = []
    let log = SARIFReporter.log(for: report)
    let rules = log.runs[0].tool.driver.rules
    #expect(rules.map(\.id) == ["quantity-mismatch", "title-mismatch", "date-mismatch", "hedge-dropped"])
    for result in log.runs[0].results {
      let index = try #require(result.ruleIndex)
      #expect(rules[index].id == result.ruleId)
    }
  }

  @Test func artifactURIsArePercentEncodedRelativeReferences() {
    #expect(ArtifactURI.encode("sources/agency, late.txt") == "sources/agency%2C%20late.txt")
    #expect(ArtifactURI.encode("sources/київ.html") == "sources/%D0%BA%D0%B8%D1%97%D0%B2.html")
    #expect(ArtifactURI.encode("a:b/100%.md") == "a%3Ab/100%25.md")
  }

  /// Writes the fixture's articles and SARIF to `$CLAIMLINT_SARIF_EXPORT` so the shared validator can
  /// check them with `--source-root`; does nothing when the variable is not set.
  @Test func exportForValidator() throws {
    guard let dir = ProcessInfo.processInfo.environment["CLAIMLINT_SARIF_EXPORT"], !dir.isEmpty else { return }
    let root = URL(fileURLWithPath: dir, isDirectory: true)
    for source in [ReportFixture.draft, ReportFixture.wire, ReportFixture.portal] {
      let url = root.appendingPathComponent(source.path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(source.bytes).write(to: url)
    }
    let sarif = SARIFReporter.render(ReportFixture.checkReport(), options: ReportOptions())
    try Data(sarif.utf8).write(to: root.appendingPathComponent("check.sarif"))
    let edge = Self.crlfReport()
    for entry in edge.documents {
      let url = root.appendingPathComponent(entry.document.path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(entry.document.source.bytes).write(to: url)
    }
    try Data(SARIFReporter.render(edge, options: ReportOptions()).utf8).write(to: root.appendingPathComponent("crlf.sarif"))
  }

  /// A Windows-style file with an astral-plane emoji before the spans and a span across a CRLF.
  static func crlfReport() -> Report {
    let text = "Flood 🌊 alert: “1,200 evacuated” — officials\r\nsaid on Tuesday, citing the 한빛 centre.\r\n"
    let source = SourceFile(path: "drafts/alert notes.txt", text: text)
    let findings = [
      Finding(ruleID: "quantity-mismatch", severity: .warning, message: "count differs [sic] from 1 source",
              span: ReportFixture.span(source, "1,200 evacuated"), fingerprint: "0000000000000001"),
      Finding(ruleID: "hedge-dropped", severity: .warning, message: "claim is stated as fact here",
              span: ReportFixture.span(source, "officials\r\nsaid"), fingerprint: "0000000000000002"),
      Finding(ruleID: "title-mismatch", severity: .note, message: "title differs",
              span: ReportFixture.span(source, "한빛 centre.\r\n"), fingerprint: "0000000000000003"),
    ]
    return Report(
      kind: .check, tool: ReportFixture.tool,
      documents: [DocumentReport(document: Document(source: source, format: .text), claims: [])],
      findings: findings.sorted(by: Finding.ordered), rules: ReportFixture.rules)
  }

  @Test func crlfAndAstralCharactersKeepRegionsInCodePoints() throws {
    let log = SARIFReporter.log(for: Self.crlfReport())
    let results = log.runs[0].results
    let quantity = try #require(results.first { $0.ruleId == "quantity-mismatch" }?.locations[0].physicalLocation.region)
    // "Flood 🌊 alert: “" is 16 code points (17 UTF-16 units).
    #expect(quantity.startColumn == 17)
    #expect(quantity.endColumn == 32)
    #expect(results[0].message.text == "count differs \\[sic\\] from 1 source")
    let hedge = try #require(results.first { $0.ruleId == "hedge-dropped" }?.locations[0].physicalLocation.region)
    #expect(hedge.startLine == 1 && hedge.endLine == 2 && hedge.endColumn == 5)
    #expect(hedge.snippet?.text == "officials\r\nsaid")
    // A span ending with the file's last line break ends at the end of its line, not on a line 3.
    let title = try #require(results.first { $0.ruleId == "title-mismatch" }?.locations[0].physicalLocation.region)
    #expect(title.startLine == 2 && title.endLine == 2 && title.startColumn == 29 && title.endColumn == 39)
    #expect(title.snippet?.text == "한빛 centre.")
  }

  @Test func githubAndRDJSONLAlsoLeaveOutTheTrailingLineBreak() {
    let report = Self.crlfReport()
    let github = GitHubActionsReporter.render(report, options: ReportOptions())
    #expect(github.contains("::notice file=drafts/alert notes.txt,line=2,col=29,endLine=2,endColumn=39,"))
    let rdjsonl = RDJSONLReporter.render(report, options: ReportOptions())
    // "said on Tuesday, citing the " is 28 bytes; two Hangul syllables, a space and "centre." are 14.
    #expect(rdjsonl.contains("\"range\":{\"end\":{\"column\":43,\"line\":2},\"start\":{\"column\":29,\"line\":2}}"))
  }
}
