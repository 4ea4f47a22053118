import ClaimLintCore

// MARK: - Metadata

extension HTMLPage {
  /// The page metadata the reader reports.
  struct Metadata {
    /// The headline.
    var title: String?
    /// The article author.
    var author: String?
    /// The publication date.
    var date: CalendarDate?
    /// Where the date came from.
    var dateEvidence: String?
  }

  /// Meta keys that carry the publication date, best first.
  static let dateMetaKeys = [
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished", "date",
    "pubdate", "publishdate", "publish-date", "publication_date", "dc.date.issued", "dc.date", "dcterms.created",
    "sailthru.date", "parsely-pub-date", "article.published", "cxenseparse:recs:publishtime",
  ]

  /// Title, author and date from `<meta>`, JSON-LD, `<time>`, `<title>` and the blocks.
  func metadata() -> Metadata {
    let nodes = document.nodes
    var meta: [String: String] = [:]
    var titleText: String?
    var jsonLDDate: String?
    var itempropDate: String?
    var timeInArticle: String?
    for i in 1..<max(1, nodes.count) where nodes[i].kind == .element {
      let node = nodes[i]
      switch node.tag {
      case "meta":
        guard let content = node.attribute("content") else { continue }
        for key in ["property", "name", "itemprop"] {
          if let k = node.attribute(key)?.lowercased(), meta[k] == nil { meta[k] = content }
        }
      case "title":
        if titleText == nil, !dropped[node.parent] || document.nodes[node.parent].tag == "head" {
          let t = elementText(i, limit: 500)
          if !t.isEmpty { titleText = t }
        }
      case "script":
        guard jsonLDDate == nil, node.attribute("type")?.lowercased().contains("ld+json") == true,
          i + 1 < nodes.count, nodes[i + 1].parent == i
        else { continue }
        jsonLDDate = HTMLPage.jsonString(after: "\"datePublished\"", in: bytes, nodes[i + 1].range)
      case "time":
        if timeInArticle == nil, inMain[i], let d = node.attribute("datetime") { timeInArticle = d }
        if itempropDate == nil, node.attribute("itemprop")?.lowercased() == "datepublished",
          let d = node.attribute("datetime") ?? node.attribute("content")
        {
          itempropDate = d
        }
      default:
        if itempropDate == nil, node.attribute("itemprop")?.lowercased() == "datepublished",
          let d = node.attribute("content") ?? node.attribute("datetime")
        {
          itempropDate = d
        }
      }
    }
    var result = Metadata()
    // Date.
    var candidates: [(String, String)] = []
    if let v = meta["article:published_time"] { candidates.append((v, "meta article:published_time")) }
    if let v = jsonLDDate { candidates.append((v, "JSON-LD datePublished")) }
    if let v = itempropDate { candidates.append((v, "itemprop datePublished")) }
    for key in HTMLPage.dateMetaKeys.dropFirst() {
      if let v = meta[key] { candidates.append((v, "meta \(key)")) }
    }
    if let v = timeInArticle { candidates.append((v, "<time datetime> in the article")) }
    for (value, evidence) in candidates {
      if let d = HTMLPage.parseDate(value) {
        result.date = d
        result.dateEvidence = evidence
        break
      }
    }
    // Title.
    let h1 = blocks.first(where: { $0.role == .heading && $0.level == 1 && $0.hint == nil })?.text
    for t in [meta["og:title"], meta["twitter:title"], titleText, h1] {
      if let t, !HTMLText.folded(t).isEmpty {
        result.title = HTMLText.folded(t)
        break
      }
    }
    // Author.
    if let a = meta["author"] ?? meta["article:author"] ?? meta["byl"] ?? meta["parsely-author"],
      !a.hasPrefix("http"), !HTMLText.folded(a).isEmpty
    {
      result.author = cleanAuthor(HTMLText.folded(a))
    } else if let byline = blocks.first(where: { $0.hint == .byline && $0.length <= 80 }) {
      let name = cleanAuthor(byline.text)
      if !name.isEmpty { result.author = name }
    }
    return result
  }

  /// The string value after the first `key` (a quoted JSON key) in `range`, by a plain scan.
  static func jsonString(after key: String, in bytes: [UInt8], _ range: Range<Int>) -> String? {
    let k = Array(key.utf8)
    guard !k.isEmpty, range.count >= k.count else { return nil }
    var i = range.lowerBound
    let end = range.upperBound
    while i + k.count <= end {
      if bytes[i] == k[0], Array(bytes[i..<(i + k.count)]) == k {
        var j = i + k.count
        while j < end, isSpace(bytes[j]) { j += 1 }
        if j < end, bytes[j] == 0x3A {
          j += 1
          while j < end, isSpace(bytes[j]) { j += 1 }
          if j < end, bytes[j] == 0x22 {
            let start = j + 1
            var e = start
            while e < end, bytes[e] != 0x22 { e += 1 }
            return String(decoding: bytes[start..<e], as: UTF8.self)
          }
        }
      }
      i += 1
    }
    return nil
  }

  /// Parses the date part of an ISO 8601 timestamp (`2024-03-05T…`, `2024/03/05`, `20240305`).
  static func parseDate(_ raw: String) -> CalendarDate? {
    let s = HTMLText.folded(raw)
    if let d = CalendarDate(iso: s) { return d }
    let u = Array(s.utf8)
    if u.count >= 10, u[4] == 0x2F || u[4] == 0x2E, u[7] == u[4] {
      var fixed = u
      fixed[4] = 0x2D
      fixed[7] = 0x2D
      if let d = CalendarDate(iso: String(decoding: fixed.prefix(10), as: UTF8.self)) { return d }
    }
    if u.count >= 8, u.prefix(8).allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
      let t = String(decoding: u.prefix(8), as: UTF8.self)
      let iso = "\(t.prefix(4))-\(t.dropFirst(4).prefix(2))-\(t.dropFirst(6).prefix(2))"
      return CalendarDate(iso: iso)
    }
    return nil
  }
}
