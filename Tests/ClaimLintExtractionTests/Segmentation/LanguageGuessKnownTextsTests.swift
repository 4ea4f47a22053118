import ClaimLintCore
@testable import ClaimLintExtraction
import Testing

/// The guess over texts known in advance (`guess(all:)`, used for a document's reportage) stops
/// early on a tighter bound, and must still give the verdict of the plain reading.
@Suite struct LanguageGuessKnownTextsTests {
  static let english = LanguageGuessBytesTests.english
  static let german = LanguageGuessBytesTests.german

  /// Short and long texts, many short texts, English giving way to another language near the end,
  /// and one-letter texts that make as many words as characters.
  static let cases: [[String]] =
    LanguageGuessBytesTests.cases + [
      [String(english.prefix(1500)), german], [String(english.prefix(2500)) + german + german],
      Array(repeating: "the cat sat", count: 60) + Array(repeating: "die", count: 400),
      [String(english.prefix(900))] + Array(repeating: "x", count: 3000),
      [String(english.prefix(1200))] + Array(repeating: "der die das und ist", count: 200),
      Array(repeating: String(english.prefix(300)), count: 10) + [german],
      [String(english.prefix(2000)), String(repeating: "x y ", count: 600), german],
    ]

  @Test(arguments: cases)
  func sameVerdictAsThePlainReading(_ texts: [String]) {
    #expect(LanguageGuess.guess(all: texts) == LanguageGuessBytesTests.reference(texts))
    #expect(LanguageGuess.guess(all: texts) == LanguageGuess.guess(texts))
  }

  /// A document's guess reads its headline, reportage and list segments where they lie, skipping the
  /// others: the verdict of `guess(all:)` over those texts gathered in an array.
  @Test(arguments: cases)
  func documentGuessReadsTheReportageInPlace(_ texts: [String]) {
    let kinds: [SegmentKind] = [.reportage, .comment, .headline, .boilerplate, .list, .related, .reportage]
    var segments: [Segment] = []
    var read: [String] = []
    for (k, text) in texts.enumerated() {
      let kind = kinds[k % kinds.count]
      segments.append(Segment(kind: kind, text: text, map: OffsetMap()))
      if kind == .reportage || kind == .headline || kind == .list { read.append(text) }
      // Texts in another language between the read ones must not count.
      if k % 3 == 0 { segments.append(Segment(kind: .boilerplate, text: Self.german, map: OffsetMap())) }
    }
    let document = Document(source: SourceFile(path: "t.txt", bytes: []), format: .text, segments: segments)
    #expect(LanguageGuess.guess(document) == LanguageGuess.guess(all: read))
  }
}
