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

  /// Distinct reason strings, so contexts stay plain integers.
  struct ReasonTable {
    /// The reasons in order of first use.
    private(set) var reasons: [String] = []
    private var index: [String: Int32] = [:]

    /// The index of `reason`, adding it when new.
    mutating func id(_ reason: String) -> Int32 {
      if let k = index[reason] { return k }
      let k = Int32(reasons.count)
      reasons.append(reason)
      index[reason] = k
      return k
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
    for i in 1..<max(1, n) where nodes[i].kind == .element {
      let node = nodes[i]
      var c = contexts[node.parent]
      let m = marks(i)
      let tag = node.tag
      let wrapsArticle = containsMain[i]
      if c.commentSection < 0 {
        if !wrapsArticle, m?.comment != nil {
          c.commentSection = i
          if m?.commentItem == true { c.commentItem = i }
        }
      } else if isCommentItem(i, m) {
        c.commentItem = i
      }
      // A form that holds the comments themselves (some sites wrap the thread in one) is not the
      // comment form.
      let formLike = tag == "textarea" || (tag == "form" || m?.commentForm != nil) && prose[i] < 200
      if c.commentSection >= 0 {
        if formLike { c.commentForm = true }
      } else if !wrapsArticle, formLike, let form = m?.commentForm, c.boilerplate < 0 {
        c.boilerplate = table.id("comment form (\(form))")
      }
      let holdsArticle = inMain[i] && prose[i] * 2 > mainProse
      if c.related < 0, !wrapsArticle, !holdsArticle, let r = m?.related { c.related = table.id(r) }
      if c.byline < 0, text[i] <= 400, let r = m?.byline { c.byline = table.id(r) }
      if c.byline < 0, !node.attributes.isEmpty, node.attribute("rel")?.lowercased() == "author" {
        c.byline = table.id("rel 'author'")
      }
      if c.boilerplate < 0, !wrapsArticle {
        switch tag {
        case "nav", "aside", "form", "footer", "menu":
          c.boilerplate = table.id("inside <\(tag)>")
        case "header" where !inMain[i]:
          c.boilerplate = table.id("inside <header>")
        default:
          // A class word does not make a container boilerplate when it holds much of the article.
          if let r = m?.boilerplate, !holdsArticle { c.boilerplate = table.id(r) }
        }
      }
      if tag == "figcaption" { c.caption = i }
      contexts[i] = c
    }
    // Per block.
    var authors: [Int: String?] = [:]
    var signatures: [Int: [String: Int]] = [:]
    for k in blocks.indices {
      let b = blocks[k]
      let c = contexts[b.holder]
      // Lower-cased only for the tests that read it (short blocks, captions): most blocks are long text.
      lazy var lower = b.text.lowercased()
      if c.commentSection >= 0 {
        if c.commentForm {
          setHint(k, .boilerplate, "comment form")
        } else if b.length <= 60, b.role == .heading || isCommentsHeading(lower) {
          setHint(k, isCommentsHeading(lower) ? .commentsHeader : .comment, "comment section heading")
          if blocks[k].hint == .comment { blocks[k].reason = reasonFor(section: c.commentSection) }
        } else {
          let group =
            c.commentItem >= 0
            ? c.commentItem
            : repeatedAncestor(of: b.owner, below: c.commentSection, signatures: &signatures)
              ?? childOnPath(from: b.owner, below: c.commentSection)
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
      } else if let r = table[c.byline], b.length <= 200 {
        setHint(k, .byline, r)
      } else if let r = table[c.boilerplate] {
        setHint(k, .boilerplate, r)
      } else if c.caption >= 0 && markers.photoCreditPhrases.contains(where: { HTMLText.contains(lower, $0) })
        || b.length <= 120 && (lower.hasPrefix("photo:") || lower.hasPrefix("photo by") || lower.hasPrefix("foto:"))
      {
        setHint(k, .boilerplate, "photo credit in caption")
      } else if !inMain[b.holder] {
        if b.length <= 60, isCommentsHeading(lower), b.role == .heading {
          setHint(k, .commentsHeader, "comments heading")
        } else {
          setHint(k, .boilerplate, "outside the article body")
        }
      } else if b.linkBytes * 2 > b.length, b.role != .heading || b.level > 1 {
        setHint(k, .boilerplate, "link list")
      } else if b.length <= 80, b.role != .heading, lower.hasPrefix("by ") || lower.hasPrefix("von ") {
        setHint(k, .byline, "starts with '\(String(b.text.prefix(2)))'")
      }
    }
    markHeadingSections()
  }

  /// Sets the hint and reason of block `k`.
  private mutating func setHint(_ k: Int, _ hint: SegmentKind, _ reason: String) {
    blocks[k].hint = hint
    blocks[k].reason = reason
  }

  /// The reason text for a comment block.
  private func reasonFor(section: Int) -> String {
    let m = marks(section)
    return "inside comment section (\(m?.comment ?? "<\(document.nodes[section].tag)>"))"
  }

  /// Whether element `i` inside a comment section is a single comment.
  private func isCommentItem(_ i: Int, _ m: HTMLClassMarks?) -> Bool {
    if m?.commentItem == true { return true }
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
      let b = blocks[k]
      guard b.hint == nil || b.hint == .boilerplate, b.role == .heading || b.length <= 40 else {
        k += 1
        continue
      }
      let lower = b.text.lowercased()
      if isRelatedHeading(lower) {
        setHint(k, .related, "heading '\(b.text)'")
        var j = k + 1
        while j < blocks.count {
          let next = blocks[j]
          if next.role == .heading || next.hint == .comment || next.hint == .commentsHeader { break }
          let linky = next.linkBytes * 2 > next.length
          guard linky || (next.role == .listItem && next.length <= 160) else { break }
          setHint(j, .related, "after heading '\(b.text)'")
          j += 1
        }
        k = j
        continue
      }
      if b.hint == nil, b.role == .heading, isCommentsHeading(lower) {
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
      let node = nodes[j]
      guard node.kind == .element else {
        j += 1
        continue
      }
      if dropped[j] || (isCommentItem(j, marks(j)) && node.tag != "article") {
        j = document.subtreeEnd[j]
        continue
      }
      let m = marks(j)
      if m?.commentAuthor == true || node.tag == "cite" {
        let name = cleanAuthor(elementText(j, limit: 200))
        if !name.isEmpty, name.utf8.count <= 60 { return name }
      }
      if fallback == nil, node.tag == "b" || node.tag == "strong" {
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
    while changed {
      changed = false
      let lower = s.lowercased()
      for suffix in markers.authorSuffixes where lower.hasSuffix(suffix) && lower.count > suffix.count {
        s = String(s.dropLast(suffix.count))
        s = HTMLText.folded(s)
        changed = true
        break
      }
    }
    for prefix in ["by ", "von ", "par "] where s.lowercased().hasPrefix(prefix) {
      s = String(s.dropFirst(prefix.count))
    }
    while let last = s.last, last == ":" || last == "," || last == "-" || last == " " { s.removeLast() }
    return s
  }
}
