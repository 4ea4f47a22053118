import ClaimLintCore
@testable import ClaimLintExtraction
import Testing

/// The eight-byte scans of the attribution extractor give what a byte-by-byte loop gives.
@Suite struct AttributionBytesTests {
  /// Byte strings of every kind: empty, shorter than eight bytes, not a multiple of eight, ASCII of
  /// both cases with the letters' neighbours ("@", "[", "`", "{"), bytes at and above 0x80 (also
  /// ones whose low seven bits are capitals: 0xC1, 0xDA).
  static func samples() -> [[UInt8]] {
    var out: [[UInt8]] = [[], [0x22], [0xE2], [0x41], [0x5A, 0x40, 0x5B, 0x60, 0x7B]]
    out.append(Array("Foreign Minister WANG Yi SAID @[`{ the AZ az".utf8))
    out.append(Array("“Wir sind São Paulo”, ÄÖÜ said Müller".utf8))
    out.append([0xC1, 0xDA, 0xC0, 0xDB, 0x80, 0xFF, 0x7F, 0x00, 0x41, 0x5A, 0xE1, 0xE3, 0x21, 0x23])
    // A pseudo-random walk over all bytes, lengths 0 to 40.
    var x: UInt64 = 0x9E37_79B9_7F4A_7C15
    for n in 0...40 {
      var b: [UInt8] = []
      for _ in 0..<n {
        x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        b.append(UInt8(truncatingIfNeeded: x >> 56))
      }
      out.append(b)
      // The same bytes with every 0x22 and 0xE2 replaced, so that some have no quote byte at all.
      out.append(b.map { $0 == 0x22 || $0 == 0xE2 ? 0x20 : $0 })
    }
    return out
  }

  /// Each length up to 20 with a single quote byte at each position, for the quote scan.
  static func quoteSamples() -> [[UInt8]] {
    var out: [[UInt8]] = []
    for n in 1...20 {
      for k in 0..<n {
        for q: UInt8 in [0x22, 0xE2] {
          var b = [UInt8](repeating: 0x61, count: n)
          b[k] = q
          out.append(b)
        }
      }
    }
    return out
  }

  @Test func quoteByteScanMatchesTheLoop() {
    for b in Self.samples() + Self.quoteSamples() {
      #expect(AttributionExtractor.hasQuoteByte(b) == b.contains(where: { $0 == 0x22 || $0 == 0xE2 }), "\(b)")
    }
  }

  @Test func nextQuoteByteMatchesTheLoop() {
    for b in Self.samples() + Self.quoteSamples() {
      for from in 0...b.count {
        var expected = from
        while expected < b.count, b[expected] != 0x22, b[expected] != 0xE2 { expected += 1 }
        #expect(AttributionExtractor.nextQuoteByte(b, from: from) == expected, "\(b) \(from)")
      }
    }
  }

  /// `quoteRange(bytes:sentence:)` as it was written before it skipped to the quote bytes: the reference.
  static func referenceQuoteRange(_ b: [UInt8], _ sentence: String) -> Range<Int>? {
    var i = 0
    var open: Int? = nil
    while i < b.count {
      let isStraight = b[i] == UInt8(ascii: "\"")
      let isOpen = i + 2 < b.count && b[i] == 0xE2 && b[i + 1] == 0x80 && b[i + 2] == 0x9C
      let isClose = i + 2 < b.count && b[i] == 0xE2 && b[i + 1] == 0x80 && b[i + 2] == 0x9D
      if open == nil, isStraight || isOpen {
        open = i + (isStraight ? 1 : 3)
      } else if let o = open, isStraight || isClose {
        if Segment.slice(sentence, o, i).split(separator: " ").count >= 4 { return o..<i }
        open = nil
      }
      i += (isOpen || isClose) ? 3 : 1
    }
    if let o = open, b.count - o > 20 { return o..<b.count }
    return nil
  }

  @Test func quoteRangeMatchesTheReference() {
    let attributions = AttributionExtractor(lexicons: ExtractionFixture.lexiconSet())
    let sentences = [
      "\"We will not back down from this fight,\" the minister said on Monday.",
      "“We will not back down,” she said — and left.",
      "The union’s leader — who spoke briefly — said “no” and then “we will strike next week”.",
      "He said \"no\" twice, then \"we will see what happens\"",
      "“An open quote that runs on past the end of the sentence",
      "\"short\" — “also short” ’ ’ — ‘single’ quotes “are not” counted here at all",
      "Dashes — everywhere — but no quote at all in this long sentence about the strike.",
      "\"", "“", "”", "—", "", "\"\"\"\"", "“”“”", "a \"b c d e\" f",
      "Straße “Zürich São Paulo Köln München” ÄÖÜ", "\u{E2}\u{80} tail “a b c d” and ” stray",
    ]
    for s in sentences {
      let b = Array(s.utf8)
      #expect(attributions.quoteRange(bytes: b) == Self.referenceQuoteRange(b, s), "\(s)")
    }
    // Byte strings with quote bytes at every position, read as sentences.
    for b in Self.quoteSamples() {
      let s = String(decoding: b, as: UTF8.self)
      let sb = Array(s.utf8)
      #expect(attributions.quoteRange(bytes: sb) == Self.referenceQuoteRange(sb, s), "\(b)")
    }
  }

  @Test func loweredCopyMatchesTheLoop() {
    for b in Self.samples() {
      // Every sub-range, copied to every offset from 0 to 2 of a buffer with room to spare.
      for from in 0...b.count {
        for to in from...b.count {
          let expected = b[from..<to].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
          for at in 0...2 {
            var out = [UInt8](repeating: 0xAA, count: at + (to - from) + 8)
            let end = b.withUnsafeBufferPointer { sb in
              out.withUnsafeMutableBufferPointer { o in AttributionExtractor.copyLowered(sb, from, to, to: o, at: at) }
            }
            #expect(end == at + (to - from))
            #expect(Array(out[at..<end]) == expected, "\(b) \(from) \(to) \(at)")
            // Nothing is written before `at` or after the copied bytes.
            #expect(out[..<at].allSatisfy { $0 == 0xAA } && out[end...].allSatisfy { $0 == 0xAA })
          }
        }
      }
    }
  }

  /// `keptContent` as it was first written: the kept words' `lower` joined by spaces.
  static func referenceContent(_ ws: [Word], speaker: Range<Int>, verb: Range<Int>, aside: Range<Int>) -> String {
    ws.filter { w in
      let lo = w.range.lowerBound
      let hi = w.range.upperBound
      return !(lo >= speaker.lowerBound && hi <= speaker.upperBound) && !(lo >= verb.lowerBound && hi <= verb.upperBound)
        && !(lo >= aside.lowerBound && lo < aside.upperBound)
    }.map(\.lower).joined(separator: " ")
  }

  @Test func keptContentMatchesTheJoinedWords() {
    let sentences = ExtractorShortcutTests.sentences + [
      "", "Said", "The MINISTRY said the talks, which began on Monday, would END soon.",
      "Ana Ruiz, who chaired it, said Myanmar’s junta didn’t agree to ÄÖÜ terms at 3.5% a,b,c",
      "  spaced   out   words  ",
    ]
    for s in sentences {
      let ws = WordScanner.words(s)
      let n = s.utf8.count
      // Byte ranges at word edges and inside words, including empty ones.
      var edges = [0, n]
      for w in ws { edges += [w.range.lowerBound, w.range.upperBound, min(n, w.range.lowerBound + 1)] }
      edges = Array(Set(edges)).sorted()
      var ranges: [Range<Int>] = [0..<0]
      for a in edges.indices {
        for b in a..<min(edges.count, a + 4) { ranges.append(edges[a]..<edges[b]) }
      }
      for speaker in ranges {
        for verb in ranges.prefix(12) {
          for aside in [0..<0, speaker.upperBound..<n] {
            let expected = Self.referenceContent(ws, speaker: speaker, verb: verb, aside: aside)
            #expect(AttributionExtractor.keptContent(s, ws, speaker: speaker, verb: verb, aside: aside) == expected, "\(s) \(speaker) \(verb)")
          }
        }
      }
    }
  }

  /// The form given word indices (as `extract` calls it) answers what the byte-range form answers for
  /// the byte ranges those words span, the aside running to the start of the word after it.
  @Test func keptContentByWordIndicesMatchesTheByteRanges() {
    let sentences = ExtractorShortcutTests.sentences + [
      "", "Said", "Ana Ruiz, who chaired it, said Myanmar’s junta didn’t agree to ÄÖÜ terms at 3.5% a,b,c",
    ]
    for s in sentences {
      let ws = WordScanner.words(s)
      guard !ws.isEmpty else { continue }
      func bytes(_ r: Range<Int>) -> Range<Int> { ws[r.lowerBound].range.lowerBound..<ws[r.upperBound - 1].range.upperBound }
      var spans: [Range<Int>] = []
      for a in ws.indices { for b in (a + 1)...min(ws.count, a + 4) { spans.append(a..<b) } }
      for speaker in spans {
        for verb in spans.prefix(10) + spans.suffix(4) {
          var asides: [Range<Int>] = [0..<0]
          for e in [speaker.upperBound, max(0, ws.count - 3)] where e < ws.count { asides += [e..<ws.count, e..<min(ws.count, e + 2)] }
          for aside in asides {
            let asideBytes =
              aside.isEmpty
              ? 0..<0
              : ws[aside.lowerBound].range.lowerBound..<(aside.upperBound < ws.count
                ? ws[aside.upperBound].range.lowerBound : ws[ws.count - 1].range.upperBound)
            let expected = AttributionExtractor.keptContent(s, ws, speaker: bytes(speaker), verb: bytes(verb), aside: asideBytes)
            #expect(
              AttributionExtractor.keptContent(s, ws, speakerWords: speaker, verbWords: verb, asideWords: aside) == expected,
              "\(s) \(speaker) \(verb) \(aside)")
          }
        }
      }
    }
  }

  @Test func keptContentOfWordsLongerThanTheSentenceMeasuresThem() {
    // Words whose lower-cased text is longer than their range (as a word of another sentence would
    // be): the string's first room is too small, and the measured one is made.
    let ws = [
      Word(text: "İİİİ", range: 0..<1), Word(text: "ΣΣΣΣΣΣ", range: 1..<2), Word(text: "ab", range: 2..<4),
      Word(text: "cd", range: 5..<7), Word(text: "Straße", range: 7..<8),
    ]
    for s in ["", "x"] {
      for speaker in [0..<0, 1..<2, 2..<4] {
        let expected = Self.referenceContent(ws, speaker: speaker, verb: 0..<0, aside: 0..<0)
        #expect(AttributionExtractor.keptContent(s, ws, speaker: speaker, verb: 0..<0, aside: 0..<0) == expected, "\(s) \(speaker)")
      }
    }
  }
}
