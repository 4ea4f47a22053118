import ClaimLintCore
import Testing

@testable import ClaimLintRules

/// Work shared instead of done twice: the quantity tables' figures by sentence serve the quantity
/// rule's updates, and an event's participants are keyed without a generic join.
struct SentenceOrderTests {
  /// `QuantityComparison.sentenceOrder` is each document's quantity claims with a figure as
  /// (sentence, index), sorted: the list `QuantityMismatchRule.updates` used to gather and sort itself.
  @Test func sentenceOrderIsTheSortedFigures() throws {
    let claims = try QuantityBlocksOrderTests.aligned(QuantityTablesTests.articles)
    let cmp = QuantityComparison(claims)
    var figures = 0
    var sentencesWithTwo = 0
    for d in claims.documents.indices {
      let cs = claims.documents[d].claims
      var plain: [(sentence: Int, index: Int)] = []
      for i in cs.indices where cs[i].kind == .quantity && cs[i].quantity != nil { plain.append((cs[i].sentenceIndex, i)) }
      plain.sort { ($0.sentence, $0.index) < ($1.sentence, $1.index) }
      let kept = cmp.sentenceOrder[d]
      #expect(kept.map(\.sentence) == plain.map(\.sentence))
      #expect(kept.map(\.index) == plain.map(\.index))
      figures += plain.count
      sentencesWithTwo += Dictionary(grouping: plain, by: \.sentence).values.filter { $0.count > 1 }.count
    }
    #expect(figures >= 20)
    #expect(sentencesWithTwo >= 3)
  }

  /// Updates are found from the kept order: "up from 40 percent" makes 40 an earlier figure of 50;
  /// a sentence without "from" or a superseded figure gives none.
  @Test func updatesFromTheKeptOrder() throws {
    let claims = try QuantityBlocksOrderTests.aligned(QuantityTablesTests.articles)
    let cmp = QuantityComparison(claims)
    let updates = QuantityMismatchRule.updates(claims, cmp.quantities, cmp.sentenceOrder)
    #expect(updates.contains(QuantityMismatchRule.Update(story: claims.story[0], 40, 50)))
    #expect(!updates.contains(QuantityMismatchRule.Update(story: claims.story[0], 14, 40)))
    let none = try QuantityBlocksOrderTests.aligned([QuantityTablesTests.articles[1]])
    let noneCmp = QuantityComparison(none)
    #expect(QuantityMismatchRule.updates(none, noneCmp.quantities, noneCmp.sentenceOrder).isEmpty)
  }

  /// `participantsKey` is the sorted join of the participants' first keys, for none, one, two in
  /// either order, equal ones, empty keys and three or more.
  @Test func participantsKeyIsTheSortedJoin() {
    let cases: [[[String]]] = [
      [], [["Ortega"]], [[]], [["Ortega"], ["Barnes"]], [["Barnes"], ["Ortega"]], [["Lee"], ["Lee"]], [[], ["Barnes"]],
      [["Barnes"], []], [["Zed", "a"], ["Ábel"]], [["b"], ["B"]], [["Ortega"], ["Barnes"], ["Kim"]], [["c"], [], ["a"], ["b"]],
    ]
    for keys in cases {
      #expect(Corroboration.participantsKey(keys) == keys.map { $0.first ?? "" }.sorted().joined(separator: ","), "\(keys)")
    }
    for parts in [["a"], [""], ["", ""], ["Ábel", "Zoë Ortega", "x"], ["a long participant name past fifteen bytes", "b"]] {
      #expect(Corroboration.commaJoined(parts) == parts.joined(separator: ","), "\(parts)")
      if parts.count == 2 { #expect(Corroboration.commaJoined(parts[0], parts[1]) == parts.joined(separator: ",")) }
    }
  }
}
