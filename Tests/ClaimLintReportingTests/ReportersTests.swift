import ClaimLintCore
import Testing

@testable import ClaimLintReporting

/// The reporter list: sorted, unique, findable by id, and every format renders every report kind.
struct ReportersTests {
  @Test func listIsSortedAndUnique() {
    let ids = Reporters.identifiers
    #expect(ids == ids.sorted())
    #expect(Set(ids).count == ids.count)
    #expect(ids == ["github", "html", "json", "junit", "rdjsonl", "sarif", "text"])
  }

  @Test func lookupByIdentifier() {
    #expect(Reporters.named("sarif") == SARIFReporter.self)
    #expect(Reporters.named("SARIF") == nil)
    #expect(Reporters.named("xml") == nil)
  }

  @Test func summariesAreLowercaseWithoutPeriod() {
    for reporter in Reporters.all {
      #expect(!reporter.summary.hasSuffix("."), "\(reporter.identifier)")
      #expect(!reporter.summary.isEmpty)
    }
  }

  @Test(arguments: [Report.Kind.check, .claims, .segments])
  func everyFormatHandlesEveryKind(_ kind: Report.Kind) {
    var report = ReportFixture.checkReport()
    report.kind = kind
    for reporter in Reporters.all {
      let output = reporter.render(report, options: ReportOptions())
      #expect(output.isEmpty || output.hasSuffix("\n"), "\(reporter.identifier)")
    }
  }

  @Test func emptyReportDoesNotCrash() {
    let report = Report(kind: .check, tool: ToolInfo(version: "0.1.0", informationURI: ""))
    for reporter in Reporters.all {
      _ = reporter.render(report, options: ReportOptions())
    }
    #expect(TextReporter.render(report, options: ReportOptions()) == "no findings in 0 documents\n")
  }

  @Test func spansOutsideTheFileDoNotCrash() {
    let source = SourceFile(path: "drafts/short.txt", text: "Two lines.\nOnly.\n")
    let span = SourceSpan(path: "drafts/short.txt", startOffset: 400, endOffset: 900, line: 40, column: 3, endLine: 41, endColumn: 1, text: "gone")
    let report = Report(
      kind: .check, tool: ReportFixture.tool,
      documents: [DocumentReport(document: Document(source: source, format: .text), claims: [])],
      findings: [Finding(ruleID: "quantity-mismatch", severity: .warning, message: "m", span: span, notes: [Note(span: span, message: "n")])])
    for reporter in Reporters.all {
      _ = reporter.render(report, options: ReportOptions())
    }
  }
}
