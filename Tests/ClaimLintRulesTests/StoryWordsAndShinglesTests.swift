import ClaimLintCore
import Testing

@testable import ClaimLintRules

/// A run's first pass reads each document's story words and syndication shingles in one pass over its
/// bytes (`AlignedClaims.storyWordsAndShingles`): they must be exactly `storyWords(of:)` and
/// `Syndication.shingles(of:)`, and syndication groups from them exactly those computed from the texts.
struct StoryWordsAndShinglesTests {
  /// A document of the given segments.
  static func document(_ segments: [(SegmentKind, String)], path: String = "a.txt") -> Document {
    let text = segments.map(\.1).joined(separator: "\n")
    return Document(
      source: SourceFile(path: path, text: text), format: .text,
      segments: segments.map { Segment(kind: $0.0, text: $0.1, map: OffsetMap()) })
  }

  /// Texts with what the two word readings tell apart: digits, short words, stop words, stems,
  /// punctuation and spaces outside ASCII (U+2014, U+2019, no-break space, guillemets), letters of
  /// other scripts, and a sequence cut off at the end of the text.
  static let texts: [String] = [
    "",
    "a",
    "Floods displaced 12,000 residents in Jakarta on Friday, officials said.",
    "The minister\u{2019}s office \u{2014} citing 3.5% growth \u{2014} said prices rose.\u{00A0}Meetings were held.",
    "\u{00AB}Nous avons\u{00BB} d\u{00E9}clar\u{00E9} \u{00E9}l\u{00E8}ves Stra\u{00DF}e na\u{00EF}ve caf\u{00E9}s",
    "Zhōngguó 中国 的 经济 增长, Москва заявила 15 марта",
    "ends with a dash\u{2014}",
    "x\u{2013}y\u{2026}z\u{201C}quoted\u{201D} rallies rallied rallying 2024-05-01",
    "UPPER CASE WORDS AND Mixed Case Words, tabs\tand\nnewlines",
    "The committee met. The committee meets. The committee meeting. Meeting, meetings.",
  ]

  static var documents: [Document] {
    var docs: [Document] = []
    for (i, t) in texts.enumerated() {
      docs.append(document([(.reportage, t)], path: "r\(i).txt"))
      docs.append(
        document(
          [(.headline, "Headline \(i): \(t)"), (.byline, "By Staff"), (.reportage, t), (.comment, "a comment"), (.list, texts[(i + 3) % texts.count]),
           (.reportage, texts[(i + 5) % texts.count])], path: "m\(i).txt"))
      docs.append(document([(.headline, t)], path: "h\(i).txt"))
    }
    docs.append(document([], path: "empty.txt"))
    return docs
  }

  /// The story words as the word reader of single texts gives them: each counted segment's words
  /// (`Salience.appendWordHashes(_:to:)`), sorted without repeats.
  static func storyWordsOneByOne(_ doc: Document) -> [UInt64] {
    var words: [UInt64] = []
    for segment in doc.segments where [.reportage, .list, .headline].contains(segment.kind) {
      Salience.appendWordHashes(segment.text, to: &words)
    }
    return Array(Set(words)).sorted()
  }

  @Test func oneReadingGivesTheWordsAndShinglesOfTwo() {
    for doc in Self.documents {
      let both = AlignedClaims.storyWordsAndShingles(of: doc)
      let expected = Self.storyWordsOneByOne(doc)
      #expect(both.words == expected, "\(doc.path)")
      #expect(both.shingles == Syndication.shingles(of: doc), "\(doc.path)")
      // Without the shingles, the same words.
      #expect(AlignedClaims.storyWords(of: doc) == expected, "\(doc.path)")
    }
    // The texts have words to compare.
    #expect(Self.documents.filter { !Self.storyWordsOneByOne($0).isEmpty }.count > 20)
  }

  /// A large run's first pass asks its budget whether a document's shingles may be kept before reading
  /// them: told yes, it gets what `storyWordsAndShingles` gives; told no, the same words and no shingles.
  @Test func shinglesAreReadOnlyWhenTheyMayBeKept() {
    for doc in Self.documents {
      let both = AlignedClaims.storyWordsAndShingles(of: doc)
      var asked: [Int] = []
      let kept = AlignedClaims.storyWords(of: doc) { asked.append($0); return true }
      #expect(kept.words == both.words && kept.shingles == both.shingles, "\(doc.path)")
      let dropped = AlignedClaims.storyWords(of: doc) { _ in false }
      #expect(dropped.words == both.words && dropped.shingles == nil, "\(doc.path)")
      #expect(asked.count == 1)
    }
  }

  /// Stories whose articles share long passages without being copies meet in several buckets (their
  /// smallest shingles come from the shared passage): `groups` compares such a pair once and remembers
  /// that it failed. The groups must still be those of the definition, every pair compared: copies
  /// share at least 80% of the smaller set of shingles.
  @Test func groupsAreThoseOfEveryPairCompared() {
    let passage = """
      Floods displaced 12,000 residents in Jakarta on Friday, officials said, and rescue teams reached the villages north of the river by boat. \
      The city's governor declared an emergency for fourteen days and asked the army to open schools as shelters. \
      Forecasters expect more heavy rain over the weekend, when the tide will be at its highest of the month.
      """
    let others = [
      "The port authority said container traffic fell by a third in the first quarter of the year. Shipping lines moved two weekly services to the southern terminal.",
      "Teachers in the capital voted to strike next month over pay and the size of classes. The union said talks with the ministry had broken down in February.",
      "A court in the south ordered the release of six activists held since the protests in May. Their lawyers said they would seek damages from the state.",
      "Wheat prices fell for the fourth week running as the harvest in the east came in above forecasts. Millers said bread prices would not change before autumn.",
    ]
    // The shared passage and each article's own paragraph: not copies of one another. Then a copy of
    // each under another sign-off, and a copy of the copy: an article meets the other articles (and
    // fails) before it meets its copies.
    let articles = others.enumerated().map { passage + " " + $0.element + " Filed \($0.offset)." }
    let texts = articles + articles.map { $0 + " Reporting by desk." } + articles.map { $0 + " Reporting by desk. Editing by night desk." }
    let docs = texts.enumerated().map { Self.document([(.headline, "Story \($0.offset)"), (.reportage, $0.element)], path: "d\($0.offset).txt") }
    let shingles = docs.map { Syndication.shingles(of: $0) }
    // The definition, every pair compared (the smallest index of a group is its name).
    var group = Array(docs.indices)
    func root(_ i: Int) -> Int { group[i] == i ? i : root(group[i]) }
    for a in docs.indices {
      for b in (a + 1)..<docs.count where shingles[a].count >= 8 && shingles[b].count >= 8 {
        let small = min(shingles[a].count, shingles[b].count)
        guard Double(Salience.sharedCount(shingles[a], shingles[b])) >= 0.8 * Double(small) else { continue }
        let (ra, rb) = (root(a), root(b))
        if ra != rb { group[max(ra, rb)] = min(ra, rb) }
      }
    }
    let expected = docs.indices.map(root)
    #expect(Syndication.groups(docs) == expected)
    // Both answers occur: copies joined, and articles sharing the passage kept apart.
    #expect(Set(expected).count > 1 && Set(expected).count < docs.count, "\(expected)")
  }

  @Test func groupsFromKnownShinglesAreGroupsFromTexts() {
    // Copies (the same reportage under other furniture), near copies and unrelated documents.
    let base = Self.texts[2] + " " + Self.texts[3] + " " + Self.texts[7] + " " + Self.texts[9]
    var docs: [Document] = []
    for i in 0..<24 {
      let text = i % 3 == 0 ? base : i % 3 == 1 ? base + " Updated \(i) times." : Self.texts[i % Self.texts.count] + " \(i)"
      docs.append(Self.document([(.headline, "Story \(i)"), (.reportage, text)], path: "d\(i).txt"))
    }
    let expected = Syndication.groups(docs)
    let known = docs.map { Optional(AlignedClaims.storyWordsAndShingles(of: $0).shingles) }
    #expect(Syndication.groups(docs, shingles: known) == expected)
    // Some documents without known shingles are read from their text.
    let some = known.enumerated().map { $0.offset % 4 == 1 ? nil : $0.element }
    #expect(Syndication.groups(docs, shingles: some) == expected)
    #expect(expected != Array(0..<docs.count))
  }
}
