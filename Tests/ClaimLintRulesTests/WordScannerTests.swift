import ClaimLintCore
import Testing

@testable import ClaimLintRules

/// `Salience` reads words with one scanner over the bytes in place (`scanWords`): each reading of it
/// (`words`, `wordHashes`, `sortedWordHashes`, and the story words and shingle words read together in
/// `AlignedClaims.storyWordsAndShingles`) must give what the plain byte rules give, computed here with
/// arrays and strings.
struct WordScannerTests {
  /// The words of the byte rules: runs of ASCII letters (lower-cased) and bytes outside ASCII; any
  /// other ASCII byte ends a word, and so do `E2 80 xx`, `E2 81 xx` (three bytes, when two follow) and
  /// `C2 A0`, `C2 AB`, `C2 BB`. Words of fewer than three bytes are dropped.
  static func plainWords(_ u: [UInt8]) -> [[UInt8]] {
    var words: [[UInt8]] = []
    var cur: [UInt8] = []
    func end() {
      if cur.count > 2 { words.append(cur) }
      cur = []
    }
    var i = 0
    while i < u.count {
      let b = u[i]
      if (0x41...0x5A).contains(b) {
        cur.append(b + 32)
      } else if (0x61...0x7A).contains(b) {
        cur.append(b)
      } else if b < 0x80 {
        end()
      } else if b == 0xE2, i + 2 < u.count, u[i + 1] == 0x80 || u[i + 1] == 0x81 {
        end()
        i += 3
        continue
      } else if b == 0xC2, i + 1 < u.count, [0xA0, 0xAB, 0xBB].contains(u[i + 1]) {
        end()
        i += 2
        continue
      } else {
        cur.append(b)
      }
      i += 1
    }
    end()
    return words
  }

  static func fnv(_ bytes: [UInt8]) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return h
  }

  /// The content words of the byte rules: without stop words, stemmed.
  static func plainContentWords(_ text: String) -> [String] {
    plainWords(Array(text.utf8)).map { String(decoding: $0, as: UTF8.self) }.filter { !Salience.stop.contains($0) }.map(Salience.stem)
  }

  /// The shingle words: runs of ASCII letters (lower-cased), digits and bytes outside ASCII.
  static func plainShingleWords(_ u: [UInt8]) -> [UInt64] {
    var out: [UInt64] = []
    var cur: [UInt8] = []
    for b in u {
      if (0x41...0x5A).contains(b) {
        cur.append(b + 32)
      } else if (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) || b >= 0x80 {
        cur.append(b)
      } else if !cur.isEmpty {
        out.append(fnv(cur))
        cur = []
      }
    }
    if !cur.isEmpty { out.append(fnv(cur)) }
    return out
  }

  /// Texts with what the readings tell apart: words after digits ("1990s", "5pm"), words joined to
  /// punctuation outside ASCII ("—word", "x–y"), letters of other scripts at either end of a word,
  /// stop words in capitals, stems, and longer news-like text.
  static let texts: [String] = [
    "",
    "ab",
    "abc",
    "The 1990s saw 5pm meetings; 3rd-quarter results rallied 12% in 2024-05-01.",
    "Officials\u{2014}citing growth\u{2014}said the \u{201C}reforms\u{201D} were x\u{2013}y and Meeting\u{2026}met",
    "\u{00E9}t\u{00E9} caf\u{00E9}s na\u{00EF}ve Stra\u{00DF}e \u{00AB}Nous\u{00BB}\u{00A0}d\u{00E9}clar\u{00E9}s r\u{00E9}sum\u{00E9}",
    "Zh\u{014D}nggu\u{00F3} \u{4E2D}\u{56FD}\u{7684}\u{7ECF}\u{6D4E} \u{041C}\u{043E}\u{0441}\u{043A}\u{0432}\u{0430} 15 \u{043C}\u{0430}\u{0440}\u{0442}\u{0430}",
    "THE POLICE SAID THAT THEY WERE THERE, Wednesday September Thursday theatre thesis",
    "Floods displaced 12,000 residents in Jakarta on Friday, officials said. The agency said rescuers had reached "
      + "the villages and that prices of rice rose. Ministries studied the studies; parties partied; the committee "
      + "meets while meetings continue. Rallies rallied. 2nd2nd a1b2c3 abc123def \u{2018}quoted\u{2019} ends\u{2014}",
  ]

  @Test(arguments: texts)
  func wordsAreThoseOfTheByteRules(text: String) {
    let plain = Self.plainContentWords(text)
    #expect(Salience.words(text) == Set(plain))
    #expect(Salience.sortedWordHashes(text) == Salience.sortedUnique(plain.map(Salience.wordHash)))
    #expect(Salience.wordHashes(text) == Set(plain.map { Self.fnv(Array($0.utf8)) }))
  }

  @Test(arguments: texts)
  func storyWordsAndShingleWordsReadTogether(text: String) {
    let doc = Document(
      source: SourceFile(path: "a.txt", text: text), format: .text, segments: [Segment(kind: .reportage, text: text, map: OffsetMap())])
    let both = AlignedClaims.storyWordsAndShingles(of: doc)
    #expect(both.words == Salience.sortedUnique(Self.plainContentWords(text).map { Self.fnv(Array($0.utf8)) }))
    var shingles = Self.plainShingleWords(Array(text.utf8))
    Syndication.makeShingles(&shingles)
    #expect(both.shingles == Salience.sortedUnique(shingles))
    #expect(text.count < 100 || both.shingles.count > 20)
  }

  /// Bytes that are not valid UTF-8 (a cut sequence at the end, a lone lead byte before a letter) are
  /// read by the same rules.
  @Test(arguments: [
    [0x61, 0x62, 0x63, 0xE2, 0x80], [0x61, 0x62, 0x63, 0xE2], [0x61, 0x62, 0x63, 0xC2], [0xE2, 0x80, 0x61, 0x62, 0x63, 0x64],
    [0x77, 0x6F, 0x72, 0x64, 0xC2, 0xA0, 0x77, 0x6F, 0x72, 0x6B, 0x73], [0xC3, 0x41, 0x42, 0x43, 0x20, 0x54, 0x48, 0x45],
  ] as [[UInt8]])
  func rawBytes(bytes: [UInt8]) {
    let plain = Self.plainWords(bytes).map { String(decoding: $0, as: UTF8.self) }.filter { !Salience.stop.contains($0) }.map(Salience.stem)
    let hashes = bytes.withUnsafeBufferPointer { Salience.sortedWordHashes($0) }
    #expect(hashes == Salience.sortedUnique(plain.map(Salience.wordHash)))
  }

  /// Sentences of a few to many content words, with repeats: the insertion sort for up to 32 words
  /// and the standard sort above it give the sorted words, each once. Bytes next to the letters
  /// (`@`, `[`, backtick, `{`) end words.
  @Test(arguments: [0, 1, 2, 5, 16, 31, 32, 33, 40, 63, 64, 65, 90])
  func sentencesOfManyWords(count: Int) {
    let vocabulary = [
      "Floods", "displaced", "RESIDENTS", "Jakarta", "officials", "rescuers", "villages", "rice", "prices", "rose", "agency", "reached",
      "ministries", "studies", "parties", "committee", "meetings", "rallies", "Budget", "deficit", "Governor", "Province",
    ]
    let separators = [" ", ", ", "@", "[", "`", "{", " the ", "\u{2014}", "; "]
    var text = ""
    for k in 0..<count {
      // Every word of the vocabulary once before any repeats, then repeats in another order.
      let word = k < vocabulary.count ? vocabulary[k] : vocabulary[(k * 7) % vocabulary.count] + (k % 3 == 0 ? "s" : "")
      text += word + separators[k % separators.count]
    }
    let plain = Self.plainContentWords(text)
    #expect(Salience.sortedWordHashes(text) == Salience.sortedUnique(plain.map(Salience.wordHash)))
    #expect(count < 3 || Salience.sortedWordHashes(text).count > 2)
  }
}
