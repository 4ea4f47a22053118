import Testing

@testable import ClaimLintExtraction

/// The byte test that skips count matching gives the matches the full reading gives.
@Suite struct CountMarkerPrefilterTests {
  /// The built-in markers, and the same with one more count phrase outside ASCII, which turns the
  /// byte test off (a plain reading of every text, as before the test existed).
  static let withTest = SegmentationLexicons.builtIn
  static let withoutTest = SegmentationLexicons(
    markers: SegmentationLexicons.builtIn.markers + [.init(kind: .commentsHeader, mode: .count, phrase: "kommentäre")],
    languageNames: SegmentationLexicons.builtIn.languageNames)

  static let texts: [String] = [
    "6 comments", "comments (12)", "comments: 3", "one comment", "no comments", "two responses", "three thoughts",
    "12 reader comments", "reader comments [4]", "1,204 comments", "comments | 7", "(5) comments", "comments 1234567",
    "september 20, 2024", "updated 10:30", "by jane doe | 2 min read", "page 2 of 3", "3 responses to this",
    "top 10", "no more", "one more thing", "two", "4", "comments", "6  comments ", ":6:comments:", "comments, 5",
    "5 thoughts on “the vote”", "response 2", "10 responseS", "t comments", "n comments", "o comment", ",comments",
    "comments ,", "comments o", "comments e", "12 comment s", "", "ravi77", "(3)comments", "comments(3)", "3|comments",
  ]

  @Test func sameMatchesWithAndWithoutTheByteTest() {
    #expect(Self.withoutTest.match(normalized: "kommentäre 3") != nil)
    for text in Self.texts {
      let normalized = SegmentationLexicons.normalize(text)
      let a = Self.withTest.match(normalized: normalized)
      let b = Self.withoutTest.match(normalized: normalized)
      #expect(a?.marker == b?.marker && a?.count == b?.count, "\(text)")
    }
  }

  /// The byte test passes every text that `countMatch` matches (it may pass others).
  @Test func byteTestPassesEveryCount() throws {
    let ends = try #require(SegmentationLexicons.ends(of: ["comments", "reader comments", "thoughts"]))
    for text in ["6 comments", "comments (12)", "no comments", "reader comments: 3", "3 thoughts", "thoughts, 1,2"] {
      var copy = text
      #expect(copy.withUTF8 { SegmentationLexicons.mayBeCount($0, ends: ends) }, "\(text)")
    }
    for text in ["september 20, 2024", "updated 10:30", "page 10", "", "6", "  ", "ravi77", "thida77", "2024-06-25", "(comments)"] {
      var copy = text
      #expect(!copy.withUTF8 { SegmentationLexicons.mayBeCount($0, ends: ends) }, "\(text)")
    }
    #expect(SegmentationLexicons.ends(of: ["kommentäre"]) == nil)
    #expect(SegmentationLexicons.ends(of: [""]) == nil)
  }
}
