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

  /// Names classified inside several-name values on one page (a copy of the reader's classifier) are
  /// found in the shared table by the next page's copy, alone or in other combinations, with the marks
  /// a new classifier computes.
  @Test func namesSharedAcrossPageCopiesMatchFreshOnes() {
    let reader = HTMLClassifier(markers: HTMLMarkers())
    var first = reader
    for value in ["post comment-list byline", "sidebar related-posts nav", "entry-content tag-elections"] {
      _ = first.marks(class: value, isID: false)
    }
    for value in [
      "comment-list", "byline related-posts", "nav entry-content", "tag-elections post", "sidebar",
      "related-posts comment-list byline post", "post", "comment-list", "byline",
    ] {
      var page = reader
      var fresh = HTMLClassifier(markers: HTMLMarkers())
      #expect(page.marks(class: value, isID: false) == fresh.marks(class: value, isID: false), "\(value)")
      #expect(page.marks(class: value, isID: true) == fresh.marks(class: value, isID: true), "\(value) as id")
    }
  }

  /// With the shared table full (or tiny), the page's own caches give the same marks, for classes,
  /// several-name classes and ids, on first and repeated lookups.
  @Test func fullSharedTableFallsBackToPageCaches() {
    for limit in [0, 3] {
      var page = HTMLClassifier(markers: HTMLMarkers(), sharedLimit: limit)
      for round in 0..<2 {
        for (value, isID) in Self.values {
          var fresh = HTMLClassifier(markers: HTMLMarkers())
          #expect(page.marks(class: value, isID: isID) == fresh.marks(class: value, isID: isID), "\(limit) \(round) \(value)")
        }
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
