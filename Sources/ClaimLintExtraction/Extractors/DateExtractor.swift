import ClaimLintCore

/// A date found in a sentence, with its UTF-8 range.
public struct DateMatch: Sendable, Hashable {
  public var range: Range<Int>
  public var mention: DateMention
}

/// Finds dates in one sentence.
public struct DateExtractor: Sendable {
  public init(lexicons: ExtractionLexicons) {}
  public func extract(from sentence: String, documentDate: CalendarDate?) -> [DateMatch] { [] }
}
