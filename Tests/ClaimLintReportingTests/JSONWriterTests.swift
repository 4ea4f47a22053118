import ClaimLintCore
import Foundation
import Testing

@testable import ClaimLintReporting

/// The JSON writer must print exactly what Foundation's `JSONEncoder` prints (sorted keys, slashes not
/// escaped, pretty or compact), since scripts and golden files depend on every byte.
struct JSONWriterTests {
  struct Edge: Encodable {
    var text: String
    var numbers: [JSONNumber]
    var empty: [String]
    var emptyObject: [String: String]
    var nested: [[String: [Int]]]
    var flag: Bool
    var missing: Nullable<String>
    var properties: [String: String]
  }

  static var edge: Edge { Edge(
    text: "quote \" backslash \\ slash / tab \t newline \n return \r bell \u{07} nul \u{00} escape \u{1B} del \u{7F} — “curly” 漢字 🙂 \u{2028}",
    numbers: [
      JSONNumber(0.1), JSONNumber(2.5), JSONNumber(-0.5), JSONNumber(1e-7), JSONNumber(1.5e21), JSONNumber(123456.789),
      JSONNumber(50_000), JSONNumber(-3), JSONNumber(.nan), JSONNumber(4.5e9), JSONNumber(1.0 / 3.0),
    ],
    empty: [], emptyObject: [:], nested: [["b": [1, 2], "a": []], [:]], flag: true, missing: Nullable(nil),
    properties: ["zeta": "1", "Alpha": "2", "alpha": "3", "_x": "4", "10": "5", "9": "6"]) }

  @Test(arguments: [true, false])
  func edgeCasesMatchJSONEncoder(pretty: Bool) throws {
    let ours = try JSONWriter.write(Self.edge, pretty: pretty)
    #expect(ours == JSONReporter.foundationJSON(Self.edge, pretty: pretty))
  }

  @Test func reportsMatchJSONEncoder() throws {
    for report in [ReportFixture.checkReport(), ReportFixture.claimsReport()] {
      let output = JSONReportDocument(
        schemaVersion: 1, kind: report.kind.rawValue, tool: JSONTool(name: report.tool.name, version: report.tool.version),
        mode: "all", draft: Nullable(report.draftPath),
        documents: report.documents.map { JSONDocument($0, kind: report.kind, options: ReportOptions(includeSegmentText: true)) },
        findings: report.findings.map(JSONFinding.init), inputErrors: report.inputErrors.map(JSONInputError.init),
        summary: JSONSummary(ReportCounts(report)))
      #expect(try JSONWriter.write(output, pretty: true) == JSONReporter.foundationJSON(output, pretty: true))
      let sarif = SARIFReporter.log(for: report)
      #expect(try JSONWriter.write(sarif, pretty: true) == JSONReporter.foundationJSON(sarif, pretty: true))
    }
  }

  @Test func nonFiniteDoublesAreRefusedNotWritten() {
    #expect(throws: (any Error).self) { try JSONWriter.write([Double.infinity], pretty: false) }
  }
}
