@testable import ClaimLintExtraction
import Testing

/// The number parser's shortcuts give what the code they replaced gives.
@Suite struct NumberParserShortcutTests {
  /// `exactValue` is `Double(intPart + "." + frac)` whenever it answers, and answers for every run of
  /// at most 15 digits.
  @Test func exactValueIsTheParsedString() {
    var cases: [(String, String)] = [
      ("0", "08"), ("2", "7"), ("4", "800"), ("12400", ""), ("1", "1"), ("0", "1"), ("0", "3"), ("9", "95"),
      ("999999999999999", ""), ("99999999999999", "9"), ("1", "00000000000001"), ("0123", ""), ("1540", "000000000002"),
      ("1234567890123456", ""), ("1", "234567890123456"), ("0", ""),
    ]
    // Digits of every length up to 16, from a fixed linear congruential sequence.
    var x: UInt64 = 0x9E37_79B9_7F4A_7C15
    func digits(_ n: Int) -> String {
      var s = ""
      for _ in 0..<n {
        x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        s.append(Character(Unicode.Scalar(UInt8(0x30 + (x >> 33) % 10))))
      }
      return s
    }
    for _ in 0..<2000 {
      x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let total = Int((x >> 40) % 17)
      let fracCount = total == 0 ? 0 : Int((x >> 20) % UInt64(total))
      cases.append((digits(max(1, total - fracCount)), digits(fracCount)))
    }
    for (intPart, frac) in cases {
      let parsed = Double(frac.isEmpty ? intPart : intPart + "." + frac)
      if let v = NumberParser.exactValue(intPart, frac) {
        #expect(v == parsed, "\(intPart).\(frac)")
      } else {
        #expect(intPart.utf8.count + frac.utf8.count > 15, "\(intPart).\(frac)")
      }
    }
  }

  /// `digitsValue`, reading a literal's digit tokens in place, gives the digit count and value that
  /// joining their strings gives (`exactValue`, else the string parse): comma and space groups, a
  /// decimal part, ".08", more than 15 digits, and digit tokens that are not ASCII digits.
  @Test func digitsValueIsTheJoinedStrings() {
    // Tokens whose text is each group; `step` 2 leaves a separator token between groups.
    func check(_ groups: [String], step: Int, frac: String?, leadingPoint: Bool = false) {
      var tokens: [Token] = []
      func add(_ text: String) {
        tokens.append(
          Token(kind: .digits, start: 0, end: text.utf8.count, spaceBefore: 0, singleSpaceBefore: false, lower: text,
            lowerHash: 0, isCapitalized: false))
      }
      for (n, g) in groups.enumerated() {
        if n > 0, step == 2 { add(",") }
        add(g)
      }
      let end = tokens.count
      var fracAt = -1
      if let frac {
        add(".")
        fracAt = tokens.count
        add(frac)
      }
      let intPart = leadingPoint ? "0" : groups.joined()
      let f = frac ?? ""
      let expected = NumberParser.exactValue(intPart, f) ?? Double(f.isEmpty ? intPart : intPart + "." + f)
      let got = tokens.withUnsafeBufferPointer {
        NumberParser.digitsValue($0, intFirst: leadingPoint ? -1 : 0, step: step, end: end, fracAt: fracAt)
      }
      #expect(got.intDigits == intPart.utf8.count, "\(groups) \(f)")
      #expect(got.value == expected, "\(groups) \(f)")
    }
    check(["12"], step: 1, frac: nil)
    check(["12"], step: 2, frac: "4")
    check(["1", "234", "567"], step: 2, frac: "89")
    check(["12", "400"], step: 1, frac: nil)
    check(["1", "414", "021", "100"], step: 1, frac: nil)
    check([], step: 1, frac: "08", leadingPoint: true)
    check(["999", "999", "999", "999", "999"], step: 2, frac: nil)
    check(["999", "999", "999", "999", "999", "999"], step: 2, frac: nil)
    check(["1", "234", "567", "890"], step: 2, frac: "1234567")
    check(["0123"], step: 1, frac: "50")
    check(["\u{0661}\u{0662}"], step: 1, frac: nil)
    check(["12"], step: 1, frac: "\u{0663}")
    check(["12x"], step: 1, frac: nil)
  }

  /// `parse` answers at every token what the plain reading answers: digits go straight to the
  /// compound reader, and a symbol other than the point of ".08" that is no number word starts none.
  @Test func shortcutsByTokenKindAgreeWithThePlainReading() throws {
    let lexicons = try ExtractionFixture.lexicons()
    let parser = NumberParser(lexicons: lexicons)
    let sentences = [
      "Police arrested 40 people on Monday. A further .08 percent, or .5 of them, were freed.",
      "Rates rose to 4.5% (up .25 points) and $3.2bn, £40m and 12,400 - 13,000 units were sold.",
      "About 1,234,567.89 dollars, 12 400 euros, 1.2.3 and 192.168.1.2 were listed; 16th and 180ml too.",
      "Half a million, a quarter of a million, forty-two and four point two billion people.",
      "The end.3 cases, .", ".7 of a point, and 5 hundred and 2 thousand.", "Some 300 - 400 people, e.g. 2-1.",
    ]
    var dots = 0
    for sentence in sentences {
      var tokens = Tokenizer.tokenize(Array(sentence.utf8))
      lexicons.mark(&tokens)
      for i in tokens.indices {
        if tokens[i].isByte(0x2E) { dots += 1 }
        for stop in [tokens.count, min(tokens.count, i + 2)] {
          let fast = parser.parse(tokens, at: i, stop: stop)
          let plain = parser.parseWithoutShortcuts(tokens, at: i, stop: stop)
          #expect("\(fast)" == "\(plain)", "\(sentence) at \(i) (\(tokens[i].lower)), stop \(stop)")
        }
      }
    }
    #expect(dots > 10)
    // The point of ".08" starts a number; a full stop does not.
    var tokens = Tokenizer.tokenize(Array("A rate of .08 percent.".utf8))
    lexicons.mark(&tokens)
    guard case .number(let n) = parser.parse(tokens, at: 3, stop: tokens.count) else {
      Issue.record("no number at \".08\"")
      return
    }
    #expect(n.value == 0.08)
    guard case .none = parser.parse(tokens, at: tokens.count - 1, stop: tokens.count) else {
      Issue.record("a number at the full stop")
      return
    }
  }

  /// The figures of sentences with number words, "a", "an" and words that start no number, read by
  /// `QuantityExtractor` (whose parser skips words that are no number word).
  @Test func wordsThatAreNoNumberStartNone() throws {
    let extractor = QuantityExtractor(lexicons: try ExtractionFixture.lexicons())
    let cases: [(String, [Double?])] = [
      ("About the same number of people came, some forty-two of them.", [42]),
      ("A hundred people and a quarter of a million dollars.", [100, 250_000]),
      ("Half a million were displaced and an estimated two thousand arrested.", [500_000, 2000]),
      ("Over the weekend, police arrested more than 300.", [300]),
    ]
    for (sentence, values) in cases {
      let found = extractor.extract(from: sentence).map(\.quantity.value)
      #expect(found == values, "\(sentence)")
    }
  }
}
