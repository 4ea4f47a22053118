import ClaimLintCore
import Foundation
import Testing

@testable import ClaimLintReporting

/// The JSON report's numbers, nulls and determinism.
struct JSONReporterTests {
  func object(_ report: Report, options: ReportOptions = ReportOptions()) throws -> [String: Any] {
    let text = JSONReporter.render(report, options: options)
    return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func wholeNumbersPrintWithoutFraction() {
    let claim = Claim(
      kind: .quantity, layer: .reportage, span: ReportFixture.span(ReportFixture.wire, "About 900 residents"), sentence: "",
      quantity: Quantity(value: 50_000, low: 50_000, high: 2_700_000_000, qualifier: "more than"))
    var out = JSONOutput(pretty: false)
    JSONReporter.writeClaim(claim, corroboration: nil, into: &out)
    let text = out.text
    #expect(text.contains("\"value\":50000"))
    #expect(text.contains("\"low\":50000"))
    #expect(text.contains("\"high\":2700000000"))
  }

  @Test func fractionsAndNonFiniteValues() {
    var out = JSONOutput(pretty: false)
    out.beginArray()
    for value in [6.4, 0.1, .infinity, -3] { out.number(value) }
    out.endArray()
    #expect(out.text == "[6.4,0.1,null,-3]")
    #expect(JSONReporter.foundationJSON([JSONNumber(6.4), JSONNumber(0.1), JSONNumber(.infinity), JSONNumber(-3)], pretty: false) == out.text)
    #expect(NumberText.format(1_200) == "1200")
    #expect(NumberText.format(2.5) == "2.5")
  }

  @Test func absentValuesAreNullNotMissing() throws {
    let json = try object(ReportFixture.checkReport())
    let documents = try #require(json["documents"] as? [[String: Any]])
    let wire = try #require(documents.first { $0["path"] as? String == "sources/wire-0412.txt" })
    #expect(wire.keys.contains("title") && wire["title"] is NSNull)
    #expect(wire["claims"] == nil)  // claims only in claims reports
    let findings = try #require(json["findings"] as? [[String: Any]])
    let title = try #require(findings.first { $0["ruleId"] as? String == "title-mismatch" })
    #expect(title["help"] is NSNull)
    let date = try #require(findings.first { $0["ruleId"] as? String == "date-mismatch" })
    let notes = try #require(date["notes"] as? [[String: Any]])
    #expect(notes[1]["path"] is NSNull && notes[1]["line"] is NSNull)
    let problems = try #require(json["inputErrors"] as? [[String: Any]])
    #expect(problems[0]["line"] is NSNull)
    #expect(json["draft"] is NSNull)
    #expect(json["mode"] as? String == "all")
  }

  @Test func topLevelSummaryCounts() throws {
    let summary = try #require(try object(ReportFixture.checkReport())["summary"] as? [String: Int])
    #expect(summary == ["documents": 3, "findings": 4, "errors": 1, "warnings": 2, "notes": 1, "inputErrors": 2])
  }

  @Test func prePublishModeNamesTheDraft() throws {
    let json = try object(ReportFixture.cleanReport())
    #expect(json["mode"] as? String == "pre-publish")
    #expect(json["draft"] as? String == "sources/wire-0412.txt")
    #expect(json["schemaVersion"] as? Int == 1)
  }

  @Test func claimsCarryTheFieldsOfTheirKind() throws {
    let documents = try #require(try object(ReportFixture.claimsReport())["documents"] as? [[String: Any]])
    let claims = try #require(documents[0]["claims"] as? [[String: Any]])
    #expect(claims[0]["qualifier"] as? String == "more than")
    #expect(claims[0]["lowInclusive"] as? Bool == false)
    #expect(claims[0]["high"] is NSNull)
    #expect(claims[0]["speaker"] == nil)
    #expect(claims[1]["date"] as? String == "2024-08-13")
    #expect(claims[1]["resolved"] as? Bool == true)
    #expect(claims[1]["corroboration"] as? Int == 1)
    #expect(claims[3]["speaker"] as? String == "Ana Ruiz")
    let portal = try #require(documents[1]["claims"] as? [[String: Any]])
    #expect(portal[0]["eventType"] as? String == "visit")
    #expect(portal[1]["commentAuthor"] as? String == "rečni_čuvar")
  }

  @Test func segmentTextOnlyWhenAsked() throws {
    let plain = try #require(try object(ReportFixture.segmentsReport())["documents"] as? [[String: Any]])
    #expect((plain[0]["segments"] as? [[String: Any]])?[0]["text"] == nil)
    let withText = try #require(
      try object(ReportFixture.segmentsReport(), options: ReportOptions(includeSegmentText: true))["documents"] as? [[String: Any]])
    #expect((withText[0]["segments"] as? [[String: Any]])?[0]["text"] as? String == "# Sava flood reaches the old town\n")
  }

  @Test func slashesAreNotEscapedAndKeysAreSorted() {
    let text = JSONReporter.render(ReportFixture.cleanReport(), options: ReportOptions())
    #expect(text.contains("\"sources/wire-0412.txt\""))
    #expect(!text.contains("\\/"))
    let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
    #expect(keys == keys.sorted())
  }
}
