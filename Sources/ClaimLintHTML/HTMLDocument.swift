/// A parsed HTML page: a flat array of nodes in document order.
///
/// Node 0 is the document root. Every other node's parent has a smaller index, so a forward pass
/// visits parents before children and a backward pass visits children before parents; no walk
/// needs recursion. `subtreeEnd[i]` is one past the last descendant of node `i`, so node `j` lies
/// inside node `i` exactly when `i < j && j < subtreeEnd[i]`.
struct HTMLDocument {
  /// What a node is.
  enum Kind: UInt8 {
    case element
    /// Character data (entities not yet decoded).
    case text
    /// The content of `<script>`, `<style>` and similar elements; never block text.
    case rawText
  }

  /// One element or text node.
  struct Node {
    /// What the node is.
    var kind: Kind
    /// The lowercased tag name of an element; empty for text.
    var tag: String
    /// The parent node's index (-1 for the root).
    var parent: Int
    /// The byte range of the start tag (elements) or of the text (text nodes).
    var range: Range<Int>
    /// The attributes the reader looks at.
    var attributes: [HTMLAttribute]
    /// `HTMLElements.flags(of: tag)` for elements, found once by the tree builder; empty for text.
    var flags: HTMLElements.Flags = []

    /// The value of attribute `name`, if present.
    ///
    /// Attribute names are ASCII (the tokenizer keeps only `HTMLTokenizer.keptAttributes`), and
    /// equal ASCII strings have equal lengths, so names of another length are passed over without a
    /// string comparison.
    func attribute(_ name: String) -> String? {
      let length = name.utf8.count
      for a in attributes where a.name.utf8.count == length && a.name == name { return a.value }
      return nil
    }
  }

  /// All nodes in document order; node 0 is the root.
  private(set) var nodes: [Node]
  /// One past the last descendant of each node.
  private(set) var subtreeEnd: [Int]

  /// Parses `bytes` with a tolerant tree builder.
  /// - Parameters:
  ///   - bytes: The page as UTF-8 bytes.
  ///   - maxDepth: The deepest the open-element stack may grow; deeper start tags are ignored so
  ///     memory stays bounded on pathological pages.
  init(bytes: [UInt8], maxDepth: Int = 512) {
    var builder = TreeBuilder(maxDepth: maxDepth)
    builder.nodes.reserveCapacity(bytes.count / 40 + 16)
    var tokenizer = HTMLTokenizer(bytes: bytes)
    while let token = tokenizer.next() { builder.handle(token) }
    nodes = builder.nodes
    var ends = [Int](repeating: 0, count: nodes.count)
    for i in stride(from: nodes.count - 1, through: 0, by: -1) {
      ends[i] = max(ends[i], i + 1)
      let p = nodes[i].parent
      if p >= 0 { ends[p] = max(ends[p], ends[i]) }
    }
    subtreeEnd = ends
  }

  /// Whether node `inner` lies inside node `outer` (or is it).
  func contains(_ outer: Int, _ inner: Int) -> Bool { outer <= inner && inner < subtreeEnd[outer] }
}

// MARK: - Tree builder

/// Element sets that drive the tree builder.
enum HTMLElements {
  /// Elements that never have content.
  static let void: Set<String> = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr", "keygen", "basefont", "bgsound", "frame", "image",
  ]
  /// Start tags that close an open `<p>`.
  static let closesParagraph: Set<String> = [
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "li",
    "dd", "dt", "listing", "xmp", "plaintext",
  ]
  /// Elements that bound the search for an element to close implicitly.
  static let scopeBoundaries: Set<String> = [
    "#root", "html", "body", "table", "td", "th", "caption", "button", "object", "marquee", "applet",
    "template",
  ]
  /// Headings.
  static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

  /// What the tree builder needs to know of a tag, as bits, so the open-element stack can be
  /// searched without hashing or comparing tag names.
  struct Flags: OptionSet {
    let rawValue: UInt32
    static let li = Flags(rawValue: 1 << 0)
    static let dtdd = Flags(rawValue: 1 << 1)
    static let tdth = Flags(rawValue: 1 << 2)
    static let tr = Flags(rawValue: 1 << 3)
    static let tableSection = Flags(rawValue: 1 << 4)
    static let option = Flags(rawValue: 1 << 5)
    static let optgroup = Flags(rawValue: 1 << 6)
    static let a = Flags(rawValue: 1 << 7)
    static let heading = Flags(rawValue: 1 << 8)
    static let p = Flags(rawValue: 1 << 9)
    static let list = Flags(rawValue: 1 << 10)
    static let dl = Flags(rawValue: 1 << 11)
    static let table = Flags(rawValue: 1 << 12)
    static let scopeBoundary = Flags(rawValue: 1 << 13)
    static let closesParagraph = Flags(rawValue: 1 << 14)
    static let void = Flags(rawValue: 1 << 15)
    static let raw = Flags(rawValue: 1 << 16)
    /// `HTMLPage.droppedTags`: elements whose content is never text of the page.
    static let dropped = Flags(rawValue: 1 << 17)
    /// `blockquote` and `q`.
    static let quote = Flags(rawValue: 1 << 18)
    /// `HTMLPage.blockTags`: elements whose end starts a new block.
    static let block = Flags(rawValue: 1 << 19)
  }

  /// `flags[name] ?? []`, found for ASCII names of up to eight bytes by their packed bytes and
  /// length in a small open-addressed table (no string hashing); other names use the dictionary.
  static func flags(of name: String) -> Flags {
    var key: UInt64 = 0
    var length = 0
    for b in name.utf8 {
      guard length < 8, b < 0x80 else { return flags[name] ?? [] }
      key |= UInt64(b) << (8 * UInt64(length))
      length += 1
    }
    return flags(packed: key, length: length)
  }

  /// The flags of the ASCII name of `length` (0...8) bytes packed in `key`, first byte lowest.
  static func flags(packed key: UInt64, length: Int) -> Flags {
    let table = flagTable
    var p = flagSlot(key)
    while true {
      let e = table[p]
      if e.length == 0 { return [] }
      if e.key == key, e.length == length { return e.flags }
      p = (p + 1) & (flagSlots - 1)
    }
  }

  /// The size of `flagTable`, a power of two well above the number of short names.
  static let flagSlots = 256

  /// The first slot to probe for a packed name.
  static func flagSlot(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56) & (flagSlots - 1)
  }

  /// The ASCII names of up to eight bytes in `flags`, packed (first byte lowest) with their length
  /// (0 marks an empty slot) and flags.
  static let flagTable: [(key: UInt64, length: Int, flags: Flags)] = {
    var table = [(key: UInt64, length: Int, flags: Flags)](repeating: (0, 0, []), count: flagSlots)
    for (name, f) in flags.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) })
    where !name.isEmpty && name.utf8.count <= 8 && name.utf8.allSatisfy({ $0 < 0x80 }) {
      var key: UInt64 = 0
      for (k, b) in name.utf8.enumerated() { key |= UInt64(b) << (8 * UInt64(k)) }
      var p = flagSlot(key)
      while table[p].length != 0 { p = (p + 1) & (flagSlots - 1) }
      table[p] = (key, name.utf8.count, f)
    }
    return table
  }()

  /// The flags of every tag that has any; other tags have none.
  static let flags: [String: Flags] = {
    var out: [String: Flags] = [:]
    func add(_ names: [String], _ f: Flags) {
      for n in names { out[n, default: []].insert(f) }
    }
    add(["li"], .li)
    add(["dt", "dd"], .dtdd)
    add(["td", "th"], .tdth)
    add(["tr"], .tr)
    add(["tbody", "thead", "tfoot"], .tableSection)
    add(["option"], .option)
    add(["optgroup"], .optgroup)
    add(["a"], .a)
    add(Array(headings), .heading)
    add(["p"], .p)
    add(["ul", "ol", "menu"], .list)
    add(["dl"], .dl)
    add(["table"], .table)
    add(Array(scopeBoundaries), .scopeBoundary)
    add(Array(closesParagraph), .closesParagraph)
    add(Array(void), .void)
    add(Array(HTMLTokenizer.rawTextElements), .raw)
    add(Array(HTMLPage.droppedTags), .dropped)
    add(["blockquote", "q"], .quote)
    add(Array(HTMLPage.blockTags), .block)
    return out
  }()
}

/// The mutable state of one parse.
private struct TreeBuilder {
  /// Nodes created so far.
  var nodes: [HTMLDocument.Node] = [HTMLDocument.Node(kind: .element, tag: "#root", parent: -1, range: 0..<0, attributes: [])]
  /// Open elements: node indices, root first.
  var stack: [Int] = [0]
  /// The `HTMLElements.flags` of each open element, parallel to `stack`.
  var stackFlags: [HTMLElements.Flags] = [HTMLElements.flags["#root"] ?? []]
  /// Start tags ignored because the stack was full, not yet closed.
  var overflow = 0
  /// The raw-text element whose content comes next.
  var rawParent: Int?
  /// The stack limit.
  let maxDepth: Int

  init(maxDepth: Int) {
    self.maxDepth = max(2, maxDepth)
  }

  mutating func handle(_ token: HTMLTokenizer.Token) {
    switch token {
    case .text(let range):
      rawParent = nil
      appendText(range, kind: .text, parent: stack[stack.count - 1])
    case .rawText(let range, let escapable):
      let parent = rawParent ?? stack[stack.count - 1]
      rawParent = nil
      appendText(range, kind: escapable ? .text : .rawText, parent: parent)
    case .startTag(let name, let attributes, let range, let flags):
      rawParent = nil
      startTag(name, attributes, range, flags: flags)
    case .endTag(let name, _, let flags):
      rawParent = nil
      endTag(name, flags: flags)
    }
  }

  mutating func appendText(_ range: Range<Int>, kind: HTMLDocument.Kind, parent: Int) {
    // The last node's fields are read in place (`nodes.last` copied the node, its tag and attributes
    // retained).
    let last = nodes.count - 1
    if last >= 0, nodes[last].kind == kind, nodes[last].parent == parent, nodes[last].range.upperBound == range.lowerBound {
      nodes[last].range = nodes[last].range.lowerBound..<range.upperBound
      return
    }
    nodes.append(HTMLDocument.Node(kind: kind, tag: "", parent: parent, range: range, attributes: []))
  }

  /// Opens element `name`; `flags` is `HTMLElements.flags(of: name)`.
  mutating func startTag(_ name: String, _ attributes: [HTMLAttribute], _ range: Range<Int>, flags: HTMLElements.Flags) {
    if overflow == 0 { closeImplied(by: flags) }
    let isRaw = flags.contains(.raw)
    let isVoid = flags.contains(.void)
    if overflow > 0 || stack.count >= maxDepth {
      // Too deep: the element is flat. Raw-text elements still get a node so their content stays raw.
      if isRaw {
        nodes.append(HTMLDocument.Node(kind: .element, tag: name, parent: stack[stack.count - 1], range: range, attributes: attributes, flags: flags))
        rawParent = nodes.count - 1
      } else if !isVoid {
        overflow += 1
      }
      return
    }
    nodes.append(HTMLDocument.Node(kind: .element, tag: name, parent: stack[stack.count - 1], range: range, attributes: attributes, flags: flags))
    if isRaw {
      rawParent = nodes.count - 1
    } else if !isVoid {
      stack.append(nodes.count - 1)
      stackFlags.append(flags)
    }
  }

  /// Closes element `name`; `flags` is `HTMLElements.flags(of: name)`.
  mutating func endTag(_ name: String, flags: HTMLElements.Flags) {
    if overflow > 0 {
      overflow -= 1
      return
    }
    // "br" is void and "html" and "body" are scope boundaries, so other names skip these comparisons.
    if flags.contains(.void), name == "br" {
      startTag("br", [], 0..<0, flags: flags)
      return
    }
    if !flags.isDisjoint(with: [.raw, .void]) || flags.contains(.scopeBoundary) && (name == "html" || name == "body") {
      return
    }
    let isHeading = flags.contains(.heading)
    var k = stack.count - 1
    while k > 0 {
      if (isHeading && stackFlags[k].contains(.heading)) || nodes[stack[k]].tag == name {
        pop(to: k)
        return
      }
      k -= 1
    }
    // A stray end tag is ignored.
  }

  /// Pops the open elements from index `k` of the stack up.
  mutating func pop(to k: Int) {
    // Usually one element; single `removeLast()` calls cost less than the general `removeLast(_:)`.
    while stack.count > k {
      stack.removeLast()
      stackFlags.removeLast()
    }
  }

  /// Closes elements that a start tag with `flags` ends implicitly.
  mutating func closeImplied(by flags: HTMLElements.Flags) {
    if flags.contains(.li) {
      close(.li, boundaries: .list)
    } else if flags.contains(.dtdd) {
      close(.dtdd, boundaries: .dl)
    } else if flags.contains(.tdth) {
      close(.tdth, boundaries: [.tr, .table])
    } else if flags.contains(.tr) {
      close(.tr, boundaries: [.table, .tableSection])
    } else if flags.contains(.tableSection) {
      close(.tableSection, boundaries: .table)
    } else if flags.contains(.option) {
      if stackFlags[stackFlags.count - 1].contains(.option) { pop(to: stack.count - 1) }
    } else if flags.contains(.optgroup) {
      if stackFlags[stackFlags.count - 1].contains(.option) { pop(to: stack.count - 1) }
      if stackFlags[stackFlags.count - 1].contains(.optgroup) { pop(to: stack.count - 1) }
    } else if flags.contains(.a) {
      close(.a, boundaries: [])
    } else if flags.contains(.heading) {
      if stackFlags[stackFlags.count - 1].contains(.heading) { pop(to: stack.count - 1) }
    }
    if flags.contains(.closesParagraph) { close(.p, boundaries: []) }
  }

  /// Pops up to and including the innermost open element in `targets`, unless a boundary comes first.
  mutating func close(_ targets: HTMLElements.Flags, boundaries: HTMLElements.Flags) {
    let stops = boundaries.union(.scopeBoundary)
    var k = stack.count - 1
    while k > 0 {
      let f = stackFlags[k]
      if !f.isDisjoint(with: targets) {
        pop(to: k)
        return
      }
      if !f.isDisjoint(with: stops) { return }
      k -= 1
    }
  }
}
