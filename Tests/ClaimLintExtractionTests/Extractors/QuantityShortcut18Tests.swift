@testable import ClaimLintExtraction
import Testing

/// The shortcuts of the eighteenth round in `QuantityExtractor` and `NumberParser` give the answers
/// of the code they stand in for.
@Suite struct QuantityShortcut18Tests {
  /// Sentences with digits followed by what can and cannot go on with them: scales, multipliers,
  /// "and" with and without a fraction, "point", other digits, units, dashes and words.
  static let sentences = [
    "Police have repatriated over 9,800 victims and 422 servers had passed through 45 checkpoints.",
    "About 5 million people, 2 hundred thousand homes and 3 thousand 4 hundred and 21 cars were hit.",
    "Some 5 and a half million dollars, 7 and one quarter billion and 8 and 9 were paid.",
    "Rates rose 4.5% to 12 400 units, 3 point 5 points, 2 dozen eggs and 4 m of cable.",
    "The 16th floor held 180ml, 1.2.3 and 4.5bn; 12-15 people, 300 - 400 more, 7 \u{2013} 9 and 10,000.",
    "Call 555-0199 or (555) 123-4567 for the 24/7 line; 2 a day and 3 an hour, 6 a.m. and 10:30.",
    "In 2024 and 2023, 40 people, 12 of the country's 77 districts and 5 .",
  ]

  /// `parse` answers what the reading without shortcuts answers at every token, with the sentence's
  /// end and a stop right after the token: digits followed by no possible number word go through the
  /// literal alone, the others through the compound reader.
  @Test func digitsWithoutACompoundAgreeWithThePlainReading() throws {
    let lexicons = try ExtractionFixture.lexicons()
    let parser = NumberParser(lexicons: lexicons)
    var digits = 0
    var continued = 0
    for sentence in Self.sentences {
      var tokens = Tokenizer.tokenize(Array(sentence.utf8))
      lexicons.mark(&tokens)
      for i in tokens.indices {
        for stop in [tokens.count, min(tokens.count, i + 1), min(tokens.count, i + 2), min(tokens.count, i + 3)] {
          let fast = parser.parse(tokens, at: i, stop: stop)
          let plain = parser.parseWithoutShortcuts(tokens, at: i, stop: stop)
          #expect("\(fast)" == "\(plain)", "\(sentence) at \(i) (\(tokens[i].lower)), stop \(stop)")
          if tokens[i].kind == .digits, stop == tokens.count, case .number(let n) = fast {
            digits += 1
            if n.end > i + 1, tokens[i + 1].kind == .word { continued += 1 }
          }
        }
      }
    }
    // Both kinds were met: numbers that are the digits alone, and digits that a word goes on with.
    #expect(digits > 30)
    #expect(continued >= 5)
  }

  /// The relative pronouns' hashes are those the tokenizer gives their tokens, and no other word of
  /// the sentences has one of them.
  @Test func relativeHashesAreTheTokensHashes() throws {
    let hashes = QuantityExtractor.relativeHashes
    let tokens = Tokenizer.tokenize(Array("Who which THAT whom thaw".utf8))
    #expect(tokens[0].lowerHash == hashes.0)
    #expect(tokens[1].lowerHash == hashes.1)
    #expect(tokens[2].lowerHash == hashes.2)
    for t in tokens[3...] {
      #expect(t.lowerHash != hashes.0 && t.lowerHash != hashes.1 && t.lowerHash != hashes.2)
    }
    // A relative clause after the noun keeps its verb from the figure ("who were trapped"), with any
    // of the three pronouns; without one, "trapped" right after the noun is the figure's action.
    let extractor = QuantityExtractor(lexicons: try ExtractionFixture.lexicons())
    for pronoun in ["who", "which", "that"] {
      let found = extractor.extract(from: "48 nationals \(pronoun) were trapped in the compound have been repatriated.")
      #expect(found.count == 1 && found.first?.quantity.action == "repatriate", "\(pronoun)")
    }
    let without = extractor.extract(from: "48 nationals trapped in the compound have been repatriated.")
    #expect(without.count == 1 && without.first?.quantity.action != "repatriate")
  }
}
