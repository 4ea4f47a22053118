import ClaimLintCore

/// Reads an HTML page into blocks with segment hints, plus its title, date and author.
///
/// The page is tokenized and built into a flat tree without recursion; block-level elements become
/// blocks whose `OffsetMap` points into the original bytes. The reader then picks the article body
/// (explicit markup such as `<article>` or `itemprop=articleBody` first, text density otherwise) and
/// gives every block a hint: comment blocks grouped per comment with their author, related links,
/// bylines, and boilerplate with a reason.
public struct HTMLReader: Sendable {
  /// The class/id and phrase lists used to recognise parts of the page.
  public let markers: HTMLMarkers
  /// The class/id classifier built from `markers`, once for every page this reader reads.
  private let classifier: HTMLClassifier

  /// Creates a reader.
  /// - Parameter markers: The word lists; defaults to the built-in ones.
  public init(markers: HTMLMarkers = .default) {
    self.markers = markers
    self.classifier = HTMLClassifier(markers: markers)
  }

  /// Reads one page.
  /// - Parameter source: The page; its bytes are UTF-8.
  /// - Returns: The blocks in document order with hints, and the page metadata.
  public func read(_ source: SourceFile) -> ReadResult {
    let document = HTMLDocument(bytes: source.bytes)
    var page = HTMLPage(document: document, bytes: source.bytes, classifier: classifier)
    page.analyse()
    return page.takeResult()
  }

  /// The character encoding a page declares in `<meta charset>` or `<meta http-equiv="Content-Type">`.
  ///
  /// Only the first 4 KB are examined, as browsers do for their pre-scan.
  /// - Parameter bytes: The raw bytes of the page (any ASCII-compatible encoding).
  /// - Returns: The lowercased charset label ("utf-8", "windows-1252"), or nil when none is declared.
  public static func declaredCharset(in bytes: [UInt8]) -> String? {
    let prefix = Array(bytes.prefix(4096))
    var tokenizer = HTMLTokenizer(bytes: prefix)
    while let token = tokenizer.next() {
      guard case .startTag(let name, let attributes, _, _) = token, name == "meta" else { continue }
      var charset: String?
      var httpEquiv = false
      var content: String?
      for a in attributes {
        switch a.name {
        case "charset": charset = a.value
        case "http-equiv": httpEquiv = a.value.lowercased() == "content-type"
        case "content": content = a.value
        default: break
        }
      }
      if let c = charset {
        let label = HTMLText.folded(c).lowercased()
        if !label.isEmpty { return label }
      }
      if httpEquiv, let c = content?.lowercased(), let r = c.range(of: "charset=") {
        let rest = c[r.upperBound...].drop(while: { $0 == " " || $0 == "\"" || $0 == "'" })
        let label = String(rest.prefix(while: { $0 != ";" && $0 != " " && $0 != "\"" && $0 != "'" }))
        if !label.isEmpty { return label }
      }
    }
    return nil
  }
}
