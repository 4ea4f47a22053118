import Testing

@testable import ClaimLintCore

/// `Claim`'s boxed kinds are read through addressors into their box: what is read must be what was
/// stored, an absent kind reads as `nil`, and a copy of a claim never sees a later change to another.
@Suite struct BoxedTests {
  static func span(_ text: String, at offset: Int) -> SourceSpan {
    SourceSpan(
      path: "wire.txt", startOffset: offset, endOffset: offset + text.utf8.count, line: 1, column: offset + 1,
      endLine: 1, endColumn: offset + text.utf8.count + 1, text: text)
  }

  static func figure() -> Quantity {
    Quantity(
      value: 50_000, low: 50_000, high: nil, lowInclusive: false, qualifier: "more than", direction: .above,
      counted: "people", modifiers: ["alleged"], action: "arrest", actionText: "arrested", actor: "the police")
  }

  /// The addressor finds the box's stored property where the runtime lays it out only for values
  /// aligned to at most 8 bytes; a boxed kind with a larger alignment would be read from the wrong place.
  @Test func everyBoxedKindFitsTheBoxLayout() {
    #expect(MemoryLayout<SourceSpan?>.alignment <= 8)
    #expect(MemoryLayout<Quantity?>.alignment <= 8)
    #expect(MemoryLayout<DateMention?>.alignment <= 8)
    #expect(MemoryLayout<Attribution?>.alignment <= 8)
    #expect(MemoryLayout<PersonTitle?>.alignment <= 8)
    #expect(MemoryLayout<EventMention?>.alignment <= 8)
  }

  @Test func readsGiveWhatWasStoredAndNilForAbsentKinds() {
    let sentence = "The police arrested more than 50,000 alleged criminals, the ministry said."
    var claim = Claim(
      kind: .quantity, layer: .reportage, span: Self.span("more than 50,000", at: 21), sentence: sentence,
      quantity: Self.figure())
    #expect(claim.quantity == Self.figure())
    #expect(claim.quantity?.counted == "people")
    #expect(claim.quantity?.modifiers == ["alleged"])
    #expect(claim.date == nil)
    #expect(claim.attribution == nil)
    #expect(claim.title == nil)
    #expect(claim.event == nil)
    #expect(claim.actionSpan == nil)

    claim.actionSpan = Self.span("arrested", at: 11)
    #expect(claim.actionSpan?.text == "arrested")
    claim.title = PersonTitle(person: "Anan Srisuk", title: "spokesman", roles: ["spokesperson"])
    #expect(claim.title?.person == "Anan Srisuk")
    claim.title = nil
    #expect(claim.title == nil)
  }

  /// Every kind read back through its box: a box whose value were not where the read looks would
  /// give another value (or crash) here.
  @Test func everyKindReadsBackThroughItsBox() throws {
    let day = try #require(CalendarDate(year: 2026, month: 3, day: 14))
    let mention = DateMention(resolved: day, isRelative: false, evidence: "March 14", statedWeekday: 6)
    let said = Attribution(
      speaker: "Anan Srisuk", speakerText: "police spokesman Anan Srisuk", verb: "said",
      content: "the arrests continue", isQuote: false)
    let meeting = EventMention(
      type: "meeting", participants: ["Anan Srisuk", "Mei Lin"], place: "Chiang Mai", date: day)
    let title = PersonTitle(person: "Anan Srisuk", title: "police spokesman", roles: ["spokesperson"])
    let sentence = "Police spokesman Anan Srisuk said on March 14 that he met Mei Lin in Chiang Mai."
    var claim = Claim(
      kind: .event, layer: .reportage, span: Self.span("met", at: 53), sentence: sentence,
      quantity: Self.figure(), date: mention, attribution: said, title: title, event: meeting)
    claim.actionSpan = Self.span("arrested", at: 11)
    #expect(claim.quantity == Self.figure())
    #expect(claim.date == mention)
    #expect(claim.date?.resolved == day)
    #expect(claim.attribution == said)
    #expect(claim.attribution?.speakerText == "police spokesman Anan Srisuk")
    #expect(claim.title == title)
    #expect(claim.event == meeting)
    #expect(claim.event?.participants == ["Anan Srisuk", "Mei Lin"])
    #expect(claim.actionSpan == Self.span("arrested", at: 11))
    // Read from an array element and through a copy, as the rules read claims.
    let claims = [claim, claim]
    #expect(claims[1].event?.place == "Chiang Mai")
    #expect(claims.map { $0.attribution?.verb } == ["said", "said"])
  }

  /// `quantityAddress` reads the boxed `Quantity?` as a `Quantity`: every field read through it is the
  /// stored one (a payload not at offset 0 would give other values or crash), and a claim without a
  /// figure, or whose figure was removed, gives nil.
  @Test func quantityAddressReadsTheBoxedFigure() throws {
    var claim = Claim(
      kind: .quantity, layer: .reportage, span: Self.span("more than 50,000", at: 21),
      sentence: "Police arrested more than 50,000 alleged people.", quantity: Self.figure())
    let address = try #require(claim.quantityAddress)
    #expect(address.pointee == Self.figure())
    #expect(address.pointee.value == 50_000)
    #expect(address.pointee.counted == "people")
    #expect(address.pointee.modifiers == ["alleged"])
    #expect(address.pointee.actor == "the police")
    #expect(address.pointee.direction == .above)
    #expect(!address.pointee.lowInclusive)
    let copies = [claim, claim]
    #expect(copies[1].quantityAddress?.pointee.actionText == "arrested")
    claim.quantity = nil
    #expect(claim.quantityAddress == nil)
    let date = Claim(kind: .date, layer: .reportage, span: Self.span("Friday", at: 0), sentence: "Friday.")
    #expect(date.quantityAddress == nil)
  }

  /// `quantityBox` hands out the box that holds the claim's figure: its value is the claim's quantity,
  /// a copy of the claim shares it, a claim given another figure gets a new box (the old one keeps its
  /// figure), and a claim without a figure gives nil.
  @Test func quantityBoxHoldsTheClaimsFigure() throws {
    var claim = Claim(
      kind: .quantity, layer: .reportage, span: Self.span("more than 50,000", at: 21),
      sentence: "Police arrested more than 50,000 alleged people.", quantity: Self.figure())
    let box = try #require(claim.quantityBox)
    #expect(box.value == Self.figure())
    #expect(box.value == claim.quantity)
    let copy = claim
    #expect(copy.quantityBox === box)
    var changed = Self.figure()
    changed.value = 40_000
    claim.quantity = changed
    #expect(claim.quantityBox !== box)
    #expect(claim.quantityBox?.value?.value == 40_000)
    #expect(box.value?.value == 50_000)
    claim.quantity = nil
    #expect(claim.quantityBox == nil)
    let date = Claim(kind: .date, layer: .reportage, span: Self.span("Friday", at: 0), sentence: "Friday.")
    #expect(date.quantityBox == nil)
  }

  @Test func aCopyKeepsItsOwnValues() {
    let original = Claim(
      kind: .quantity, layer: .reportage, span: Self.span("more than 50,000", at: 21),
      sentence: "Police arrested more than 50,000 people.", quantity: Self.figure())
    var copy = original
    var changed = Self.figure()
    changed.value = 40_000
    copy.quantity = changed
    #expect(original.quantity?.value == 50_000)
    #expect(copy.quantity?.value == 40_000)
    #expect(original != copy)
    copy.quantity = Self.figure()
    #expect(original == copy)
    #expect(original.hashValue == copy.hashValue)
    copy.quantity = nil
    #expect(copy.quantity == nil)
    #expect(original.quantity != nil)
  }
}
