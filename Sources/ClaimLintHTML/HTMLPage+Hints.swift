import ClaimLintCore

// MARK: - Hints

extension HTMLPage {
  /// The context an element inherits from its ancestors; reasons are indexes into a reason table.
  struct Context {
    /// Why the element is boilerplate, or -1.
    var boilerplate: Int32 = -1
    /// The outermost comment section around the element, or -1.
    var commentSection = -1
    /// The innermost single comment around the element, or -1.
    var commentItem = -1
    /// Whether the element is inside a comment form.
    var commentForm = false
    /// Why the element is related links, or -1.
    var related: Int32 = -1
    /// Why the element is a byline, or -1.
    var byline: Int32 = -1
    /// The enclosing `<figcaption>`, or -1.
    var caption = -1
  }

  /// Reason strings, so contexts stay plain integers.
  ///
  /// Ids are only read back through the subscript, so a repeated reason may get a second id; callers
  /// remember the ids of the reasons they reuse (per mark-table entry and per tag), which keeps the
  /// table small without hashing every reason.
  struct ReasonTable {
    /// The reasons in order of use.
    private(set) var reasons: [String] = []

    /// A new id for `reason`.
    mutating func id(_ reason: String) -> Int32 {
      if reasons.isEmpty { reasons.reserveCapacity(16) }
      reasons.append(reason)
      return Int32(reasons.count - 1)
    }

    /// The reason at `k` (nil for -1).
    subscript(_ k: Int32) -> String? { k < 0 ? nil : reasons[Int(k)] }
  }

  /// Gives each block its hint, reason, comment group and author.
  mutating func assignHints() {
    let nodes = document.nodes
    let n = nodes.count
    var contexts = [Context](repeating: Context(), count: n)
    var table = ReasonTable()
    // Reason ids per mark-table entry and per special tag, so each reason string is hashed once.
    var relatedIDs = [Int32](repeating: -1, count: markTable.count)
    var bylineIDs = [Int32](repeating: -1, count: markTable.count)
    var boilerplateIDs = [Int32](repeating: -1, count: markTable.count)
    var tagIDs = [Int32](repeating: -1, count: HintTag.allCases.count)
    var relAuthorID: Int32 = -1
    /// The id of `reason`, remembered in `cache[key]`.
    func cachedID(_ cache: inout [Int32], _ key: Int32, _ reason: @autoclosure () -> String, _ table: inout ReasonTable)
      -> Int32
    {
      if cache[Int(key)] >= 0 { return cache[Int(key)] }
      let id = table.id(reason())
      cache[Int(key)] = id
      return id
    }
    // The nodes are read through a buffer pointer: its elements are borrowed where they lie (tags and
    // attributes are not retained), while an array subscript hands out each tag retained.
    nodes.withUnsafeBufferPointer { nodes in
      for i in 1..<max(1, n) where nodes[i].kind == .element {
        var c = contexts[nodes[i].parent]
        // The marks are tested through their summary and their strings read in place where used
        // (`marks(i)` as a value copied all of them, each string retained).
        let mk = Int(markIndex[i])
        let bits: MarkSummary.Bits = mk >= 0 ? markSummaries[mk].bits : []
        let wrapsArticle = containsMain[i]
        if c.commentSection < 0 {
          if !wrapsArticle, bits.contains(.comment) {
            c.commentSection = i
            if bits.contains(.commentItem) { c.commentItem = i }
          }
        } else if isCommentItem(i) {
          c.commentItem = i
        }
        // A form that holds the comments themselves (some sites wrap the thread in one) is not the
        // comment form.
        let special = HTMLPage.hintTag(nodes[i].tag)
        let formLike = special == .textarea || (special == .form || bits.contains(.commentForm)) && prose[i] < 200
        if c.commentSection >= 0 {
          if formLike { c.commentForm = true }
        } else if !wrapsArticle, formLike, bits.contains(.commentForm), c.boilerplate < 0 {
          c.boilerplate = table.id("comment form (\(markTable[mk].commentForm ?? ""))")
        }
        let holdsArticle = inMain[i] && prose[i] * 2 > mainProse
        if c.related < 0, !wrapsArticle, !holdsArticle, bits.contains(.related) {
          c.related = cachedID(&relatedIDs, markIndex[i], markTable[mk].related ?? "", &table)
        }
        if c.byline < 0, text[i] <= 400, bits.contains(.byline) {
          c.byline = cachedID(&bylineIDs, markIndex[i], markTable[mk].byline ?? "", &table)
        }
        if c.byline < 0, !nodes[i].attributes.isEmpty, nodes[i].attribute("rel").map(HTMLText.lowercased) == "author" {
          if relAuthorID < 0 { relAuthorID = table.id("rel 'author'") }
          c.byline = relAuthorID
        }
        if c.boilerplate < 0, !wrapsArticle {
          switch special {
          case .nav, .aside, .form, .footer, .menu:
            c.boilerplate = cachedID(&tagIDs, Int32(special.rawValue), "inside <\(nodes[i].tag)>", &table)
          case .header where !inMain[i]:
            c.boilerplate = cachedID(&tagIDs, Int32(special.rawValue), "inside <header>", &table)
          default:
            // A class word does not make a container boilerplate when it holds much of the article.
            if bits.contains(.boilerplate), !holdsArticle {
              c.boilerplate = cachedID(&boilerplateIDs, markIndex[i], markTable[mk].boilerplate ?? "", &table)
            }
          }
        }
        if special == .figcaption { c.caption = i }
        contexts[i] = c
      }
    }
    // Per block.
    var authors: [Int: String?] = [:]
    var signatures: [Int: [String: Int]] = [:]
    for k in blocks.indices {
      let holder = shapes[k].holder
      let owner = shapes[k].owner
      let length = shapes[k].length
      let role = blocks[k].role
      let text = blocks[k].text
      let c = contexts[holder]
      // Lower-cased only for the tests that read it (short blocks, captions): most blocks are long text.
      lazy var lower = HTMLText.lowercased(text)
      if c.commentSection >= 0 {
        if c.commentForm {
          setHint(k, .boilerplate, "comment form")
        } else if length <= 60, role == .heading || isCommentsHeading(lower) {
          setHint(k, isCommentsHeading(lower) ? .commentsHeader : .comment, "comment section heading")
          if blocks[k].hint == .comment { blocks[k].reason = reasonFor(section: c.commentSection) }
        } else {
          let group =
            c.commentItem >= 0
            ? c.commentItem
            : repeatedAncestor(of: owner, below: c.commentSection, signatures: &signatures)
              ?? childOnPath(from: owner, below: c.commentSection)
          setHint(k, .comment, reasonFor(section: c.commentSection))
          blocks[k].group = group
          if let cached = authors[group] {
            blocks[k].author = cached
          } else {
            let name = commentAuthor(item: group)
            authors[group] = name
            blocks[k].author = name
          }
        }
      } else if let r = table[c.related] {
        setHint(k, .related, r)
      } else if let r = table[c.byline], length <= 200 {
        setHint(k, .byline, r)
      } else if let r = table[c.boilerplate] {
        setHint(k, .boilerplate, r)
      } else if c.caption >= 0 && markers.photoCreditPhrases.contains(where: { HTMLText.contains(lower, $0) })
        || length <= 120 && (lower.hasPrefix("photo:") || lower.hasPrefix("photo by") || lower.hasPrefix("foto:"))
      {
        setHint(k, .boilerplate, "photo credit in caption")
      } else if !inMain[holder] {
        if length <= 60, isCommentsHeading(lower), role == .heading {
          setHint(k, .commentsHeader, "comments heading")
        } else {
          setHint(k, .boilerplate, "outside the article body")
        }
      } else if shapes[k].linkBytes * 2 > length, role != .heading || blocks[k].level > 1 {
        setHint(k, .boilerplate, "link list")
      } else if length <= 80, role != .heading, lower.hasPrefix("by ") || lower.hasPrefix("von ") {
        setHint(k, .byline, "starts with '\(String(text.prefix(2)))'")
      }
    }
    markHeadingSections()
  }

  /// Tags that `assignHints` treats specially.
  enum HintTag: Int, CaseIterable {
    case none, textarea, form, nav, aside, footer, menu, header, figcaption
  }

  /// The special role of `tag` in `assignHints` (compares only tags with a matching first byte).
  static func hintTag(_ tag: String) -> HintTag {
    switch tag.utf8.first {
    case UInt8(ascii: "t"): return tag == "textarea" ? .textarea : .none
    case UInt8(ascii: "f"):
      if tag == "form" { return .form }
      if tag == "footer" { return .footer }
      return tag == "figcaption" ? .figcaption : .none
    case UInt8(ascii: "n"): return tag == "nav" ? .nav : .none
    case UInt8(ascii: "a"): return tag == "aside" ? .aside : .none
    case UInt8(ascii: "m"): return tag == "menu" ? .menu : .none
    case UInt8(ascii: "h"): return tag == "header" ? .header : .none
    default: return .none
    }
  }

  /// Sets the hint and reason of block `k`.
  private mutating func setHint(_ k: Int, _ hint: SegmentKind, _ reason: String) {
    blocks[k].hint = hint
    blocks[k].reason = reason
  }

  /// The reason text for a comment block.
  private func reasonFor(section: Int) -> String {
    let k = Int(markIndex[section])
    return "inside comment section (\((k >= 0 ? markTable[k].comment : nil) ?? "<\(document.nodes[section].tag)>"))"
  }

  /// Whether element `i` inside a comment section is a single comment.
  private func isCommentItem(_ i: Int) -> Bool {
    if hasMarks(i, .commentItem) { return true }
    let tag = document.nodes[i].tag
    return tag == "li" || tag == "article"
  }

  /// Container tags that can hold one comment when a thread has no comment markup of its own.
  static let itemContainerTags: Set<String> = [
    "div", "li", "article", "section", "blockquote", "table", "tr", "dl", "dd", "td", "tbody", "ul", "ol",
  ]

  /// The innermost container ancestor of `node` below `section` that has a sibling with the same tag
  /// and class: one of a run of repeated comment boxes.
  /// - Parameter signatures: Per parent, counts of `tag.class` among its children (filled lazily).
  private func repeatedAncestor(of node: Int, below section: Int, signatures: inout [Int: [String: Int]]) -> Int? {
    var a = node
    while a > section {
      let parent = document.nodes[a].parent
      if parent < section { break }
      if HTMLPage.itemContainerTags.contains(document.nodes[a].tag) {
        if signatures[parent] == nil {
          var counts: [String: Int] = [:]
          var j = parent + 1
          while j < document.subtreeEnd[parent] {
            if document.nodes[j].kind == .element { counts[signature(j), default: 0] += 1 }
            j = document.subtreeEnd[j]
          }
          signatures[parent] = counts
        }
        if signatures[parent]?[signature(a)] ?? 0 >= 2 { return a }
      }
      a = parent
    }
    return nil
  }

  /// The tag and class of element `i`.
  private func signature(_ i: Int) -> String {
    document.nodes[i].tag + "." + (document.nodes[i].attribute("class") ?? "")
  }

  /// The ancestor of `node` (or `node` itself) whose parent is `section`.
  private func childOnPath(from node: Int, below section: Int) -> Int {
    var a = node
    while a > section, document.nodes[a].parent != section, document.nodes[a].parent >= 0 {
      a = document.nodes[a].parent
    }
    return a
  }

  /// Whether a short text reads like the heading of a comment section.
  func isCommentsHeading(_ lower: String) -> Bool {
    guard lower.utf8.count <= 60 else { return false }
    return classifier.commentHeadings.occurs(in: lower)
  }

  /// Whether a short text reads like the heading of related links.
  func isRelatedHeading(_ lower: String) -> Bool {
    guard lower.utf8.count <= 60 else { return false }
    return classifier.relatedHeadings.occurs(in: lower)
  }

  /// Marks the link lists after a "Related articles" heading, and comment headings in the article.
  private mutating func markHeadingSections() {
    var k = 0
    while k < blocks.count {
      let hint = blocks[k].hint
      let role = blocks[k].role
      guard hint == nil || hint == .boilerplate, role == .heading || shapes[k].length <= 40 else {
        k += 1
        continue
      }
      let text = blocks[k].text
      let lower = HTMLText.lowercased(text)
      if isRelatedHeading(lower) {
        setHint(k, .related, "heading '\(text)'")
        var j = k + 1
        while j < blocks.count {
          let nextRole = blocks[j].role
          let nextHint = blocks[j].hint
          if nextRole == .heading || nextHint == .comment || nextHint == .commentsHeader { break }
          let nextLength = shapes[j].length
          let linky = shapes[j].linkBytes * 2 > nextLength
          guard linky || (nextRole == .listItem && nextLength <= 160) else { break }
          setHint(j, .related, "after heading '\(text)'")
          j += 1
        }
        k = j
        continue
      }
      if hint == nil, role == .heading, isCommentsHeading(lower) {
        let nextIsComment = k + 1 < blocks.count && blocks[k + 1].hint == .comment
        if nextIsComment || lower.contains(where: { $0.isNumber }) {
          setHint(k, .commentsHeader, "comments heading")
        }
      }
      k += 1
    }
  }

  /// The author named in the markup of comment `item`: an author/name element, `<cite>`, or a short
  /// `<b>`/`<strong>`, with "says:" and similar words removed.
  func commentAuthor(item: Int) -> String? {
    let nodes = document.nodes
    var j = item + 1
    let end = document.subtreeEnd[item]
    var fallback: String?
    while j < end {
      guard nodes[j].kind == .element else {
        j += 1
        continue
      }
      let tag = nodes[j].tag
      if dropped[j] || (isCommentItem(j) && tag != "article") {
        j = document.subtreeEnd[j]
        continue
      }
      if hasMarks(j, .commentAuthor) || tag == "cite" {
        let name = cleanAuthor(elementText(j, limit: 200))
        if !name.isEmpty, name.utf8.count <= 60 { return name }
      }
      if fallback == nil, tag == "b" || tag == "strong" {
        let name = cleanAuthor(elementText(j, limit: 80))
        if !name.isEmpty, name.utf8.count <= 40 { fallback = name }
      }
      j += 1
    }
    return fallback
  }

  /// Removes "says:", "By " and stray punctuation around an author name.
  func cleanAuthor(_ raw: String) -> String {
    var s = raw
    var changed = true
    var lower = ""
    while changed {
      changed = false
      lower = HTMLText.lowercased(s)
      for suffix in markers.authorSuffixes where lower.hasSuffix(suffix) && lower.count > suffix.count {
        s = String(s.dropLast(suffix.count))
        s = HTMLText.folded(s)
        changed = true
        break
      }
    }
    // `lower` is `s.lowercased()` here and after every change below.
    for prefix in ["by ", "von ", "par "] where lower.hasPrefix(prefix) {
      s = String(s.dropFirst(prefix.count))
      lower = HTMLText.lowercased(s)
    }
    while let last = s.last, last == ":" || last == "," || last == "-" || last == " " { s.removeLast() }
    return s
  }
}
