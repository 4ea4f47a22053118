import ClaimLintCore

/// Finds hedge words in one sentence.
public struct HedgeDetector: Sendable {
  public init(lexicons: ExtractionLexicons) {}
  /// Hedge words as written with their ranges.
  public func hedges(in sentence: String) -> [(range: Range<Int>, text: String)] { [] }
}
