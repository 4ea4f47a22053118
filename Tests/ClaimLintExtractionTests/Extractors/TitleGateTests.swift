@testable import ClaimLintExtraction
import Testing

/// The shortcuts of the title and attribution extractors (session 11): the test for a role before
/// the title search, the subject found on demand and the joined lower-cased words give what the full
/// computation gives.
@Suite struct TitleGateTests {
  /// Sentences with titles and appositives (in every position and case), sentences whose only
  /// title-like words start no role ("police", "prime", "Vice"), and sentences with none.
  static let sentences: [String] = WordShortcutTests.sentences + [
    "Deputy Foreign Minister Hiro Moreau told reporters after the talks.",
    "Police rescued over 8,600 suspects in joint operations in the Dralomerora district.",
    "The prime suspect fled; Vice said the plant was closed by the executive order.",
    "Ana Ruiz, the foreign minister, said the talks would resume.",
    "Ana Ruiz, acting director-general of the agency, declined to comment.",
    "I think Coach Lynn was right, said club president Luis Ortega.",
    "Chinese Ambassador to Myanmar Ma Jia met U Kyaw Min, the deputy national police chief.",
    "the MINISTER said so.",
    "Lieutenant-General Kyaw Min and Brigadier General Soe Win arrived.",
    "Union Minister for Home Affairs Lieutenant-General Kyaw Min spoke.",
    "Müller, the São Paulo mayor, and Jürgen Klöpp, Bürgermeister, met the Präsident.",
    "“We will not allow these networks to operate,” Hiro Moreau said.",
    "The zandrapraora inquiry found that 784 shell companies had passed through checkpoints, according to a statement released on April 11.",
    "Head coach Marco Bellini said the general mood was good.",
    "Officials said the chief executive officer resigned.",
    // Words that start a longer role only ("police", "prime", "chief", "secretary"), followed by its
    // second word or not, and at the end of the sentence.
    "The police chief met the press, and police rescued the prime suspect.",
    "Police", "They called the police", "Chief Justice Ana Ruiz ruled; the chief said no.",
    "The Secretary of State Hiro Moreau met the secretary of the club.",
    "Prime Minister Ana Ruiz said the vice was a major problem for the attorney.",
    "Police CHIEF Luis Ortega said Chief Financial Officer Ana Ruiz left.",
  ]

  @Test func roleTestKeepsEveryTitle() {
    let titles = PersonTitleExtractor(lexicons: ExtractionFixture.lexiconSet())
    var held = 0
    var notHeld = 0
    for s in Self.sentences {
      let ws = WordScanner.words(s)
      let all = titles.extractAll(from: s, words: ws)
      #expect(titles.extract(from: s, words: ws) == all, "\(s)")
      // The test is false only where there is no title, and is so for some sentences.
      let role = ws.indices.contains { titles.phraseKind(ws, $0) == .role }
      #expect(titles.mayHoldRole(ws) == role, "\(s)")
      if !role { #expect(all.isEmpty, "\(s)") }
      if titles.mayHoldRole(ws) { held += 1 } else { notHeld += 1 }
    }
    #expect(held >= 10)
    #expect(notHeld >= 4)
  }

  /// `WordPhraseTable.joinedEquals` is the comparison of the phrase with the words joined.
  @Test func joinedEqualsComparesWithTheJoinedWords() {
    let lower = WordPhraseTable<Int>(caseSensitive: false)
    let written = WordPhraseTable<Int>(caseSensitive: true)
    let phrases = ["according to", "according", "according to the", "according t", "according  to", "police chief", "Police Chief", "", "chief"]
    var equal = 0
    for s in Self.sentences + ["According to police chief Ana", "according to", "according too the police Chief"] {
      let ws = WordScanner.words(s)
      ws.withUnsafeBufferPointer { b in
        for i in 0..<ws.count {
          for m in 1...min(3, ws.count - i) {
            for p in phrases {
              for (t, cs) in [(lower, false), (written, true)] {
                let joined = (i..<(i + m)).map { cs ? ws[$0].text : ws[$0].lower }.joined(separator: " ")
                #expect(WordPhraseTable<Int>.joinedEquals(p, b, i, m, t.caseSensitive) == (joined == p), "\(s) \(i) \(m) \(p)")
                if joined == p { equal += 1 }
              }
            }
          }
        }
      }
    }
    #expect(equal >= 6)
  }

  /// `AttributionExtractor.endsWithSpaced` is `hasSuffix` with the role after a space.
  @Test func endsWithSpacedIsTheSuffixTest() {
    let titles = [
      "foreign minister", "minister", "deputy foreign minister", "prime minister", "foreign  minister", " minister",
      "foreignminister", "ministre des affaires étrangères", "außen minister", "minister\r\n", "x \r\n", "",
    ]
    let roles = ["minister", "foreign minister", "ministre", "étrangères", "affaires étrangères", "", "\r\n", "\n", "ster"]
    var hits = 0
    for t in titles {
      for r in roles {
        #expect(AttributionExtractor.endsWithSpaced(t, r) == t.hasSuffix(" " + r), "\(t) | \(r)")
        if t.hasSuffix(" " + r) { hits += 1 }
      }
    }
    #expect(hits >= 5)
  }

  @Test func joinedLowerMatchesTheFilteredJoin() {
    for s in Self.sentences + ["the The THE", "A an the", "the", "Ä the Ö a ü"] {
      let ws = WordScanner.words(s)
      for a in 0...ws.count {
        for b in a...min(ws.count, a + 6) {
          let slice = ws[a..<b]
          for skipping in [false, true] {
            let reference = slice.map(\.lower).filter { $0 != "the" && (!skipping || ($0 != "a" && $0 != "an")) }
              .joined(separator: " ")
            #expect(AttributionExtractor.joinedLower(slice, skippingArticles: skipping) == reference, "\(s) \(a) \(b)")
          }
        }
      }
    }
  }

  @Test func subjectIsTheOnePersonTheFirstWordNames() {
    let people = ["Hiro Moreau", "Ana Ruiz", "Ana Ruiz", "Luis Ortega", "Ruiz Ana", "Moreau"]
    for s in ["Ana said so.", "Ruiz said so.", "Hiro said so.", "Moreau said so.", "Luis", "ana said", "", "Ortega, Luis"] {
      let ws = WordScanner.words(s)
      var reference: String? = nil
      if let first = ws.first, first.isCapitalized {
        let named = people.filter { full in
          let parts = full.split(separator: " ")
          return full == first.text || parts.first.map(String.init) == first.text || parts.last.map(String.init) == first.text
        }
        if Set(named).count == 1 { reference = named[0] }
      }
      #expect(AttributionExtractor.subject(ws, people: people) == reference, "\(s)")
    }
  }

  /// The verb of a multi-word phrase is the lexicon entry only when it is spelt as the words joined.
  @Test func verbPhraseEntriesAreTheJoinedWords() {
    let attributions = AttributionExtractor(lexicons: ExtractionFixture.lexiconSet())
    for s in [
      "Prices rose, According TO the ministry.", "It was announced by the court.", "He POINTED OUT that it fell.",
      "Prices rose, according to the ministry, which issued by hand.", "“It fell,” he pointed out.",
    ] {
      let ws = WordScanner.words(s)
      for m in attributions.extract(from: s, words: ws, people: [], previousSpeaker: "Ana Ruiz") where !m.attribution.verb.isEmpty {
        let verb = m.attribution.verb
        #expect(verb.contains(" ") == (verb != "said" && verb != "announced"), "\(s) \(verb)")
        // The verb is made of the sentence's words, lower-cased, joined by spaces.
        let lowered = ws.map(\.lower).joined(separator: " ")
        #expect(lowered.contains(verb), "\(s) \(verb)")
      }
    }
  }
}
