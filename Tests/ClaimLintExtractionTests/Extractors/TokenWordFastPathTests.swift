@testable import ClaimLintExtraction
import Testing

/// The fast paths of the tokenizer and of the word scanner's token path give what the plain
/// computations give, on real-looking text and on every pairing of word shapes with the characters
/// that may join or end them.
@Suite struct TokenWordFastPathTests {
  /// Real-looking sentences: ASCII news prose, accented and non-Latin letters, digits with separators,
  /// apostrophes (inner, possessive, quoting), hyphens, quotes, URLs, e-mail addresses and emoji.
  static let prose: [String] = [
    "Officials said on Tuesday that 1,250 people, including 32 children, were evacuated from the U.S. base.",
    "The company's chief executive, Jane O'Neill, told Reuters: \"We don't expect 2024's figures to change.\"",
    "Prices rose 3.5% in March - the fastest pace since 2019 - according to the Bureau of Labor Statistics.",
    "See https://www.example.com/news/2024/03/a-b_c?id=42,7&lang=en or e-mail press@example.org for details.",
    "James's and Xi's aides met ABC's and NASA's teams; COVID-19's toll hit 6,000,000 (WHO, 2023).",
    "A well-known, long-running 10-year-old programme's end: 'quoted' words, ''s, -'s, a's, 12's, x'y.",
    "Müller’s Straße in São Paulo: über 3 000 Menschen, é, ñ, Ω, 東京 10:00 «x» — and “quotes” ‘too’.",
    "The emoji 🎉 and 👍🏽 appeared 5 times; naïve café owners said “it’s fine” 😀!",
    "Internationalization's extraordinarily-long-hyphenated-words and Representatives' ABCDEFGHIJKLMNOPQ.",
    "5,a a,5 5,5 a.5 5.a 1.2.3 -5 5- a- -a 'a a' a'' ''a .a a. ,a a, a-b-c 5-6,000 x's. y's, z's!",
    "I  a  A  Ab  AB  aB  word)  (word  [Word]  {x}  <y>  z!  q?  w;  e:  r/  t\\  u|  o@  p#",
    "",
    "x",
    "X's",
  ]

  /// Word shapes (lower-case, capitalized, upper-case, digits, long, with inner apostrophes) and the
  /// characters put between two of them.
  static let shapes = ["a", "ab", "the", "word", "Word", "WORD", "5", "42", "1999", "don't", "Xi's", "abc's", "extraordinarily", "Representatives", "x'y", "ABCDEFGHIJKLMNOPQRS"]
  static let glue = [" ", "", ",", ", ", ".", ". ", "-", " - ", "'", "' ", "'s", "'s ", "!", ") ", " (", "\t", "\r\n", ":", "/", "&"]

  /// Every pairing of two shapes with one glue, and of three shapes with two glues of a smaller set.
  static var pairings: [String] {
    var out: [String] = []
    for a in shapes {
      for g in glue {
        for b in shapes { out.append(a + g + b) }
      }
    }
    let few = ["", ",", ".", "-", "'", " "]
    for a in ["a", "5", "Ab"] {
      for g in few {
        for b in ["b", "6", "Cd"] {
          for h in few {
            for c in ["c", "7", "Ef", "s"] { out.append(a + g + b + h + c) }
          }
        }
      }
    }
    return out
  }

  /// The words read from a sentence's tokens (the fast path for most words of a plain sentence) are
  /// the words the byte scanner reads from its text, fresh and into a reused buffer.
  @Test func wordsFromTokensAreTheScannedWords() {
    var buffer: [Word] = []
    var tokenBuffer: [Token] = []
    for s in Self.prose + Self.pairings + Self.prose.reversed() {
      let bytes = Array(s.utf8)
      var plain = false
      Tokenizer.tokenize(bytes, into: &tokenBuffer, plain: &plain)
      let expected = WordScanner.words(s)
      tokenBuffer.withUnsafeBufferPointer { t in
        bytes.withUnsafeBufferPointer { u in
          let fresh = WordScanner.words(bytes: u, tokens: t, plain: plain)
          #expect(fresh == expected, "\(s)")
          #expect(fresh.map(\.text) == expected.map(\.text), "\(s)")
          #expect(fresh.map(\.lower) == expected.map(\.lower), "\(s)")
          WordScanner.words(bytes: u, tokens: t, plain: plain, into: &buffer)
          #expect(buffer == expected, "\(s)")
        }
      }
    }
  }

  /// The tokenizer's byte classes are the range tests they replaced, for every byte: white space
  /// (space, tab, line feed, carriage return), digits, letters, the three lead bytes of wide white
  /// space, every other byte that is not ASCII, and the rest.
  @Test func byteClassesAreTheRangeTests() {
    let table = ByteClass.table
    #expect(table.utf8CodeUnitCount == 256)
    for v in 0..<min(256, table.utf8CodeUnitCount) {
      let b = UInt8(v)
      let cls = table.utf8Start[v]
      let expected: UInt8
      if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
        expected = ByteClass.space
      } else if b >= 0x30 && b <= 0x39 {
        expected = ByteClass.digit
      } else if (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) {
        expected = ByteClass.letter
      } else if b == 0xC2 || b == 0xE2 || b == 0xE3 {
        expected = ByteClass.wideSpaceLead
      } else if b >= 0x80 {
        expected = ByteClass.nonASCII
      } else {
        expected = ByteClass.other
      }
      #expect(cls == expected, "byte \(b)")
      #expect((cls >= ByteClass.nonASCII) == (b >= 0x80), "byte \(b)")
    }
  }

  /// Tokens of real-looking text (white space of every kind, wide spaces, digits, letters, symbols)
  /// in their plain form: what each token covers, its kind and its spacing, checked against the
  /// text's characters.
  @Test func tokensCoverTheTextAsItsCharactersSay() {
    let extra = ["a\u{00A0}b\u{2009}c\u{202F}d\u{3000}e\u{2003}f", "\u{00A9} \u{2014} \u{3001} x\u{0B}y\u{0C}z", "tab\there\r\nnew"]
    for s in Self.prose + extra {
      let bytes = Array(s.utf8)
      var last = 0
      for t in Tokenizer.tokenize(bytes) {
        // Only white space lies between tokens.
        let gap = String(decoding: bytes[last..<t.start], as: UTF8.self)
        #expect(gap.unicodeScalars.allSatisfy { " \t\n\r\u{00A0}\u{202F}\u{3000}".unicodeScalars.contains($0) || (0x2000...0x200A).contains($0.value) }, "\(s) [\(gap)]")
        let text = String(decoding: bytes[t.start..<t.end], as: UTF8.self)
        switch t.kind {
        case .digits: #expect(text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }, "\(s) \(text)")
        case .word: #expect(text.unicodeScalars.first!.properties.isAlphabetic, "\(s) \(text)")
        case .symbol: #expect(text.unicodeScalars.count == 1 && !text.unicodeScalars.first!.properties.isAlphabetic && !(0x30...0x39).contains(text.unicodeScalars.first!.value), "\(s) \(text)")
        }
        last = t.end
      }
      let tail = String(decoding: bytes[last...], as: UTF8.self)
      #expect(tail.unicodeScalars.allSatisfy { $0.properties.isWhitespace }, "\(s) [\(tail)]")
    }
  }

  /// The role filter of `ExtractionLexicons.mark` lets every key through (a token it stopped would
  /// lose its roles) and stops most other words: checked on keys of every shape (words, short words,
  /// punctuation, phrases' first words, digits) against the words of real-looking text.
  @Test func roleFilterHoldsEveryKeyAndFewOthers() {
    let keys = ["a", "an", "the", "on", "in", ".", "-", "$", "%", "between", "from", "january", "monday", "one",
      "twelve", "million", "billion", "percent", "killed", "rose", "fell", "about", "nearly", "up", "to", "mid",
      "yesterday", "according", "reportedly", "euros", "dollars", "'s", "don't"] + (0..<1000).map { "key\($0)" }
    let filter = ExtractionLexicons.roleFilter(of: keys)
    filter.withUnsafeBufferPointer { f in
      for k in keys {
        let h = WordTable<Bool>.asciiHash(k)!
        #expect(ExtractionLexicons.roleFilterMayHold(f, h), "\(k)")
      }
      var others = 0
      var passed = 0
      for s in Self.prose + Self.pairings {
        for t in Tokenizer.tokenize(Array(s.utf8)) where t.lowerHash != 0 && !keys.contains(t.lower) {
          others += 1
          if ExtractionLexicons.roleFilterMayHold(f, t.lowerHash) { passed += 1 }
        }
      }
      // About 1,000 keys in 32,768 bits: some 3% of other words pass.
      #expect(others > 1000 && passed * 10 < others, "\(passed) of \(others)")
    }
  }

  /// The word scanner's table of ASCII classes is the switch it replaced, for every ASCII byte.
  @Test func scannerClassesAreTheSwitch() {
    #expect(WordScanner.asciiClasses.utf8CodeUnitCount == 128)
    for v in 0..<0x80 {
      let b = UInt8(v)
      let expected: WordScanner.Class
      switch b {
      case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: expected = .word
      case 0x2D, 0x27, 0x2E: expected = .joiner
      case 0x2C: expected = .comma
      case 0x20, 0x09...0x0D: expected = .space
      default: expected = .other
      }
      #expect(WordScanner.asciiClass(b) == expected, "byte \(b)")
    }
  }
}
