import ClaimLintCore

/// Finds the words that hedge a sentence ("alleged", "reportedly", "according to", "suspects").
///
/// The phrases come from `rules/lexicons/hedges.tsv`. The noun "suspects" is a hedge on purpose: a
/// source that counts "600 suspects" reports an accusation, and a draft that turns them into "600
/// criminals" has dropped that hedge.
public struct HedgeDetector: Sendable {
  /// The hedge phrases, held alone: a call on a table of a stored `ExtractionLexicons` (a large
  /// struct) would copy all of it.
  private let table: PhraseIndex<String>

  public init(lexicons: ExtractionLexicons) {
    table = lexicons.hedges
  }

  /// Hedge words as written with their ranges (UTF-8 offsets into `sentence`), in order.
  public func hedges(in sentence: String) -> [(range: Range<Int>, text: String)] {
    let bytes = Array(sentence.utf8)
    return hedges(tokens: Tokenizer.tokenize(bytes), bytes: bytes)
  }

  /// Hedge words among the tokens of a sentence already split (`bytes` is the sentence).
  func hedges(tokens: [Token], bytes: [UInt8]) -> [(range: Range<Int>, text: String)] {
    var out: [(range: Range<Int>, text: String)] = []
    hedges(tokens: tokens, bytes: bytes, into: &out)
    return out
  }

  /// `hedges(tokens:bytes:)` appended to `out`: a caller that reads many sentences keeps one buffer
  /// (emptied between sentences), instead of an array allocated for every sentence with a hedge.
  func hedges(tokens: [Token], bytes: [UInt8], into out: inout [(range: Range<Int>, text: String)]) {
    guard !table.isEmpty else { return }
    // Only the tokens that may start a hedge are tried (`nextStart` skips the others).
    var i = nextStart(tokens, from: 0)
    while i < tokens.count {
      if let end = table.matchEnd(tokens, at: i) {
        let r = tokens[i].start..<tokens[end - 1].end
        out.append((r, String(decoding: bytes[r], as: UTF8.self)))
        i = nextStart(tokens, from: end)
      } else {
        i = nextStart(tokens, from: i + 1)
      }
    }
  }

  /// The first index from `i` on (at most `tokens.count`) of a token that may start a hedge: one
  /// without `TokenRoles.notHedgeStart` (which `ExtractionLexicons.mark` sets on every word but the
  /// hedges' first words) that the table's first-word filter lets through (`PhraseIndex.mayStart`).
  /// Each test only turns away tokens that start no hedge, so the tokens skipped are tokens where
  /// `match` finds nothing; most words are told by their role byte alone.
  @inline(__always)
  func nextStart(_ tokens: [Token], from i: Int) -> Int {
    var k = i
    while k < tokens.count {
      if tokens[k].roles & TokenRoles.notHedgeStart == 0, table.mayStart(tokens, at: k) { break }
      k += 1
    }
    return k
  }

  /// Hedge words that qualify a noun ("alleged criminals", "suspected traffickers", "600 suspects")
  /// rather than the whole sentence.
  static let nounHedges: WordSet = ["alleged", "suspected", "suspect", "suspects", "purported", "presumed"]

  /// The hedges of a sentence that bear on one figure: every sentence hedge ("reportedly", "according
  /// to"), but a noun hedge only inside the figure's own noun phrase or right after it ("30 suspected
  /// traffickers", "12 men suspected of fraud"), or when it is a verb that governs the sentence
  /// ("police suspect that", "alleged to have"). "Police detained 30 suspects and seized $2 million"
  /// hedges the 30, not the money.
  ///
  /// `all` is the texts of `found`: when every hedge applies to the figure (as in most sentences) the
  /// result is `all` itself, shared with the sentence's other claims.
  static func scoped(
    _ found: [(range: Range<Int>, text: String)], all: [String], to figure: QuantityMatch, in bytes: [UInt8]
  ) -> [String] {
    scoped(found, all: all, figureStart: figure.range.lowerBound, nounEnd: figure.nounEnd, in: bytes)
  }

  /// `scoped(_:all:to:in:)` with the figure given by the start of its range and the end of its noun
  /// phrase: a caller reading a match in an array passes these two offsets rather than a copy of the
  /// match (every string of its quantity retained and released).
  static func scoped(
    _ found: [(range: Range<Int>, text: String)], all: [String], figureStart: Int, nounEnd: Int, in bytes: [UInt8]
  ) -> [String] {
    narrowed(found, all: all, figureStart: figureStart, nounEnd: nounEnd, in: bytes) ?? all
  }

  /// `scoped(_:all:figureStart:nounEnd:in:)` when some hedge does not apply to the figure, nil when
  /// every one does (the answer is then `all`): a caller that has `all` at hand passes it on borrowed,
  /// where `scoped` returned a copy of it (a retain and a release per figure).
  static func narrowed(
    _ found: [(range: Range<Int>, text: String)], all: [String], figureStart: Int, nounEnd: Int, in bytes: [UInt8]
  ) -> [String]? {
    guard !found.isEmpty else { return nil }
    // nil while every hedge so far applies.
    var out: [String]? = nil
    // By index: `for (k, h) in found.enumerated()` copied each hedge (its text retained and released).
    for k in found.indices {
      if applies(found[k].range, found[k].text, figureStart: figureStart, nounEnd: nounEnd, in: bytes) {
        out?.append(found[k].text)
      } else if out == nil {
        out = Array(all[..<k])
      }
    }
    return out
  }

  /// Whether the hedge `h` of a sentence applies to `figure` (see `scoped(_:all:to:in:)`).
  private static func applies(
    _ range: Range<Int>, _ text: String, figureStart: Int, nounEnd: Int, in bytes: [UInt8]
  ) -> Bool {
    // The noun hedges are ASCII words of seven to nine letters, and a text that lowercases to one of
    // them has as many bytes: a hedge of another length is a sentence hedge, without lowercasing it.
    let length = text.utf8.count
    guard length >= 7, length <= 9, nounHedges.contains(text.lowercased()) else { return true }
    let start = range.lowerBound
    if start >= figureStart, start < nounEnd { return true }
    // Right after the noun phrase: only spaces or a comma in between.
    if start >= nounEnd,
      bytes[nounEnd..<start].allSatisfy({ $0 == 0x20 || $0 == 0x2C }), start - nounEnd <= 3
    {
      return true
    }
    // A verb that governs the sentence: "suspect that", "alleged to have", "alleged that".
    var k = range.upperBound
    while k < bytes.count, bytes[k] == 0x20 { k += 1 }
    let rest = bytes[k..<min(bytes.count, k + 5)]
    return rest.starts(with: "that".utf8) || rest.starts(with: "to ".utf8)
  }
}
