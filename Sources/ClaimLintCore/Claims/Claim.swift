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
  @Boxed public var actionSpan: SourceSpan? = nil

  // A claim carries one of these; each is stored out of line, so that a claim costs a few pointers
  // for the kinds it is not (archives hold hundreds of thousands of claims).
  @Boxed public var quantity: Quantity?
  @Boxed public var date: DateMention?
  @Boxed public var attribution: Attribution?
  @Boxed public var title: PersonTitle?
  @Boxed public var event: EventMention?

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

/// Stores an optional value out of line (one pointer when present, none when absent), with value
/// semantics: a write replaces the box, so copies never share a change.
@propertyWrapper
public struct Boxed<Value: Sendable & Hashable>: Sendable, Hashable {
  private final class Box: Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
  }

  private var box: Box?

  public init(wrappedValue: Value?) {
    box = wrappedValue.map(Box.init)
  }

  public var wrappedValue: Value? {
    get { box?.value }
    set { box = newValue.map(Box.init) }
  }

  public static func == (a: Boxed, b: Boxed) -> Bool { a.wrappedValue == b.wrappedValue }

  public func hash(into hasher: inout Hasher) { hasher.combine(wrappedValue) }
}
