import ClaimLint
import ClaimLintCore
import ClaimLintTestSupport
import Foundation
import Testing

@Suite struct BaselineTests {
  func findings(_ draft: String) -> [Finding] {
    TestSupport.check([(name: "draft.txt", text: draft), (name: "wire.txt", text: FloodStory.wire)], onlyRules: ["quantity-mismatch"])
      .findings
  }

  @Test func roundTripThroughTheFile() throws {
    let found = findings(FloodStory.draft())
    #expect(found.count == 1)
    let baseline = Baseline(findings: found)
    let text = baseline.rendered()
    #expect(text.hasPrefix("{\n  \"schemaVersion\": 1,\n  \"findings\": [\n    {\"ruleId\": \"quantity-mismatch\", \"path\": \"draft.txt\", "))
    #expect(text.contains("\"occurrence\": 1, \"message\": \"count of residents evacuated differs from 1 source: 'more than 1,200' here\"}"))
    let read = try Baseline.parse(Array(text.utf8), path: "claimlint-baseline.json")
    #expect(read == baseline)
    #expect(read.partition(found).reported.isEmpty)
    #expect(Baseline(findings: []).rendered() == "{\n  \"schemaVersion\": 1,\n  \"findings\": []\n}\n")
  }

  @Test func movedLinesAndOtherEditsKeepTheFindingBaselined() throws {
    let baseline = Baseline(findings: findings(FloodStory.draft()))
    let edited = FloodStory.draft(
      before: "Rain fell for a third straight day across the north of the country.\n\nThe army sent two helicopters to the area.\n\n",
      closing: "Schools in four riverside districts will reopen on Thursday, the education office said.")
    let now = findings(edited)
    #expect(now.count == 1)
    #expect(now.first?.span.line == 7, "the finding moved down")
    let split = baseline.partition(now)
    #expect(split.reported.isEmpty)
    #expect(split.baselined.count == 1)
  }

  @Test func changingTheFigureBringsTheFindingBack() {
    let baseline = Baseline(findings: findings(FloodStory.draft()))
    let changed = FloodStory.draft().replacingOccurrences(of: "more than 1,200", with: "more than 1,500")
    let split = baseline.partition(findings(changed))
    #expect(split.reported.count == 1)
    #expect(split.reported.first?.span.text == "more than 1,500")
  }

  @Test func occurrencesCountDuplicatesInReportOrder() {
    let span = SourceFile(path: "draft.txt", text: "a\nb\nc\n")
    let f1 = Finding(ruleID: "quantity-mismatch", severity: .warning, message: "m", span: span.span(from: 0, to: 1), fingerprint: "ab")
    let f2 = Finding(ruleID: "quantity-mismatch", severity: .warning, message: "m", span: span.span(from: 2, to: 3), fingerprint: "ab")
    let f3 = Finding(ruleID: "date-mismatch", severity: .warning, message: "m", span: span.span(from: 4, to: 5), fingerprint: "ab")
    #expect(Baseline.keys(for: [f2, f3, f1]).map(\.occurrence) == [2, 1, 1])
    let one = Baseline(findings: [f1])
    let split = one.partition([f1, f2])
    #expect(split.reported == [f2], "a second identical finding is new")
  }

  @Test(arguments: [
    ("{\"findings\": []}", "base.json:1:1: error: missing 'schemaVersion'; not a claimlint baseline"),
    ("{\"schemaVersion\": 2, \"findings\": []}", "base.json:1:19: error: at 'schemaVersion': expected 1, found 2"),
    ("{\"schemaVersion\": 1, \"findings\": {}}", "base.json:1:34: error: at 'findings': expected an array, found an object"),
    (
      "{\"schemaVersion\": 1, \"findings\": [{\"ruleId\": \"quantity-mismatch\", \"path\": \"a.md\", \"fingerprint\": \"x\"}]}",
      "base.json:1:35: error: at 'findings[0]': missing 'occurrence'"
    ),
    (
      "{\"schemaVersion\": 1, \"findings\": [{\"ruleId\": \"quantity-mismatch\", \"path\": \"a.md\", \"fingerprint\": \"x\", \"occurrence\": 0}]}",
      "base.json:1:117: error: at 'findings[0].occurrence': expected a whole number from 1, found 0"
    ),
    ("{\"schemaVersion\": 1, \"findings\": [], \"generated\": \"today\"}", "base.json:1:38: error: at 'generated': unknown key; expected 'schemaVersion' or 'findings'"),
    ("{\"schemaVersion\": 1,\n \"findings\": [", "base.json:2:15: error: unexpected end of file"),
  ])
  func malformedFilesNameTheFile(_ json: String, _ expected: String) {
    do {
      _ = try Baseline.parse(Array(json.utf8), path: "base.json")
      Issue.record("parsed a malformed baseline")
    } catch {
      #expect(error.description == expected)
    }
  }
}

@Suite struct CheckerRunTests {
  @Test func progressCountsEveryFile() {
    final class Seen: @unchecked Sendable {
      var calls: [(Int, Int)] = []
    }
    let seen = Seen()
    let checker = Checker(configuration: TestSupport.configuration, options: CheckerOptions(threads: 1))
    let files = ["a.txt", "b.txt", "c.txt"].map { InputFile(displayPath: $0, filePath: nil) }
    _ = checker.process(files, stdin: Array(FloodStory.wire.utf8)) { done, total in seen.calls.append((done, total)) }
    #expect(seen.calls.map(\.0) == [1, 2, 3])
    #expect(seen.calls.allSatisfy { $0.1 == 3 })
  }

  @Test func severalDraftsAgainstTheSameSources() {
    let checker = TestSupport.checker(onlyRules: ["quantity-mismatch"])
    let second = FloodStory.draft().replacingOccurrences(of: "more than 1,200", with: "some 2,000")
    let outputs = checker.processTexts([
      (name: "drafts/a.txt", text: FloodStory.draft()), (name: "drafts/b.txt", text: second), (name: "wire.txt", text: FloodStory.wire),
    ])
    let r = checker.check(outputs, draftPaths: ["drafts/a.txt", "drafts/b.txt"])
    #expect(r.findings.map(\.span.path) == ["drafts/a.txt", "drafts/b.txt"])
    #expect(r.findings.allSatisfy { f in f.notes.allSatisfy { $0.span?.path == "wire.txt" } }, "drafts are not each other's sources")
    #expect(r.documents.map(\.document.path) == ["drafts/a.txt", "drafts/b.txt", "wire.txt"])
  }
}
