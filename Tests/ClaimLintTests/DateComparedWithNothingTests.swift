import ClaimLint
import ClaimLintCore
import ClaimLintTestSupport
import Testing

/// The date rule leaves out the dates that share no indexed word with another date
/// (`SortedStoryWordIndex.hasOtherCandidate`): their relations, notes and sentence data are not worked
/// out. Dates on other days about unrelated things, added to each article, change no finding.
@Suite struct DateComparedWithNothingTests {
  static let conflicting = [
    (name: "a.txt", text: "2024-08-17\n\nThe foreign ministers of four countries met in Chiang Mai on Friday to discuss border crime.\n"),
    (name: "b.txt", text: "2024-08-18\n\nThe foreign ministers of four countries met in Chiang Mai on August 15 to discuss border crime.\n"),
  ]
  static let agreeing = [
    (name: "a.txt", text: "2024-08-17\n\nThe foreign ministers of four countries met in Chiang Mai on Friday to discuss border crime.\n"),
    (name: "b.txt", text: "2024-08-18\n\nThe foreign ministers of four countries met in Chiang Mai on August 16 to discuss border crime.\n"),
  ]
  /// A date sentence of its own for each article, on different days, sharing no word with the others.
  static let unrelated = [
    "Separately, a village choir rehearsed hymns in Lampang on Tuesday.",
    "Elsewhere, zookeepers weighed newborn penguins at Dusit on Monday.",
  ]

  static func findings(_ files: [(name: String, text: String)]) -> [String] {
    TestSupport.check(files, onlyRules: ["date-mismatch"]).findings.map {
      "\($0.span.path):\($0.span.line):\($0.span.column) \($0.message) \($0.notes.map { $0.message })"
    }
  }

  static func withUnrelated(_ files: [(name: String, text: String)]) -> [(name: String, text: String)] {
    files.indices.map { k in (files[k].name, files[k].text + "\n" + unrelated[k] + "\n") }
  }

  @Test func aConflictIsFoundAsWithoutTheUnrelatedDates() {
    let plain = Self.findings(Self.conflicting)
    #expect(plain.count == 1)
    #expect(Self.findings(Self.withUnrelated(Self.conflicting)) == plain)
  }

  @Test func agreeingDatesStayWithoutFindings() {
    #expect(Self.findings(Self.agreeing).isEmpty)
    #expect(Self.findings(Self.withUnrelated(Self.agreeing)).isEmpty)
  }
}
