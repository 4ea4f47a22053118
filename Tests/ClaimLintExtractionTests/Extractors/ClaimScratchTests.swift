import ClaimLint
import ClaimLintCore
@testable import ClaimLintExtraction
import ClaimLintTestSupport
import Testing

/// `ClaimExtractor.claims(in:scratch:)` with one scratch kept across documents reads the same claims
/// as `claims(in:)`, whatever the documents before left in its buffers.
@Suite struct ClaimScratchTests {
  static let texts: [String] = [
    "2025-03-04\n\nPolice arrested 40 suspects on Monday, but 12 workers were rescued from the site.\n",
    "2025-03-04\n\n" + String(repeating: "The ministry said on March 3 that more than 1,200 people, including 300 children, "
      + "were evacuated from the flooded district of Lisbon. ", count: 12) + "\n\nComments\n\nJo: nearly 5,000 were told to leave.\n",
    "2025-03-04\n\nShort.\n",
    "2025-03-04\n\nLISBON, May 16 (Reuters) - Deputy Chief Justice Amara Nwosu said the court fined the firm $2 million, "
      + "about 40% less than the 3.5 million euros sought.\n\nIt will appeal, a spokesman told reporters on Tuesday.\n",
    "2025-03-04\n\n“We will rebuild,” Mayor Ana Silva said. Some 30 suspected traffickers were detained.\n",
    // Hedges repeated from sentence to sentence (a sentence shares the last hedged sentence's texts),
    // changed, in another order, and with a noun hedge scoped to one figure only.
    "2025-03-04\n\nPolice reportedly arrested 40 people. Some 12 were reportedly freed on Monday. "
      + "According to police, 300 people allegedly fled and 20 were reportedly hurt. "
      + "Reportedly 7 died, according to police. Police detained 30 suspects and seized $2 million. "
      + "No hedge here: 5 boats sank. Officials reportedly counted 9 more.\n",
  ]

  static func documents() -> [Document] {
    let pipeline = DocumentPipeline(configuration: TestSupport.configuration)
    return texts.enumerated().compactMap { k, text in
      pipeline.prepare(bytes: Array(text.utf8), displayPath: "story\(k).txt").document
    }
  }

  @Test func oneScratchAcrossDocumentsReadsTheSameClaims() {
    let c = TestSupport.configuration
    let extractor = ClaimExtractor(lexicons: c.lexicons, extraction: c.extraction)
    let docs = Self.documents()
    #expect(docs.count == Self.texts.count)
    let scratch = ClaimExtractor.Scratch()
    // Long after short, short after long, and each document twice.
    for doc in docs + docs.reversed() {
      let expected = extractor.claims(in: doc)
      #expect(!expected.isEmpty || doc.path == "story2.txt")
      #expect(extractor.claims(in: doc, scratch: scratch) == expected, "\(doc.path)")
    }
  }

  /// Each claim's sentence, made only when the sentence's first claim is kept, is the text of its
  /// sentence (the `sentenceIndex`-th of the segments read), also after sentences without a claim
  /// and in segments other than the first; and the claim's text lies within it.
  @Test func claimSentencesAreTheirSentencesText() {
    let c = TestSupport.configuration
    let extractor = ClaimExtractor(lexicons: c.lexicons, extraction: c.extraction)
    let texts = Self.texts + [
      "2025-03-04\n\nIt rained. The wind was calm. Police arrested 40 people. Nothing else. "
        + "Straße in Zürich: 12 workers were rescued. The end.\n\nA quiet day.\n\nOn Monday, 3 ships sank.\n"
    ]
    let pipeline = DocumentPipeline(configuration: c)
    var claimless = 0
    for (k, text) in texts.enumerated() {
      guard let doc = pipeline.prepare(bytes: Array(text.utf8), displayPath: "s\(k).txt").document else { continue }
      var sentences: [String] = []
      for segment in doc.segments
      where segment.kind == .reportage || segment.kind == .list || segment.kind == .comment || segment.kind == .headline {
        for r in extractor.sentences(of: segment) { sentences.append(Segment.slice(segment.text, r.lowerBound, r.upperBound)) }
      }
      let claims = extractor.claims(in: doc)
      claimless += Set(sentences.indices).subtracting(claims.map(\.sentenceIndex)).count
      for claim in claims {
        #expect(claim.sentenceIndex < sentences.count)
        guard claim.sentenceIndex < sentences.count else { continue }
        #expect(claim.sentence == sentences[claim.sentenceIndex], "\(doc.path) \(claim.span.text)")
        #expect(claim.sentence.contains(claim.span.text), "\(claim.sentence) \(claim.span.text)")
      }
    }
    #expect(claimless >= 4)
  }

  /// `utf8Slice` on a sentence's bytes is `Segment.slice` on its string, for every pair of offsets
  /// (inside code points and past the ends too).
  @Test func bytesSliceIsSegmentSlice() {
    let texts = [
      "Police arrested 40 suspects on Monday.", "“We will rebuild,” Mayor Ana Silva said.", "Straße — Zürich São Paulo",
      "a\r\nb", "e\u{301} 😀 x", "", "x",
    ]
    for text in texts {
      let b = Array(text.utf8)
      for from in -1...(b.count + 1) {
        for to in -1...(b.count + 1) {
          #expect(b.utf8Slice(from, to) == Segment.slice(text, from, to), "\(text) \(from) \(to)")
        }
      }
    }
  }

  /// `sameTexts` is true exactly when the hedges' texts are the words, in order.
  @Test func sameTextsComparesTextsInOrder() {
    let a: [(range: Range<Int>, text: String)] = [(0..<10, "reportedly"), (20..<32, "according to")]
    #expect(ClaimExtractor.sameTexts(a, ["reportedly", "according to"]))
    #expect(!ClaimExtractor.sameTexts(a, ["according to", "reportedly"]))
    #expect(!ClaimExtractor.sameTexts(a, ["reportedly"]))
    #expect(!ClaimExtractor.sameTexts(a, ["Reportedly", "according to"]))
    #expect(!ClaimExtractor.sameTexts([], ["reportedly"]))
    #expect(ClaimExtractor.sameTexts([], []))
  }

  /// `split(_:into:)` appends the sentences of each text after those already in the buffer.
  @Test func splitIntoAppends() {
    let splitter = SentenceSplitter(abbreviations: ["gen"])
    let texts = ["Gen. Tun arrived. He spoke.", "", "One sentence only", "A first one. A second one! A third?"]
    var all: [Range<Int>] = [0..<1]
    var expected: [Range<Int>] = [0..<1]
    for t in texts {
      splitter.split(t, into: &all)
      expected += splitter.split(t)
    }
    #expect(all == expected)
  }
}

/// A document's claims leave the store in the order of a stable sort by `Claim.precedesInSource`.
@Suite struct ClaimSourceOrderTests {
  @Test func kindRanksFollowTheKindNames() {
    for a in Claim.Kind.allCases {
      for b in Claim.Kind.allCases {
        #expect((SourceOrderKey.rank(a) < SourceOrderKey.rank(b)) == (a.rawValue < b.rawValue), "\(a) \(b)")
      }
    }
  }

  @Test func storeTakesClaimsAsAStableSortWould() {
    // Ties on every key: same start, same kind, same end; told apart by their sentence index.
    var specs: [(start: Int, end: Int, kind: Claim.Kind)] = []
    for start in [40, 0, 40, 12, 0] {
      for kind in [Claim.Kind.title, .quantity, .attribution, .quote, .date, .event, .quantity] {
        for end in [start + 9, start + 3, start + 9] { specs.append((start, end, kind)) }
      }
    }
    // A fixed shuffle, so that the stored order is neither sorted nor reversed.
    var generator = SplitMix(seed: 7)
    specs.shuffle(using: &generator)
    // One store for several documents, as the scratch keeps it: few claims, more than the first
    // room for sort keys (which then grows), and few again.
    var store = ClaimExtractor.ClaimStore()
    for size in [5, specs.count, 2, specs.count] {
      var stored: [Claim] = []
      for (k, spec) in specs.prefix(size).enumerated() {
        let span = SourceSpan(
          path: "a.txt", startOffset: spec.start, endOffset: spec.end, line: 1, column: spec.start + 1, endLine: 1,
          endColumn: spec.end + 1, text: "x")
        let p = store.append(
          spec.kind, layer: .reportage, span: span, sentence: "s", sentenceIndex: k, hedges: [], commentAuthor: nil,
          isHeadline: false)
        stored.append(p.pointee)
      }
      let taken = store.takeInSourceOrder()
      #expect(store.count == 0)
      #expect(taken == stored.sorted(by: Claim.precedesInSource), "\(size)")
      if size > 2 { #expect(taken.map(\.sentenceIndex) != stored.map(\.sentenceIndex)) }
    }
    store.free()
  }

  /// `startsUppercase` answers as `first?.isUppercase == true` does, on speakers as they are written and
  /// on texts whose first character is more than its first byte (CR LF, a combining mark, non-ASCII).
  @Test func startsUppercaseIsTheFirstCharactersCase() {
    let texts = [
      "", "A", "a", "Ana Ruiz", "ana ruiz", "U Kyaw Min", "9 people", "'Chen Wei'", "Zhang", "zhang", "Élodie Martin",
      "élodie", "Ω", "ω", "A\u{301}na", "a\u{301}na", "\r\nAna", "\rA", "Ä", "The minister", "the minister", "[Ana]",
      "Ａna", "É", "E\u{301}", "e\u{301}",
    ]
    var upper = 0
    for t in texts {
      #expect(ClaimExtractor.startsUppercase(t) == (t.first?.isUppercase == true), "\(t.debugDescription)")
      if ClaimExtractor.startsUppercase(t) { upper += 1 }
    }
    #expect(upper > 0 && upper < texts.count)
  }
}

