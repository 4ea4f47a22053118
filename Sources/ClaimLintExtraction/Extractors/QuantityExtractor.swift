import ClaimLintCore

/// A figure found in a sentence, with its UTF-8 range.
public struct QuantityMatch: Sendable, Hashable {
  public var range: Range<Int>
  public var quantity: Quantity
}

/// Finds figures in one sentence.
public struct QuantityExtractor: Sendable {
  public init(lexicons: ExtractionLexicons) {}
  public func extract(from sentence: String) -> [QuantityMatch] { [] }
}
