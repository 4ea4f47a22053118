import Testing

@testable import ClaimLintHTML

/// Tag and attribute names read without building strings give what the string-building reading gave.
@Suite struct HTMLTokenizerNameTests {
  /// The name as the tokenizer first made it: every byte ASCII-lowercased, then decoded (repairing).
  static func referenceName(_ bytes: [UInt8]) -> String {
    String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
  }

  static let names: [String] = [
    "p", "DIV", "Article", "h1", "my-widget", "fifteen-chars-x", "sixteen-chars-xy", "a-very-long-custom-element-name-beyond-32",
    "xünïcode", "x\u{00E9}", "CLASS", "Class", "class", "id", "ID", "itemProp", "http-equiv", "aria-hidden", "data-x", "classy",
    "clas", "a\u{212A}", "stylE", "content", "dateTime",
  ]

  /// Tag names (which start with an ASCII letter) come out lowercased as before, short or long,
  /// ASCII or not.
  @Test func tagNamesMatchReference() {
    for name in Self.names {
      let html = "<\(name) class=\"x\">text</\(name)>"
      let bytes = Array(html.utf8)
      let document = HTMLDocument(bytes: bytes)
      let nameBytes = Array(name.utf8.prefix(32))
      let element = document.nodes.first { $0.kind == .element && $0.tag != "#root" }
      #expect(element?.tag == Self.referenceName(nameBytes), "\(name)")
    }
    // A name cut at 32 bytes inside a multi-byte character is repaired as before.
    let cut = String(repeating: "a", count: 31) + "\u{00E9}b"
    let document = HTMLDocument(bytes: Array("<\(cut)>x".utf8))
    #expect(document.nodes.first { $0.kind == .element && $0.tag != "#root" }?.tag == Self.referenceName(Array(cut.utf8.prefix(32))))
  }

  /// The byte test of kept attributes agrees with the set lookup of the lowercased name.
  @Test func keptAttributeTestMatchesSet() {
    var all = Self.names
    all += HTMLTokenizer.keptAttributes.map { $0.uppercased() }
    all += HTMLTokenizer.keptAttributes.map { String($0.dropLast()) }
    all += HTMLTokenizer.keptAttributes.map { $0 + "s" }
    all += Array(HTMLTokenizer.keptAttributes)
    for name in all {
      let bytes = Array(name.utf8)
      let expected = HTMLTokenizer.keptAttributes.contains(Self.referenceName(bytes))
      #expect(HTMLTokenizer.isKeptAttribute(bytes, 0..<bytes.count) == expected, "\(name)")
      let padded = [0x20, 0x41] + bytes + [0x3D]
      #expect(HTMLTokenizer.isKeptAttribute(padded, 2..<(2 + bytes.count)) == expected, "\(name)")
    }
  }

  /// The byte test of raw-text elements agrees with the set lookup.
  @Test func rawTextElementTestMatchesSet() {
    var all = Self.names
    all += HTMLTokenizer.rawTextElements.map { $0.uppercased() }
    all += HTMLTokenizer.rawTextElements.map { String($0.dropLast()) }
    all += HTMLTokenizer.rawTextElements.map { $0 + "x" }
    all += Array(HTMLTokenizer.rawTextElements) + ["", "a", "scripts", "scrip\u{212A}"]
    for name in all {
      #expect(HTMLTokenizer.isRawTextElement(name) == HTMLTokenizer.rawTextElements.contains(name), "\(name)")
    }
    #expect(HTMLTokenizer.rawTextElements.allSatisfy { $0.utf8.count >= 3 && $0.utf8.count <= 9 })
  }

  /// Kept attributes are found whatever their case; others are dropped.
  @Test func attributesKeptAsBefore() {
    let html = "<div CLASS=\"a\" Id=b data-x=\"c\" ItemProp='d' aria-hidden=\"true\" hidden>t</div>"
    let document = HTMLDocument(bytes: Array(html.utf8))
    let div = document.nodes.first { $0.tag == "div" }
    #expect(div?.attributes.map(\.name) == ["class", "id", "itemprop", "hidden"])
    #expect(div?.attributes.map(\.value) == ["a", "b", "d", ""])
  }
}

/// The packed-name lookup of tag flags gives the dictionary's answer.
@Suite struct HTMLElementFlagsTests {
  @Test func packedLookupMatchesDictionary() {
    var names = Array(HTMLElements.flags.keys)
    names += HTMLElements.flags.keys.map { $0 + "x" }
    names += HTMLElements.flags.keys.map { String($0.dropLast()) }
    names += HTMLElements.flags.keys.map { $0.uppercased() }
    names += HTMLElements.flags.keys.map { $0 + "\u{0}" }
    names += ["", "\u{0}", "a\u{0}", "p\u{0}\u{0}", "span", "custom-el", "blockquote", "figcaption", "plaintext", "x\u{00E9}", "\u{212A}"]
    for name in names {
      #expect(HTMLElements.flags(of: name) == (HTMLElements.flags[name] ?? []), "\(name.debugDescription)")
    }
  }
}
