import ClaimLint
import ClaimLintCore
import ClaimLintTestSupport
import Foundation
import Testing

/// The sample sets in `samples/` are what a new user runs first (the README's first command), and
/// `samples/README.md` says what claimlint finds in each draft and what it must leave alone. These tests
/// hold the sets to that description: each documented discrepancy is reported at the documented figure,
/// with the sources the README names as notes, and nothing else in the draft is a warning or an error.
@Suite struct SampleSetTests {
  /// A finding the README documents: its rule, the draft text it points at, and the source files
  /// that must appear among its notes.
  struct Expected {
    var rule: String
    var text: String
    var sources: Set<String>
  }

  /// The draft and sources of `samples/<name>`, named as the README names them (`draft.md`,
  /// `sources/<file>`), and the report of checking the draft against the sources.
  static func check(_ name: String) throws -> Report {
    let root = TestSupport.repositoryRoot + "/samples/" + name
    var files = [(name: String, text: String)]()
    files.append(("draft.md", try String(contentsOfFile: root + "/draft.md", encoding: .utf8)))
    let sources = try FileManager.default.contentsOfDirectory(atPath: root + "/sources").sorted()
    #expect(!sources.isEmpty)
    for s in sources {
      files.append(("sources/" + s, try String(contentsOfFile: root + "/sources/" + s, encoding: .utf8)))
    }
    return TestSupport.check(files, draft: "draft.md")
  }

  /// Checks `report` against the documented findings, and that none of `leftAlone` (draft or source
  /// text the README says must not be flagged) is the span of any finding.
  static func expect(_ report: Report, _ expected: [Expected], leftAlone: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(report.inputErrors.isEmpty, "\(report.inputErrors.map(\.description))", sourceLocation: sourceLocation)
    let serious = report.findings.filter { $0.severity == .warning || $0.severity == .error }
    let described = serious.map { "\($0.ruleID) '\($0.span.text)' \($0.span.path): \($0.message)" }
    #expect(serious.count == expected.count, "\(described)", sourceLocation: sourceLocation)
    for e in expected {
      let matches = serious.filter { $0.ruleID == e.rule && $0.span.text == e.text }
      #expect(matches.count == 1, "\(e.rule) at '\(e.text)': \(described)", sourceLocation: sourceLocation)
      guard let f = matches.first else { continue }
      #expect(f.span.path == "draft.md", sourceLocation: sourceLocation)
      let noted = Set(f.notes.compactMap { $0.span?.path })
      #expect(e.sources.isSubset(of: noted), "\(e.rule) at '\(e.text)': notes from \(noted.sorted())", sourceLocation: sourceLocation)
    }
    for text in leftAlone {
      let flagged = report.findings.filter { $0.span.text.contains(text) }
      #expect(flagged.isEmpty, "'\(text)' must not be flagged: \(flagged.map(\.message))", sourceLocation: sourceLocation)
    }
  }

  @Test func mekongCrackdown() throws {
    let all = ["sources/bangkok-daily.txt", "sources/newswire-chiang-mai.txt", "sources/regional-portal.html"]
    Self.expect(
      try Self.check("mekong-crackdown"),
      [
        Expected(rule: "quantity-action-mismatch", text: "return more than 50,000", sources: Set(all)),
        // The wire's "on the 16th" shares its sentence with the dateline and names the city only there:
        // the two other sources are the ones the rule pairs with the draft's meeting.
        Expected(rule: "date-mismatch", text: "August 15", sources: ["sources/bangkok-daily.txt", "sources/regional-portal.html"]),
        Expected(rule: "title-mismatch", text: "Thai Deputy Foreign Minister Prasert Wongsakul", sources: Set(all)),
      ],
      leftAlone: ["600", "300 foreigners"])
  }

  @Test func scamHubRescue() throws {
    let report = try Self.check("scam-hub-rescue")
    Self.expect(
      report,
      [
        Expected(rule: "quantity-mismatch", text: "216", sources: ["sources/border-wire.txt"]),
        Expected(rule: "comment-cited-as-reportage", text: "Around 40", sources: ["sources/mae-sot-notes.txt"]),
        Expected(
          rule: "hedge-dropped", text: "14",
          sources: ["sources/border-wire.txt", "sources/mae-sot-notes.txt", "sources/thai-portal.html"]),
      ],
      leftAlone: ["12,000", "12 000", "twelve thousand", "90 million", "3 billion", "500"])
    // The comment is named with its author, so the editor can find it.
    let comment = report.findings.first { $0.ruleID == "comment-cited-as-reportage" }
    #expect(comment?.notes.contains { $0.message.contains("Nok_MaeSot") } == true)
  }

  @Test func garmentFactoryFire() throws {
    let report = try Self.check("garment-factory-fire")
    Self.expect(
      report,
      [Expected(rule: "quantity-mismatch", text: "More than 3,000", sources: ["sources/dhaka-wire.txt"])],
      leftAlone: ["57", "40", "102", "90 men", "12 women", "500,000", "4,100", "Tuesday"])
    // Only notes besides the mismatch: a figure no source gives is the reporter's own, or a slip.
    #expect(report.findings.allSatisfy { $0.ruleID == "quantity-mismatch" || $0.severity == .note })
    // The draft's "two neighbouring units" is its own: the note says so in a sentence that reads.
    let unsupported = report.findings.filter { $0.ruleID == "unsupported-claim" }
    #expect(unsupported.map(\.message) == ["no source gives 'two' units"])
    #expect(unsupported.map(\.span.text) == ["two"])
  }
}
