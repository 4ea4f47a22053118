import Testing

@testable import ClaimLintHTML

/// The classifier's caches give the marks a fresh classifier computes, for classes and ids alike.
@Suite struct HTMLClassifierCacheTests {
  static let values: [(String, Bool)] = [
    ("comment", false), ("comment", true), ("comment7", true), ("comment7", false), ("comment-list", false),
    ("comment comment-list", false), ("comment  byline\tnav\nmain", false), ("byline", true), ("", false), ("", true),
    ("tag-elections", false), ("tag-elections content", false), ("content", false), ("content tag-elections", false),
    ("sidebar related-posts", false), ("sidebar", false), ("related-posts", false), ("post-author", false),
    ("a\r\nb", false), ("entry-content", true), ("entry-content", false), (" comment ", false), ("comment ", true),
  ]

  @Test func cachedMarksMatchFreshOnes() {
    var shared = HTMLClassifier(markers: HTMLMarkers())
    for round in 0..<2 {
      for (value, isID) in Self.values {
        var fresh = HTMLClassifier(markers: HTMLMarkers())
        #expect(shared.marks(class: value, isID: isID) == fresh.marks(class: value, isID: isID), "\(round) \(value) \(isID)")
      }
    }
  }

  /// A several-name class merges the marks of its names, whichever was seen first.
  @Test func severalNamesMergeTheirMarks() {
    var c = HTMLClassifier(markers: HTMLMarkers())
    let single = c.marks(class: "comment", isID: false)
    let pair = c.marks(class: "comment byline", isID: false)
    var expected = single
    var other = HTMLClassifier(markers: HTMLMarkers())
    expected.merge(other.marks(class: "byline", isID: false))
    #expect(pair == expected)
  }
}
