import ClaimLintCore
import Testing

@testable import ClaimLintRules

/// `Salience`'s word reader (`readWords`, behind `words`, `appendWordHashes`, `sortedWordHashes` and the
/// first pass's story words and shingles) reads letters without testing for the end of the text while a
/// byte that is not a letter lies ahead, and takes short cuts for the commonest words. Its words must be
/// those of the definition, computed here byte by byte without any of that: a word is a run of ASCII
/// letters and bytes outside ASCII that do not start general punctuation (`E2 80`, `E2 81` with a byte
/// after them) or a no-break space or guillemet (`C2 A0`, `C2 AB`, `C2 BB`); words of more than two
/// bytes count; they are lower-cased (ASCII letters), stop words are dropped, stems folded.
struct WordReaderTests {
  /// Texts with what the reader tells apart: words that end the text (no byte after them), words
  /// after the last punctuation, letters outside ASCII at the start, inside and at the end of words,
  /// general punctuation and no-break spaces inside and between words, and cut off at the end of the
  /// text, digits, apostrophes, hyphens, stop words, stems, words of one to thirty letters.
  static let texts: [String] = {
    var texts: [String] = [
      "", "a", "ab", "abc", "The", "said", ".", " the ", "x.", "word", "Zürich", "é", "éé", "ééé", "café",
      "Floods displaced 12,000 residents in Jakarta on Friday, officials said.",
      "Floods displaced 12,000 residents in Jakarta on Friday, officials said",
      "The minister\u{2019}s office \u{2014} citing 3.5% growth \u{2014} said prices rose.\u{00A0}Meetings were held",
      "\u{00AB}Nous avons\u{00BB} d\u{00E9}clar\u{00E9} \u{00E9}l\u{00E8}ves Stra\u{00DF}e na\u{00EF}ve caf\u{00E9}s",
      "Zhōngguó 中国 的 经济 增长, Москва заявила 15 марта",
      "well-known co-operation state-of-the-art don't can't O'Neill's rock'n'roll",
      "ends with a dash\u{2014}", "ends with a cut dash\u{E2}", "cut\u{E2}\u{80}", "nbsp\u{C2}", "word\u{00A0}", "word\u{00A0}x",
      "x\u{2013}y\u{2026}z\u{201C}quoted\u{201D} rallies rallied rallying 2024-05-01",
      "UPPER CASE WORDS AND Mixed Case Words, tabs\tand\nnewlines\r\nWindows",
      "The committee met. The committee meets. The committee meeting. Meeting, meetings, MEETINGS",
      "abc123def 4x4 COVID-19 G7 F-35s 3rd 21st mid-2020s",
      "Wednesday's counter-intelligence antidisestablishmentarianism pneumonoultramicroscopicsilicovolcanoconiosis",
      "na\u{0301}ive cafe\u{0301} re\u{0301}sume\u{0301}s",
      "the a an of to in on at for with by from that this is was were are be been has have had it its",
      "studies studied studying glasses passes bus buses yes us its ties pies lied died dies",
    ]
    // Long articles: the texts joined, with and without punctuation at the end.
    let all = texts.joined(separator: " ")
    texts.append(all)
    texts.append(all + ".")
    texts.append(String(repeating: "Officials said the river rose 2.5 metres overnight; residents fled. ", count: 40))
    return texts
  }()

  /// The words of `text` by the definition, as byte arrays (not lower-cased), in order.
  static func referenceWords(_ text: String) -> [[UInt8]] {
    let u = Array(text.utf8)
    func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    func startsBreak(_ i: Int) -> Bool {
      if u[i] == 0xE2 { return i + 2 < u.count && (u[i + 1] == 0x80 || u[i + 1] == 0x81) }
      if u[i] == 0xC2 { return i + 1 < u.count && [0xA0, 0xAB, 0xBB].contains(u[i + 1]) }
      return false
    }
    var words: [[UInt8]] = []
    var i = 0
    while i < u.count {
      if isLetter(u[i]) || (u[i] >= 0x80 && !startsBreak(i)) {
        var w: [UInt8] = []
        while i < u.count, isLetter(u[i]) || (u[i] >= 0x80 && !startsBreak(i)) {
          w.append(u[i])
          i += 1
        }
        words.append(w)
      } else if u[i] == 0xE2, startsBreak(i) {
        i += 3
      } else if u[i] == 0xC2, startsBreak(i) {
        i += 2
      } else {
        i += 1
      }
    }
    return words.filter { $0.count > 2 }
  }

  static func lowered(_ w: [UInt8]) -> String { String(decoding: w.map { $0 < 0x80 ? $0 | 0x20 : $0 }, as: UTF8.self) }

  static func fnv(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return h
  }

  /// `Salience.words(text)` by the definition.
  static func referenceWordSet(_ text: String) -> Set<String> {
    Set(referenceWords(text).map(lowered).filter { !Salience.stop.contains($0) }.map(Salience.stem))
  }

  /// `appendWordHashes` by the definition: words whose lower-cased hash is a stop word's are left out,
  /// the others hashed as their stems.
  static func referenceStoryHashes(_ text: String) -> [UInt64] {
    let stopHashes = Set(Salience.stop.map { fnv($0.utf8) })
    return referenceWords(text).map(lowered).filter { !stopHashes.contains(fnv($0.utf8)) }.map { fnv(Salience.stem($0).utf8) }
  }

  @Test func storyHashesAreThoseOfTheDefinition() {
    for text in Self.texts {
      var got: [UInt64] = []
      Salience.appendWordHashes(text, to: &got)
      #expect(got == Self.referenceStoryHashes(text), "\(text)")
    }
  }

  @Test func wordsAndSortedHashesAreThoseOfTheDefinition() {
    for text in Self.texts {
      let words = Self.referenceWordSet(text)
      #expect(Salience.words(text) == words, "\(text)")
      #expect(Salience.sortedWordHashes(text) == Array(Set(words.map(Salience.wordHash))).sorted(), "\(text)")
    }
    // The texts have words, stop words and stems to tell apart.
    #expect(Self.texts.filter { !Self.referenceWordSet($0).isEmpty }.count > 25)
  }

  /// A stop word found by its hash is confirmed as one integer when it has at most eight bytes and
  /// eight bytes can be read from its start (`packedLowered`): the word's bytes lower-cased, the first
  /// lowest, zeros after the last, whatever follows it. (`wordsAndSortedHashesAreThoseOfTheDefinition`
  /// confirms stop words both ways: inside texts, and at their ends with fewer than eight bytes left.)
  @Test func packedWordsAreTheirLowerCasedBytes() {
    let text = Array("The QUICK brown Fox said: Wednesday's THEIR mAy, they".utf8)
    text.withUnsafeBufferPointer { u in
      for start in 0...(u.count - 8) {
        for n in 1...8 {
          var expected: UInt64 = 0
          for j in 0..<n { expected |= UInt64(u[start + j] | 0x20) << (8 * j) }
          #expect(Salience.packedLowered(u.baseAddress! + start, n) == expected, "\(start) \(n)")
        }
      }
    }
    // Words that share their first letters differ: "the", "they", "their".
    let words = ["the", "they", "their", "THE"].map { w in Array((w + "........").utf8).withUnsafeBufferPointer { Salience.packedLowered($0.baseAddress!, w.utf8.count) } }
    #expect(Set(words).count == 3 && words[0] == words[3])
  }

  /// The first pass's story words and shingles, read in one pass, against the definition and
  /// `Syndication`'s own reading of the shingles (a plain loop over the bytes).
  @Test func firstPassWordsAndShinglesAreThoseOfTheDefinition() {
    for (k, text) in Self.texts.enumerated() {
      let other = Self.texts[(k + 7) % Self.texts.count]
      let doc = StoryWordsAndShinglesTests.document([(.headline, other), (.reportage, text), (.list, other), (.reportage, text + " " + other)])
      let both = AlignedClaims.storyWordsAndShingles(of: doc)
      let expected = Array(Set(Self.referenceStoryHashes(text) + Self.referenceStoryHashes(other) + Self.referenceStoryHashes(text + " " + other))).sorted()
      #expect(both.words == expected, "\(text)")
      #expect(AlignedClaims.storyWords(of: doc) == expected, "\(text)")
      #expect(both.shingles == Syndication.shingles(of: doc), "\(text)")
    }
  }
}
