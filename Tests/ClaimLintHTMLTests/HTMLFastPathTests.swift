import ClaimLintCore
import Testing

@testable import ClaimLintHTML

/// The byte-level fast paths of the reader give what the straightforward computations give.
@Suite struct HTMLFastPathTests {
  /// Texts with and without capitals, caseless punctuation, letters beyond ASCII and the special
  /// lowercasings (Kelvin sign, dotted capital I, final sigma).
  static let texts: [String] = [
    "", "related", "Related Articles", "© 2024 Example News", "Comments (12)", "“Quoted” — ‘Text’ …",
    "Price: €5 • 20°C", "ÄRGER über Straße", "\u{212A}elvin", "İstanbul", "ΟΔΟΣ", "By Thida Aung",
    "MIXED case – dash", "\u{00A0}NBSP\u{00A0}", "ª º µ ¿", "Ⅻ roman", "ⁱⁿ ₐ", "x\u{0301}Y",
  ]

  @Test func lowercasedMatchesStandardLibrary() {
    for text in Self.texts {
      let fast = HTMLText.lowercased(text)
      #expect(Array(fast.utf8) == Array(text.lowercased().utf8), "\(text.debugDescription)")
    }
  }

  /// The word-at-a-time search for `<` finds the first one from every start, near and far.
  @Test func textEndMatchesByteLoop() {
    let pages = [
      "plain text without markup at all, long enough for several words",
      "<p>short</p>", "ab<", "<", "", "0123456<89abcdef<", "01234567<9abcdef", "x\u{00E9}\u{2014}y<z",
      String(repeating: "a", count: 37) + "<" + String(repeating: "b", count: 20) + "<<",
    ]
    for page in pages {
      let bytes = Array(page.utf8)
      let tokenizer = HTMLTokenizer(bytes: bytes)
      for from in 0...bytes.count {
        var i = from
        while i < bytes.count, bytes[i] != 0x3C { i += 1 }
        #expect(tokenizer.textEnd(from: from) == i, "\(page.debugDescription) from \(from)")
      }
    }
  }

  /// The mask test of word ends agrees with `isSpace` or `&` for every byte.
  @Test func endsWordMatchesSpaceOrAmpersand() {
    for b in 0...255 {
      let byte = UInt8(b)
      #expect(HTMLText.endsWord(byte) == (isSpace(byte) || byte == 0x26), "\(b)")
    }
  }

  /// Tags carry the flags of their lowercased names, and `.raw` marks exactly the raw-text elements.
  @Test func tokenFlagsMatchNameLookup() {
    var names = Array(HTMLElements.flags.keys).filter { !$0.hasPrefix("#") }
    names += names.map { $0.uppercased() }
    names += ["Div", "SPAN", "custom-el", "x\u{00E9}", "abcdefgh", "abcdefghi", "Sec\u{212A}", "TiTlE", "SCRIPTS"]
    for name in names {
      var tokenizer = HTMLTokenizer(bytes: Array("<\(name) class=x>t</\(name)>".utf8))
      while let token = tokenizer.next() {
        switch token {
        case .startTag(let tag, _, _, let flags), .endTag(let tag, _, let flags):
          #expect(flags == HTMLElements.flags(of: tag), "\(name)")
          #expect(flags.contains(.raw) == HTMLTokenizer.rawTextElements.contains(tag), "\(name)")
        default:
          break
        }
      }
    }
  }

  /// Pages with few and with many distinct class marks get one table entry per distinct marks, in
  /// order of first use, and every element points at its own marks.
  @Test func markTableHoldsDistinctMarksInOrder() {
    let classes = ["comments", "byline", "related", "sidebar", "content", "footer", "nav-menu", "author"]
    for count in [3, HTMLPage.markScanLimit - 1, HTMLPage.markScanLimit, HTMLPage.markScanLimit + 1, 40] {
      var html = "<html><body>"
      for k in 0..<count {
        // Repeats of earlier combinations come back to the same entry.
        let name = classes[k % classes.count] + (k >= classes.count ? " " + classes[(k / classes.count) % classes.count] + "-x\(k)" : "")
        html += "<div class=\"\(name)\">block \(k)</div><p class=\"\(classes[k % classes.count])\">again</p>"
      }
      html += "</body></html>"
      let bytes = Array(html.utf8)
      let reader = HTMLReader()
      var page = HTMLPage(document: HTMLDocument(bytes: bytes), bytes: bytes, classifier: HTMLClassifier(markers: reader.markers))
      page.computeNodeFlags()
      var expected: [HTMLClassMarks] = []
      var fresh = HTMLClassifier(markers: reader.markers)
      for (i, node) in page.document.nodes.enumerated() where node.kind == .element {
        guard let value = node.attribute("class") else { continue }
        let m = fresh.marks(class: value, isID: false)
        guard m != HTMLClassMarks() else {
          #expect(page.markIndex[i] == -1)
          continue
        }
        if !expected.contains(m) { expected.append(m) }
        #expect(page.marks(i) == m, "\(count) \(value)")
        // The summary the passes test says what the marks say.
        let summary: [(HTMLPage.MarkSummary.Bits, Bool)] = [
          (.content, m.content != nil), (.boilerplate, m.boilerplate != nil), (.comment, m.comment != nil),
          (.commentForm, m.commentForm != nil), (.related, m.related != nil), (.byline, m.byline != nil),
          (.commentAuthor, m.commentAuthor), (.commentItem, m.commentItem),
        ]
        for (bit, set) in summary { #expect(page.hasMarks(i, bit) == set, "\(count) \(value) \(bit.rawValue)") }
        #expect(page.markWeight(i) == m.weight)
      }
      #expect(page.markTable == expected, "\(count)")
    }
  }

  /// Attribute lookup by name finds the value whatever the other attributes' lengths.
  @Test func attributeLookupByName() {
    let html = "<div id=a class=\"b c\" role=main itemprop=articleBody style=\"x\" data-y=z>t</div>"
    let document = HTMLDocument(bytes: Array(html.utf8))
    let div = document.nodes.first { $0.tag == "div" }
    #expect(div?.attribute("id") == "a")
    #expect(div?.attribute("class") == "b c")
    #expect(div?.attribute("role") == "main")
    #expect(div?.attribute("itemprop") == "articleBody")
    #expect(div?.attribute("style") == "x")
    #expect(div?.attribute("data-y") == nil)
    #expect(div?.attribute("rel") == nil)
  }
}

/// The word-at-a-time search for word ends agrees with the byte loop.
@Suite struct HTMLWordEndTests {
  @Test func wordEndMatchesByteLoop() {
    let texts = [
      "plain words in a sentence, with commas and more words",
      "LongWordWithoutAnyBlanksAtAllUntilTheVeryEnd", "a&amp;b", "tab\tand\nnewline\u{0C}ff\rcr",
      "quotes \"!#$%'() below and above", "x\u{00E9}\u{2014}y\u{00A0}z", "", "12345678 12345678&",
      "\u{1}\u{2}control", "café au lait & croissant",
    ]
    for text in texts {
      let bytes = Array(text.utf8)
      bytes.withUnsafeBufferPointer { p in
        for from in 0...bytes.count {
          for end in from...bytes.count {
            var j = from
            while j < end, !isSpace(bytes[j]), bytes[j] != 0x26 { j += 1 }
            #expect(HTMLText.wordEnd(p, from: from, end: end) == j, "\(text.debugDescription) \(from) \(end)")
          }
        }
      }
    }
  }
}
