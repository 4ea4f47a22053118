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
