@testable import ClaimLintExtraction
import Testing

/// The extractor calls `figure` only where a number may start within a figure's reach: everywhere
/// else `figure` finds nothing.
@Suite struct QuantityFigureGateTests {
  @Test func figureFindsNothingWhereTheGateIsShut() throws {
    let lexicons = try ExtractionFixture.lexicons()
    let extractor = QuantityExtractor(lexicons: lexicons)
    let sentences = [
      "Police rescued over 8,600 suspects in joint operations, a minister said.",
      "784 shell companies had passed through checkpoints over the past 10 weeks, and 30 tax returns were under review.",
      "About 1,234,567.89 dollars, 12 400 euros, 1.2.3 and 192.168.1.2 were listed; 16th and 180ml too.",
      "Half a million, a quarter of a million, forty-two and four point two billion people.",
      "Between $20 billion and $40 billion, from 200 to 300, up to 5, no fewer than a dozen, dozens of them.",
      "More than US$ 5 million, in excess of £3m, an estimated 10 billion yuan, a total of .08 percent.",
      "The end.3 cases, .", "Some 300 - 400 people, e.g. 2-1.", "A hundred and a half, an eighth of a mile, at least one.",
      "No more than a few, not less than seven, close to a hundred, just under two thousand.",
      "Over the weekend a man was held in a raid, not far from the border.",
      "They paid in excess of NZD $ a hundred, in excess of HK$ a million and a total of US$ a dozen.",
    ]
    var found = 0
    var shut = 0
    for sentence in sentences {
      var tokens = Tokenizer.tokenize(Array(sentence.utf8))
      lexicons.mark(&tokens)
      for i in tokens.indices {
        for stop in Set([tokens.count, min(tokens.count, i + 1), min(tokens.count, i + 2), min(tokens.count, i + 4)]) {
          let r = extractor.figureAndGate(tokens, at: i, stop: stop)
          if r.found { found += 1 }
          if !r.gate { shut += 1 }
          #expect(r.gate || !r.found, "\(sentence) at \(i) (\(tokens[i].lower)), stop \(stop)")
        }
      }
    }
    // Both cases occur.
    #expect(found > 40)
    #expect(shut > 100)
  }

  /// A figure whose number lies at the far end of the reach (a qualifier of three words, a currency
  /// of two tokens, "a" before the number word) is still read.
  @Test func figureAtTheEndOfTheReach() throws {
    let extractor = QuantityExtractor(lexicons: try ExtractionFixture.lexicons())
    let figures = extractor.extract(from: "They paid in excess of NZD $ a hundred and not less than a hundred euros.")
    #expect(figures.map(\.quantity.value) == [100, 100])
    #expect(figures.first?.quantity.qualifier == "in excess of")
  }
}
