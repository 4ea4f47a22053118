import Testing

@testable import ClaimLintCore

/// `initializeClaim` builds a claim field by field where it is stored: it must be the claim that
/// `Claim.init` builds from the same parts, every stored property set, and a boxed kind set on it after.
@Suite struct ClaimBuilderTests {
  @Test func buildsTheClaimThatInitBuilds() {
    let span = BoxedTests.span("50,000 people", at: 12)
    for (hedges, author, headline) in [([String](), String?.none, false), (["alleged"], "reader1", true)] {
      var expected = Claim(
        kind: .quantity, layer: author == nil ? .reportage : .comment, span: span, sentence: "Some 50,000 people came.",
        sentenceIndex: 3, hedged: !hedges.isEmpty, hedges: hedges, commentAuthor: author)
      expected.isHeadline = headline
      let stored = UnsafeMutablePointer<Claim>.allocate(capacity: 1)
      defer { stored.deallocate() }
      stored.initializeClaim(
        kind: .quantity, layer: author == nil ? .reportage : .comment, span: span, sentence: "Some 50,000 people came.",
        sentenceIndex: 3, hedged: !hedges.isEmpty, hedges: hedges, commentAuthor: author, isHeadline: headline)
      #expect(stored.pointee == expected)
      #expect(stored.pointee.quantity == nil && stored.pointee.actionSpan == nil && stored.pointee.event == nil)
      stored.pointee.quantity = BoxedTests.figure()
      expected.quantity = BoxedTests.figure()
      #expect(stored.pointee == expected)
      #expect(stored.pointee.quantity?.counted == "people")
      stored.deinitialize(count: 1)
    }
  }

  /// The builder sets the fifteen stored properties it knows of; a property added to `Claim` must be
  /// set there too, or claims built by it would hold uninitialised memory.
  @Test func theBuilderKnowsEveryStoredProperty() {
    let claim = Claim(kind: .date, layer: .reportage, span: BoxedTests.span("Monday", at: 0), sentence: "On Monday.")
    let stored = Mirror(reflecting: claim).children.compactMap(\.label)
    #expect(
      stored == [
        "kind", "layer", "span", "sentence", "sentenceIndex", "hedged", "hedges", "commentAuthor", "isHeadline",
        "boxedActionSpan", "boxedQuantity", "boxedDate", "boxedAttribution", "boxedTitle", "boxedEvent",
      ])
  }
}
