import ClaimLintCore

/// Finds the words that hedge a sentence ("alleged", "reportedly", "according to", "suspects").
///
/// The phrases come from `rules/lexicons/hedges.tsv`. The noun "suspects" is a hedge on purpose: a
/// source that counts "600 suspects" reports an accusation, and a draft that turns them into "600
/// criminals" has dropped that hedge.
public struct HedgeDetector: Sendable {
  private let lexicons: ExtractionLexicons

  public init(lexicons: ExtractionLexicons) {
    self.lexicons = lexicons
  }

  /// Hedge words as written with their ranges (UTF-8 offsets into `sentence`), in order.
  public func hedges(in sentence: String) -> [(range: Range<Int>, text: String)] {
    let bytes = Array(sentence.utf8)
    return hedges(tokens: Tokenizer.tokenize(bytes), bytes: bytes)
  }

  /// Hedge words among the tokens of a sentence already split (`bytes` is the sentence).
  func hedges(tokens: [Token], bytes: [UInt8]) -> [(range: Range<Int>, text: String)] {
    guard !lexicons.hedges.isEmpty else { return [] }
    var out: [(range: Range<Int>, text: String)] = []
    var i = 0
    while i < tokens.count {
      if let m = lexicons.hedges.match(tokens, at: i) {
        let r = tokens[i].start..<tokens[m.end - 1].end
        out.append((r, String(decoding: bytes[r], as: UTF8.self)))
        i = m.end
      } else {
        i += 1
      }
    }
    return out
  }
}
