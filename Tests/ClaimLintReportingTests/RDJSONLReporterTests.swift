import ClaimLintCore
import Foundation
import Testing

@testable import ClaimLintReporting

/// reviewdog columns are UTF-8 byte columns, recounted from the span's offsets.
struct RDJSONLReporterTests {
  @Test func columnsCountBytesAfterCyrillicAndCurlyQuote() {
    // "Officials in Sremska Mitrovica (" is 32 bytes, "Сремска Митровица" 33, ") said " 7, "“" 3.
    let span = ReportFixture.span(ReportFixture.draft, "more than 1,200 residents")
    #expect(span.column == 58)
    let start = RDJSONLReporter.bytePosition(span.startOffset, in: ReportFixture.draft)
    let end = RDJSONLReporter.bytePosition(span.endOffset, in: ReportFixture.draft)
    #expect(start.line == 7 && start.column == 76)
    #expect(end.line == 7 && end.column == 101)
  }

  @Test func hangulTakesThreeBytesPerSyllable() {
    let span = ReportFixture.span(ReportFixture.draft, "deputy mayor Ana Ruiz")
    let start = RDJSONLReporter.bytePosition(span.startOffset, in: ReportFixture.draft)
    // Four Hangul syllables before the span: 3 bytes each instead of 1 column.
    #expect(start.column == span.column + 4 * 2)
  }

  @Test func everyLineIsOneDiagnosticObject() throws {
    let output = RDJSONLReporter.render(ReportFixture.checkReport(), options: ReportOptions())
    let lines = output.split(separator: "\n")
    #expect(lines.count == 6)
    for line in lines {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      #expect(object?["message"] is String)
      #expect(["ERROR", "WARNING", "INFO"].contains(object?["severity"] as? String ?? ""))
      #expect((object?["location"] as? [String: Any])?["path"] is String)
    }
  }

  @Test func emptyReportPrintsNothing() {
    #expect(RDJSONLReporter.render(ReportFixture.cleanReport(), options: ReportOptions()) == "")
  }
}
