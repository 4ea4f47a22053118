import ClaimLintCore
import Testing

@testable import ClaimLintHTML

/// The one-walk word trie and the byte token lookup give the answers of one `HTMLWordIndex` scan per
/// list and of `tokens(of:)` looked up in string sets (the code they replaced).
@Suite struct HTMLWordTrieTests {
  /// Class names and ids of real pages: matching several lists, one, none; exclusions; taxonomy
  /// classes; case changes, digits, non-ASCII, a Kelvin sign (canonically equal to "K").
  static let names: [String] = [
    "entry-content", "article__body", "articleBody", "post-content", "td-post-content", "comment-list",
    "commentary", "commentCount", "comments-area", "comment-respond", "comment-form", "reply-title",
    "singleComment", "comment7", "dsq-comment", "related-posts", "mostRead", "you-may-also-like",
    "byline", "author-name", "c-byline__author", "user-link", "fn", "comment-author", "vcard", "nav", "navbar",
    "site-header", "header", "canvas", "ad", "ad-slot", "adsbygoogle", "shareButtons", "social-share",
    "tags", "tag-elections", "category-politics", "tagline", "categoryX", "sidebar-widget", "footer",
    "flex", "items-center", "justify-between", "px-4", "md:w-1/2", "js-track", "wp-block-group",
    "has-2-columns", "hidden", "main", "page-wrapper", "storytext", "Kommentar-Bereich", "über-uns",
    "artikel-text", "x\u{00E9}Y\u{00C9}z", "\u{212A}elvin", "sr-only", "visually-hidden", "searchForm",
    "rss-feed", "BY-line", "from_the_editor", "nickName", "a.b:c_d", "", "-", "ABC", "aB1cD",
  ]

  /// Marks of one name computed the way the classifier did before the trie: a scan per list and the
  /// name's tokens built as strings and looked up in sets.
  static func straightforwardMarks(_ name: String, isID: Bool, _ markers: HTMLMarkers) -> HTMLClassMarks {
    var normalized: [UInt8] = []
    for b in name.utf8 where b != 0x2D && b != 0x5F && b != 0x3A {
      normalized.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
    }
    var m = HTMLClassMarks()
    if !isID, normalized.starts(with: "tag".utf8) || normalized.starts(with: "category".utf8), name.contains("-") {
      return m
    }
    func has(_ list: [String]) -> Bool {
      normalized.withUnsafeBufferPointer { HTMLWordIndex(list.map { Array($0.utf8) }).occurs(in: $0) }
    }
    func label() -> String { (isID ? "id '" : "class '") + name + "'" }
    if has(markers.contentSubstrings) { m.content = label() }
    if has(markers.commentSubstrings), !has(markers.commentExclusions) {
      m.comment = label()
      if HTMLClassifier.commentItemNames.contains(String(decoding: normalized, as: UTF8.self)) { m.commentItem = true }
      if isID, normalized.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { m.commentItem = true }
    }
    if has(markers.commentFormSubstrings) { m.commentForm = label() }
    if has(markers.relatedSubstrings) { m.related = label() }
    if has(markers.bylineSubstrings) { m.byline = label() }
    let tokens = HTMLClassifier.tokens(of: name)
    if has(markers.commentAuthorSubstrings) || tokens.contains(where: { markers.commentAuthorTokens.contains($0) }) {
      m.commentAuthor = true
    }
    if has(markers.boilerplateSubstrings) || tokens.contains(where: { markers.boilerplateTokens.contains($0) }) {
      m.boilerplate = label()
    }
    if has(markers.negativeSubstrings) { m.weight -= 25 }
    if has(markers.positiveSubstrings) { m.weight += 25 }
    return m
  }

  @Test func marksMatchStraightforwardComputation() {
    // The built-in lists, and lists with non-ASCII and canonically-equal tokens (which take the
    // string path).
    let custom = HTMLMarkers(
      boilerplateTokens: ["ad", "k"], commentAuthorTokens: ["fn", "\u{00FC}ber", "\u{212A}elvin"])
    var marked = 0
    var unmarked = 0
    for markers in [HTMLMarkers(), custom] {
      for name in Self.names {
        for isID in [false, true] {
          var classifier = HTMLClassifier(markers: markers)
          let expected = Self.straightforwardMarks(name, isID: isID, markers)
          if expected.isEmpty { unmarked += 1 } else { marked += 1 }
          #expect(classifier.marks(class: name, isID: isID) == expected, "\(name.debugDescription) id \(isID)")
        }
      }
    }
    #expect(marked > 40)
    #expect(unmarked > 10)
  }

  @Test func trieMatchesOneScanPerList() {
    let markers = HTMLMarkers()
    let lists = [
      markers.contentSubstrings, markers.commentSubstrings, markers.commentExclusions, markers.relatedSubstrings,
      markers.boilerplateSubstrings, markers.positiveSubstrings, ["a", "ab", "abc", "b\u{00E9}"], [],
    ].map { $0.map { Array($0.utf8) } }
    let trie = HTMLWordTrie(lists)
    var seen: UInt16 = 0
    for name in Self.names + ["ab", "xabcx", "b\u{00E9}t", "bé"] {
      let bytes = Array(name.lowercased().utf8)
      var expected: UInt16 = 0
      for (k, list) in lists.enumerated() where bytes.withUnsafeBufferPointer({ HTMLWordIndex(list).occurs(in: $0) }) {
        expected |= 1 << UInt16(k)
      }
      seen |= expected
      #expect(bytes.withUnsafeBufferPointer { trie.occurring(in: $0) } == expected, "\(name.debugDescription)")
      var whole: UInt16 = 0
      for (k, list) in lists.enumerated() where list.contains(bytes) { whole |= 1 << UInt16(k) }
      #expect(bytes.withUnsafeBufferPointer { trie.lists(holding: $0) } == whole, "\(name.debugDescription)")
    }
    // Every non-empty list was found somewhere.
    #expect(seen == (1 << 7) - 1)
  }

  @Test func tokenRangesAreTheTokens() {
    for name in Self.names {
      let bytes = Array(name.utf8)
      var tokens: [String] = []
      bytes.withUnsafeBufferPointer { p in
        HTMLClassifier.tokenRanges(p) { r in
          tokens.append(String(decoding: p[r].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self))
          return false
        }
      }
      #expect(tokens == HTMLClassifier.tokens(of: name), "\(name.debugDescription)")
    }
    // Stopping early.
    var count = 0
    Array("oneTwo-three".utf8).withUnsafeBufferPointer { p in
      HTMLClassifier.tokenRanges(p) { _ in
        count += 1
        return count == 2
      }
    }
    #expect(count == 2)
  }
}
