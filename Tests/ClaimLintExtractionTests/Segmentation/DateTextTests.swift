import ClaimLintCore
import Testing

@testable import ClaimLintExtraction

@Suite("DateText")
struct DateTextTests {
  @Test(arguments: [
    ("2024-08-17", "2024-08-17"),
    ("2025/03/06", "2025-03-06"),
    ("Wednesday, March 5, 2025", "2025-03-05"),
    ("Thursday, 6 March 2025", "2025-03-06"),
    ("Aug. 17, 2024", "2024-08-17"),
    ("Updated: 17 Aug 2024 10:32 GMT+8", "2024-08-17"),
    ("Published 2024-08-17 09:15", "2024-08-17"),
    ("THE HARBOUR TIMES, Haiphong -- Friday, 7 March 2025", "2025-03-07"),
    ("BANGKOK LEDGER | Saturday, August 17, 2024", "2024-08-17"),
    ("Published 17 August 2024 by Portal staff", "2024-08-17"),
    ("Radio Delta FM -- 7 a.m. news bulletin, Monday, March 17, 2025", "2025-03-17"),
  ])
  func dateLines(_ text: String, _ expected: String) throws {
    let m = try #require(DateText.dateLine(text))
    #expect(m.date.map { "\($0)" } == expected)
  }

  @Test(arguments: [
    "Parking", "March 2025 marked the wettest month on record.", "Officials met on August 16, 2024 in Vientiane",
    "2024-13-40", "Harbour Times -- a river blog",
    "Harbour Times -- the vote, set for March 17, 2025, is delayed",
  ])
  func notDateLines(_ text: String) {
    #expect(DateText.dateLine(text)?.date == nil)
  }

  @Test(arguments: [
    ("Mekong Wire, Aranyaprathet, June 20 (Reporter Dara Som) Officials met.", 6, 20, nil as Int?),
    ("CHIANG MAI, Thailand, Aug. 17 (Newswire) -- The ministers met.", 8, 17, nil),
    ("HAIPHONG, March 4, 2025 (Port Wire) - Volumes rose.", 3, 4, 2025),
    ("GAZIPUR, Bangladesh, March 5 - At least 40 people died.", 3, 5, nil),
  ])
  func leadDatelines(_ text: String, _ month: Int, _ day: Int, _ year: Int?) throws {
    let d = try #require(DateText.leadDateline(text))
    #expect(d.match.month == month && d.match.day == day && d.match.year == year)
  }

  @Test(arguments: [
    "Officials said on March 4 that volumes rose.", "The port, which opened in May 2 years ago, grew.",
    "In 2024, on March 4 (a Tuesday), volumes rose.",
  ])
  func notLeadDatelines(_ text: String) {
    #expect(DateText.leadDateline(text) == nil)
  }

  @Test func weekdayDateMustAgreeWithTheCalendar() {
    #expect(DateText.weekdayDate(in: "at a briefing on Monday, February 2, 2026, officials said")?.date.description == "2026-02-02")
    #expect(DateText.weekdayDate(in: "at a briefing on Friday, February 2, 2026, officials said") == nil)
  }

  /// A token's `lower` as it was built before spellings: the lower-cased ASCII bytes of a word, the
  /// digits of a number or the punctuation itself, decoded as a String; empty past 12 bytes.
  static func plainLower(_ bytes: [UInt8], _ tok: DateText.Token) -> String {
    guard tok.length <= 12 else { return "" }
    return String(decoding: bytes[tok.start..<tok.end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
  }

  @Test func spellingsAnswerAsTheLowerCasedStrings() {
    let pieces = [
      "CHIANG MAI", ",", "Thailand", "Aug.", "17", "(Newswire)", "--", "SEPTEMBER", "Sept", "Wednesday", "WED", "thurs",
      "2025", "20th", "\u{2013}", "\u{2014}", "\u{00B7}", "\u{0387}", "J\u{00F6}rg", "S\u{00E3}o Paulo", "\u{212A}",
      "Ma\u{0301}y", "MAY", "by", "GMT+8", "10:32", "Updated:", "1234567890123", "Internationalisation", "a.m.", "|",
      "\u{00C9}TAT", "\u{00A0}", "/", "'s", "x-ray", "\u{2026}", "\u{2022}", "published", "hrs",
    ]
    var mixer = SegmentationFastPathTests.Mixer(state: 7)
    var seen: [(DateText.Spelling, String, DateText.Token.Kind)] = []
    for length in 1..<30 {
      for _ in 0..<40 {
        let text = mixer.text(pieces, count: length, separator: mixer.next(3) == 0 ? "" : " ")
        let bytes = Array(text.utf8)
        for tok in DateText.tokens(bytes) {
          let plain = Self.plainLower(bytes, tok)
          #expect(tok.lower == plain, "\(text)")
          #expect(DateText.month(tok.spelling) == DateText.month(plain), "\(text)")
          #expect(DateText.weekday(tok.spelling) == DateText.weekday(plain), "\(text)")
          #expect(tok.spelling.isASCII == plain.utf8.allSatisfy { $0 < 0x80 }, "\(text)")
          if tok.kind == .number {
            #expect(tok.value == (tok.length <= 9 ? Int(plain) ?? -1 : -1), "\(text)")
          }
          if seen.count < 400 { seen.append((tok.spelling, plain, tok.kind)) }
        }
      }
    }
    // Equal spellings are equal Strings and the other way round, for tokens of one kind (as DateText
    // compares them: words with words, punctuation with punctuation). Across kinds they may differ:
    // the word U+0387 equals the punctuation U+00B7 as a String.
    let keys = ["may", "sept", "by", ",", ".", "\u{2013}", "\u{2014}", "\u{00B7}", "-", "published", "wednesday"]
    for (a, plainA, kind) in seen {
      for key in keys where (key.first!.isLetter ? .word : .punct) == kind {
        #expect((a == DateText.Spelling(key)) == (plainA == key), "\(plainA) \(key)")
      }
      for (b, plainB, kindB) in seen.prefix(60) where a.count > 0 && b.count > 0 && kind == kindB {
        #expect((a == b) == (plainA == plainB), "\(plainA) \(plainB)")
      }
    }
    #expect(seen.contains { DateText.month($0.0) != nil } && seen.contains { DateText.weekday($0.0) != nil })
    #expect(seen.contains { $0.1 == "\u{0387}" })
  }

  @Test func dateLinesWithNonASCIIWords() {
    #expect(DateText.dateLine("Thursday \u{00B7} 6 March 2025")?.date?.description == "2025-03-06")
    #expect(DateText.dateLine("6 M\u{00E4}rz 2025") == nil)
    #expect(DateText.dateLine("S\u{00C3}O PAULO \u{2014} Thursday, 6 March 2025")?.date?.description == "2025-03-06")
    #expect(DateText.dateLine("6 March 2025 \u{00C9}TAT") == nil)
    #expect(DateText.dateLine("6 March 2025 ETAT") != nil)
    #expect(DateText.dateLine("6 March 2025 ETA") != nil)
  }
}
