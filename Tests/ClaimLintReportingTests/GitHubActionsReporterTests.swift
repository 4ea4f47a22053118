import ClaimLintCore
import Testing

@testable import ClaimLintReporting

/// Workflow-command escaping and the shape of each annotation.
struct GitHubActionsReporterTests {
  @Test func messageDataEscapesPercentAndLineBreaksOnly() {
    #expect(GitHubActionsReporter.escapeData("turnout rose 12% overnight\r\nsee: a, b") == "turnout rose 12%25 overnight%0D%0Asee: a, b")
  }

  @Test func propertiesAlsoEscapeColonAndComma() {
    #expect(GitHubActionsReporter.escapeProperty("sources/agency, late: 2%.txt") == "sources/agency%2C late%3A 2%25.txt")
    #expect(GitHubActionsReporter.escapeProperty("line\nbreak") == "line%0Abreak")
  }

  @Test func findingBecomesOneAnnotationWithNotesFolded() throws {
    let report = ReportFixture.checkReport()
    let finding = try #require(report.findings.first { $0.ruleID == "date-mismatch" })
    let line = GitHubActionsReporter.command(for: finding)
    #expect(line.hasPrefix("::error file=drafts/river-flood.md,line=10,col=33,endLine=10,endColumn=42,title=claimlint date-mismatch::"))
    #expect(line.contains("differs from 1 source (see sources/wire-0412.txt:2:32)%0Asources/wire-0412.txt:2:32: note: "))
    #expect(!line.contains("\n"))
  }

  @Test func noteSeverityIsANotice() throws {
    let report = ReportFixture.checkReport()
    let finding = try #require(report.findings.first { $0.severity == .note })
    #expect(GitHubActionsReporter.command(for: finding).hasPrefix("::notice "))
  }

  @Test func everyOutputLineIsOneCommandOrTheSummary() {
    let output = GitHubActionsReporter.render(ReportFixture.checkReport(), options: ReportOptions())
    let lines = output.split(separator: "\n")
    #expect(lines.count == 4 + 2 + 1)
    #expect(lines.dropLast().allSatisfy { $0.hasPrefix("::") })
    #expect(lines.last == "claimlint: 1 error, 2 warnings, 1 note in 3 documents; 2 input problems")
  }

  @Test func manyWarningsPointToTheFullReport() {
    var report = ReportFixture.checkReport()
    let warning = report.findings[0]
    report.findings = Array(repeating: warning, count: 11)
    let output = GitHubActionsReporter.render(report, options: ReportOptions())
    #expect(output.contains("GitHub shows only 10 annotations of each severity per step"))
  }
}
