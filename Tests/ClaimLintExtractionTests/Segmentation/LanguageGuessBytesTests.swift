@testable import ClaimLintExtraction
import Testing

/// The byte-level guess gives the verdict of the plain reading it replaced, character by character.
@Suite struct LanguageGuessBytesTests {
  /// The packed lookup holds words of up to eight bytes; every listed word must fit.
  @Test func stopWordsFitInEightBytes() {
    #expect(LanguageGuess.maxStopWordBytes <= 8)
  }

  /// The eight-byte read of a short word gives the key the byte-by-byte packing gives, for every
  /// length, case mix and the bytes that follow the word.
  @Test func packedLowerMatchesPacked() {
    let letters = Array("aZbYcXdWeVfUgThS".utf8)
    for length in 1...8 {
      for shift in 0..<8 {
        var bytes = (0..<length).map { letters[($0 + shift) % letters.count] }
        let expected = LanguageGuess.packed(bytes.map { $0 | 0x20 })
        bytes += Array(" ,\u{E9}xyzXYZ!".utf8)
        let key = bytes.withUnsafeBytes { LanguageGuess.packedLower($0.baseAddress!, length) }
        #expect(key == expected, "length \(length) shift \(shift)")
      }
    }
  }

  /// The eight-byte letter test marks exactly the bytes the byte-by-byte test says are no ASCII
  /// letter, for every byte value at every position among letters, spaces and high bytes.
  @Test func nonLetterBytesMatchesTheByteTest() {
    for fill: UInt8 in [0x61, 0x5A, 0x20, 0x00, 0x7B, 0xFF, 0xC3] {
      for position in 0..<8 {
        for value in 0...255 {
          var bytes = [UInt8](repeating: fill, count: 8)
          bytes[position] = UInt8(value)
          var expected: UInt64 = 0
          for (k, b) in bytes.enumerated() where !((b | 0x20) &- 0x61 < 26) { expected |= 0x80 << (8 * UInt64(k)) }
          let v = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
          #expect(LanguageGuess.nonLetterBytes(v) == expected, "fill \(fill) position \(position) value \(value)")
        }
      }
    }
  }

  /// Short words at the end of a text, where fewer than eight bytes follow, and words that begin
  /// after a Latin letter with a diacritic still give the plain reading's verdict.
  @Test func shortWordsNearTheEndOfATextAgree() {
    let texts = [
      String(repeating: "the die und der ist das ", count: 20) + "the",
      String(repeating: "Le chat est sur la table et il dort ", count: 12) + "et la",
      String(repeating: "für die Kinder ist über das Haus nicht schön ", count: 10),
      String(repeating: "The cat, the dog. And THE bird; of it ", count: 12),
    ]
    for text in texts {
      #expect(LanguageGuess.guess([text]) == Self.reference([text]))
      #expect(LanguageGuess.guess(all: [text, text]) == Self.reference([text, text]))
    }
  }

  /// Words ending at, just before and just after the character limit, followed by spaces or by
  /// punctuation, with the limit deciding whether the second German word is counted (two make the
  /// verdict German): the whole-word shortcut must count exactly the words the plain reading counts.
  @Test func wordsAroundTheCharacterLimitAgree() {
    for shift in 0..<24 {
      for separator in [" ", ", ", ".\n", "\u{E9} "] {
        let filler = String(repeating: "x", count: shift) + " " + String(repeating: "xq ", count: 1998)
        let text = filler + "der" + separator + "die" + separator + "und" + separator
        #expect(LanguageGuess.guess([text]) == Self.reference([text]), "shift \(shift) \(separator)")
        #expect(LanguageGuess.guess(all: [text]) == Self.reference([text]), "shift \(shift) \(separator)")
        #expect(LanguageGuess.guess(all: ["x", text]) == Self.reference(["x", text]), "shift \(shift) \(separator)")
      }
    }
  }

  /// A tally of masks counts each language as often as its bit is set, for every language and for
  /// words listed in several languages ("que", "con", "die").
  @Test func tallyCountsEachLanguage() {
    let masks: [UInt16] = [1, 2, 0x80, 0x81, 0xFF, 0x18, 0x0F, 0xF0] + LanguageGuess.stopWords.flatMap(\.words).map {
      LanguageGuess.languagesOfWord[$0] ?? 0
    }
    var tally = LanguageGuess.Tally()
    var plain = [Int](repeating: 0, count: 8)
    for round in 0..<300 {
      let mask = masks[round % masks.count]
      tally += LanguageGuess.Tally(mask: mask)
      for k in 0..<8 where mask & (1 << k) != 0 { plain[k] += 1 }
      #expect((0..<8).map { tally[$0] } == plain)
    }
  }

  /// The guess as it was first written: one scalar at a time, each word looked up as a `String`.
  static func reference<S: Sequence>(_ texts: S) -> LanguageGuess.Verdict where S.Element == String {
    var counts = [Int](repeating: 0, count: LanguageGuess.stopWords.count)
    var words = 0
    var latinLetters = 0
    var otherLetters = 0
    let limit = 6000
    var seen = 0
    for text in texts where seen < limit {
      var word: [UInt8] = []
      func flush() {
        guard !word.isEmpty else { return }
        words += 1
        if word.count <= LanguageGuess.maxStopWordBytes, let mask = LanguageGuess.languagesOfWord[String(decoding: word, as: UTF8.self)] {
          for k in counts.indices where mask & (1 << k) != 0 { counts[k] += 1 }
        }
        word.removeAll(keepingCapacity: true)
      }
      for scalar in text.unicodeScalars {
        let v = scalar.value
        if (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) {
          latinLetters += 1
          word.append(UInt8(v | 0x20))
        } else if v >= 0xC0 && v <= 0x24F && v != 0xD7 && v != 0xF7 {
          latinLetters += 1
          word.append(contentsOf: String(scalar).lowercased().utf8)
        } else {
          if v >= 0x80, scalar.properties.isAlphabetic { otherLetters += 1 }
          flush()
        }
        seen += 1
        if seen >= limit { break }
      }
      flush()
    }
    if otherLetters > 200, otherLetters > latinLetters {
      return .init(isEnglish: false, language: "a non-Latin script")
    }
    guard words >= 40 else { return .init(isEnglish: true, language: nil) }
    let english = counts[0]
    var best = 0
    for k in 1..<counts.count where counts[k] > counts[best] { best = k }
    if best != 0, counts[best] >= 2 * max(english, 1), Double(english) / Double(words) < 0.08 {
      return .init(isEnglish: false, language: LanguageGuess.stopWords[best].language)
    }
    return .init(isEnglish: true, language: nil)
  }

  static let english = String(repeating: LanguageGuessTests.english + " ", count: 3)
  static let german = String(repeating: LanguageGuessTests.german + " ", count: 3)
  static let russian = LanguageGuessTests.russian

  /// Long and short texts, mixed languages, texts that end mid-word, and letters with diacritics.
  static let cases: [[String]] = [
    [english], [german], [russian], [LanguageGuessTests.french], [LanguageGuessTests.spanish],
    [english + german], [german + english], [english, german, german, german], [russian + english],
    [String(english.prefix(4000)) + russian + russian], ["Für die Welt", "è più", "ÜBER DIE"], ["a", "b", "c"],
    Array(repeating: "der die das", count: 400), Array(repeating: "the", count: 3000), ["İstanbul fu\u{308}r für"],
    [String(repeating: "x", count: 7000)], [String(repeating: "x y ", count: 2000) + german],
  ]

  @Test(arguments: cases)
  func sameVerdictAsThePlainReading(_ texts: [String]) {
    #expect(LanguageGuess.guess(texts) == Self.reference(texts))
  }
}
