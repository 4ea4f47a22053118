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
  /// Marks already computed, keyed by attribute kind and value.
  private var cache: [String: HTMLClassMarks] = [:]

  /// Class names that mark a single comment.
  static let commentItemNames: Set<String> = [
    "comment", "commentitem", "commentsitem", "singlecomment", "commententry", "commentcontainer",
    "commentwrapper", "commentbox", "kommentar", "post", "reply", "commentbody", "comentario",
    "commentaire", "usercomment", "commentlistitem", "commentthread",
  ]

  /// Creates a classifier for `markers`.
  init(markers: HTMLMarkers) {
    self.markers = markers
  }

  /// The marks for a `class` (several names) or `id` (one name) value.
  mutating func marks(class value: String, isID: Bool) -> HTMLClassMarks {
    let key = (isID ? "#" : ".") + value
    if let cached = cache[key] { return cached }
    var result = HTMLClassMarks()
    let names = isID ? [value] : value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
    for name in names where !name.isEmpty {
      result.merge(marks(name: name, isID: isID))
    }
    if cache.count < 20_000 { cache[key] = result }
    return result
  }

  /// The marks for one class name or id.
  private func marks(name: String, isID: Bool) -> HTMLClassMarks {
    let label = (isID ? "id '" : "class '") + name + "'"
    let lower = name.lowercased()
    let normalized = String(lower.unicodeScalars.filter { $0 != "-" && $0 != "_" && $0 != ":" })
    var m = HTMLClassMarks()
    func has(_ list: [String]) -> Bool { list.contains(where: { normalized.contains($0) }) }
    if has(markers.contentSubstrings) { m.content = label }
    let isCommentWord = has(markers.commentSubstrings) && !has(markers.commentExclusions)
    if isCommentWord {
      m.comment = label
      if HTMLClassifier.commentItemNames.contains(normalized) { m.commentItem = true }
      if isID, normalized.contains(where: { $0.isNumber }) { m.commentItem = true }
    }
    if has(markers.commentFormSubstrings) { m.commentForm = label }
    if has(markers.relatedSubstrings) { m.related = label }
    if has(markers.bylineSubstrings) { m.byline = label }
    let tokens = HTMLClassifier.tokens(of: name)
    if has(markers.commentAuthorSubstrings) || tokens.contains(where: { markers.commentAuthorTokens.contains($0) }) {
      m.commentAuthor = true
    }
    if has(markers.boilerplateSubstrings) || tokens.contains(where: { markers.boilerplateTokens.contains($0) }) {
      m.boilerplate = label
    }
    if has(markers.negativeSubstrings) { m.weight -= 25 }
    if has(markers.positiveSubstrings) { m.weight += 25 }
    return m
  }

  /// Splits a class name into lowercased tokens at `-`, `_`, `:`, digits and lower-to-upper case changes.
  static func tokens(of name: String) -> [String] {
    var result: [String] = []
    var current = ""
    var previousLower = false
    for ch in name.unicodeScalars {
      if ch == "-" || ch == "_" || ch == ":" || ch == "." || (ch.value >= 48 && ch.value <= 57) {
        if !current.isEmpty { result.append(current) }
        current = ""
        previousLower = false
        continue
      }
      let isUpper = ch.value >= 65 && ch.value <= 90
      if isUpper, previousLower, !current.isEmpty {
        result.append(current)
        current = ""
      }
      current.unicodeScalars.append(isUpper ? Unicode.Scalar(ch.value + 32) ?? ch : ch)
      previousLower = !isUpper
    }
    if !current.isEmpty { result.append(current) }
    return result
  }
}
