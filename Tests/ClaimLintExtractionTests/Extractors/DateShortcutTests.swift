import ClaimLintCore
@testable import ClaimLintExtraction
import Testing

/// The shortcuts of the date extractor give what the code they replaced gives.
@Suite struct DateShortcutTests {
  /// Each hash literal is `WordTable.hashCode` of its word.
  @Test func hashLiteralsAreTheWordsHashes() {
    typealias H = DateExtractor.Hashes
    let pairs: [(String, UInt64)] = [
      ("this", H.this), ("last", H.last), ("past", H.past), ("next", H.next), ("coming", H.coming),
      ("earlier", H.earlier), ("later", H.later), ("the", H.the), ("on", H.on), ("ago", H.ago), ("day", H.day),
      ("before", H.before), ("after", H.after), ("yesterday", H.yesterday), ("today", H.today),
      ("tonight", H.tonight), ("tomorrow", H.tomorrow), ("week", H.week), ("month", H.month), ("year", H.year),
    ]
    for (word, hash) in pairs {
      #expect(WordTable<Bool>.hashCode(bytes: word.utf8) == hash, "\(word)")
    }
  }

  /// The evidence writer writes what interpolation writes, dates as `CalendarDate.description`.
  @Test func evidenceTextMatchesInterpolation() {
    let dates = [
      CalendarDate(year: 2024, month: 8, day: 17), CalendarDate(year: 987, month: 1, day: 2),
      CalendarDate(year: 12345, month: 12, day: 31), CalendarDate(year: -5, month: 3, day: 9),
    ].compactMap { $0 }
    #expect(dates.count == 4)
    for d in dates {
      let text = EvidenceText.make { w in
        w.add("August ")
        w.add(16)
        w.add(" in the year of the article date ")
        w.add(d)
      }
      #expect(text == "August 16 in the year of the article date \(d)")
    }
    for v in [0, 7, -7, 10, 99, 1000, -1234, Int.max, Int.min] {
      #expect(EvidenceText.make { $0.add(v) } == String(v))
      #expect(EvidenceText.make { $0.add(v, width: 4) } == String(repeating: "0", count: max(0, 4 - String(v).count)) + String(v))
    }
    // Past the stack buffer the text goes on in a string.
    let long = String(repeating: "ab ", count: 150)
    let text = EvidenceText.make { w in
      w.add(long)
      w.add(42)
      w.add(long)
      w.add(dates[0])
    }
    #expect(text == "\(long)42\(long)\(dates[0])")
    #expect(EvidenceText.make { $0.add("Zürich ") } == "Zürich ")
  }

  /// Sentences with dates of every form, and with the words that open dates used otherwise.
  static let sentences: [String] = DateExtractorTests.absolute.map(\.sentence) + DateExtractorTests.relative.map(\.sentence) + [
    "The X inquiry into the Y network found that 784 shell companies had passed through checkpoints over the past 10 weeks, and 30 tax returns were under review, according to a statement released on April 11.",
    "Talks resume on the 16th; the day before yesterday two weeks ago 3 days ago a month ago last week this month.",
    "On 22nd the 27th floor, the 25th Anniversary, the 5.6-magnitude quake, the 5-year plan, the 27.",
    "In 2023, since 2019, mid-2020, in 2,000 homes, in 2023-24, 2024-08-17, 16 August 2024, 1st Jan, 4th of March.",
    "Earlier this month, later this year, next Monday, coming Friday, this Sunday, past Sat., on Wed the 27th.",
    "Yesterday, today, tonight and tomorrow; the day after tomorrow; in May, since March, by June 2021, Aug. 16.",
    "16 Aug, 16 aug, 26th June of 2020, January 12th of 2016, May 2-5, May 2 – 5, Monday, February 2, 2026.",
    "The Zürich office said 12 were hurt in a 3-car crash on Route 9 – police said the 4 men fled – in the 1990s.",
    "A 45-year-old man and an 8 year old were among the 300 people; one in five said the past was the past.",
  ]

  /// `mayStartDate` is false only where `date` finds no date, and the dates found with it are those
  /// found by trying every token with the date role.
  @Test func datePrefilterRejectsOnlyTokensThatOpenNoDate() throws {
    let lexicons = try ExtractionFixture.lexicons()
    let dates = DateExtractor(lexicons: lexicons)
    let doc = CalendarDate(year: 2024, month: 8, day: 14)
    var rejected = 0
    var accepted = 0
    for sentence in Self.sentences {
      var tokens = Tokenizer.tokenize(Array(sentence.utf8))
      lexicons.mark(&tokens)
      for i in tokens.indices where tokens[i].roles & TokenRoles.date != 0 {
        for d in [doc, nil] {
          let found = dates.startsDate(tokens, at: i, doc: d)
          if !DateExtractor.mayStartDate(tokens, at: i) {
            rejected += 1
            #expect(!found, "\(tokens[i].lower) in \(sentence)")
          } else if found {
            accepted += 1
          }
        }
      }
    }
    // The filter is put to work on both sides.
    #expect(rejected > 50)
    #expect(accepted > 50)
  }

  /// The combined tense table holds each word with the bits of the lists it is in.
  @Test func tenseTableMatchesTheLists() {
    typealias T = DateExtractor.TenseWord
    let lists: [([String], UInt8)] = [
      (DateExtractor.futureWords, T.future), (DateExtractor.irregularPast, T.irregularPast),
      (DateExtractor.notPast, T.notPast), (DateExtractor.participleHosts, T.participleHost),
    ]
    let all = lists.flatMap(\.0) + ["met", "mets", "walked", "the", "Zürich", "", "will'"]
    for w in all {
      var expected: UInt8 = 0
      for (list, bit) in lists where list.contains(w) { expected |= bit }
      #expect((DateExtractor.tenseWords[w] ?? 0) == expected, "\(w)")
    }
  }
}
