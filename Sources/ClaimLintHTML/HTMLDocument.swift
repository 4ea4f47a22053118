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

    /// The value of attribute `name`, if present.
    func attribute(_ name: String) -> String? {
      for a in attributes where a.name == name { return a.value }
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
}

/// The mutable state of one parse.
private struct TreeBuilder {
  /// Nodes created so far.
  var nodes: [HTMLDocument.Node] = [HTMLDocument.Node(kind: .element, tag: "#root", parent: -1, range: 0..<0, attributes: [])]
  /// Open elements: node indices, root first.
  var stack: [Int] = [0]
  /// Start tags ignored because the stack was full, not yet closed.
  var overflow = 0
  /// The raw-text element whose content comes next.
  var rawParent: Int?
  /// The stack limit.
  let maxDepth: Int

  init(maxDepth: Int) {
    self.maxDepth = max(2, maxDepth)
  }

  /// The tag of the current node.
  var currentTag: String { nodes[stack[stack.count - 1]].tag }

  mutating func handle(_ token: HTMLTokenizer.Token) {
    switch token {
    case .text(let range):
      rawParent = nil
      appendText(range, kind: .text, parent: stack[stack.count - 1])
    case .rawText(let range, let escapable):
      let parent = rawParent ?? stack[stack.count - 1]
      rawParent = nil
      appendText(range, kind: escapable ? .text : .rawText, parent: parent)
    case .startTag(let name, let attributes, let range):
      rawParent = nil
      startTag(name, attributes, range)
    case .endTag(let name, _):
      rawParent = nil
      endTag(name)
    }
  }

  mutating func appendText(_ range: Range<Int>, kind: HTMLDocument.Kind, parent: Int) {
    if let last = nodes.last, last.kind == kind, last.parent == parent, last.range.upperBound == range.lowerBound {
      nodes[nodes.count - 1].range = last.range.lowerBound..<range.upperBound
      return
    }
    nodes.append(HTMLDocument.Node(kind: kind, tag: "", parent: parent, range: range, attributes: []))
  }

  mutating func startTag(_ name: String, _ attributes: [HTMLAttribute], _ range: Range<Int>) {
    if overflow == 0 { closeImplied(by: name) }
    let isRaw = HTMLTokenizer.rawTextElements.contains(name)
    let isVoid = HTMLElements.void.contains(name)
    if overflow > 0 || stack.count >= maxDepth {
      // Too deep: the element is flat. Raw-text elements still get a node so their content stays raw.
      if isRaw {
        nodes.append(HTMLDocument.Node(kind: .element, tag: name, parent: stack[stack.count - 1], range: range, attributes: attributes))
        rawParent = nodes.count - 1
      } else if !isVoid {
        overflow += 1
      }
      return
    }
    nodes.append(HTMLDocument.Node(kind: .element, tag: name, parent: stack[stack.count - 1], range: range, attributes: attributes))
    if isRaw {
      rawParent = nodes.count - 1
    } else if !isVoid {
      stack.append(nodes.count - 1)
    }
  }

  mutating func endTag(_ name: String) {
    if overflow > 0 {
      overflow -= 1
      return
    }
    if name == "br" {
      startTag("br", [], 0..<0)
      return
    }
    if HTMLTokenizer.rawTextElements.contains(name) || name == "html" || name == "body" || HTMLElements.void.contains(name) {
      return
    }
    var k = stack.count - 1
    while k > 0 {
      let tag = nodes[stack[k]].tag
      if tag == name || (HTMLElements.headings.contains(name) && HTMLElements.headings.contains(tag)) {
        stack.removeLast(stack.count - k)
        return
      }
      k -= 1
    }
    // A stray end tag is ignored.
  }

  /// Closes elements that a start tag `name` ends implicitly.
  mutating func closeImplied(by name: String) {
    switch name {
    case "li":
      close(["li"], boundaries: ["ul", "ol", "menu"])
    case "dt", "dd":
      close(["dt", "dd"], boundaries: ["dl"])
    case "td", "th":
      close(["td", "th"], boundaries: ["tr", "table"])
    case "tr":
      close(["tr"], boundaries: ["table", "tbody", "thead", "tfoot"])
    case "tbody", "thead", "tfoot":
      close(["tbody", "thead", "tfoot"], boundaries: ["table"])
    case "option":
      if currentTag == "option" { stack.removeLast() }
    case "optgroup":
      if currentTag == "option" { stack.removeLast() }
      if currentTag == "optgroup" { stack.removeLast() }
    case "a":
      close(["a"], boundaries: [])
    case "h1", "h2", "h3", "h4", "h5", "h6":
      if HTMLElements.headings.contains(currentTag) { stack.removeLast() }
    default:
      break
    }
    if HTMLElements.closesParagraph.contains(name) { close(["p"], boundaries: []) }
  }

  /// Pops up to and including the innermost open element in `targets`, unless a boundary comes first.
  mutating func close(_ targets: Set<String>, boundaries: Set<String>) {
    var k = stack.count - 1
    while k > 0 {
      let tag = nodes[stack[k]].tag
      if targets.contains(tag) {
        stack.removeLast(stack.count - k)
        return
      }
      if boundaries.contains(tag) || HTMLElements.scopeBoundaries.contains(tag) { return }
      k -= 1
    }
  }
}
