import ClaimLintCore
import Testing

@testable import ClaimLintHTML

/// The byte-level class splitting, class-name tokens and style test give what the `Character`- and
/// scalar-based computations they replaced give.
@Suite struct HTMLClassifierBytesTests {
  /// Class and style values of real pages, with separators, case changes, digits, non-ASCII names,
  /// combining marks after a separator, and carriage returns ("\r\n" is one `Character`).
  static let values: [String] = [
    "", " ", "post", "post-content entry-content", "  flex  items-center\tjustify-between\npx-4 ",
    "commentList singleComment", "c-article__body js-track", "a\r\nb", "a\rb c", "a \u{0301}b c",
    "Kommentar-Bereich Straße", "über-uns   FOOTER_nav", "wp-block-group has-2-columns",
    "articleBody.Text:main", "x\u{00E9}Y\u{00C9}z ABCdefGHI", "\u{212A}elvin Kelvin", "tag-elections category-X",
    "display: none", "DISPLAY:NONE;color:red", "visibility : hidden", "display:\u{00A0}none", "visibility:hid den",
    "display:block; visibility:visible", "displ ay:no ne", "margin:0;display:nonE", "dísplay:none",
    "display:none\u{0301}", "d\r\nisplay:none", "visibility:hidde", "display:",
  ]

  /// The split of a `class` value at space, tab and newline, as `String`s (the code it replaced).
  static func characterSplit(_ value: String) -> [String] {
    value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
  }

  /// The tokens of a class name by scalars (the code `tokens(of:)` replaced).
  static func scalarTokens(_ name: String) -> [String] {
    var result: [String] = []
    var current = ""
    var previousLower = false
    for ch in name.unicodeScalars {
      if ch == "-" || ch == "_" || ch == ":" || ch == "." || (ch.value >= 48 && ch.value <= 57) {
        if !current.isEmpty { result.append(current) }
        current = ""
        previousLower = false
        continue
      }
      let isUpper = ch.value >= 65 && ch.value <= 90
      if isUpper, previousLower, !current.isEmpty {
        result.append(current)
        current = ""
      }
      current.unicodeScalars.append(isUpper ? Unicode.Scalar(ch.value + 32) ?? ch : ch)
      previousLower = !isUpper
    }
    if !current.isEmpty { result.append(current) }
    return result
  }

  /// The style test by `String` operations (the code `styleHides` replaced).
  static func stringStyleHides(_ value: String) -> Bool {
    let s = value.lowercased().filter { $0 != " " }
    return s.contains("display:none") || s.contains("visibility:hidden")
  }

  @Test func classNamesMatchCharacterSplit() {
    for value in Self.values {
      #expect(HTMLClassifier.classNames(value) == Self.characterSplit(value), "\(value.debugDescription)")
    }
    // The cases where bytes and characters differ take the character split.
    #expect(HTMLClassifier.classNames("a\r\nb") == ["a\r\nb"])
    #expect(HTMLClassifier.classNames("a \u{0301}b c") == ["a \u{0301}b", "c"])
    #expect(HTMLClassifier.classNames(" flex\titems-center ") == ["flex", "items-center"])
  }

  @Test func tokensMatchScalarWalk() {
    for value in Self.values {
      for name in Self.characterSplit(value) + [value] {
        #expect(HTMLClassifier.tokens(of: name) == Self.scalarTokens(name), "\(name.debugDescription)")
      }
    }
    #expect(HTMLClassifier.tokens(of: "commentAuthorName2x") == ["comment", "author", "name", "x"])
  }

  /// `isEmpty` is equality with the empty marks, each field set alone making marks non-empty.
  @Test func emptyMarksByFields() {
    #expect(HTMLClassMarks().isEmpty)
    var variants: [HTMLClassMarks] = []
    for k in 0..<9 {
      var m = HTMLClassMarks()
      switch k {
      case 0: m.content = ""
      case 1: m.boilerplate = "x"
      case 2: m.comment = "x"
      case 3: m.commentForm = "x"
      case 4: m.related = "x"
      case 5: m.byline = "x"
      case 6: m.commentAuthor = true
      case 7: m.commentItem = true
      default: m.weight = -25
      }
      variants.append(m)
    }
    var classifier = HTMLClassifier(markers: HTMLMarkers())
    for value in Self.values { variants.append(classifier.marks(class: value, isID: false)) }
    for m in variants { #expect(m.isEmpty == (m == HTMLClassMarks()), "\(m)") }
    #expect(variants.contains(where: { $0.isEmpty }))
  }

  @Test func styleHidesMatchesStringOperations() {
    var hiding = 0
    for value in Self.values {
      let expected = Self.stringStyleHides(value)
      if expected { hiding += 1 }
      #expect(HTMLPage.styleHides(value) == expected, "\(value.debugDescription)")
    }
    // Both outcomes are exercised.
    #expect(hiding >= 4)
    #expect(hiding < Self.values.count)
    #expect(HTMLPage.styleHides("Display : None"))
    #expect(!HTMLPage.styleHides("display:block"))
  }
}

/// The raw-text end found by jumping between `<` bytes is the one a byte-by-byte scan finds.
@Suite struct HTMLRawEndTests {
  /// The scan `findRawEnd` replaced.
  static func byteScan(_ bytes: [UInt8], _ name: String, from: Int) -> Int {
    let n = bytes.count
    let nameBytes = Array(name.utf8)
    var i = from
    while i + 1 < n {
      if bytes[i] == 0x3C, bytes[i + 1] == 0x2F {
        var k = 0
        while k < nameBytes.count, i + 2 + k < n, bytes[i + 2 + k] | 0x20 == nameBytes[k] { k += 1 }
        if k == nameBytes.count {
          let after = i + 2 + k
          if after >= n || isSpace(bytes[after]) || bytes[after] == 0x3E || bytes[after] == 0x2F { return i }
        }
      }
      i += 1
    }
    return n
  }

  @Test func rawEndMatchesByteScan() {
    let pages = [
      "var a = 1 < 2; if (x</y) {} </scriptx> </SCRIPT >tail", "a</script", "</script>", "<", "", "x<",
      "if (a<b && c</d) { s = '</sty' + 'le>'; } </style>", "no end at all, long enough to pass eight bytes",
      String(repeating: "x<y ", count: 9) + "</script/>", "\u{00E9}</script\t>", "</scrip</script>",
    ]
    var found = 0
    for page in pages {
      let bytes = Array(page.utf8)
      let tokenizer = HTMLTokenizer(bytes: bytes)
      for name in ["script", "style"] {
        for from in 0...bytes.count {
          let expected = Self.byteScan(bytes, name, from: from)
          if expected < bytes.count { found += 1 }
          #expect(tokenizer.findRawEnd(name, from: from) == expected, "\(page.debugDescription) \(name) from \(from)")
        }
      }
    }
    #expect(found > 0)
  }
}
