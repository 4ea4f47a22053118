import ClaimLint
import ClaimLintCore
import ClaimLintTestSupport
import Testing

@testable import ClaimLintRules

/// The date rule finds a date's word, "from" and clause breaks by searching the sentence's bytes; each
/// search must give what reading the sentence word by word gave.
struct DateByteSearchTests {
  /// (sentence, date text): dates inside longer words, after punctuation, repeated, in other cases, at
  /// either end of the sentence, with commas, CR-LF and text outside ASCII.
  static let cases: [(String, String)] = [
    ("Transport ministers from five countries met in Zurich on Friday to agree on night-train routes, after months of talks.", "Friday"),
    ("The talks, which began on Thursday, ended on Friday when the union walked out.", "Friday"),
    ("Fridays are quiet, but officials said the strike would start on Friday because wages fell.", "Friday"),
    ("(Friday) The strike, the union said on friday, would start while talks went on.", "Friday"),
    ("The deal was signed on June 9, 2020 in Bern, whereas the treaty came later.", "June 9, 2020"),
    ("The hearing was moved to 9, the court said, on June 9.", "9, June"),
    ("The summit was postponed from Tuesday to Friday because of a strike.", "Tuesday"),
    ("Monday", "Monday"),
    ("On Monday", "Monday"),
    ("The board met on XMonday and again on Monday.", "Monday"),
    ("The board met on MONDAY, after the vote, and said so on Monday.", "Monday"),
    ("The board said,Monday,that the plant would close.", "Monday"),
    ("The board said\r\non Monday that it would close before the vote.", "Monday"),
    ("\u{201C}We will meet on Monday,\u{201D} she said \u{2014} after\u{2019} the vote \u{2026}when\u{2019}s the\u{00A0}date?", "Monday"),
    ("Die Sitzung findet am Montag statt, während die Behörde schweigt, sagte sie am Montag.", "Montag"),
    ("The summit, which the union delayed again and again, runs from Tuesday to Friday.", "Tuesday"),
    ("Officials met on Monday Because talks stalled, Since\u{2019} when, Until\u{00A0}now (after) the vote.", "Monday"),
    ("Officials met on Monday afte\u{301}r the vote, whe\u{301}n talks \u{201C}stalled\u{201D} and Xafter.", "Monday"),
    ("Officials met after the vote, which was held on Monday, Whereas \u{201C}WHO\u{201D} said so.", "Monday"),
    // Words that start as a clause break does and are none, and breaks after marks and punctuation.
    ("Where unions asked, Unit beside buses sat on Monday while\u{301} Wh\u{301}en a\u{301}s \"as\" BUT, since\u{2019}.", "Monday"),
    ("What the union said on Monday: as-yet unseen Alsatian befores and butts, afterwards until.", "Monday"),
    ("The board met on Monday.", ""),
    ("The board met on Monday.", "   "),
    ("", "Monday"),
    ("   ", "Monday"),
  ]

  /// The words of the clause around the date found word by word (`clauseWords(around:count:isBreak:)`
  /// on the sentence split at spaces), as `clauseWords(sentence:span:)` must give them.
  static func clauseWordsByWords(sentence: String, span: String) -> (words: [UInt64], found: Bool) {
    let bytes = Array(sentence.utf8)
    var words: [Range<Int>] = []
    var start = -1
    for k in bytes.indices {
      if bytes[k] == 0x20 {
        if start >= 0 { words.append(start..<k) }
        start = -1
      } else if start < 0 {
        start = k
      }
    }
    if start >= 0 { words.append(start..<bytes.count) }
    let spanBytes = Array(span.utf8)
    let first = spanBytes.split(separator: 0x20).first.map(Array.init) ?? spanBytes
    guard let i = words.firstIndex(where: { ClaimText.containsBytes(bytes[$0], first) }) else {
      return (Salience.sortedWordHashes(sentence), false)
    }
    let word = { (k: Int) in String(decoding: bytes[words[k]], as: UTF8.self) }
    let window = DateMismatchRule.clauseWords(around: i, count: words.count) { DateMismatchRule.clauseBreaks.contains(DateMismatchRule.bare(word($0))) }
    let clause = String(decoding: bytes[words[window.lowerBound].lowerBound..<words[window.upperBound - 1].upperBound], as: UTF8.self)
    return (Salience.sortedWordHashes(clause), true)
  }

  @Test func clauseWordsAreTheWordsFoundWordByWord() {
    for (sentence, date) in Self.cases {
      let fast = DateMismatchRule.clauseWords(sentence: sentence, span: date)
      let slow = Self.clauseWordsByWords(sentence: sentence, span: date)
      #expect(fast.found == slow.found, "\(sentence) / \(date)")
      #expect(fast.words == slow.words, "\(sentence) / \(date)")
    }
    // The clause is cut at the breaks: "after" ends it, the words before "which" are not in it.
    let cut = DateMismatchRule.clauseWords(sentence: "The strike ended on Friday after the union agreed to talks.", span: "Friday")
    #expect(cut.found)
    #expect(cut.words == Salience.sortedWordHashes("The strike ended on Friday"))
  }

  @Test func statementDatesAreThoseFoundWordByWord() {
    var c = Claim(
      kind: .date, layer: .reportage,
      span: SourceSpan(path: "a.txt", startOffset: 0, endOffset: 0, line: 1, column: 1, endLine: 1, endColumn: 1, text: ""), sentence: "")
    for (sentence, date) in Self.cases + DateWordScanTests.cases {
      c.sentence = sentence
      c.span.text = date
      #expect(DateMismatchRule.isStatementDate(c) == DateMismatchRule.isStatementDateBySplitting(c), "\(sentence) / \(date)")
    }
    c.sentence = "Officials said on Monday that the plant would close."
    c.span.text = "Monday"
    #expect(DateMismatchRule.isStatementDate(c))
    c.sentence = "Officials said the plant would close, and on Monday it did."
    #expect(!DateMismatchRule.isStatementDate(c))
  }

  @Test func fromIsFoundWhereverItIs() {
    let text = "The vote was moved from Tuesday to Friday, FROM one week to the next; fRoM"
    let bytes = Array(text.utf8)
    // Every start and end of the text: "from" at each offset, in the eight-byte steps and in the tail.
    for a in 0...bytes.count {
      for b in a...bytes.count {
        let piece = String(decoding: bytes[a..<b], as: UTF8.self)
        let expected = piece.utf8.count >= 4 && (0...(piece.utf8.count - 4)).contains { k in
          let u = Array(piece.utf8)
          return String(decoding: u[k..<(k + 4)], as: UTF8.self).lowercased() == "from"
        }
        #expect(DateMismatchRule.containsFrom(piece) == expected, "\(piece)")
      }
    }
  }

  /// `lastByte` against a plain backward loop, for every end, with matches next to each other, bytes
  /// just above and below the target, bytes outside ASCII and zero bytes.
  @Test func lastByteFindsTheLastMatch() {
    let bytes = Array("Xx the  Quick\u{0}brown fox!, FOX and \u{201C}fox\u{201D}:\u{1F}\u{21} 0123456789 xX \u{A0}\u{E9}".utf8)
    bytes.withUnsafeBufferPointer { u in
      for target: UInt8 in [0x20, 0x78, 0x1F, 0x21, 0x00, 0xE2, 0x9D, 0xA0, 0x7F] {
        for end in 0...(u.count + 2) {
          let expected = (0..<min(end, u.count)).last { u[$0] == target }
          #expect(ClaimText.lastByte(target, in: u, before: end) == expected, "\(target) \(end)")
        }
      }
    }
    let empty: [UInt8] = []
    empty.withUnsafeBufferPointer { #expect(ClaimText.lastByte(0x20, in: $0, before: 0) == nil) }
  }

  @Test func firstByteFindsTheFirstMatch() {
    let bytes = Array("Xx the Quick brown fox, FOX and \u{201C}fox\u{201D}: 0123456789 xX".utf8)
    bytes.withUnsafeBufferPointer { u in
      for target: UInt8 in [0x78, 0x66, 0x20, 0x22, 0x39, 0xE2, 0x9D, 0x00] {
        for fold: UInt8 in [0, 0x20] {
          for from in 0...u.count {
            let expected = (from..<u.count).first { u[$0] | fold == target }
            #expect(ClaimText.firstByte(target, fold: fold, in: u, from: from) == expected)
          }
        }
      }
      let needle = Array("fox".utf8)
      needle.withUnsafeBufferPointer { n in #expect(ClaimText.firstOccurrence(of: n, in: u) == 19) }
      let missing = Array("foxes".utf8)
      missing.withUnsafeBufferPointer { n in #expect(ClaimText.firstOccurrence(of: n, in: u) == nil) }
    }
  }

  @Test func packedClauseBreaksAreTheClauseBreaks() {
    for w in DateMismatchRule.clauseBreakPacked { #expect(DateMismatchRule.isPackedClauseBreak(w)) }
    for w in ["afte", "afters", "whe", "whereby", "a", "s", "because", "ass", "butt", "whom", ""] {
      let packed = w.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
      #expect(DateMismatchRule.isPackedClauseBreak(packed) == DateMismatchRule.clauseBreakPacked.contains(packed), "\(w)")
    }
  }

  @Test func siblingDaysAreTheDaysOfSiblingDates() throws {
    let articles = [
      (
        "a.txt",
        "2019-11-19\n\nThe anniversary tour opens on June 9, 2020 in West Palm Beach and closes on October 10, 2020 in Houston.\n\n"
          + "The talks ran from Monday to Wednesday, and the vote was held on Friday.\n"
      )
    ]
    let outputs = TestSupport.checker().processTexts(articles)
    let documents = try outputs.map { output in
      let report = try #require(output.report)
      return DocumentClaims(document: report.document, claims: report.claims)
    }
    let aligned = AlignedClaims(documents: documents, draftIndex: nil, nouns: NounFamilies(parents: [:]))
    let refs = aligned.refs { $0.kind == .date && $0.date?.resolved != nil }
    #expect(refs.count >= 4)
    var withSiblings = 0
    for r in refs {
      let cs = aligned.documents[r.document].claims
      let sentence = cs.indices.filter { cs[$0].sentenceIndex == cs[r.index].sentenceIndex }
      let expected = DateMismatchRule.siblingDates(of: r, in: aligned, sentenceClaims: sentence).map { DateMismatchRule.days(of: $0) }
      let found = DateMismatchRule.siblingDays(of: r, in: aligned, sentenceClaims: sentence)
      #expect(found.map(\.first) == expected.map(\.first))
      #expect(found.map(\.last) == expected.map(\.last))
      if !found.isEmpty { withSiblings += 1 }
      for s in DateMismatchRule.siblingDates(of: r, in: aligned, sentenceClaims: sentence) {
        let d = try #require(cs[r.index].date)
        #expect(DateMismatchRule.overlaps(d, s) == DateMismatchRule.overlaps(DateMismatchRule.days(of: d), DateMismatchRule.days(of: s)))
      }
    }
    #expect(withSiblings >= 2)
  }
}
