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
  /// Marks already computed for `class` values (and for single names of several-name values), and
  /// for `id` values; together they hold at most `cacheLimit` entries.
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

  /// The substring lists as bytes, in the order of `ListID`.
  private let lists: [HTMLWordIndex]
  /// `markers.relatedHeadingPhrases`, indexed.
  let relatedHeadings: HTMLWordIndex
  /// `markers.commentHeadingPhrases`, indexed.
  let commentHeadings: HTMLWordIndex
  /// Marks of whole values shared by every copy of this classifier (all pages of one reader).
  private let shared: HTMLSharedMarks

  /// The token lists.
  private let boilerplateTokens: Set<String>
  private let authorTokens: Set<String>

  /// Indexes into `lists`.
  private enum ListID: Int {
    case content, comment, commentExclusion, commentForm, related, byline, commentAuthor, boilerplate
    case negative, positive
  }

  /// Creates a classifier for `markers`.
  init(markers: HTMLMarkers) {
    self.markers = markers
    let all = [
      markers.contentSubstrings, markers.commentSubstrings, markers.commentExclusions,
      markers.commentFormSubstrings, markers.relatedSubstrings, markers.bylineSubstrings,
      markers.commentAuthorSubstrings, markers.boilerplateSubstrings, markers.negativeSubstrings,
      markers.positiveSubstrings,
    ]
    lists = all.map { list in HTMLWordIndex(list.map { Array($0.utf8) }.filter { !$0.isEmpty }) }
    relatedHeadings = HTMLWordIndex(strings: markers.relatedHeadingPhrases)
    commentHeadings = HTMLWordIndex(strings: markers.commentHeadingPhrases)
    shared = HTMLSharedMarks()
    boilerplateTokens = Set(markers.boilerplateTokens)
    authorTokens = Set(markers.commentAuthorTokens)
  }

  /// Whether any word of list `id` occurs in `name`.
  private func has(_ id: ListID, in name: [UInt8]) -> Bool {
    name.withUnsafeBufferPointer { lists[id.rawValue].occurs(in: $0) }
  }

  /// The marks for a `class` (several names) or `id` (one name) value.
  ///
  /// A single class name's marks are the marks of the value made of that name alone, so both are
  /// kept under the name in `classCache`.
  mutating func marks(class value: String, isID: Bool) -> HTMLClassMarks {
    if let cached = isID ? idCache[value] : classCache[value] { return cached }
    // Marks found in the shared table are not copied into this page's caches: the next lookup of the
    // value finds them there again, and a page meets few values twice.
    if let known = shared.marks(value, isID: isID) { return known }
    var result = HTMLClassMarks()
    let names: [String]
    if isID || !value.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }) {
      // One name (the split of a value without separators is the value, or nothing when empty).
      names = value.isEmpty ? [] : [value]
    } else {
      names = HTMLClassifier.classNames(value)
    }
    for name in names where !name.isEmpty {
      if !isID, names.count > 1, let cached = classCache[name] {
        result.merge(cached)
        continue
      }
      // A single name's marks are those of the value made of that name alone, so the shared table
      // holds them too: names that recur across pages in different combinations ("flex", "post")
      // are classified once per run, not once per page.
      if !isID, names.count > 1, let known = shared.marks(name, isID: false) {
        result.merge(known)
        continue
      }
      let m = marks(name: name, isID: isID)
      if !isID, names.count > 1 {
        if cacheCount < Self.cacheLimit { classCache[name] = m }
        shared.store(m, for: name, isID: false)
      }
      result.merge(m)
    }
    if cacheCount < Self.cacheLimit {
      if isID { idCache[value] = result } else { classCache[value] = result }
    }
    shared.store(result, for: value, isID: isID)
    return result
  }

  /// The marks for one class name or id.
  private func marks(name: String, isID: Bool) -> HTMLClassMarks {
    var normalized: [UInt8] = []
    normalized.reserveCapacity(name.utf8.count)
    for b in name.utf8 where b != 0x2D && b != 0x5F && b != 0x3A {
      normalized.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
    }
    var m = HTMLClassMarks()
    // WordPress-style taxonomy classes ("tag-elections", "category-politics") name topics, not parts.
    if !isID, normalized.starts(with: "tag".utf8) || normalized.starts(with: "category".utf8),
      name.contains("-")
    {
      return m
    }
    func label() -> String { (isID ? "id '" : "class '") + name + "'" }
    if has(.content, in: normalized) { m.content = label() }
    if has(.comment, in: normalized), !has(.commentExclusion, in: normalized) {
      m.comment = label()
      if HTMLClassifier.commentItemNames.contains(String(decoding: normalized, as: UTF8.self)) { m.commentItem = true }
      if isID, normalized.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { m.commentItem = true }
    }
    if has(.commentForm, in: normalized) { m.commentForm = label() }
    if has(.related, in: normalized) { m.related = label() }
    if has(.byline, in: normalized) { m.byline = label() }
    let tokens = HTMLClassifier.tokens(of: name)
    if has(.commentAuthor, in: normalized) || tokens.contains(where: { authorTokens.contains($0) }) {
      m.commentAuthor = true
    }
    if has(.boilerplate, in: normalized) || tokens.contains(where: { boilerplateTokens.contains($0) }) {
      m.boilerplate = label()
    }
    if has(.negative, in: normalized) { m.weight -= 25 }
    if has(.positive, in: normalized) { m.weight += 25 }
    return m
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
