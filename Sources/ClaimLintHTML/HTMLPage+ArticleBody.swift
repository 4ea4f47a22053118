import ClaimLintCore

// MARK: - Article body

extension HTMLPage {
  /// Whether a block counts as article prose for scoring: long enough and not mostly link text.
  func isProse(_ k: Int) -> Bool {
    blocks[k].role != .heading && shapes[k].length >= 25 && shapes[k].linkBytes * 2 < shapes[k].length
  }

  /// Picks the article body: explicit markup when it holds most of the prose, text density otherwise.
  ///
  /// Density follows the readability idea: each prose block adds a score (1, plus commas, plus a point
  /// per 100 bytes up to 3) to its parent, half to its grandparent and a sixth to the next ancestor;
  /// each scored element is weighted by its tag and class words and by one minus its link density.
  /// The number of `,` bytes in `text`, eight bytes at a time: a comma is a zero byte of
  /// `word ^ 0x2C2C…2C`, `(x - 0x01…01) & ~x & 0x80…80` is non-zero exactly when `x` has a zero
  /// byte, and only such words are counted byte by byte.
  static func commaCount(_ text: String) -> Int {
    return text.withUTF8Bytes { p in
      guard let base = p.baseAddress else { return 0 }
      let n = p.count
      let ones: UInt64 = 0x0101_0101_0101_0101
      var count = 0
      var i = 0
      while i + 8 <= n {
        let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) ^ (ones &* 0x2C)
        if (x &- ones) & ~x & 0x8080_8080_8080_8080 != 0 {
          for k in i..<(i + 8) where p[k] == 0x2C { count += 1 }
        }
        i += 8
      }
      while i < n {
        if p[i] == 0x2C { count += 1 }
        i += 1
      }
      return count
    }
  }

  mutating func chooseArticleBody() {
    let nodes = document.nodes
    let n = nodes.count
    text = [Int](repeating: 0, count: n)
    links = [Int](repeating: 0, count: n)
    prose = [Int](repeating: 0, count: n)
    var score = [Double](repeating: 0, count: n)
    // Blocks are read in place, not copied out of the array.
    for k in blocks.indices {
      let owner = shapes[k].owner
      let length = shapes[k].length
      text[owner] += length
      links[owner] += shapes[k].linkBytes
      // `isProse(k)`, field by field.
      guard blocks[k].role != .heading && length >= 25 && shapes[k].linkBytes * 2 < length else { continue }
      prose[owner] += length
      let commas = HTMLPage.commaCount(blocks[k].text)
      let s = 1 + Double(commas) + min(Double(length / 100), 3)
      var a = nodes[owner].parent
      var level = 0
      while a > 0, level < 3 {
        score[a] += level == 0 ? s : (level == 1 ? s / 2 : s / 6)
        a = nodes[a].parent
        level += 1
      }
    }
    for i in stride(from: n - 1, to: 0, by: -1) {
      let p = nodes[i].parent
      if p >= 0 {
        text[p] += text[i]
        links[p] += links[i]
        prose[p] += prose[i]
      }
    }
    // Density candidates.
    var top = -1
    var topScore = 0.0
    var finalScore = [Double](repeating: 0, count: n)
    for i in 1..<max(1, n) where score[i] > 0 {
      var s = score[i] + Double(tagWeight(nodes[i].tag)) + Double(markWeight(i))
      let density = text[i] > 0 ? Double(links[i]) / Double(text[i]) : 0
      s *= 1 - density
      finalScore[i] = s
      if s > topScore {
        topScore = s
        top = i
      }
    }
    // Explicit markup.
    var explicit = -1
    var bestTier = -1
    let topProse = top > 0 ? prose[top] : 0
    for i in 1..<max(1, n) where nodes[i].kind == .element && prose[i] > 0 {
      let tier = explicitTier(i)
      guard tier >= 0 else { continue }
      if hasMarks(i, .comment) { continue }
      guard Double(prose[i]) >= 0.5 * Double(topProse) else { continue }
      if top > 0, document.contains(i, top), Double(prose[i]) > 1.6 * Double(topProse) + 200 { continue }
      if tier > bestTier || (tier == bestTier && prose[i] > prose[explicit]) {
        explicit = i
        bestTier = tier
      }
    }
    if explicit > 0 {
      mainContainers = [explicit]
    } else if top > 0 {
      // Climb while an ancestor adds much more prose without adding many links: articles whose
      // paragraphs sit in separate wrappers ("cards") score per wrapper.
      var best = top
      var a = nodes[top].parent
      var steps = 0
      while a > 0, steps < 6, !["body", "html"].contains(nodes[a].tag) {
        let density = text[a] > 0 ? Double(links[a]) / Double(text[a]) : 1
        if density > 0.3 { break }
        if Double(prose[a]) >= 1.5 * Double(prose[best]), Double(prose[a]) >= 0.5 * Double(text[a]) { best = a }
        a = nodes[a].parent
        steps += 1
      }
      top = best
      mainContainers = [top]
      // Siblings that read like more of the same article.
      let parent = nodes[top].parent
      let threshold = max(10, topScore * 0.2)
      var j = parent + 1
      while j < document.subtreeEnd[parent] {
        if j != top, nodes[j].kind == .element {
          let density = text[j] > 0 ? Double(links[j]) / Double(text[j]) : 1
          if finalScore[j] >= threshold || (prose[j] >= 80 && density < 0.25 && markWeight(j) >= 0) {
            mainContainers.append(j)
          }
        }
        j = document.subtreeEnd[j]
      }
      remarks.append("no article markup found; the article body was chosen by text density")
    } else {
      mainContainers = [0]
      remarks.append("no article body found; using the whole page")
    }
    // An enclosing <article> with little more prose also holds the headline and lead.
    if mainContainers.count == 1, let only = mainContainers.first, only > 0 {
      var a = nodes[only].parent
      while a > 0 {
        if nodes[a].tag == "article" {
          if prose[a] > prose[only], Double(prose[a]) <= 1.3 * Double(prose[only]) + 300 { mainContainers = [a] }
          break
        }
        a = nodes[a].parent
      }
    }
    mainProse = mainContainers.reduce(0) { $0 + prose[$1] }
    // Flags for containment.
    inMain = [Bool](repeating: false, count: n)
    containsMain = [Bool](repeating: false, count: n)
    for c in mainContainers {
      // The chosen containers first; the forward pass below adds their descendants.
      inMain[c] = true
      var a = c
      while a >= 0 {
        containsMain[a] = true
        a = nodes[a].parent
      }
    }
    for i in 1..<max(1, n) where !inMain[i] {
      inMain[i] = inMain[nodes[i].parent]
    }
  }

  /// The scoring bonus of a tag.
  private func tagWeight(_ tag: String) -> Int {
    switch tag {
    case "article": return 10
    case "div", "section", "main": return 5
    case "pre", "td", "blockquote": return 3
    case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": return -3
    case "h1", "h2", "h3", "h4", "h5", "h6", "th": return -5
    case "body", "html": return -20
    default: return 0
    }
  }

  /// How strongly element `i` declares itself the article body (-1 when it does not).
  private func explicitTier(_ i: Int) -> Int {
    let tag = document.nodes[i].tag
    // "body", "html" and "main" have four bytes, "article" seven; other tags skip those comparisons.
    let length = tag.utf8.count
    if length == 4, tag == "body" || tag == "html" { return -1 }
    if let p = document.nodes[i].attribute("itemprop").map(HTMLText.lowercased), p == "articlebody" || p == "text" {
      return 3
    }
    if hasMarks(i, .content) { return 2 }
    if length == 7, tag == "article" { return 1 }
    if length == 4 && tag == "main" || document.nodes[i].attribute("role").map(HTMLText.lowercased) == "main" { return 0 }
    return -1
  }
}
