import ClaimLintCore
import Testing

@testable import ClaimLintExtraction

/// The byte-level fast paths of the segmenter agree with the plain definitions they replace.
@Suite("Segmentation fast paths")
struct SegmentationFastPathTests {
  /// A small deterministic generator of test texts.
  struct Mixer {
    var state: UInt64

    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }

    mutating func text(_ pieces: [String], count: Int, separator: String = "") -> String {
      var out: [String] = []
      for _ in 0..<count { out.append(pieces[next(pieces.count)]) }
      return out.joined(separator: separator)
    }
  }

  /// Words counted one byte at a time, as the eight-byte count must.
  static func referenceWordCount(_ bytes: [UInt8], _ from: Int, _ to: Int, stopAt: Int) -> Int {
    var n = 0
    var inWord = false
    for b in bytes[from..<to] {
      if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
        inWord = false
      } else if !inWord {
        inWord = true
        n += 1
        if n >= stopAt { return n }
      }
    }
    return n
  }

  @Test func wordCountMatchesTheByteLoop() {
    let pieces = ["a", "bb", "word", " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{01}", "é", "日本", "\u{00A0}", "x,y", "12"]
    var mixer = Mixer(state: 7)
    for length in 0..<60 {
      for _ in 0..<8 {
        let bytes = Array(mixer.text(pieces, count: length).utf8)
        for stopAt in [1, 2, 5, 41, Int.max] {
          #expect(
            TextShape.wordCount(bytes, 0, bytes.count, stopAt: stopAt)
              == SegmentationFastPathTests.referenceWordCount(bytes, 0, bytes.count, stopAt: stopAt))
          if bytes.count > 3 {
            let from = mixer.next(bytes.count / 2)
            let to = bytes.count - mixer.next(bytes.count / 2)
            #expect(
              TextShape.wordCount(bytes, from, to, stopAt: stopAt)
                == SegmentationFastPathTests.referenceWordCount(bytes, from, to, stopAt: stopAt))
          }
        }
      }
    }
  }

  @Test func wordCountMatchesTheByteLoopWithoutControlBytes() {
    let pieces = ["a", "bb", "word", " ", "  ", "é", "日本", "\u{00A0}", "x,y", "12", "\u{7F}", "~", "!"]
    var mixer = Mixer(state: 11)
    for length in 0..<90 {
      for _ in 0..<6 {
        let bytes = Array(mixer.text(pieces, count: length).utf8)
        for stopAt in [1, 3, 8, 17, 41, Int.max] {
          #expect(
            TextShape.wordCount(bytes, 0, bytes.count, stopAt: stopAt)
              == SegmentationFastPathTests.referenceWordCount(bytes, 0, bytes.count, stopAt: stopAt))
          if bytes.count > 3 {
            let from = mixer.next(bytes.count / 2)
            let to = bytes.count - mixer.next(bytes.count / 2)
            #expect(
              TextShape.wordCount(bytes, from, to, stopAt: stopAt)
                == SegmentationFastPathTests.referenceWordCount(bytes, from, to, stopAt: stopAt))
          }
        }
      }
    }
  }

  @Test(arguments: [
    ("  Read  MORE: ", "read more"), ("Comments \u{00BB}", "comments"), ("Related\u{2026}", "related"),
    ("a\u{00A0}b", "a b"), ("\u{00DC}ber UNS", "\u{00FC}ber uns"), ("", ""), ("...", ""),
  ])
  func normalizeFoldsCaseSpaceAndTrailingMarks(_ text: String, _ expected: String) {
    #expect(SegmentationLexicons.normalize(text) == expected)
  }

  @Test(arguments: [
    ("Pieter V.", 2 as Int?), ("BuggaBoom", 2), ("Nok_MaeSot", 2), ("@reader", 2), ("Noir Black", 2), ("reader", 1),
    ("well said", 0), ("Hi, there", nil), ("She said \"no\"", nil), ("This is a sentence.", nil),
    ("one two three four five", nil), ("- dash", nil), ("", nil), ("J\u{00F6}rg M.", 2), ("\u{00E9}mile", 1),
  ])
  func authorScores(_ text: String, _ expected: Int?) {
    #expect(CommentSectionSplitter.authorScore(text) == expected)
    // The same line read in place from a larger buffer (as the Markdown reader reads its lines).
    let bytes = Array("x \r\n".utf8) + Array(text.utf8) + Array("\r\nnext line".utf8)
    #expect(CommentSectionSplitter.authorScore(bytes, 4, 4 + text.utf8.count) == expected)
  }

  /// Ranges read in place give the score of their decoded text: lines of Markdown-like text, with
  /// carriage returns, non-ASCII bytes, a truncated UTF-8 sequence, and lengths around the 40-byte limit.
  @Test func authorScoreOfARangeIsTheScoreOfItsText() {
    let text = Array(
      "Kanya S.\nriverwatch\nwell said, truly\nJ\u{00F6}rg M.\r\nA very long line of comment text that goes on\n@nok_99\nThis is it.\nAnna Lee Brown Smith Jones\n".utf8)
      + [0x41, 0x62, 0xC3, 0x0A, 0x20, 0x09, 0x42, 0x6F, 0x62]
    for from in 0..<text.count {
      for to in from..<min(text.count, from + 45) {
        let expected = to - from > 40 ? nil : CommentSectionSplitter.authorScore(String(decoding: text[from..<to], as: UTF8.self))
        #expect(CommentSectionSplitter.authorScore(text, from, to) == expected, "\(from)..<\(to)")
      }
    }
  }

  /// The lead dateline scan over all tokens of the first 200 bytes, as it was before tokens were made
  /// on demand.
  static func referenceLeadDateline(_ text: String) -> DateText.LeadDateline? {
    let t = DateText.tokens(Array(text.utf8), limit: 200)
    var i = 0
    while i < min(t.count, 16) {
      let tok = t[i]
      if tok.kind == .number { return nil }
      if tok.kind == .word, DateText.month(tok.lower) != nil, i == 0 || (t[i - 1].kind == .punct && t[i - 1].lower == ",") {
        if let m = DateText.date(at: i, in: t), m.endToken < t.count {
          let next = t[m.endToken]
          if next.kind == .punct, ["(", "-", "--", "\u{2013}", "\u{2014}", ":", "/"].contains(next.lower) {
            return DateText.LeadDateline(match: m, end: t[m.endToken - 1].end)
          }
        }
        return nil
      }
      if tok.kind == .word, !tok.capitalized, tok.length > 3 { return nil }
      if tok.kind == .punct, !DateText.leadPunctuation.contains(tok.lower) { return nil }
      i += 1
    }
    return nil
  }

  @Test func leadDatelineMatchesTheScanOverAllTokens() {
    let pieces = [
      "CHIANG MAI", ",", "Thailand", "Aug.", "17", "(Newswire)", "--", "March", "4", "2025", "the", "officials",
      "Monday", "-", "of", "&", "st", "June", "20th", ":", "/", "\u{2013}", "AFP", "Sept", ".", "May",
    ]
    var mixer = Mixer(state: 11)
    var found = 0
    for length in 1..<40 {
      for _ in 0..<60 {
        var text = mixer.text(pieces, count: length, separator: mixer.next(3) == 0 ? "" : " ")
        if mixer.next(2) == 0 {
          // Place names, a date and a separator, then the random rest.
          let place = mixer.text(["CHIANG MAI", "Thailand", "AFP", "of", "&", ".", ","], count: mixer.next(12))
          var date = ["March", "Aug.", "Sept", "May"][mixer.next(4)] + " " + ["4", "17", "20th", "31", "2"][mixer.next(5)]
          if mixer.next(2) == 0 { date += mixer.text([", 2025", " 2024", ".", ",", " st"], count: 1 + mixer.next(2)) }
          let separator = ["(", "--", "-", "\u{2014}", ":", "/", ""][mixer.next(7)]
          text = place + ", " + date + " " + separator + " " + text
        }
        let fast = DateText.leadDateline(text)
        let reference = SegmentationFastPathTests.referenceLeadDateline(text)
        #expect(fast?.end == reference?.end)
        #expect(fast?.match.month == reference?.match.month && fast?.match.day == reference?.match.day)
        #expect(fast?.match.year == reference?.match.year && fast?.match.endToken == reference?.match.endToken)
        if fast != nil { found += 1 }
      }
    }
    #expect(found > 100)
  }
}
