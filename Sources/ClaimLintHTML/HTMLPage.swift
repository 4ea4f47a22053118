import ClaimLintCore

/// The analysis of one page: blocks, per-element statistics, the article body and the hints.
///
/// Every pass is a loop over the flat node array (forward for inherited context, backward for sums
/// over subtrees), so the work is linear in the size of the page and never recursive.
struct HTMLPage {
  /// Where a block lies in the page and how much of it is text: what the passes measure, kept
  /// beside the block (`shapes[k]` for `blocks[k]`) so the blocks are already the result's blocks and
  /// move into it whole (see `takeResult`).
  struct BlockShape {
    /// The innermost block-level element holding the text.
    var owner: Int
    /// The deepest element holding all of the block's text (an inline `<span class="byline">` or the owner).
    var holder: Int
    /// The UTF-8 length of the block's text.
    var length: Int
    /// Bytes of the text that were inside links.
    var linkBytes: Int
  }

  /// The parsed page.
  let document: HTMLDocument
  /// The page bytes.
  let bytes: [UInt8]
  /// The word lists.
  let markers: HTMLMarkers
  /// Class/id classification with its cache.
  var classifier: HTMLClassifier
  /// Distinct marks; `markIndex` points here.
  var markTable: [HTMLClassMarks] = []
  /// For each node, an index into `markTable` or -1.
  var markIndex: [Int32] = []
  /// For each entry of `markTable`, its plain parts (parallel to `markTable`).
  var markSummaries: [MarkSummary] = []
  /// For each node, whether it is inside an `<a>`.
  var inLink: [Bool] = []
  /// For each node, whether it is inside a `<blockquote>`.
  var inQuote: [Bool] = []
  /// For each node, whether its content is not shown (scripts, hidden elements, form controls).
  var dropped: [Bool] = []
  /// The blocks in document order, with hint, reason, author and group once decided.
  var blocks: [Block] = []
  /// For each block, its place and measures.
  var shapes: [BlockShape] = []
  /// The number of `.text` nodes, counted by `computeNodeFlags()`.
  var textNodeCount = 0
  /// The elements chosen as the article body.
  var mainContainers: [Int] = []
  /// For each node, whether it lies inside the article body.
  var inMain: [Bool] = []
  /// For each node, whether it contains (part of) the article body.
  var containsMain: [Bool] = []
  /// For each node, the UTF-8 length of the block text inside it.
  var text: [Int] = []
  /// For each node, the bytes of link text inside it.
  var links: [Int] = []
  /// For each node, the bytes of prose (long, not link-dense blocks) inside it.
  var prose: [Int] = []
  /// The prose inside the article body.
  var mainProse = 0
  /// Remarks for the `ReadResult`.
  var remarks: [String] = []

  /// Elements whose end starts a new block.
  static let blockTags: Set<String> = [
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "legend", "listing", "textarea", "#root",
  ]
  /// Elements whose content is never shown as text.
  static let droppedTags: Set<String> = [
    "head", "script", "style", "noscript", "template", "svg", "iframe", "select", "option", "button",
    "object", "math", "title", "datalist", "canvas", "audio", "video", "map", "xmp", "noembed", "noframes",
    "plaintext", "embed",
  ]

  /// Creates the analysis; call `analyse()` next.
  init(document: HTMLDocument, bytes: [UInt8], classifier: HTMLClassifier) {
    self.document = document
    self.bytes = bytes
    self.markers = classifier.markers
    self.classifier = classifier
  }

  /// Which names of an `HTMLClassMarks` are set, its flags and its weight: what most passes test.
  ///
  /// Reading an entry of `markTable` as a value copies it (its six strings retained, then released);
  /// the passes that only test whether a name is set read this plain summary instead, and read a
  /// name's string in place only when they use it.
  struct MarkSummary {
    /// `HTMLClassMarks` fields as bits.
    struct Bits: OptionSet {
      let rawValue: UInt8
      static let content = Bits(rawValue: 1 << 0)
      static let boilerplate = Bits(rawValue: 1 << 1)
      static let comment = Bits(rawValue: 1 << 2)
      static let commentForm = Bits(rawValue: 1 << 3)
      static let related = Bits(rawValue: 1 << 4)
      static let byline = Bits(rawValue: 1 << 5)
      static let commentAuthor = Bits(rawValue: 1 << 6)
      static let commentItem = Bits(rawValue: 1 << 7)
    }
    /// The names that are set and the flags that are true.
    var bits: Bits
    /// `HTMLClassMarks.weight`.
    var weight: Int

    /// The summary of `m`.
    init(_ m: borrowing HTMLClassMarks) {
      var b: Bits = []
      if m.content != nil { b.insert(.content) }
      if m.boilerplate != nil { b.insert(.boilerplate) }
      if m.comment != nil { b.insert(.comment) }
      if m.commentForm != nil { b.insert(.commentForm) }
      if m.related != nil { b.insert(.related) }
      if m.byline != nil { b.insert(.byline) }
      if m.commentAuthor { b.insert(.commentAuthor) }
      if m.commentItem { b.insert(.commentItem) }
      bits = b
      weight = m.weight
    }
  }

  /// The marks of node `i`, if any (a copy: the passes read `hasMarks`, `markWeight` or a field of
  /// `markTable` in place instead).
  func marks(_ i: Int) -> HTMLClassMarks? {
    let k = markIndex[i]
    return k < 0 ? nil : markTable[Int(k)]
  }

  /// Whether node `i` has marks with all of `bits`.
  func hasMarks(_ i: Int, _ bits: MarkSummary.Bits) -> Bool {
    let k = markIndex[i]
    return k >= 0 && markSummaries[Int(k)].bits.isSuperset(of: bits)
  }

  /// The marks' weight of node `i` (0 without marks).
  func markWeight(_ i: Int) -> Int {
    let k = markIndex[i]
    return k < 0 ? 0 : markSummaries[Int(k)].weight
  }

  /// Runs every pass.
  mutating func analyse() {
    computeNodeFlags()
    extractBlocks()
    chooseArticleBody()
    assignHints()
  }

  // MARK: - Node flags

  /// Classifies attributes and inherits link, quote and hidden flags, parents first.
  mutating func computeNodeFlags() {
    let nodes = document.nodes
    let n = nodes.count
    markIndex = [Int32](repeating: -1, count: n)
    inLink = [Bool](repeating: false, count: n)
    inQuote = [Bool](repeating: false, count: n)
    dropped = [Bool](repeating: false, count: n)
    var tableIndex: [HTMLClassMarks: Int32] = [:]
    // Most pages have fewer distinct marks than this: both tables grow once, not five times.
    markTable.reserveCapacity(Self.markScanLimit)
    markSummaries.reserveCapacity(Self.markScanLimit)
    for i in 1..<max(1, n) {
      let p = nodes[i].parent
      if nodes[i].kind != .element {
        if nodes[i].kind == .text { textNodeCount += 1 }
        inLink[i] = inLink[p]
        dropped[i] = dropped[p]
        inQuote[i] = inQuote[p]
        continue
      }
      let flags = nodes[i].flags
      inLink[i] = inLink[p] || flags.contains(.a)
      inQuote[i] = inQuote[p] || flags.contains(.quote)
      var hidden = flags.contains(.dropped)
      if !nodes[i].attributes.isEmpty {
        // Nil until an attribute classifies the element: the first classified attribute's marks are
        // taken as they are (merging into empty marks gives them unchanged), and an element with no
        // such attribute makes and destroys no marks. The attributes are read in place (`for a in`
        // copied each, its name and value retained).
        var m: Optional<HTMLClassMarks> = nil
        let attributes = nodes[i].attributes
        for ai in attributes.indices {
          switch attributes[ai].name {
          case "class", "itemprop", "rel", "id":
            let isID = attributes[ai].name == "id"
            if m == nil {
              m = classifier.marks(class: attributes[ai].value, isID: isID)
            } else {
              m!.merge(classifier.marks(class: attributes[ai].value, isID: isID))
            }
          case "itemtype":
            let value = attributes[ai].value
            if value.lowercased().contains("comment") {
              if m == nil { m = HTMLClassMarks() }
              m!.comment = m!.comment ?? "itemtype '\(value)'"
              m!.commentItem = true
            }
          case "role":
            let r = attributes[ai].value.lowercased()
            if ["navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"].contains(r) {
              if m == nil { m = HTMLClassMarks() }
              m!.boilerplate = m!.boilerplate ?? "role '\(r)'"
            } else if r == "main" || r == "article" {
              if m == nil { m = HTMLClassMarks() }
              m!.weight += 25
            }
          case "hidden":
            hidden = true
          case "style":
            if HTMLPage.styleHides(attributes[ai].value) { hidden = true }
          default:
            break
          }
        }
        if let marks = m, !marks.isEmpty {
          markIndex[i] = markTableIndex(marks, &tableIndex)
        }
      }
      dropped[i] = dropped[p] || hidden
    }
  }

  /// Whether a `style` value hides its element: its lowercased text without spaces contains
  /// `display:none` or `visibility:hidden`.
  ///
  /// An ASCII value is tested on its bytes where they lie: lowercasing ASCII changes only A-Z, each
  /// byte is a character of its own (only "\r\n" joins two, and neither needle holds those bytes),
  /// and a match in the text without spaces is a match that starts at a non-space byte and passes
  /// over the spaces in between. Other values take the `String` operations (tested against each other).
  static func styleHides(_ value: String) -> Bool {
    let ascii = value.withUTF8Bytes { p -> Bool? in
      for b in p where b >= 0x80 { return nil }
      return containsSkippingSpaces(p, styleDisplayNone) || containsSkippingSpaces(p, styleVisibilityHidden)
    }
    if let ascii { return ascii }
    let s = value.lowercased().filter { $0 != " " }
    return s.contains("display:none") || s.contains("visibility:hidden")
  }

  /// The bytes `styleHides` looks for.
  static let styleDisplayNone: [UInt8] = Array("display:none".utf8)
  static let styleVisibilityHidden: [UInt8] = Array("visibility:hidden".utf8)

  /// Whether `needle` (lowercase ASCII, no spaces, not empty) occurs in the ASCII-lowercased `text`
  /// with its 0x20 bytes removed.
  static func containsSkippingSpaces(_ text: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
    let n = text.count
    let m = needle.count
    let first = needle[0]
    var i = 0
    while i < n {
      let b = text[i]
      if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) == first {
        var j = i + 1
        var k = 1
        while k < m, j < n {
          let c = text[j]
          j += 1
          if c == 0x20 { continue }
          if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != needle[k] { break }
          k += 1
        }
        if k == m { return true }
      }
      i += 1
    }
    return false
  }

  /// The most distinct marks `markTableIndex` finds by scanning `markTable`.
  static let markScanLimit = 16

  /// The index of `m` in `markTable`, appending it when new.
  ///
  /// Most pages have a handful of distinct marks, and comparing a few marks costs less than hashing
  /// their strings, so a small table is scanned; once it holds `markScanLimit` entries, `index`
  /// (filled then with all of them) is used instead. Either way the first index of equal marks is
  /// the answer, so the table is the one a dictionary alone would build.
  mutating func markTableIndex(_ m: HTMLClassMarks, _ index: inout [HTMLClassMarks: Int32]) -> Int32 {
    if markTable.count < Self.markScanLimit {
      if let k = markTable.firstIndex(of: m) { return Int32(k) }
      markSummaries.append(MarkSummary(m))
      markTable.append(m)
      if markTable.count == Self.markScanLimit {
        for (k, marks) in markTable.enumerated() { index[marks] = Int32(k) }
      }
      return Int32(markTable.count - 1)
    }
    if let k = index[m] { return k }
    let k = Int32(markTable.count)
    markSummaries.append(MarkSummary(m))
    markTable.append(m)
    index[m] = k
    return k
  }

  // MARK: - Blocks

  /// Walks the nodes in document order and cuts the text into blocks at block-level boundaries.
  mutating func extractBlocks() {
    let nodes = document.nodes
    let ends = document.subtreeEnd
    let n = nodes.count
    var builder = HTMLText()
    var owner = 0
    var holder = 0
    var blockStack: [Int] = [0]
    // Every block holds a text node of its own (text nodes are never split), so this is enough.
    blocks.reserveCapacity(textNodeCount)
    shapes.reserveCapacity(textNodeCount)
    var i = 1
    while i < n {
      while blockStack.count > 1, ends[blockStack[blockStack.count - 1]] <= i {
        flush(&builder, owner: owner, holder: holder)
        blockStack.removeLast()
      }
      switch nodes[i].kind {
      case .element:
        if dropped[i] {
          i = ends[i]
          continue
        }
        // The flags stand for `HTMLPage.blockTags` and `HTMLElements.void` (which holds br, hr, img, input).
        let flags = nodes[i].flags
        if flags.contains(.block) {
          flush(&builder, owner: owner, holder: holder)
          blockStack.append(i)
        } else if flags.contains(.void) {
          let tag = nodes[i].tag
          if tag == "br" || tag == "hr" {
            flush(&builder, owner: owner, holder: holder)
          } else if tag == "img" || tag == "input" {
            builder.appendBreak(at: nodes[i].range.lowerBound)
          }
        }
      case .text:
        if builder.isEmpty {
          owner = blockStack[blockStack.count - 1]
          holder = nodes[i].parent
        } else {
          while holder > 0, !document.contains(holder, i) { holder = nodes[holder].parent }
        }
        builder.append(bytes, nodes[i].range, inLink: inLink[i])
      case .rawText:
        break
      }
      i += 1
    }
    flush(&builder, owner: owner, holder: holder)
  }

  /// Turns the builder's text into a block owned by `owner` and starts a new builder.
  private mutating func flush(_ builder: inout HTMLText, owner: Int, holder: Int) {
    guard !builder.isEmpty else { return }
    let links = builder.linkBytes
    guard let (text, map) = builder.finish() else {
      builder.reset()
      return
    }
    builder.reset()
    // The root has no flags; elements have `HTMLElements.flags(of: tag)` (.heading: h1-h6, .li, .dtdd: dt, dd).
    let flags = document.nodes[owner].flags
    var role = Block.Role.paragraph
    var level = 0
    if flags.contains(.heading), let d = document.nodes[owner].tag.utf8.last {
      role = .heading
      level = Int(d) - 48
    } else if !flags.isDisjoint(with: [.li, .dtdd]) {
      role = .listItem
    } else if inQuote[owner] {
      role = .quote
    }
    shapes.append(BlockShape(owner: owner, holder: max(owner, holder), length: text.utf8.count, linkBytes: links))
    blocks.append(Block(text: text, map: map, role: role, level: level))
  }

  // MARK: - Result

  /// The `ReadResult` for the analysed page, with the blocks moved out of `blocks` (left empty), not
  /// copied: a copy retains each block's strings and map, and the page's end releases them again.
  /// The metadata is read first, while the blocks are there.
  mutating func takeResult() -> ReadResult {
    let meta = metadata()
    var out: [Block] = []
    swap(&out, &blocks)
    return ReadResult(
      blocks: out, title: meta.title, author: meta.author, date: meta.date, dateEvidence: meta.dateEvidence,
      remarks: remarks)
  }

  /// The folded text of element `e` (all its shown text nodes).
  func elementText(_ e: Int, limit: Int = 2000) -> String {
    var builder = HTMLText()
    var j = e + 1
    let end = document.subtreeEnd[e]
    while j < end {
      let kind = document.nodes[j].kind
      if kind == .element, dropped[j], !(j == e) {
        j = document.subtreeEnd[j]
        continue
      }
      if kind == .text {
        builder.append(bytes, document.nodes[j].range)
        if builder.utf8.count > limit { break }
      }
      j += 1
    }
    return builder.finish()?.0 ?? ""
  }
}
