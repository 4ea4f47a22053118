/// Splits the blocks of a comments section into comments, each an optional author line followed by
/// the comment's text.
///
/// An author line is short: one to four tokens, a handle (`Nok_MaeSot`, `BuggaBoom`) or a name
/// (`Pieter V.`, `Noir Black`), not a sentence. Reading from the top, each author line that has text
/// after it starts a comment, and the text runs until the next such line. When the section's header
/// states a count and the split finds more comments, the weakest author lines (short phrases with
/// lower-case words, such as "well said") are read as text instead, until the count agrees.
struct CommentSectionSplitter {
  /// One comment: the index of its author line (into the splitter's input) and of its text blocks.
  struct Comment: Equatable {
    var author: Int?
    var texts: [Int]
  }

  /// The outcome of a split.
  struct Split {
    var comments: [Comment]
    /// True when the header's count was used to read some author-like lines as text.
    var usedCount: Bool
  }

  /// How author-like a short line is: 2 a handle or a capitalized name, 1 a single plain word,
  /// 0 a phrase with lower-case words; nil when it cannot be an author line at all.
  static func authorScore(_ text: String) -> Int? {
    let count = text.utf8.count
    guard count > 0, count <= 40 else { return nil }
    let bytes = Array(text.utf8)
    if !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) { return bytes.withUnsafeBufferPointer { asciiAuthorScore($0) } }
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
    guard (1...4).contains(words.count) else { return nil }
    if TextShape.endsLikeSentence(bytes, 0, bytes.count) {
      // "Pieter V." ends with an initial, not a sentence.
      guard let last = words.last, last.count == 2, last.first?.isUppercase == true, last.last == "." else { return nil }
    }
    // The bytes of `,` `"` `“` must all be absent for none of them to be found; only when one is
    // present is the text searched as characters.
    if CommentSectionSplitter.mayContainQuoteOrComma(bytes),
      text.contains(",") || text.contains("\"") || text.contains("\u{201C}")
    {
      return nil
    }
    guard let firstChar = text.first, firstChar.isLetter || firstChar.isNumber || firstChar == "@" || firstChar == "_" else {
      return nil
    }
    if words.count == 1 {
      let w = words[0]
      let inner = w.dropFirst()
      if inner.contains(where: { $0.isUppercase || $0.isNumber || $0 == "_" || $0 == "." }) || w.first == "@" { return 2 }
      return 1
    }
    let capitalized = words.allSatisfy { word in
      guard let f = word.first else { return false }
      return f.isUppercase || (f.isLetter && !f.isLowercase && !f.isUppercase)
    }
    return capitalized ? 2 : 0
  }

  /// `authorScore` of the text `bytes[from..<to]` (UTF-8). An ASCII range without carriage returns is
  /// read in place by `asciiAuthorScore`, as `authorScore` reads the same bytes of the decoded
  /// string; only other ranges are decoded into a string first.
  static func authorScore(_ bytes: [UInt8], _ from: Int, _ to: Int) -> Int? {
    // Decoding never shortens the bytes: a range over 40 bytes is a string over 40 bytes.
    guard to > from, to - from <= 40 else { return nil }
    return bytes.withUnsafeBufferPointer { p in
      let range = UnsafeBufferPointer(rebasing: p[from..<to])
      if !range.contains(where: { $0 >= 0x80 || $0 == 0x0D }) { return asciiAuthorScore(range) }
      return authorScore(String(decoding: range, as: UTF8.self))
    }
  }

  /// `authorScore` of ASCII text without carriage returns, read as bytes: there every character is
  /// one byte, a capital is `A`-`Z`, a letter `A`-`Z` `a`-`z` and a number `0`-`9`.
  static func asciiAuthorScore(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    @inline(__always) func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    @inline(__always) func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    // Words split on space and tab.
    var words = 0
    var firstStart = 0
    var firstEnd = 0
    var lastStart = 0
    var lastEnd = 0
    var capitalized = true
    var i = 0
    let n = bytes.count
    while i < n {
      while i < n, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
      guard i < n else { break }
      let s = i
      while i < n, bytes[i] != 0x20, bytes[i] != 0x09 { i += 1 }
      words += 1
      if words == 1 {
        firstStart = s
        firstEnd = i
      }
      lastStart = s
      lastEnd = i
      if !isUpper(bytes[s]) { capitalized = false }
    }
    guard (1...4).contains(words) else { return nil }
    if TextShape.endsLikeSentence(bytes, 0, n) {
      // "Pieter V." ends with an initial, not a sentence.
      guard lastEnd - lastStart == 2, isUpper(bytes[lastStart]), bytes[lastStart + 1] == 0x2E else { return nil }
    }
    if bytes.contains(where: { $0 == 0x2C || $0 == 0x22 }) { return nil }
    let first = bytes[0]
    guard isUpper(first) || isLower(first) || isDigit(first) || first == 0x40 || first == 0x5F else { return nil }
    if words == 1 {
      var k = firstStart + 1
      while k < firstEnd {
        let b = bytes[k]
        if isUpper(b) || isDigit(b) || b == 0x5F || b == 0x2E { return 2 }
        k += 1
      }
      return bytes[firstStart] == 0x40 ? 2 : 1
    }
    return capitalized ? 2 : 0
  }

  /// Whether `bytes` hold a `,` or `"` byte or the UTF-8 bytes of `“` (E2 80 9C).
  static func mayContainQuoteOrComma(_ bytes: [UInt8]) -> Bool {
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b == 0x2C || b == 0x22 { return true }
      if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x9C { return true }
      i += 1
    }
    return false
  }

  /// Splits `texts` (the blocks after the comments header), using `statedCount` when the header has one.
  static func split(_ texts: [String], statedCount: Int?) -> Split {
    let scores = texts.map(authorScore)
    let n = texts.count
    func startsComment(_ k: Int) -> Bool { scores[k] != nil && k + 1 < n }
    var comments: [Comment] = []
    var k = 0
    while k < n {
      if startsComment(k) {
        var comment = Comment(author: k, texts: [k + 1])
        var m = k + 2
        while m < n, !startsComment(m) {
          comment.texts.append(m)
          m += 1
        }
        comments.append(comment)
        k = m
      } else if let last = comments.last, last.author != nil, k == n - 1 {
        // An author-like line with nothing after it ends the previous comment.
        comments[comments.count - 1].texts.append(k)
        k += 1
      } else {
        comments.append(Comment(author: nil, texts: [k]))
        k += 1
      }
    }
    var usedCount = false
    if let stated = statedCount, stated > 0, comments.count > stated {
      // Read the weakest author lines as text, latest first among equals, until the count agrees.
      let weak = comments.indices.dropFirst()
        .compactMap { c -> (comment: Int, score: Int)? in
          guard let a = comments[c].author, let s = scores[a], s < 2 else { return nil }
          return (c, s)
        }
        .sorted { $0.score != $1.score ? $0.score < $1.score : $0.comment > $1.comment }
      var demote = Set<Int>()
      for w in weak {
        if comments.count - demote.count <= stated { break }
        demote.insert(w.comment)
      }
      if !demote.isEmpty {
        usedCount = true
        var merged: [Comment] = []
        for (c, comment) in comments.enumerated() {
          if demote.contains(c), !merged.isEmpty, let a = comment.author {
            merged[merged.count - 1].texts.append(a)
            merged[merged.count - 1].texts.append(contentsOf: comment.texts)
          } else {
            merged.append(comment)
          }
        }
        comments = merged
      }
    }
    return Split(comments: comments, usedCount: usedCount)
  }
}
