import ClaimLintCore
@testable import ClaimLintExtraction
import Testing

/// The shortcuts of the third round on the word extractors and dates give what the code they replaced
/// gives: joined words, name parts, role strings, dashes, the evidence writer.
@Suite struct WordShortcutTests {
  /// Words of every kind: ASCII, upper-case, accented, typographic apostrophes, digits, a Kelvin sign.
  static let sentences: [String] = [
    "Foreign Minister Wang Yi said the United States and Myanmar's junta met in Chiang Mai on Monday.",
    "“We didn’t agree,” said Müller, the São Paulo mayor; officials wouldn't say, and I can't either.",
    "according to the Ministry of Foreign Affairs, 3.5% of 1,200 people fled to Hong Kong - New York",
    "The Deputy Prime Minister and Union Minister for Foreign Affairs of the Republic met 5 \u{212A}elvin envoys",
    "",
  ]

  /// A buffer reused sentence after sentence, its old words overwritten in place (long words on the
  /// heap, short and literal ones not), holds exactly the words a fresh scan makes, with and without
  /// tokens, in every order of long and short sentences.
  @Test func reusedBufferHoldsTheWordsOfAFreshScan() {
    #if arch(x86_64) || arch(arm64)
      #expect(Word.referenceBitsKnown)
    #endif
    let long = "Extraordinarily-long-hyphenated-words and Internationalization's representatives, U.S.-based"
    // Capitalized words of 1…15 bytes at the start, inside and at the end (read before, across and
    // past the last eight bytes), whose text is read from the bytes eight at a time.
    let capitalized = "Representatives of Washington's Environmental Chancellery met AbcdefghiJklmno"
    let sentences =
      Self.sentences + [long, "A b.", long + " " + long, "x", "Müller’s extraordinarily long neighbourhood's", capitalized, "Ab Cd", "Abcdefghi"]
    var buffer: [Word] = []
    for s in sentences + sentences.reversed() + sentences {
      let bytes = Array(s.utf8)
      var plain = false
      let tokens = Tokenizer.tokenize(bytes, plain: &plain)
      bytes.withUnsafeBufferPointer { u in
        tokens.withUnsafeBufferPointer { t in
          let fresh = WordScanner.words(bytes: u, tokens: t, plain: plain)
          #expect(fresh == WordScanner.words(s), "\(s)")
          WordScanner.words(bytes: u, tokens: t, plain: plain, into: &buffer)
          #expect(buffer == fresh, "\(s)")
          #expect(buffer.map(\.lower) == fresh.map(\.lower), "\(s)")
          WordScanner.words(bytes: u, tokens: t, plain: nil, into: &buffer)
          #expect(buffer == fresh, "\(s)")
          WordScanner.words(bytes: u, tokens: UnsafeBufferPointer(start: nil, count: 0), plain: nil, into: &buffer)
          #expect(buffer == fresh, "\(s)")
        }
      }
    }
  }

  /// `Word.lowerIsRangeBytes` is what `AttributionExtractor.keptContent` tested before it: `lower`
  /// is ASCII (it has a hash) and as long as the range; and when it is set, the sentence's bytes
  /// there, capitals lower-cased, are `lower`. Checked on words from every path of the scanner
  /// (tokens of a plain sentence, tokens of another, bytes alone), possessives with "'s" and "’s",
  /// accented and long words included. The flag takes no room of its own.
  @Test func lowerIsRangeBytesMatchesTheLengthTest() {
    #if arch(x86_64) || arch(arm64)
      #expect(MemoryLayout<Word>.size == 72)
    #endif
    let sentences =
      Self.sentences + [
        "Myanmar’s junta and Thailand's army, Müller’s and Internationalization's representatives met",
        "U.S.-based 1,200 A b. x's a’s ÄÖÜ São Paulo’s \u{212A}elvin's 3.5% self-made",
      ]
    var checked = (set: 0, clear: 0)
    for s in sentences {
      let bytes = Array(s.utf8)
      var plain = false
      let tokens = Tokenizer.tokenize(bytes, plain: &plain)
      bytes.withUnsafeBufferPointer { u in
        tokens.withUnsafeBufferPointer { t in
          for ws in [WordScanner.words(bytes: u, tokens: t, plain: plain), WordScanner.words(s)] {
            for w in ws {
              #expect(w.lowerIsRangeBytes == (w.lowerHash != 0 && w.range.count == w.lower.utf8.count), "\(s) \(w.text)")
              if w.lowerIsRangeBytes {
                checked.set += 1
                let lowered = bytes[w.range].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
                #expect(lowered == Array(w.lower.utf8), "\(s) \(w.text)")
              } else {
                checked.clear += 1
              }
            }
          }
        }
      }
    }
    #expect(checked.set > 50 && checked.clear > 5)
  }

  @Test func joinedWordsMatchTheJoinedArrays() {
    for s in Self.sentences {
      let ws = WordScanner.words(s)
      for a in 0...ws.count {
        for b in a...ws.count {
          #expect(ws.joinedText(a, b) == ws[a..<b].map(\.text).joined(separator: " "), "\(s) \(a) \(b)")
          #expect(ws.joinedLower(a, b) == ws[a..<b].map(\.lower).joined(separator: " "), "\(s) \(a) \(b)")
          let slice = ws[a..<b]
          #expect(
            AttributionExtractor.joinedLower(slice, skippingArticles: false)
              == slice.map { $0.lower }.filter { $0 != "the" }.joined(separator: " "))
          #expect(
            AttributionExtractor.joinedLower(slice, skippingArticles: true)
              == slice.map { $0.lower }.filter { $0 != "the" && $0 != "a" && $0 != "an" }.joined(separator: " "))
        }
      }
    }
  }

  /// Names with single, double, leading and trailing spaces, accents, a Kelvin sign and CR LF.
  static let names = [
    "Wang Yi", "Aung San Suu Kyi", "Yi", "", " ", "  Wang  Yi  ", "Müller", "José María Aznar", "\u{212A}im Lee",
    "Kim\r\nLee", "Lee Kim", "Hun Manet", "A", "Wang", "Yi Wang",
  ]

  @Test func namePartsMatchTheSplit() {
    for n in Self.names {
      #expect(EventExtractor.nameParts(n) == n.split(separator: " ").map(String.init), "\(n)")
      #expect(EventExtractor.characterCount(n) == n.count, "\(n)")
      for text in ["Wang", "Yi", "Lee", "Kim", "Müller", "Aznar", "José", "Kim\r\nLee", "", "\u{212A}im", "Kim"] {
        let parts = n.split(separator: " ").map(String.init)
        #expect(
          AttributionExtractor.firstOrLastPart(of: n, is: text) == (parts.first == text || parts.last == text), "\(n) \(text)")
      }
    }
  }

  @Test func roleStringsMatchTheJoinedArrays() {
    let lists: [[String]] = [[], ["deputy"], ["senior", "deputy"], ["", "deputy"], ["z", "a", "m"]]
    for ranks in lists {
      for portfolios in lists {
        for phrase in ["minister", "", "prime minister"] {
          let rank = ranks.sorted().joined(separator: " ")
          let port = portfolios.sorted().joined(separator: " ")
          let reference = [rank, phrase].filter { !$0.isEmpty }.joined(separator: " ") + (port.isEmpty ? "" : " [\(port)]")
          #expect(PersonTitleExtractor.role(phrase, ranks: ranks, portfolios: portfolios) == reference)
        }
      }
    }
  }

  @Test func rolesOfARangeMatchRolesOfItsCopy() {
    let titles = PersonTitleExtractor(lexicons: ExtractionFixture.lexiconSet())
    for s in Self.sentences {
      let ws = WordScanner.words(s)
      for a in 0...ws.count {
        for b in a...ws.count {
          #expect(titles.roles(ws, a..<b) == titles.roles(of: Array(ws[a..<b])), "\(s) \(a) \(b)")
        }
      }
    }
  }

  @Test func dashTestsMatchTheStringComparisons() {
    for s in ["-", "–", "—", "a-b", "2-3 – 4 — 5", "−", "--", "ab", ""] {
      for t in Tokenizer.tokenize(Array(s.utf8)) {
        #expect(DateExtractor.isDash(t) == (t.lower == "-" || t.lower == "–" || t.lower == "—"), "\(s)")
        #expect(DateExtractor.isEnDash(t) == (t.lower == "–"), "\(s)")
      }
    }
  }

  @Test func evidenceWriterMatchesInterpolation() throws {
    let date = try #require(CalendarDate(year: 2024, month: 8, day: 7))
    for text in ["", "a", "August", "São Paulo", String(repeating: "x", count: 15), String(repeating: "y", count: 16)] {
      for count in [0, 1, 12, 190, 200] {
        let long = String(repeating: "z", count: count)
        let made = EvidenceText.make { w in
          w.add(text)
          w.add(" ")
          w.add(long)
          w.add(-42)
          w.add(date)
        }
        #expect(made == "\(text) \(long)-42\(date)", "\(text) \(count)")
      }
    }
  }
}

extension WordShortcutTests {
  @Test func startsWithLetterMatchesTheProperty() {
    for s in Self.sentences + ["Éclair ’s 3rd 'quoted' ß"] {
      let ws = WordScanner.words(s)
      for k in ws.indices { #expect(ws.startsWithLetter(at: k) == ws[k].startsWithLetter, "\(s) \(k)") }
    }
  }
}
