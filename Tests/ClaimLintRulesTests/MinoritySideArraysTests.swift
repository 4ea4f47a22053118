import Testing

@testable import ClaimLintRules

/// `MinoritySide` keeps what it knows of small integer items in arrays (sized up front, or grown as
/// items come); the result must be what the hashed path gives for the same relations.
struct MinoritySideArraysTests {
  /// An item that is not an `Int`: always kept by hashing.
  struct Wrapped: Hashable, Comparable {
    var value: Int
    static func < (a: Wrapped, b: Wrapped) -> Bool { a.value < b.value }
  }

  @Test func arraysGiveWhatHashingGives() {
    let aligned = AlignedClaims(documents: [], draftIndex: nil, nouns: NounFamilies(parents: [:]))
    let count = 300
    let table = MinoritySideFlatTests.relations(count: count, documents: 7, seed: 0x9E37_79B9_7F4A_7C15)
    var hashed = MinoritySide<Wrapped>(aligned, document: { $0.value % 7 }) { (w: Wrapped, recorder: inout MinoritySide<Wrapped>.Recorder) in
      for c in table[w.value].conflicts { recorder.conflict(Wrapped(value: c)) }
      for d in table[w.value].agreeing { recorder.agree(d) }
    }
    var grown = MinoritySide<Int>(aligned, document: { $0 % 7 }) { (i: Int, recorder: inout MinoritySide<Int>.Recorder) in
      for c in table[i].conflicts { recorder.conflict(c) }
      for d in table[i].agreeing { recorder.agree(d) }
    }
    var sized = MinoritySide<Int>(aligned, count: count, document: { $0 % 7 }) { (i: Int, recorder: inout MinoritySide<Int>.Recorder) in
      for c in table[i].conflicts { recorder.conflict(c) }
      for d in table[i].agreeing { recorder.agree(d) }
    }
    // Items asked from the top down, so that the grown arrays are grown by conflicts first.
    var found = 0
    for i in (0..<count).reversed() {
      let expected = hashed.notes(for: Wrapped(value: i))?.map(\.value)
      if expected != nil { found += 1 }
      #expect(grown.notes(for: i) == expected, "item \(i)")
      #expect(sized.notes(for: i) == expected, "item \(i)")
    }
    #expect(found > 0)
  }

  @Test func totalOfPartNeedsAMarkerAndAPart() {
    #expect(QuantityComparison.isTotalOfPart(sentence: "They won 23 of the 51 seats.", figure: "51 seats"))
    #expect(QuantityComparison.isTotalOfPart(sentence: "Nine out of 10 voters agreed.", figure: "10 voters"))
    #expect(!QuantityComparison.isTotalOfPart(sentence: "They won 51 seats.", figure: "51 seats"))
    #expect(!QuantityComparison.isTotalOfPart(sentence: "Most of the 51 seats went to them.", figure: "51 seats"))
  }
}
