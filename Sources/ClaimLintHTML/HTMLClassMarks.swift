import ClaimLintCore

/// What the `class`, `id`, `itemprop`, `itemtype`, `rel` and `role` attributes of one element say.
struct HTMLClassMarks: Sendable, Hashable {
  /// The name that marks the article body, if any.
  var content: String?
  /// The name that marks boilerplate, if any.
  var boilerplate: String?
  /// The name that marks a comment section or comment, if any.
  var comment: String?
  /// The name that marks a comment form, if any.
  var commentForm: String?
  /// The name that marks related links, if any.
  var related: String?
  /// The name that marks a byline, if any.
  var byline: String?
  /// Whether the name marks a comment author.
  var commentAuthor = false
  /// Whether the name marks one comment (as opposed to the list or a part of a comment).
  var commentItem = false
  /// The scoring weight: +25 per positive, -25 per negative word.
  var weight = 0

  /// Whether these are the empty marks (`self == HTMLClassMarks()`), tested field by field instead of
  /// building empty marks and comparing every field.
  var isEmpty: Bool {
    content == nil && boilerplate == nil && comment == nil && commentForm == nil && related == nil
      && byline == nil && !commentAuthor && !commentItem && weight == 0
  }

  /// Merges the marks of another attribute into these (the first name found wins).
  mutating func merge(_ other: HTMLClassMarks) {
    content = content ?? other.content
    boilerplate = boilerplate ?? other.boilerplate
    comment = comment ?? other.comment
    commentForm = commentForm ?? other.commentForm
    related = related ?? other.related
    byline = byline ?? other.byline
    commentAuthor = commentAuthor || other.commentAuthor
    commentItem = commentItem || other.commentItem
    weight += other.weight
  }
}

/// Classifies class and id values against `HTMLMarkers`, caching results per distinct value.
struct HTMLClassifier {
  /// The word lists.
  let markers: HTMLMarkers
  /// Marks computed on this page for `class` values (and for single names of several-name values), and
  /// for `id` values, that the shared table had no room for; together they hold at most `cacheLimit`
  /// entries.
  private var classCache: [String: HTMLClassMarks] = [:]
  private var idCache: [String: HTMLClassMarks] = [:]
  /// The most entries the two caches hold together.
  private static let cacheLimit = 20_000
  /// The entries in both caches.
  private var cacheCount: Int { classCache.count + idCache.count }

  /// Class names that mark a single comment.
  static let commentItemNames: Set<String> = [
    "comment", "commentitem", "commentsitem", "singlecomment", "commententry", "commentcontainer",
    "commentwrapper", "commentbox", "kommentar", "post", "reply", "commentbody", "comentario",
    "commentaire", "usercomment", "commentlistitem", "commentthread",
  ]

  /// The substring lists (bits 0-9, in the order of `ListID`) and the token lists (bits 10 and 11)
  /// in one trie, so a name is walked once for all lists.
  private let words: HTMLWordTrie
  /// Whether every token-list word is ASCII (see `tokenLists(of:lowered:)`).
  private let tokensASCII: Bool
  /// `markers.relatedHeadingPhrases`, indexed.
  let relatedHeadings: HTMLWordIndex
  /// `markers.commentHeadingPhrases`, indexed.
  let commentHeadings: HTMLWordIndex
  /// Marks of whole values shared by every copy of this classifier (all pages of one reader).
  private let shared: HTMLSharedMarks

  /// The token lists, for names whose tokens are not looked up in `words`.
  private let boilerplateTokens: Set<String>
  private let authorTokens: Set<String>

  /// Bits of the lists in `words`.
  private enum ListID: Int {
    case content, comment, commentExclusion, commentForm, related, byline, commentAuthor, boilerplate
    case negative, positive
    /// The token lists (matched by whole tokens, never as substrings).
    case authorToken, boilerplateToken

    var bit: UInt16 { UInt16(1) << UInt16(rawValue) }
  }

  /// The bits of the substring lists.
  private static let substringBits: UInt16 = (1 << 10) - 1

  /// Creates a classifier for `markers`, sharing at most `sharedLimit` values' marks across pages.
  init(markers: HTMLMarkers, sharedLimit: Int = 50_000) {
    self.markers = markers
    let all = [
      markers.contentSubstrings, markers.commentSubstrings, markers.commentExclusions,
      markers.commentFormSubstrings, markers.relatedSubstrings, markers.bylineSubstrings,
      markers.commentAuthorSubstrings, markers.boilerplateSubstrings, markers.negativeSubstrings,
      markers.positiveSubstrings, markers.commentAuthorTokens, markers.boilerplateTokens,
    ]
    words = HTMLWordTrie(all.map { list in list.map { Array($0.utf8) } })
    tokensASCII = (markers.commentAuthorTokens + markers.boilerplateTokens).allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
    relatedHeadings = HTMLWordIndex(strings: markers.relatedHeadingPhrases)
    commentHeadings = HTMLWordIndex(strings: markers.commentHeadingPhrases)
    shared = HTMLSharedMarks(limit: sharedLimit)
    boilerplateTokens = Set(markers.boilerplateTokens)
    authorTokens = Set(markers.commentAuthorTokens)
  }

  /// The marks for a `class` (several names) or `id` (one name) value.
  ///
  /// A value's marks depend only on the value, so where they are kept does not change them. The
  /// shared table is asked first and holds every value classified by any page until it is full; the
  /// page's own caches hold only values the shared table refused, so while it has room a value costs
  /// one lookup, not a miss in the page's cache and then a lookup in the shared table (and two stores).
  /// A single class name's marks are the marks of the value made of that name alone, so both are kept
  /// under the name.
  mutating func marks(class value: String, isID: Bool) -> HTMLClassMarks {
    if let known = shared.marks(value, isID: isID) { return known }
    if cacheCount > 0, let cached = isID ? idCache[value] : classCache[value] { return cached }
    var result = HTMLClassMarks()
    let names: [String]
    if isID || !value.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }) {
      // One name (the split of a value without separators is the value, or nothing when empty).
      names = value.isEmpty ? [] : [value]
    } else {
      names = HTMLClassifier.classNames(value)
    }
    for name in names where !name.isEmpty {
      // A single name's marks are those of the value made of that name alone, so the tables hold
      // them too: names that recur across pages in different combinations ("flex", "post") are
      // classified once per run, not once per page.
      if !isID, names.count > 1 {
        if let known = shared.marks(name, isID: false) {
          result.merge(known)
          continue
        }
        if cacheCount > 0, let cached = classCache[name] {
          result.merge(cached)
          continue
        }
      }
      let m = marks(name: name, isID: isID)
      if !isID, names.count > 1 {
        if !shared.store(m, for: name, isID: false), cacheCount < Self.cacheLimit { classCache[name] = m }
      }
      result.merge(m)
    }
    if !shared.store(result, for: value, isID: isID), cacheCount < Self.cacheLimit {
      if isID { idCache[value] = result } else { classCache[value] = result }
    }
    return result
  }

  /// The marks for one class name or id.
  ///
  /// The name is lowercased (ASCII) and stripped of `-`, `_` and `:` on a stack buffer, and one walk of
  /// `words` over it tells which substring lists have a word in it (the answers of one scan per list,
  /// see `HTMLWordTrie`); each list's test below reads its bit.
  private func marks(name: String, isID: Bool) -> HTMLClassMarks {
    name.withUTF8Bytes { p in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, 2 * p.count)) { scratch in
        let lowered = UnsafeMutableBufferPointer(rebasing: scratch[0..<p.count])
        let normalizedFull = UnsafeMutableBufferPointer(rebasing: scratch[p.count...])
        var count = 0
        var ascii = true
        for i in 0..<p.count {
          let b = p[i]
          if b >= 0x80 { ascii = false }
          let low = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
          lowered[i] = low
          if b != 0x2D && b != 0x5F && b != 0x3A {
            normalizedFull[count] = low
            count += 1
          }
        }
        let normalized = UnsafeBufferPointer(rebasing: normalizedFull[0..<count])
        return marks(
          name: name, isID: isID, bytes: p, normalized: normalized, lowered: UnsafeBufferPointer(lowered), ascii: ascii)
      }
    }
  }

  /// `marks(name:isID:)` given the name's `bytes`, lowercased (`lowered`) and also stripped of `-`,
  /// `_` and `:` (`normalized`); `ascii` tells whether all bytes are below 0x80.
  private func marks(
    name: String, isID: Bool, bytes: UnsafeBufferPointer<UInt8>, normalized: UnsafeBufferPointer<UInt8>,
    lowered: UnsafeBufferPointer<UInt8>, ascii: Bool
  ) -> HTMLClassMarks {
    var m = HTMLClassMarks()
    // WordPress-style taxonomy classes ("tag-elections", "category-politics") name topics, not parts.
    // (An ASCII name holds "-" exactly when one of its bytes is 0x2D.)
    if !isID, normalized.starts(with: "tag".utf8) || normalized.starts(with: "category".utf8),
      ascii ? bytes.contains(0x2D) : name.contains("-")
    {
      return m
    }
    let found = words.occurring(in: normalized) & Self.substringBits
    func has(_ id: ListID) -> Bool { found & id.bit != 0 }
    func label() -> String { (isID ? "id '" : "class '") + name + "'" }
    if has(.content) { m.content = label() }
    if has(.comment), !has(.commentExclusion) {
      m.comment = label()
      if HTMLClassifier.commentItemNames.contains(String(decoding: normalized, as: UTF8.self)) { m.commentItem = true }
      if isID, normalized.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { m.commentItem = true }
    }
    if has(.commentForm) { m.commentForm = label() }
    if has(.related) { m.related = label() }
    if has(.byline) { m.byline = label() }
    var tokenBits: UInt16 = 0
    if !has(.commentAuthor) || !has(.boilerplate) {
      tokenBits = tokenLists(of: name, bytes: bytes, lowered: lowered, ascii: ascii)
    }
    if has(.commentAuthor) || tokenBits & ListID.authorToken.bit != 0 {
      m.commentAuthor = true
    }
    if has(.boilerplate) || tokenBits & ListID.boilerplateToken.bit != 0 {
      m.boilerplate = label()
    }
    if has(.negative) { m.weight -= 25 }
    if has(.positive) { m.weight += 25 }
    return m
  }

  /// The token lists (`authorToken`, `boilerplateToken` bits) holding a token of `name`, that is
  /// whether `tokens(of: name)` has an element in `authorTokens` and one in `boilerplateTokens`.
  ///
  /// When the name and every list token are ASCII, the tokens are looked up as bytes in `words`: a
  /// token is a range of `bytes` (`tokenRanges`) read lowercased from `lowered`, and ASCII strings are
  /// equal exactly when their bytes are. Otherwise (`String` equality is canonical equivalence, under
  /// which some non-ASCII scalars equal ASCII ones) the tokens are built as strings and looked up in
  /// the sets.
  private func tokenLists(
    of name: String, bytes: UnsafeBufferPointer<UInt8>, lowered: UnsafeBufferPointer<UInt8>, ascii: Bool
  ) -> UInt16 {
    if ascii, tokensASCII {
      var bits: UInt16 = 0
      let tokenBits = ListID.authorToken.bit | ListID.boilerplateToken.bit
      HTMLClassifier.tokenRanges(bytes) { r in
        bits |= words.lists(holding: UnsafeBufferPointer(rebasing: lowered[r])) & tokenBits
        return bits == tokenBits
      }
      return bits
    }
    let tokens = HTMLClassifier.tokens(of: name)
    var bits: UInt16 = 0
    if tokens.contains(where: { authorTokens.contains($0) }) { bits |= ListID.authorToken.bit }
    if tokens.contains(where: { boilerplateTokens.contains($0) }) { bits |= ListID.boilerplateToken.bit }
    return bits
  }

  /// Calls `body` with the range of each token of a class name's bytes, in order, until it returns
  /// true: the tokens `tokens(of:)` builds are these runs, lowercased (a token is a run of non-separator
  /// bytes, cut before an upper-case letter that follows a lower-case one; tested against it).
  static func tokenRanges(_ p: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Bool) {
    var start = 0
    var previousLower = false
    for i in 0..<p.count {
      let b = p[i]
      if b == 0x2D || b == 0x5F || b == 0x3A || b == 0x2E || (b >= 0x30 && b <= 0x39) {
        if i > start, body(start..<i) { return }
        start = i + 1
        previousLower = false
        continue
      }
      let isUpper = b >= 0x41 && b <= 0x5A
      if isUpper, previousLower, i > start {
        if body(start..<i) { return }
        start = i
      }
      previousLower = !isUpper
    }
    if p.count > start { _ = body(start..<p.count) }
  }

  /// The names of a `class` value: `value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })`
  /// as strings.
  ///
  /// Splitting by `Character` walks grapheme clusters (about a hundred instructions a byte, and long
  /// utility-class values are common on real pages). In ASCII text without a carriage return every
  /// byte is a grapheme cluster of its own (only "\r\n" joins two ASCII bytes), so splitting the
  /// bytes at the same three separators gives the same names; other values take the `Character` split.
  static func classNames(_ value: String) -> [String] {
    var plain = true
    for b in value.utf8 where b >= 0x80 || b == 0x0D {
      plain = false
      break
    }
    guard plain else {
      return value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
    }
    var names: [String] = []
    value.withUTF8Bytes { p in
      var start = 0
      for i in 0...p.count {
        if i == p.count || p[i] == 0x20 || p[i] == 0x09 || p[i] == 0x0A {
          if i > start { names.append(String(decoding: UnsafeBufferPointer(rebasing: p[start..<i]), as: UTF8.self)) }
          start = i + 1
        }
      }
    }
    return names
  }

  /// Splits a class name into lowercased tokens at `-`, `_`, `:`, `.`, digits and lower-to-upper case
  /// changes.
  ///
  /// Works on UTF-8 bytes: every byte the rules look at is ASCII, and the bytes of a non-ASCII scalar
  /// (all 0x80 or above) are neither separators nor upper case, so each of them is kept and counts as
  /// "not upper case", exactly as the scalar itself does; the tokens are therefore the ones a walk over
  /// `unicodeScalars` builds (tested against it), without appending scalar by scalar to a `String`.
  static func tokens(of name: String) -> [String] {
    var result: [String] = []
    name.withUTF8Bytes { p in
      var current: [UInt8] = []
      current.reserveCapacity(p.count)
      var previousLower = false
      for b in p {
        if b == 0x2D || b == 0x5F || b == 0x3A || b == 0x2E || (b >= 0x30 && b <= 0x39) {
          if !current.isEmpty {
            result.append(String(decoding: current, as: UTF8.self))
            current.removeAll(keepingCapacity: true)
          }
          previousLower = false
          continue
        }
        let isUpper = b >= 0x41 && b <= 0x5A
        if isUpper, previousLower, !current.isEmpty {
          result.append(String(decoding: current, as: UTF8.self))
          current.removeAll(keepingCapacity: true)
        }
        current.append(isUpper ? b | 0x20 : b)
        previousLower = !isUpper
      }
      if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
    }
    return result
  }
}
