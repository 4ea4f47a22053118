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
  // A stored property added here must be initialised by `UnsafeMutablePointer.initializeClaim` too.
  // A claim carries one of these; each is stored out of line, so that a claim costs a few pointers
  // for the kinds it is not (archives hold hundreds of thousands of claims). A read lends the boxed
  // value where it lies instead of copying it (a `Quantity` holds eight strings and arrays, and the
  // rules read claims' fields millions of times). It yields once, from a pointer (an absent kind is
  // read from a shared `nil`): a coroutine that yields from two branches is not inlined across
  // modules, and then allocates its frame on the heap at every read.
  @usableFromInline var boxedActionSpan = Boxed<ActionSpanBox>(nil)
  @usableFromInline var boxedQuantity: Boxed<QuantityBox>
  @usableFromInline var boxedDate: Boxed<DateBox>
  @usableFromInline var boxedAttribution: Boxed<AttributionBox>
  @usableFromInline var boxedTitle: Boxed<TitleBox>
  @usableFromInline var boxedEvent: Boxed<EventBox>

  /// For a quantity with an action, the span of the action words in the file.
  @inlinable public var actionSpan: SourceSpan? {
    _read { yield boxedActionSpan.address(absent: Absent.actionSpan).pointee }
    set { boxedActionSpan = Boxed(newValue) }
  }
  @inlinable public var quantity: Quantity? {
    _read { yield boxedQuantity.address(absent: Absent.quantity).pointee }
    set { boxedQuantity = Boxed(newValue) }
  }
  /// Where the claim's quantity lies in its box (nil for none), for a reader that keeps it to read
  /// many times without copying it (eight strings and arrays retained) or holding the box: valid for
  /// as long as the box is held, by this claim or a copy of it that is not changed.
  ///
  /// The box holds a `Quantity?`; an `Optional` lays out its `.some` payload at offset 0, as the
  /// payload's own bytes (Swift's layout of single-payload enums), so a present one is read in place
  /// as a `Quantity` (`BoxedTests.quantityAddressReadsTheBoxedFigure`).
  @inlinable public var quantityAddress: UnsafePointer<Quantity>? {
    guard boxedQuantity.box != nil else { return nil }
    return UnsafeRawPointer(boxedQuantity.address(absent: Absent.quantity)).assumingMemoryBound(to: Quantity.self)
  }
  /// The box that holds the claim's quantity (nil for none), for a reader that keeps many figures to
  /// compare them pairwise: holding the box costs one retain, and its figure is a class's `let`, so the
  /// compiler lends it in place to every call (a `Quantity` read through `quantityAddress` may be
  /// copied whole before each call, as the compiler cannot tell that the calls leave it unchanged; a
  /// copy of its own costs an object and a copy of eight strings and arrays). Read-only: a box is never
  /// changed, and a claim given a new quantity gets a new box.
  @inlinable public var quantityBox: QuantityBox? { boxedQuantity.box }
  @inlinable public var date: DateMention? {
    _read { yield boxedDate.address(absent: Absent.date).pointee }
    set { boxedDate = Boxed(newValue) }
  }
  @inlinable public var attribution: Attribution? {
    _read { yield boxedAttribution.address(absent: Absent.attribution).pointee }
    set { boxedAttribution = Boxed(newValue) }
  }
  @inlinable public var title: PersonTitle? {
    _read { yield boxedTitle.address(absent: Absent.title).pointee }
    set { boxedTitle = Boxed(newValue) }
  }
  @inlinable public var event: EventMention? {
    _read { yield boxedEvent.address(absent: Absent.event).pointee }
    set { boxedEvent = Boxed(newValue) }
  }

  /// Where an absent boxed value is read from: one `nil` of each kind, written once and never
  /// changed (so sharing it between threads is safe), never freed.
  @usableFromInline enum Absent {
    @usableFromInline nonisolated(unsafe) static let actionSpan = nothing(SourceSpan.self)
    @usableFromInline nonisolated(unsafe) static let quantity = nothing(Quantity.self)
    @usableFromInline nonisolated(unsafe) static let date = nothing(DateMention.self)
    @usableFromInline nonisolated(unsafe) static let attribution = nothing(Attribution.self)
    @usableFromInline nonisolated(unsafe) static let title = nothing(PersonTitle.self)
    @usableFromInline nonisolated(unsafe) static let event = nothing(EventMention.self)

    static func nothing<Value>(_: Value.Type) -> UnsafePointer<Value?> {
      let p = UnsafeMutablePointer<Value?>.allocate(capacity: 1)
      p.initialize(to: nil)
      return UnsafePointer(p)
    }
  }

  // Inlinable, so that a caller builds the claim in place instead of copying a finished one.
  @inlinable public init(
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
    self.boxedQuantity = Boxed(quantity)
    self.boxedDate = Boxed(date)
    self.boxedAttribution = Boxed(attribution)
    self.boxedTitle = Boxed(title)
    self.boxedEvent = Boxed(event)
  }
}

extension UnsafeMutablePointer where Pointee == Claim {
  /// Initialises the uninitialised memory this points to with a claim that carries none of the boxed
  /// kinds (set one afterwards on `pointee`), field by field where it lies. A claim built with
  /// `Claim.init` and then stored was built in one stack slot, copied to a second (every string,
  /// array and box retained) and the first destroyed (released), before it was stored: 37,253 copies
  /// on 1,000 articles.
  @inlinable public func initializeClaim(
    kind: Claim.Kind, layer: ClaimLayer, span: SourceSpan, sentence: String, sentenceIndex: Int,
    hedged: Bool, hedges: [String], commentAuthor: String?, isHeadline: Bool
  ) {
    // Each offset is known when compiled: a key path to a stored property of a struct of fixed layout.
    guard let kindField = pointer(to: \.kind), let layerField = pointer(to: \.layer),
      let spanField = pointer(to: \.span), let sentenceField = pointer(to: \.sentence),
      let sentenceIndexField = pointer(to: \.sentenceIndex), let hedgedField = pointer(to: \.hedged),
      let hedgesField = pointer(to: \.hedges), let authorField = pointer(to: \.commentAuthor),
      let headlineField = pointer(to: \.isHeadline), let actionSpanField = pointer(to: \.boxedActionSpan),
      let quantityField = pointer(to: \.boxedQuantity), let dateField = pointer(to: \.boxedDate),
      let attributionField = pointer(to: \.boxedAttribution), let titleField = pointer(to: \.boxedTitle),
      let eventField = pointer(to: \.boxedEvent)
    else {
      var claim = Claim(
        kind: kind, layer: layer, span: span, sentence: sentence, sentenceIndex: sentenceIndex, hedged: hedged,
        hedges: hedges, commentAuthor: commentAuthor)
      claim.isHeadline = isHeadline
      initialize(to: claim)
      return
    }
    kindField.initialize(to: kind)
    layerField.initialize(to: layer)
    spanField.initialize(to: span)
    sentenceField.initialize(to: sentence)
    sentenceIndexField.initialize(to: sentenceIndex)
    hedgedField.initialize(to: hedged)
    hedgesField.initialize(to: hedges)
    authorField.initialize(to: commentAuthor)
    headlineField.initialize(to: isHeadline)
    actionSpanField.initialize(to: Boxed(nil))
    quantityField.initialize(to: Boxed(nil))
    dateField.initialize(to: Boxed(nil))
    attributionField.initialize(to: Boxed(nil))
    titleField.initialize(to: Boxed(nil))
    eventField.initialize(to: Boxed(nil))
  }
}

/// A class that holds one optional value as its only stored property: what `Boxed` stores.
///
/// One concrete class per boxed type (`Claim.Boxes`), so that freeing a box destroys its value
/// without looking up the metadata of a generic class's `Optional<Value>` at run time.
@usableFromInline protocol BoxStorage: AnyObject, Sendable {
  associatedtype Value: Sendable & Hashable
  /// Always present (`nil` is never boxed): stored as an optional so that a read can lend it as one.
  var value: Value? { get }
  init(_ value: Value)
}

/// Stores an optional value out of line (one pointer when present, none when absent), with value
/// semantics: a write replaces the box, so copies never share a change.
@usableFromInline struct Boxed<Box: BoxStorage>: Sendable, Hashable {
  @usableFromInline typealias Value = Box.Value

  @usableFromInline var box: Box?

  @inlinable init(_ value: Value?) {
    box = value.map(Box.init)
  }

  /// Where the value lies: in the box, or at `absent` (a `nil` that outlives every read) when there is
  /// none. The pointer is valid for as long as this `Boxed` is, which holds the box.
  ///
  /// `absent` is an autoclosure, read only when there is no box: read first, the global's lazy
  /// initialisation (a call the optimiser cannot see through) made every `?.`, `!` or `switch` on a
  /// read copy the whole boxed value out of the box (17M instructions on 1,000 articles).
  @inlinable @inline(__always) func address(absent: @autoclosure () -> UnsafePointer<Value?>) -> UnsafePointer<Value?> {
    guard let box else { return absent() }
    // The box's one stored property lies where the runtime lays out a class's first stored property:
    // after the object header, at 8-byte alignment (no boxed value needs more: `BoxedTests`).
    return UnsafePointer(_getUnsafePointerToStoredProperties(box).assumingMemoryBound(to: Value?.self))
  }

  @usableFromInline static func == (a: Boxed, b: Boxed) -> Bool { a.box?.value == b.box?.value }

  @usableFromInline func hash(into hasher: inout Hasher) { hasher.combine(box?.value) }
}

extension Claim {
  // The boxes of a claim's kinds.
  @usableFromInline final class ActionSpanBox: BoxStorage {
    @usableFromInline let value: SourceSpan?
    @inlinable init(_ value: SourceSpan) { self.value = value }
  }
  /// Public for `Claim.quantityBox` (read-only: nothing outside this module can make or change one).
  public final class QuantityBox: BoxStorage {
    /// The claim's quantity: always present (see `BoxStorage.value`).
    public let value: Quantity?
    @inlinable init(_ value: Quantity) { self.value = value }
  }
  @usableFromInline final class DateBox: BoxStorage {
    @usableFromInline let value: DateMention?
    @inlinable init(_ value: DateMention) { self.value = value }
  }
  @usableFromInline final class AttributionBox: BoxStorage {
    @usableFromInline let value: Attribution?
    @inlinable init(_ value: Attribution) { self.value = value }
  }
  @usableFromInline final class TitleBox: BoxStorage {
    @usableFromInline let value: PersonTitle?
    @inlinable init(_ value: PersonTitle) { self.value = value }
  }
  @usableFromInline final class EventBox: BoxStorage {
    @usableFromInline let value: EventMention?
    @inlinable init(_ value: EventMention) { self.value = value }
  }
}
