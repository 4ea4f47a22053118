import ClaimLintCore
import Testing

@testable import ClaimLintReporting

/// One golden file per format and report kind, compared byte for byte.
struct GoldenOutputTests {
  /// A reporter, a report and the golden file its output must equal.
  struct Case: Sendable, CustomTestStringConvertible {
    let golden: String
    let reporter: any Reporter.Type
    let report: @Sendable () -> Report
    let options: ReportOptions
    var testDescription: String { golden }
  }

  static let cases: [Case] = [
    Case(golden: "check.txt", reporter: TextReporter.self, report: ReportFixture.checkReport, options: ReportOptions()),
    Case(golden: "check-color.txt", reporter: TextReporter.self, report: ReportFixture.checkReport, options: ReportOptions(color: true)),
    Case(golden: "check-no-snippets.txt", reporter: TextReporter.self, report: ReportFixture.checkReport, options: ReportOptions(snippets: false)),
    Case(golden: "clean.txt", reporter: TextReporter.self, report: ReportFixture.cleanReport, options: ReportOptions()),
    Case(golden: "claims.txt", reporter: TextReporter.self, report: ReportFixture.claimsReport, options: ReportOptions()),
    Case(golden: "segments.txt", reporter: TextReporter.self, report: ReportFixture.segmentsReport, options: ReportOptions()),
    Case(golden: "check.json", reporter: JSONReporter.self, report: ReportFixture.checkReport, options: ReportOptions()),
    Case(golden: "clean.json", reporter: JSONReporter.self, report: ReportFixture.cleanReport, options: ReportOptions()),
    Case(golden: "claims.json", reporter: JSONReporter.self, report: ReportFixture.claimsReport, options: ReportOptions()),
    Case(golden: "segments.json", reporter: JSONReporter.self, report: ReportFixture.segmentsReport, options: ReportOptions(includeSegmentText: true)),
    Case(golden: "check.sarif", reporter: SARIFReporter.self, report: ReportFixture.checkReport, options: ReportOptions()),
    Case(golden: "clean.sarif", reporter: SARIFReporter.self, report: ReportFixture.cleanReport, options: ReportOptions()),
    Case(golden: "claims.sarif", reporter: SARIFReporter.self, report: ReportFixture.claimsReport, options: ReportOptions()),
    Case(golden: "check.github", reporter: GitHubActionsReporter.self, report: ReportFixture.checkReport, options: ReportOptions()),
    Case(golden: "check.rdjsonl", reporter: RDJSONLReporter.self, report: ReportFixture.checkReport, options: ReportOptions()),
    Case(golden: "check.junit.xml", reporter: JUnitReporter.self, report: ReportFixture.checkReport, options: ReportOptions()),
    Case(golden: "clean.junit.xml", reporter: JUnitReporter.self, report: ReportFixture.cleanReport, options: ReportOptions()),
    Case(golden: "claims.junit.xml", reporter: JUnitReporter.self, report: ReportFixture.claimsReport, options: ReportOptions()),
  ]

  @Test(arguments: cases)
  func matchesGoldenFile(_ c: Case) {
    Golden.check(c.reporter.render(c.report(), options: c.options), c.golden)
  }

  @Test(arguments: cases)
  func renderingTwiceGivesIdenticalBytes(_ c: Case) {
    #expect(c.reporter.render(c.report(), options: c.options) == c.reporter.render(c.report(), options: c.options))
  }
}
