import ClaimLintCore
@testable import ClaimLintExtraction
import Testing

/// The shortcuts of the attribution, title and event extractors and of the phrase tables give what
/// the string code they replaced gives.
@Suite struct ExtractorShortcutTests {
  /// Words of every kind: ASCII, upper-case, accented, typographic apostrophes, digits.
  static let sentences: [String] = [
    "Foreign Minister Wang Yi said the United States and Myanmar's junta met in Chiang Mai on Monday.",
    "“We didn’t agree,” said Müller, the São Paulo mayor; officials wouldn't say, and I can't either.",
    "according to the Ministry of Foreign Affairs, 3.5% of 1,200 people fled to Hong Kong - New York",
  ]

  @Test func phraseLookupsMatchTheDictionary() {
    var lower = WordPhraseTable<Int>(caseSensitive: false)
    var written = WordPhraseTable<Int>(caseSensitive: true)
    let phrases = ["said", "according to", "foreign minister", "müller", "chiang mai", "Chiang Mai", "Hong Kong", "São Paulo", "New York"]
    for (n, p) in phrases.enumerated() {
      lower.add(p, n)
      written.add(p, n)
    }
    let fastLower = lower.finished()
    let fastWritten = written.finished()
    for s in Self.sentences {
      let ws = WordScanner.words(s)
      for i in 0...ws.count {
        // A table not yet finished answers from its dictionaries, without the filter.
        #expect(fastLower.longest(ws, i)?.count == lower.longest(ws, i)?.count, "\(s) \(i)")
        #expect(fastLower.longest(ws, i)?.value == lower.longest(ws, i)?.value, "\(s) \(i)")
        #expect(fastWritten.longest(ws, i)?.value == written.longest(ws, i)?.value, "\(s) \(i)")
        #expect(fastWritten.longest(ws, i, maxWords: 1)?.count == written.longest(ws, i, maxWords: 1)?.count, "\(s) \(i)")
      }
    }
  }

  /// A finished phrase index (first keys to ranges of one flat list of phrases, read in place) finds
  /// what the unfinished one finds in its per-key lists: the longest phrase first, phrases sharing a
  /// first key, phrases running past the sentence's end, non-ASCII keys.
  @Test func finishedPhraseIndexMatchesTheUnfinishedOne() {
    var index = PhraseIndex<String>()
    let phrases = [
      "according to", "according to the ministry", "said", "foreign minister", "foreign", "müller", "hong kong",
      "new york city", "new york", "people fled", "mayor of são paulo",
    ]
    for p in phrases { index.add(p.split(separator: " ").map(String.init), p) }
    let finished = index.finished()
    var hits = 0
    for s in Self.sentences + ["According to the ministry, New York", "foreign"] {
      let tokens = Tokenizer.tokenize(Array(s.utf8))
      for i in 0...tokens.count {
        let a = finished.match(tokens, at: i)
        let b = index.match(tokens, at: i)
        #expect(a?.end == b?.end, "\(s) \(i)")
        #expect(a?.payload == b?.payload, "\(s) \(i)")
        // `matchEnd` (no payload) ends where `match` does, finished or not.
        #expect(finished.matchEnd(tokens, at: i) == b?.end, "\(s) \(i)")
        #expect(index.matchEnd(tokens, at: i) == b?.end, "\(s) \(i)")
        if a != nil { hits += 1 }
      }
    }
    #expect(hits >= 8)
    // A phrase longer than the tokens left is passed over for a shorter one.
    let tail = Tokenizer.tokenize(Array("in New York".utf8))
    #expect(finished.match(tail, at: 1)?.payload == "new york")
    // No phrase of at most 0 words.
    var t = WordPhraseTable<Int>(caseSensitive: false)
    t.add("said", 1)
    #expect(t.finished().longest(WordScanner.words("He said"), 1, maxWords: 0) == nil)
  }

  @Test func phrasesAddedAfterFinishingAreFoundWithTheEarlierOnes() {
    var table = WordPhraseTable<Int>(caseSensitive: false)
    table.add("said", 1)
    var finished = table.finished()
    finished.add("according to", 2)
    let again = finished.finished()
    let ws = WordScanner.words("He said, according to officials.")
    for t in [finished, again] {
      #expect(t.longest(ws, 1)?.value == 1)
      #expect(t.longest(ws, 3)?.value == 2)
      #expect(t.longest(ws, 3)?.count == 2)
      #expect(t.longest(ws, 0) == nil)
      #expect(t["said"] == 1)
    }
  }

  @Test func phraseIndexFilterGivesTheDictionaryAnswers() {
    var index = PhraseIndex<Int>()
    let phrases = ["according to", "reportedly", "up from", "müller", "don't", "3", "(", "it’s said"]
    for (n, p) in phrases.enumerated() { index.add(Tokenizer.phraseKey(p), n) }
    let fast = index.finished()
    for s in Self.sentences + ["Reportedly DON’T say (it’s said) up from 3", "it's said, reportedly"] {
      let tokens = Tokenizer.tokenize(Array(s.utf8))
      for i in 0...tokens.count {
        #expect(fast.match(tokens, at: i)?.end == index.match(tokens, at: i)?.end, "\(s) \(i)")
        #expect(fast.match(tokens, at: i)?.payload == index.match(tokens, at: i)?.payload, "\(s) \(i)")
        #expect(fast.matchEnd(tokens, at: i) == index.match(tokens, at: i)?.end, "\(s) \(i)")
      }
    }
  }

  /// Sentences with words that are not ASCII, among them the three scalars whose decomposition is
  /// ASCII (KELVIN SIGN for "K", GREEK QUESTION MARK for ";", GREEK VARIA for "`").
  static let nonASCIISentences: [String] = [
    "\u{212A}elvin said \u{212A} ; then \u{037E} and \u{1FEF} or ` “quoted” – São Paulo’s \u{212A}\u{037E}",
    "Über \u{037E} reportedly \u{212A}IEV said; according\u{037E} to Kyiv \u{1FEF}said",
  ]

  @Test func nonASCIIWordsEqualASCIIOnlyWithTheSpecialScalars() {
    let words = ["", "a", "é", "São", "“", "’s", "\u{212A}", "x\u{212A}", "\u{037E}", "\u{1FEF}", "\u{2126}", "\u{2122}", "ÄÖ", "\u{1F600}", "e\u{301}"]
    for w in words {
      let ascii = w.utf8.allSatisfy { $0 < 0x80 }
      let special = w.unicodeScalars.contains { $0.value == 0x212A || $0.value == 0x037E || $0.value == 0x1FEF }
      // True for every word that could equal ASCII text; false for most others.
      if ascii || special { #expect(NonASCIIWord.mayEqualASCII(w), "\(w)") }
    }
    for w in ["é", "São", "“", "’s", "ÄÖ", "\u{1F600}", "e\u{301}"] { #expect(!NonASCIIWord.mayEqualASCII(w), "\(w)") }
    #expect("\u{212A}" == "K" && "\u{037E}" == ";" && "\u{1FEF}" == "`")
  }

  @Test func asciiOnlyPhraseTablesAnswerNonASCIIWordsAsTheirDictionaries() {
    var lower = WordPhraseTable<Int>(caseSensitive: false)
    var written = WordPhraseTable<Int>(caseSensitive: true)
    let phrases = ["said", "according to", "K", "k", "Kelvin said", "kiev", "KIEV", ";", "; then", "`", "` or", "reportedly"]
    for (n, p) in phrases.enumerated() {
      lower.add(p, n)
      written.add(p, n)
    }
    let fastLower = lower.finished()
    let fastWritten = written.finished()
    var index = PhraseIndex<Int>()
    for (n, p) in phrases.enumerated() { index.add(Tokenizer.phraseKey(p), n) }
    let fastIndex = index.finished()
    for s in Self.nonASCIISentences + Self.sentences {
      let ws = WordScanner.words(s)
      for i in 0...ws.count {
        #expect(fastLower.longest(ws, i)?.count == lower.longest(ws, i)?.count, "\(s) \(i)")
        #expect(fastLower.longest(ws, i)?.value == lower.longest(ws, i)?.value, "\(s) \(i)")
        #expect(fastWritten.longest(ws, i)?.count == written.longest(ws, i)?.count, "\(s) \(i)")
        #expect(fastWritten.longest(ws, i)?.value == written.longest(ws, i)?.value, "\(s) \(i)")
      }
      let tokens = Tokenizer.tokenize(Array(s.utf8))
      for i in 0...tokens.count {
        #expect(fastIndex.match(tokens, at: i)?.end == index.match(tokens, at: i)?.end, "\(s) \(i)")
        #expect(fastIndex.match(tokens, at: i)?.payload == index.match(tokens, at: i)?.payload, "\(s) \(i)")
      }
    }
  }

  @Test func phraseIndexNextStartIsTheFirstPossibleStart() {
    var index = PhraseIndex<Int>()
    for (n, p) in ["according to", "reportedly", "müller", ";", "it’s said", "alleged"].enumerated() { index.add(Tokenizer.phraseKey(p), n) }
    for p in [index, index.finished()] {
      for s in Self.nonASCIISentences + Self.sentences + ["", "x", "alleged", "the the the"] {
        let tokens = Tokenizer.tokenize(Array(s.utf8))
        for i in 0...tokens.count {
          var expected = i
          while expected < tokens.count, !p.mayStart(tokens, at: expected) { expected += 1 }
          #expect(p.nextStart(tokens, from: i) == expected, "\(s) \(i)")
        }
      }
    }
  }

  @Test func namesMatchesTheSplitWords() {
    let fulls = ["Guo Jiakun", " Guo  Jiakun ", "Guo", "Müller Hans", "Hans Müller", "", "  ", "A B C"]
    let words = ["Guo", "Jiakun", "Guo Jiakun", "Müller", "Hans", "B", "A", "C", "", "guo"]
    for full in fulls {
      for word in words {
        let parts = full.split(separator: " ")
        let expected = full == word || parts.first.map { String($0) } == word || parts.last.map { String($0) } == word
        #expect(AttributionExtractor.names(full, word) == expected, "\(full) \(word)")
      }
    }
  }

  @Test func longestContainedIsTheFirstOfTheStableSort() {
    let people = ["Wang Yi", "Yi", "Wang Yi Jr", "Ana Ruiz", "Ana Ruíz", "Wang Yi"]
    for written in ["Foreign Minister Wang Yi", "Wang Yi Jr said", "Ana Ruíz and Ana Ruiz", "nobody", ""] {
      let expected = people.sorted(by: { $0.count > $1.count }).first { written.fastContains($0) }
      #expect(AttributionExtractor.longestContained(people, in: written) == expected, "\(written)")
    }
    // Names of every kind (not ASCII, with a line break, empty, longer than the phrase) against ASCII
    // and other phrases, compared with `contains`.
    let names = [
      "Wang Yi", "Yi", "Ana Ruíz", "Ana Ruiz", "Ruiz", "Guo\r\nJiakun", "Guo", "", "José", "Kelvin \u{212A}",
      "Foreign Minister Wang Yi of China", "e\u{301}",
    ]
    let phrases = [
      "Foreign Minister Wang Yi", "Ana Ruiz", "spokesman Guo\r\nJiakun", "Guo Jiakun", "José Ruiz", "Ana Ruíz", "",
      "Kelvin K", "cafe\u{301}", "e",
    ]
    for written in phrases {
      for n in 0...names.count {
        for people in [Array(names[..<n]), Array(names[..<n].reversed())] {
          let expected = people.enumerated().sorted(by: { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) })
            .first { written.contains($0.element) }?.element
          #expect(AttributionExtractor.longestContained(people, in: written) == expected, "\(written) \(people)")
        }
      }
    }
  }

  /// The quote's word count stopped at four answers "at least four words?" as the full split does.
  @Test func quoteWordCountStopsExactly() {
    let texts = Self.sentences + [
      "one two three four", "one two three", "  one  two   three four  ", "a\r\nb c d", "a \u{301}b c d",
      "a b c \u{301}d", "a b c d\u{301}", "é b c", "a b c é", "a b\u{A0}c d", "a\tb c d", "“one two” three four",
      "one two three \r\nfour", "\u{301} a b c", "a b c\r\n", "",
    ]
    for text in texts {
      let b = Array(text.utf8)
      for from in 0...b.count {
        for to in from...b.count {
          let words = Segment.slice(text, from, to).split(separator: " ").count
          for stop in [1, 2, 4] {
            let n = AttributionExtractor.wordCount(b, from, to, stopAt: stop)
            #expect((n >= stop) == (words >= stop), "\(text) \(from)..<\(to)")
            if n < stop { #expect(n == words) }
          }
          #expect(AttributionExtractor.wordCount(b, from, to) == words)
        }
      }
    }
  }

  @Test func negationsMatchTheSuffixTest() {
    for s in Self.sentences + ["don't can’t won't n't t isn’t", "DIDN'T"] {
      for w in WordScanner.words(s) {
        let expected = w.lower.fastHasSuffix("n't") || w.lower.fastHasSuffix("n\u{2019}t")
        #expect(AttributionExtractor.endsInNegation(w) == expected, "\(w.text)")
      }
    }
  }

  @Test func edEndingsMatchTheStringTest() {
    for s in Self.sentences + ["Police arrested, closed, ed, bed, reported, naïved Caféed"] {
      let tokens = Tokenizer.tokenize(Array(s.utf8))
      for k in tokens.indices {
        let w = tokens[k].lower
        #expect(DateExtractor.endsInEdWithFiveCharacters(tokens, k) == (w.hasSuffix("ed") && w.count >= 5), "\(w)")
      }
    }
  }
}
