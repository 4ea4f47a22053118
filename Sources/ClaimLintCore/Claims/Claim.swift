/// A factual statement read from an article: a figure, a date, who said what, who holds which title,
/// who met whom. Every claim carries the exact span it was read from.
public struct Claim: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    case quantity
    case date
    case attribution
    case quote
    case title
    case event
  }

  public var kind: Kind
  public var layer: ClaimLayer
  /// The smallest span that makes the point (the quantity phrase, the date, the quote).
  public var span: SourceSpan
  /// The sentence the claim was read from (text as extracted).
  public var sentence: String
  /// Index of the sentence in its document (reading order), used to relate claims of one sentence.
  public var sentenceIndex: Int
  /// Whether the sentence hedges the claim ("alleged", "reportedly", "according to").
  public var hedged: Bool
  /// The hedge words found, as written.
  public var hedges: [String]
  /// For comment-layer claims, the comment's author.
  public var commentAuthor: String?
  /// True when the claim was read from the article's headline.
  public var isHeadline: Bool = false
  /// For a quantity with an action, the span of the action words in the file.
  public var actionSpan: SourceSpan? = nil

  public var quantity: Quantity?
  public var date: DateMention?
  public var attribution: Attribution?
  public var title: PersonTitle?
  public var event: EventMention?

  public init(
    kind: Kind, layer: ClaimLayer, span: SourceSpan, sentence: String, sentenceIndex: Int = 0,
    hedged: Bool = false, hedges: [String] = [], commentAuthor: String? = nil,
    quantity: Quantity? = nil, date: DateMention? = nil, attribution: Attribution? = nil,
    title: PersonTitle? = nil, event: EventMention? = nil
  ) {
    self.kind = kind
    self.layer = layer
    self.span = span
    self.sentence = sentence
    self.sentenceIndex = sentenceIndex
    self.hedged = hedged
    self.hedges = hedges
    self.commentAuthor = commentAuthor
    self.quantity = quantity
    self.date = date
    self.attribution = attribution
    self.title = title
    self.event = event
  }
}
