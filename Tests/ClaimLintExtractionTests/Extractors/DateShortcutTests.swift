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
}
