import ClaimLint
import ClaimLintCore
import ClaimLintTestSupport
import Testing

/// The attribution rule leaves claims of unnamed speakers ("officials", "the statement") out of what it
/// reports: they conflict with nothing. Named speakers who disagree are still reported, each with the
/// other as a note, whether or not an unnamed speaker says the same words in a third article.
@Suite struct UnnamedSpeakerTests {
  static let date = "Bangkok, 14 March 2025\n\n"
  static let minister = date + """
    The government will close the border crossings at night from next week, Interior Minister Somchai Wongsawat said on Friday.
    """
  static let officials = date + """
    The government will close the border crossings at night from next week, officials said on Friday.
    """
  static let spokesman = date + """
    The government will close the border crossings at night from next week, army spokesman Winthai Suvaree said on Friday.
    """

  static func findings(_ files: [(name: String, text: String)]) -> [Finding] {
    TestSupport.check(files, onlyRules: ["attribution-mismatch"]).findings
  }

  @Test func namedSpeakersAreReportedAndTheUnnamedOneIsNot() {
    let all = Self.findings([("a.txt", Self.minister), ("b.txt", Self.officials), ("c.txt", Self.spokesman)])
    // The two named speakers disagree: reported, with the other article as a note.
    #expect(!all.isEmpty)
    #expect(all.allSatisfy { $0.span.path != "b.txt" }, "\(all.map(\.message))")
    #expect(all.allSatisfy { f in f.notes.allSatisfy { $0.span?.path != "b.txt" } }, "\(all.map(\.message))")
    #expect(all.contains { f in f.span.path == "a.txt" && f.notes.contains { $0.span?.path == "c.txt" } }
        || all.contains { f in f.span.path == "c.txt" && f.notes.contains { $0.span?.path == "a.txt" } })
    // The unnamed speaker's article changes nothing: the same findings without it.
    let named = Self.findings([("a.txt", Self.minister), ("c.txt", Self.spokesman)])
    #expect(all.map(\.message) == named.map(\.message))
    #expect(all.map(\.span) == named.map(\.span))
  }

  @Test func anUnnamedSpeakerAloneAgainstANamedOneIsNotReported() {
    #expect(Self.findings([("a.txt", Self.minister), ("b.txt", Self.officials)]).isEmpty)
  }
}
