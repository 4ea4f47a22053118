import ClaimLint
import ClaimLintCore
import ClaimLintTestSupport
import Testing

@testable import ClaimLintRules

/// The date rule reads statement dates and replaced dates on bytes; it must give what splitting the
/// sentence into words gave.
struct DateWordScanTests {
  /// (sentence, date text) pairs: statements, announcements, rescheduled events, commas, cases,
  /// repeated words, CR-LF and non-ASCII text.
  static let cases: [(String, String)] = [
    ("The board said on Monday that the plant would close.", "Monday"),
    ("The board said, on Monday, that the plant would close.", "Monday"),
    ("The ministry SAID Monday the plant would close.", "Monday"),
    ("The government announced on Wednesday a $1.35 billion plan.", "Wednesday"),
    ("The government announced on Wednesday that a plan was ready.", "Wednesday"),
    ("The government announced the plan on Wednesday.", "Wednesday"),
    ("The government announced that on Wednesday it would act.", "Wednesday"),
    ("The government unveiled on June 9 the new budget.", "June 9"),
    ("The government unveiled on June 9 plans for roads.", "June 9"),
    ("The government declared on June 9, 2020 an emergency.", "June 9, 2020"),
    ("Police told reporters on Friday night the road was shut.", "Friday night"),
    ("The talks were held on Thursday in Bern.", "Thursday"),
    ("Mondays are quiet, officials said Monday.", "Monday"),
    ("said", "said"),
    ("", "Monday"),
    ("The board said on Monday.", ""),
    ("The board said on Monday.", "   "),
    ("The board said\r\non Monday that it would close.", "Monday"),
    ("Die Behörde sagte am Montag, sie werde schließen, officials said Montag.", "Montag"),
    ("The summit was postponed from Tuesday to Friday because of a strike.", "Tuesday"),
    ("The summit was postponed from Tuesday, to Friday.", "Tuesday"),
    ("The summit was Postponed FROM tuesday TO Friday.", "Tuesday"),
    ("The summit was moved on from Tuesday until Friday.", "Tuesday"),
    ("The summit, which the union delayed again and again, runs from Tuesday to Friday.", "Tuesday"),
    ("The hearing was pushed back from June 9 to June 12.", "June 9"),
    ("The hearing was pushed back from June 9 2020 and then to June 12.", "June 9 2020"),
    ("The hearing was pushed back from June\r\n9 to June 12.", "June\r"),
    ("Die Sitzung wurde moved from Dienstag to Freitag verschoben, sagte die Behörde.", "Dienstag"),
    ("From Tuesday to Friday the shop was put on hold.", "Tuesday"),
    // "from" elsewhere, or before a later mention of the date's word: the first mention decides.
    ("Aid from abroad arrived as the summit was postponed from Tuesday to Friday.", "Tuesday"),
    ("Officials from Bern said the summit was postponed to Friday.", "Friday"),
    ("The Tuesday summit was postponed from Tuesday to Friday.", "Tuesday"),
    ("The summit was postponed fromTuesday to Friday.", "Tuesday"),
    ("The summit was postponed Fromm Tuesday to Friday.", "Tuesday"),
    ("The summit was postponed,from,,Tuesday to Friday.", "Tuesday"),
    ("The summit was delayed from Tue to Friday.", "Tuesday"),
    ("The summit was delayed from Tuesdays to Friday.", "Tuesday"),
    ("from Tuesday", "  Tuesday  "),
    ("postponed from", "from"),
  ]

  @Test func byteScansGiveWhatWordSplittingGave() throws {
    let articles = [("a.txt", "2024-03-09\n\nThe board said on Monday that the plant would close.\n")]
    let outputs = TestSupport.checker().processTexts(articles)
    let report = try #require(outputs.first?.report)
    let template = try #require(report.claims.first { $0.kind == .date })
    for (sentence, date) in Self.cases {
      var c = template
      c.sentence = sentence
      c.span.text = date
      #expect(DateMismatchRule.isStatementDate(c) == DateMismatchRule.isStatementDateBySplitting(c), "\(sentence) / \(date)")
      #expect(DateMismatchRule.isReplacedDate(c) == DateMismatchRule.isReplacedDateByCharacters(c), "\(sentence) / \(date)")
    }
  }
}

extension DateWordScanTests {
  /// The punctuation of news copy keeps the byte path; other text goes by characters.
  static let newsPunctuation: [(String, String)] = [
    ("The summit was postponed from Tuesday to Friday, the ministry\u{2019}s spokeswoman said.", "Tuesday"),
    ("\u{201C}The summit was moved from Tuesday\u{2019}s slot to Friday,\u{201D} he said \u{2014} twice\u{2026}", "Tuesday"),
    ("The summit was moved from\u{00A0}Tuesday to Friday \u{2013} again.", "Tuesday"),
    ("The summit was moved from Tuesday\u{301} to Friday.", "Tuesday"),
    ("The summit was moved from \u{301}Tuesday to Friday.", "Tuesday"),
    ("The summit was moved from \u{212A}Tuesday to Friday.", "\u{212A}Tuesday"),
    ("The summit was moved from T\u{212A} to Friday.", "Tk"),
    ("The summit was moved from \u{130}stanbul to Ankara.", "istanbul"),
    ("The summit was MOVED from ÉTÉ to Friday.", "été"),
  ]

  @Test func newsPunctuationGivesWhatCharactersGave() throws {
    let articles = [("a.txt", "2024-03-09\n\nThe board said on Monday that the plant would close.\n")]
    let outputs = TestSupport.checker().processTexts(articles)
    let report = try #require(outputs.first?.report)
    let template = try #require(report.claims.first { $0.kind == .date })
    for (sentence, date) in Self.newsPunctuation {
      var c = template
      c.sentence = sentence
      c.span.text = date
      #expect(DateMismatchRule.isStatementDate(c) == DateMismatchRule.isStatementDateBySplitting(c), "\(sentence) / \(date)")
      #expect(DateMismatchRule.isReplacedDate(c) == DateMismatchRule.isReplacedDateByCharacters(c), "\(sentence) / \(date)")
    }
  }
}

extension DateWordScanTests {
  /// `isPlain` read byte by byte (the reference for its eight-bytes-at-a-time scan).
  static func isPlainByBytes(_ text: [UInt8]) -> Bool {
    var k = 0
    while k < text.count {
      let b = text[k]
      if b < 0x80, b != 0x0D {
        k += 1
      } else if b == 0xE2, k + 2 < text.count, text[k + 1] == 0x80, [0x93, 0x94, 0x98, 0x99, 0x9C, 0x9D, 0xA6].contains(text[k + 2]) {
        k += 3
      } else if b == 0xC2, k + 1 < text.count, text[k + 1] == 0xA0 {
        k += 2
      } else {
        return false
      }
    }
    return true
  }

  /// Plain text at every offset and length around the eight-byte steps: a CR, a curly quote, a
  /// no-break space or another letter outside ASCII at each position.
  @Test func plainTextScanGivesWhatBytesGave() {
    let inserts: [[UInt8]] = [[0x0D], Array("\u{2019}".utf8), Array("\u{00A0}".utf8), Array("é".utf8), Array("\u{2014}".utf8), [0x0A], [0x0C]]
    let base = Array("The summit was postponed from Tuesday to Friday.".utf8)
    var checked = 0
    for n in 0...base.count {
      let text = Array(base[0..<n])
      #expect(text.withUnsafeBufferPointer { DateMismatchRule.isPlain($0) } == Self.isPlainByBytes(text))
      for at in 0...n {
        for insert in inserts {
          let mixed = Array(text[0..<at]) + insert + Array(text[at...])
          let fast = mixed.withUnsafeBufferPointer { DateMismatchRule.isPlain($0) }
          #expect(fast == Self.isPlainByBytes(mixed), "\(n) \(at) \(insert)")
          if fast { checked += 1 }
        }
      }
    }
    // Both answers occur.
    #expect(checked > 0)
    #expect(!Array("a\r\nb".utf8).withUnsafeBufferPointer { DateMismatchRule.isPlain($0) })
  }
}
