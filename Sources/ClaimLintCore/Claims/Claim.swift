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
  // A claim carries one of these; each is stored out of line, so that a claim costs a few pointers
  // for the kinds it is not (archives hold hundreds of thousands of claims). Reads are inlinable and
  // lend the boxed value instead of copying it (a `Quantity` holds eight strings and arrays, and the
  // rules read claims' fields millions of times).
  @usableFromInline var boxedActionSpan = Boxed<SourceSpan>(wrappedValue: nil)
  @usableFromInline var boxedQuantity: Boxed<Quantity>
  @usableFromInline var boxedDate: Boxed<DateMention>
  @usableFromInline var boxedAttribution: Boxed<Attribution>
  @usableFromInline var boxedTitle: Boxed<PersonTitle>
  @usableFromInline var boxedEvent: Boxed<EventMention>

  /// For a quantity with an action, the span of the action words in the file.
  @inlinable public var actionSpan: SourceSpan? {
    _read { yield boxedActionSpan.wrappedValue }
    set { boxedActionSpan.wrappedValue = newValue }
  }
  @inlinable public var quantity: Quantity? {
    _read { yield boxedQuantity.wrappedValue }
    set { boxedQuantity.wrappedValue = newValue }
  }
  @inlinable public var date: DateMention? {
    _read { yield boxedDate.wrappedValue }
    set { boxedDate.wrappedValue = newValue }
  }
  @inlinable public var attribution: Attribution? {
    _read { yield boxedAttribution.wrappedValue }
    set { boxedAttribution.wrappedValue = newValue }
  }
  @inlinable public var title: PersonTitle? {
    _read { yield boxedTitle.wrappedValue }
    set { boxedTitle.wrappedValue = newValue }
  }
  @inlinable public var event: EventMention? {
    _read { yield boxedEvent.wrappedValue }
    set { boxedEvent.wrappedValue = newValue }
  }

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
    self.boxedQuantity = Boxed(wrappedValue: quantity)
    self.boxedDate = Boxed(wrappedValue: date)
    self.boxedAttribution = Boxed(wrappedValue: attribution)
    self.boxedTitle = Boxed(wrappedValue: title)
    self.boxedEvent = Boxed(wrappedValue: event)
  }
}

/// Stores an optional value out of line (one pointer when present, none when absent), with value
/// semantics: a write replaces the box, so copies never share a change.
@propertyWrapper
public struct Boxed<Value: Sendable & Hashable>: Sendable, Hashable {
  // The box holds the value as an optional (always present), so that a read can lend the box's own
  // optional instead of copying the value out of it (a `Quantity` holds eight strings and arrays:
  // the rules read claims' fields millions of times).
  @usableFromInline final class Box: Sendable {
    @usableFromInline let value: Value?
    @usableFromInline init(_ value: Value) { self.value = value }
  }

  @usableFromInline var box: Box?

  @inlinable public init(wrappedValue: Value?) {
    box = wrappedValue.map(Box.init)
  }

  @inlinable public var wrappedValue: Value? {
    _read {
      if let box { yield box.value } else { yield nil }
    }
    set { box = newValue.map(Box.init) }
  }

  public static func == (a: Boxed, b: Boxed) -> Bool { a.wrappedValue == b.wrappedValue }

  public func hash(into hasher: inout Hasher) { hasher.combine(wrappedValue) }
}
