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

  /// The extractor's loop jumps over the tokens where the gate stays shut (up to the next blocked
  /// token, or to the last token within reach of the next number): it finds the same figures as the
  /// loop stepping one token at a time, on sentences with far and near numbers, dates, phone numbers
  /// and links (blocked tokens), ranges and qualifiers.
  @Test func jumpingOverShutTokensFindsTheSameFigures() throws {
    let lexicons = try ExtractionFixture.lexicons()
    let extractor = QuantityExtractor(lexicons: lexicons)
    let stepping = QuantityExtractor(lexicons: lexicons, oneByOne: true)
    let sentences = [
      "Police rescued over 8,600 suspects in joint operations, a minister said.",
      "On a quiet day in the hills of the north a man said that about a dozen of the 40 villagers were held.",
      "Call 555-0199 or visit www.example.com/page-12 to report the 300 people missing since March 3, 2024.",
      "The report, which was published in a hurry by an agency from the capital, counted between 300 and 400 victims.",
      "He was 31 in 2019 and paid $5 million; a total of 12 400 euros, .08 percent, and nearly a hundred more.",
      "Over the weekend a man was held in a raid, not far from the border, and no figure was given at all.",
      "More than US$ 5 million was seized from a gang in excess of a year after 2,000 arrests in 12 raids.",
      "A quarter of a million people fled; some 30 suspects and 40 others were detained on 12 June 2023 at 10:30.",
      "One in five adults, 24/7 care, a 10-year-old boy, Boeing 737 crash, COVID-19 cases: 45 dead and 12 injured.",
    ]
    var figures = 0
    for sentence in sentences {
      let jumped = extractor.extract(from: sentence)
      let stepped = stepping.extract(from: sentence)
      #expect(jumped == stepped, "\(sentence)")
      figures += stepped.count
    }
    #expect(figures > 15)
  }

  /// A sentence without a token that may start a number is not read (no blocking, no walk over its
  /// tokens): the extractor finds the same figures as the one stepping one token at a time, which
  /// reads every sentence, on sentences with and without numbers (number words and vague figures
  /// only, a number as the last token, links, dates and brackets without digits).
  @Test func sentencesWithoutANumberStartHoldNoFigure() throws {
    let lexicons = try ExtractionFixture.lexicons()
    let extractor = QuantityExtractor(lexicons: lexicons)
    let stepping = QuantityExtractor(lexicons: lexicons, oneByOne: true)
    let sentences = [
      "Over the weekend a man was held in a raid, not far from the border, a spokesman said.",
      "Visit www.example.com or call the press desk (the office) on Monday in March, officials said.",
      "The minister said on Tuesday that the talks would go on in the capital next week.",
      "Forty people were held.", "Dozens of villagers fled.", "A dozen were held and hundreds fled.",
      "They were held in a raid that freed twelve.", "The tally rose to 12", "Police counted a hundred.",
      "Half a million fled.", "Only one was held, in excess of a few hours.", "It was held on March 3 in a raid.",
      "An estimated forty-two were held.", "Nobody knows how many were held, not even the police.",
    ]
    var figures = 0
    var withoutStart = 0
    for sentence in sentences {
      var tokens = Tokenizer.tokenize(Array(sentence.utf8))
      lexicons.mark(&tokens)
      let gated = extractor.extract(tokens: tokens, bytes: Array(sentence.utf8))
      let stepped = stepping.extract(tokens: tokens, bytes: Array(sentence.utf8))
      #expect(gated == stepped, "\(sentence)")
      figures += stepped.count
      // What the gate reads: no token that may start a number.
      let plainNoStart = !tokens.indices.contains { k in
        tokens[k].kind == .digits || (tokens[k].roles & TokenRoles.figure != 0 && extractor.isNumberStart(tokens[k]))
      }
      if plainNoStart {
        withoutStart += 1
        #expect(stepped.isEmpty, "\(sentence)")
      }
    }
    // Both kinds of sentences occur.
    #expect(figures >= 9)
    #expect(withoutStart >= 3)
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
