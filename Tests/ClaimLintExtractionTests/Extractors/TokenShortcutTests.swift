@testable import ClaimLintExtraction
import Testing

/// The shortcuts that read a token's hash or a word's bytes give what the string code they replaced
/// gives.
@Suite struct TokenShortcutTests {
  /// Sentences with every kind of token: ASCII punctuation, dashes, typographic apostrophes, letters
  /// outside ASCII, stray bytes.
  static let sentences: [String] = [
    "Police arrested 40 people (aged 18-25) on Monday - a record; 3.5% of 1,200, #7 / 9:30 a.m. + more!",
    "The “minister” said – and wasn’t wrong — that 5‑6 of them: A, B, c & d @ www.example.com?",
    "Müller’s Straße, São Paulo: über 3 000 Menschen, é, ñ, Ω, 東京 10:00 «x» 'y' `z` ~ | \\ ^ _ = { }",
    "I.  Two\u{00A0}spaces\u{2009}thin \u{FF10}",
  ]

  @Test func isByteMatchesTheLowerCasedText() {
    for s in Self.sentences {
      var bytes = Array(s.utf8)
      bytes.append(0x80)  // a stray continuation byte: a one-byte symbol that is not ASCII
      for t in Tokenizer.tokenize(bytes) {
        for b in UInt8(0)..<0x80 {
          #expect(t.isByte(b) == (t.lower == String(UnicodeScalar(b))), "\(t.lower) \(b)")
        }
      }
    }
  }

  /// ASCII sentences with the joins and splits the word scanner makes: periods, hyphens, apostrophes,
  /// commas between digits, possessives, letters next to digits, white space of every ASCII kind.
  static let asciiSentences: [String] = [
    "The U.S. and H5N1: Xi's 90's rock'n'roll, well-known 1,000,000 a,b 5-6,000 -5 'quoted' don't.",
    "  leading and trailing spaces \t tabs\r\nlines  ",
    "James's boss's ss's a's 12's x'y ''s -'s . ,5 5, 5,a a.5 1.2.3 COVID-19's e-mail",
    "a\u{0B}b\u{0C}c d",
    "x",
    "",
  ]

  @Test func wordsFromTokensAreTheScannedWords() {
    for s in Self.asciiSentences + Self.sentences {
      let bytes = Array(s.utf8)
      var plain = false
      let tokens = Tokenizer.tokenize(bytes, plain: &plain)
      #expect(plain == (s.utf8.allSatisfy { $0 < 0x80 } && !s.utf8.contains(0x0B) && !s.utf8.contains(0x0C)), "\(s)")
      let fast = tokens.withUnsafeBufferPointer { t in
        bytes.withUnsafeBufferPointer { WordScanner.words(bytes: $0, tokens: t, plain: plain) }
      }
      #expect(fast == WordScanner.words(s), "\(s)")
    }
  }

  @Test func lowerIsIsTheStringComparison() {
    let keys = ["the", "of", "and", "a", "in", "at", "don't", "wasn't", "between", "from", "-", "mid", "s"]
    for s in Self.asciiSentences + Self.sentences {
      let bytes = Array(s.utf8)
      for t in Tokenizer.tokenize(bytes) {
        for k in keys { #expect(t.lowerIs(k) == (t.lower == k), "\(t.lower) \(k)") }
      }
      for w in WordScanner.words(s) {
        for k in keys { #expect(w.lowerIs(k) == (w.lower == k), "\(w.lower) \(k)") }
      }
    }
  }

  @Test func byteHashesAreDistinctAndAreTheTableHash() {
    var seen: Set<UInt64> = []
    for b in UInt8(0)..<0x80 {
      #expect(Token.byteHash(b) == WordTable<Bool>.hashCode(bytes: [b]))
      seen.insert(Token.byteHash(b))
    }
    #expect(seen.count == 128)
  }

  @Test func hyphenOfTokenMatchesHyphenOfText() throws {
    let parser = NumberParser(lexicons: try ExtractionFixture.lexicons())
    for s in Self.sentences + ["a-b a–b a—b a‑b a−b - – — ‑"] {
      for t in Tokenizer.tokenize(Array(s.utf8)) {
        #expect(parser.isHyphen(t) == parser.isHyphen(t.lower), "\(t.lower)")
      }
    }
  }

  @Test func pairHashIsTheHashOfThePair() {
    for (a, b) in [("police", "officers"), ("gang", "members"), ("", "x"), ("a", ""), ("scam-centre", "workers")] {
      #expect(QuantityExtractor.pairHash(a, b) == WordTable<Bool>.asciiHash(a + " " + b))
    }
    #expect(QuantityExtractor.pairHash("café", "owners") == 0)
  }

  /// `regularSingular` as it was written on characters.
  static func slowSingular(_ w: String) -> String {
    let n = w.utf8.count
    func ends(_ s: String) -> Bool { w.hasSuffix(s) }
    if n > 3, ends("men") { return String(w.dropLast(3)) + "man" }
    guard n > 3, w.utf8.last == UInt8(ascii: "s") else { return w }
    if ends("ss") || ends("us") || ends("is") { return w }
    if ends("ies") { return String(w.dropLast(3)) + "y" }
    if ends("ches") || ends("shes") || ends("xes") || ends("zes") || ends("sses") { return String(w.dropLast(2)) }
    return String(w.dropLast())
  }

  @Test func regularSingularOnBytesMatchesCharacters() {
    let words = [
      "fishermen", "men", "casualties", "boxes", "churches", "wishes", "buzzes", "classes", "status", "crisis", "cars",
      "s", "ss", "bus", "officers", "policemen", "pies", "caf\u{E9}s", "na\u{EF}ves", "x\r\ns", "abcs", "", "gas",
      // Longer than 15 bytes (not small strings): built in one allocation.
      "counterinsurgencies", "parliamentarians", "representativeswitches", "internationalboxes", "congressionalchairmen",
      "overwhelmingstatus", "intergovernmental",
    ]
    for w in words {
      #expect(ExtractionLexicons.regularSingular(w) == Self.slowSingular(w), "\(w)")
    }
  }

  @Test func namesMatchesSplitting() {
    let people = ["Amara Nwosu", "Xi", " Lead  Space ", "Jean-Luc Picard", "Ana María López", "A B C", "", "   ", "Kim Jong Un"]
    let words = ["Amara", "Nwosu", "Xi", "Lead", "Space", "Jean-Luc", "Picard", "Ana", "López", "A", "C", "B", "", "Kim", "Un", "\u{212A}im"]
    for full in people {
      for word in words {
        let parts = full.split(separator: " ").map(String.init)
        let expected = full == word || parts.first == word || parts.last == word
        #expect(AttributionExtractor.names(full, word) == expected, "\(full) / \(word)")
      }
    }
  }

  /// The small strings made from packed bytes are the strings the standard library makes, for every
  /// length up to fifteen bytes, and the check that allows them passes on this toolchain.
  @Test func smallASCIIStringsAreTheStandardLibrarysStrings() {
    #expect(SmallASCII.isAvailable)
    let sample = Array("The 2024 O'Brien-Smith, U.S. \t\u{0}\u{7F}zZ~!".utf8)
    for count in 1...SmallASCII.maxCount {
      for offset in 0...(sample.count - count) {
        let bytes = Array(sample[offset..<(offset + count)])
        var low: UInt64 = 0
        var high: UInt64 = 0
        for b in bytes {
          high = (high &<< 8) | (low &>> 56)
          low = (low &<< 8) | UInt64(b)
        }
        let expected = String(decoding: bytes, as: UTF8.self)
        let made = SmallASCII.string(packedLow: low, high: high, count: count)
        #expect(made == expected)
        #expect(Array(made.utf8) == bytes)
        #expect(made.hashValue == expected.hashValue)
        #expect(unsafeBitCast(made, to: (UInt64, UInt64).self) == unsafeBitCast(expected, to: (UInt64, UInt64).self))
      }
    }
  }

  /// A word's lower-cased text and hash are the same whether its string is made as a small string (up
  /// to fifteen bytes, any case) or from its bytes; digits and one-character symbols too.
  @Test func shortWordsGiveTheLowerCasedText() {
    let s =
      "THE The the Government GOVERNMENT government's Governments governmental according ACCORDING "
      + "internationally intergovernmental supercalifragilisticexpialidocious o'clock rock'n'roll don't "
      + "DON'T wasn’t September SEPTEMBERS Wednesday wednesdays a I x Zz ab officials OFFICIALS's "
      + "7 42 123456789012345 1234567890123456 $5, (x) \u{1}\u{7F} – ABCDEFGHIJKLMNO ABCDEFGHIJKLMNOP"
    let bytes = Array(s.utf8)
    for t in Tokenizer.tokenize(bytes) {
      let folded = String(decoding: bytes[t.start..<t.end], as: UTF8.self).replacingOccurrences(of: "’", with: "'")
      let expected = String(decoding: folded.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
      #expect(t.lower == expected, "\(t.lower)")
      if t.kind != .symbol || t.length == 1 {
        #expect(t.lowerHash == WordTable<Bool>.hashCode(bytes: expected.utf8), "\(t.lower)")
      }
    }
  }
}

extension TokenShortcutTests {
  /// A token buffer reused sentence after sentence, its old tokens overwritten in place (long words
  /// on the heap, short ones not) and grown or cut, holds exactly the tokens a fresh tokenization
  /// makes, in every order of long and short sentences.
  @Test func reusedTokenBufferHoldsTheTokensOfAFreshTokenization() {
    #if arch(x86_64) || arch(arm64)
      #expect(Token.referenceBitsKnown)
    #endif
    let long = "Internationalization's extraordinarily long ABCDEFGHIJKLMNOPQRS words, Müller’s Straße"
    let sentences = Self.sentences + Self.asciiSentences + [long, long + " " + long, "x", "  ", "a b c d e f g h"]
    var buffer: [Token] = []
    for s in sentences + sentences.reversed() + sentences {
      let bytes = Array(s.utf8)
      var plain = true
      let fresh = Tokenizer.tokenize(bytes, plain: &plain)
      var reusedPlain = !plain
      Tokenizer.tokenize(bytes, into: &buffer, plain: &reusedPlain)
      #expect(buffer == fresh, "\(s)")
      #expect(buffer.map(\.lower) == fresh.map(\.lower), "\(s)")
      #expect(reusedPlain == plain, "\(s)")
      // Every field but the text changed (roles as `ExtractionLexicons.mark` sets them), so that the
      // next sentence's tokens must each write them all.
      for k in buffer.indices {
        buffer[k].roles = 0
        buffer[k].kind = buffer[k].kind == .symbol ? .word : .symbol
        buffer[k].start += 1
        buffer[k].end += 2
        buffer[k].spaceBefore += 3
        buffer[k].lowerHash ^= 0x55
        buffer[k].singleSpaceBefore.toggle()
        buffer[k].isCapitalized.toggle()
        buffer[k].mayHaveUpper.toggle()
      }
    }
  }

  /// The small strings read eight bytes at a time are the lower-cased text, for every length and
  /// place in the buffer (at its start, at its end, in buffers shorter than eight bytes), and
  /// `hadUpper` tells whether a letter was upper-case.
  @Test func loadedSmallStringsAreTheLowerCasedText() {
    #expect(SmallASCII.isAvailable)
    for text in ["abcdefghijklmnopqrstuvwxyz", "O'BrienSmithXYZabc", "AbC", "x", "Don'tTHEthe"] {
      let all = Array(text.utf8)
      for length in 1...all.count {
        do {
          let bytes = Array(all[0..<length])
          for start in 0..<length {
            for end in (start + 1)...min(length, start + SmallASCII.maxCount) {
              let word = Array(bytes[start..<end])
              let expected = String(decoding: word.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
              let (lowered, raw) = bytes.withUnsafeBufferPointer { b in
                (SmallASCII.load(b, start, end, lowered: true), SmallASCII.load(b, start, end, lowered: false))
              }
              #expect(SmallASCII.string(bits: lowered.bits) == expected, "\(text) \(start) \(end)")
              #expect(lowered.hadUpper == word.contains { $0 >= 0x41 && $0 <= 0x5A }, "\(text) \(start) \(end)")
              #expect(SmallASCII.string(bits: raw.bits) == String(decoding: word, as: UTF8.self), "\(text) \(start) \(end)")
              #expect(lowered.bits == SmallASCII.bits(packedLow: Self.packed(expected).low, high: Self.packed(expected).high, count: end - start))
            }
          }
        }
      }
    }
  }

  /// The bytes of `s` packed, first byte highest, as `SmallASCII.bits(packedLow:high:count:)` takes them.
  static func packed(_ s: String) -> (low: UInt64, high: UInt64) {
    var low: UInt64 = 0
    var high: UInt64 = 0
    for b in s.utf8 {
      high = (high &<< 8) | (low &>> 56)
      low = (low &<< 8) | UInt64(b)
    }
    return (low, high)
  }
}
