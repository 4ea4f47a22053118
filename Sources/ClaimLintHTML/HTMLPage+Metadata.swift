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

  /// The meta keys `metadata()` reads, lowercased: the date keys, then `titleMetaKeys`, then `authorMetaKeys`.
  static let usedMetaKeys: [[UInt8]] = (dateMetaKeys + titleMetaKeys + authorMetaKeys).map { Array($0.utf8) }
  /// Meta keys that carry the headline, best first.
  static let titleMetaKeys = ["og:title", "twitter:title"]
  /// Meta keys that carry the author, best first.
  static let authorMetaKeys = ["author", "article:author", "byl", "parsely-author"]

  /// The index in `usedMetaKeys` of `key` lowercased, or nil when `metadata()` never reads that key.
  static func usedMetaSlot(_ key: String) -> Int? {
    let count = key.utf8.count
    var ascii = true
    for b in key.utf8 where b >= 0x80 {
      ascii = false
      break
    }
    if !ascii {
      // Rare: non-ASCII text can lowercase to ASCII (the Kelvin sign), so use the full rules.
      let lower = Array(key.lowercased().utf8)
      return usedMetaKeys.firstIndex(of: lower)
    }
    slots: for (slot, k) in usedMetaKeys.enumerated() where k.count == count {
      var j = 0
      for b in key.utf8 {
        let l = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
        if l != k[j] { continue slots }
        j += 1
      }
      return slot
    }
    return nil
  }

  /// Title, author and date from `<meta>`, JSON-LD, `<time>`, `<title>` and the blocks.
  func metadata() -> Metadata {
    let nodes = document.nodes
    // The first content of every meta key that is read below; other keys are never looked at.
    var meta = [String?](repeating: nil, count: HTMLPage.usedMetaKeys.count)
    var titleText: String?
    var jsonLDDate: String?
    var itempropDate: String?
    var timeInArticle: String?
    for i in 1..<max(1, nodes.count) where nodes[i].kind == .element {
      // Only tags whose first byte and length fit "meta", "title", "script" or "time" are compared by
      // name; the rest can only be the default case.
      let u = nodes[i].tag.utf8
      let first = u.first
      let length = u.count
      let named = first == UInt8(ascii: "m") ? length == 4
        : first == UInt8(ascii: "t") ? length == 4 || length == 5
        : first == UInt8(ascii: "s") && length == 6
      // Other tags take the default case without any string comparison.
      switch named ? nodes[i].tag : nil {
      case "meta"?:
        var content: String?
        var haveContent = false
        for key in ["property", "name", "itemprop"] {
          guard let v = nodes[i].attribute(key), let slot = HTMLPage.usedMetaSlot(v), meta[slot] == nil else {
            continue
          }
          if !haveContent {
            content = nodes[i].attribute("content")
            haveContent = true
          }
          guard let content else { break }
          meta[slot] = content
        }
      case "title"?:
        let parent = nodes[i].parent
        if titleText == nil, !dropped[parent] || nodes[parent].tag == "head" {
          let t = elementText(i, limit: 500)
          if !t.isEmpty { titleText = t }
        }
      case "script"?:
        guard jsonLDDate == nil, nodes[i].attribute("type").map(HTMLText.lowercased)?.contains("ld+json") == true,
          i + 1 < nodes.count, nodes[i + 1].parent == i
        else { continue }
        jsonLDDate = HTMLPage.jsonString(after: "\"datePublished\"", in: bytes, nodes[i + 1].range)
      case "time"?:
        if timeInArticle == nil, inMain[i], let d = nodes[i].attribute("datetime") { timeInArticle = d }
        if itempropDate == nil, nodes[i].attribute("itemprop").map(HTMLText.lowercased) == "datepublished",
          let d = nodes[i].attribute("datetime") ?? nodes[i].attribute("content")
        {
          itempropDate = d
        }
      default:
        if itempropDate == nil, !nodes[i].attributes.isEmpty,
          nodes[i].attribute("itemprop").map(HTMLText.lowercased) == "datepublished",
          let d = nodes[i].attribute("content") ?? nodes[i].attribute("datetime")
        {
          itempropDate = d
        }
      }
    }
    let dateCount = HTMLPage.dateMetaKeys.count
    let titleCount = HTMLPage.titleMetaKeys.count
    var result = Metadata()
    // Date.
    var candidates: [(String, String)] = []
    if let v = meta[0] { candidates.append((v, "meta article:published_time")) }
    if let v = jsonLDDate { candidates.append((v, "JSON-LD datePublished")) }
    if let v = itempropDate { candidates.append((v, "itemprop datePublished")) }
    for (slot, key) in HTMLPage.dateMetaKeys.enumerated().dropFirst() {
      if let v = meta[slot] { candidates.append((v, "meta \(key)")) }
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
    let h1 = blocks.indices.first(where: { blocks[$0].role == .heading && blocks[$0].level == 1 && blocks[$0].hint == nil })
      .map { blocks[$0].text }
    for t in [meta[dateCount], meta[dateCount + 1], titleText, h1] {
      if let t {
        let f = HTMLText.folded(t)
        if !f.isEmpty {
          result.title = f
          break
        }
      }
    }
    // Author.
    let a0 = dateCount + titleCount
    if let a = meta[a0] ?? meta[a0 + 1] ?? meta[a0 + 2] ?? meta[a0 + 3],
      !a.hasPrefix("http"), case let f = HTMLText.folded(a), !f.isEmpty
    {
      result.author = cleanAuthor(f)
    } else if let byline = blocks.indices.first(where: { blocks[$0].hint == .byline && shapes[$0].length <= 80 }) {
      let name = cleanAuthor(blocks[byline].text)
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
