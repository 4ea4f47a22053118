import ClaimLintCore
@testable import ClaimLintExtraction
import Testing

@Suite struct HedgeDetectorTests {
  @Test(arguments: [
    ("The alleged ringleader was detained.", ["alleged"]),
    ("The firm allegedly laundered the money.", ["allegedly"]),
    ("The boat reportedly carried 60 people.", ["reportedly"]),
    ("Two suspected smugglers fled.", ["suspected"]),
    ("An estimated 3,000 workers are stranded.", ["estimated"]),
    ("According to the embassy, 40 citizens were freed.", ["According to"]),
    ("The man is believed to be abroad.", ["is believed"]),
    ("The group is said to be behind the attack.", ["said to be"]),
    ("The militia purportedly controls the road.", ["purportedly"]),
    ("The rebels claimed the town on Friday.", ["claimed"]),
    ("Unconfirmed accounts put the toll at 12.", ["Unconfirmed"]),
    ("Police arrested 600 suspects.", ["suspects"]),
    ("Police arrested 600 criminals.", []),
  ])
  func hedgeWords(_ sentence: String, _ expected: [String]) throws {
    let detector = HedgeDetector(lexicons: try ExtractionFixture.lexicons())
    let found = detector.hedges(in: sentence)
    #expect(found.map(\.text) == expected)
    for h in found { #expect(ExtractionFixture.text(sentence, h.range) == h.text) }
  }
}

/// The hedge scan skips the tokens `ExtractionLexicons.mark` marks as starting no hedge, and finds what
/// trying every token the first-word filter lets through finds.
@Suite struct HedgeStartMarkTests {
  static let sentences: [String] = [
    "The alleged ringleader was detained, according to police, who said the men are believed to be abroad.",
    "Unconfirmed reports said 40 suspects were held; officials claimed the toll is believed to be 12.",
    "The firm allegedly laundered $2 million, the group is said to be behind it and purportedly paid 3,000 workers.",
    "Police arrested 600 criminals on Monday and seized 4.5 tonnes of cocaine in Zürich.",
    "According to the embassy, an estimated 3,000 people — reportedly most of them women — fled “the violence”.",
    "Suspected traffickers, suspect vehicles and the suspect's car: ALLEGED, Allegedly, REPORTEDLY.",
    "Il aurait été arrêté à Genève, selon la police; the Café owner was reportedly questioned.",
    "Nothing here hedges anything at all, and the 27 figures are stated as facts in 2024.",
  ] + DateShortcutTests.sentences

  @Test func markedScanFindsWhatTheFilterAloneFinds() throws {
    let lexicons = try ExtractionFixture.lexicons()
    let detector = HedgeDetector(lexicons: lexicons)
    var skipped = 0
    var found = 0
    for sentence in Self.sentences {
      let bytes = Array(sentence.utf8)
      let plain = Tokenizer.tokenize(bytes)
      var marked = plain
      lexicons.mark(&marked)
      // Unmarked tokens carry no `notHedgeStart`: every token the filter lets through is tried.
      #expect(plain.allSatisfy { $0.roles & TokenRoles.notHedgeStart == 0 })
      let expected = detector.hedges(tokens: plain, bytes: bytes)
      let got = detector.hedges(tokens: marked, bytes: bytes)
      #expect(got.map(\.range) == expected.map(\.range), "\(sentence)")
      #expect(got.map(\.text) == expected.map(\.text), "\(sentence)")
      found += got.count
      // A token marked as starting no hedge starts none.
      for i in marked.indices where marked[i].roles & TokenRoles.notHedgeStart != 0 {
        skipped += 1
        #expect(lexicons.hedges.match(marked, at: i) == nil, "\(marked[i].lower) in \(sentence)")
      }
      // A hedge's first word is never marked.
      for i in marked.indices where lexicons.hedges.match(marked, at: i) != nil {
        #expect(marked[i].roles & TokenRoles.notHedgeStart == 0, "\(marked[i].lower) in \(sentence)")
      }
    }
    #expect(found > 15)
    #expect(skipped > 500)
  }

  /// `narrowed` is nil exactly when every hedge bears on the figure, and otherwise the hedges that do,
  /// as `scoped` gives them (`scoped` is `narrowed ?? all`): tried for a figure at every token, with
  /// noun phrases of one and two tokens, on sentences with and without noun hedges.
  @Test func narrowedHedgesAreTheScopedOnesWhenSomeDoNotApply() throws {
    let detector = HedgeDetector(lexicons: try ExtractionFixture.lexicons())
    var narrowedCount = 0
    var wholeCount = 0
    for sentence in Self.sentences + ["Police detained 30 suspects and seized $2 million, police suspect that more fled."] {
      let bytes = Array(sentence.utf8)
      let tokens = Tokenizer.tokenize(bytes)
      let found = detector.hedges(tokens: tokens, bytes: bytes)
      let all = found.map(\.text)
      for i in tokens.indices {
        for nounEnd in [tokens[i].end, tokens[min(i + 1, tokens.count - 1)].end] {
          let scoped = HedgeDetector.scoped(found, all: all, figureStart: tokens[i].start, nounEnd: nounEnd, in: bytes)
          // The hedges that apply, one by one: those the scoped list keeps.
          let narrowed = HedgeDetector.narrowed(found, all: all, figureStart: tokens[i].start, nounEnd: nounEnd, in: bytes)
          if let narrowed {
            #expect(narrowed == scoped, "\(sentence) \(i)")
            #expect(narrowed.count < all.count, "\(sentence) \(i)")
            narrowedCount += 1
          } else {
            #expect(scoped == all, "\(sentence) \(i)")
            if !all.isEmpty { wholeCount += 1 }
          }
        }
      }
    }
    #expect(narrowedCount > 5)
    #expect(wholeCount > 50)
  }
}
