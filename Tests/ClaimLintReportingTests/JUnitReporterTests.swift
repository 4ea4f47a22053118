import ClaimLintCore
import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@testable import ClaimLintReporting

/// JUnit XML escaping, suites per document and unique test names.
struct JUnitReporterTests {
  @Test func escapesMarkupQuotesAndControlCharacters() {
    #expect(JUnitReporter.attribute("'<b>' & \"quoted\"\nnext") == "'&lt;b&gt;' &amp; &quot;quoted&quot;&#10;next")
    #expect(JUnitReporter.text("a < b\nc\u{7}") == "a &lt; b\nc\u{FFFD}")
  }

  @Test func repeatedFindingsAtOnePositionGetDistinctNames() {
    var report = ReportFixture.checkReport()
    report.findings = [report.findings[0], report.findings[0]]
    let xml = JUnitReporter.render(report, options: ReportOptions())
    #expect(xml.contains("name=\"drafts/river-flood.md:7:58\""))
    #expect(xml.contains("name=\"drafts/river-flood.md:7:58 (2)\""))
  }

  @Test func outputIsWellFormedXML() throws {
    let xml = JUnitReporter.render(ReportFixture.checkReport(), options: ReportOptions())
    #expect(XMLParser(data: Data(xml.utf8)).parse())
    #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"claimlint\" tests=\"8\" failures=\"4\" errors=\"1\">"))
    #expect(xml.components(separatedBy: "<testsuite ").count - 1 == 5)
    #expect(xml.hasSuffix("</testsuites>\n"))
  }

  @Test func noteSeverityFindingsPass() {
    let xml = JUnitReporter.render(ReportFixture.checkReport(), options: ReportOptions())
    #expect(xml.contains("<system-out>drafts/river-flood.md:8:58: note: title of 'Ana Ruiz'"))
  }
}
