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

  /// Deterministic relations over `count` items of seven documents.
  static func relations(count: Int) -> [(conflicts: [Int], agreeing: [Int])] {
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ n: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(n))
    }
    return (0..<count).map { i in
      var conflicts: [Int] = []
      for _ in 0..<next(4) {
        let j = next(count)
        if j % 7 != i % 7 { conflicts.append(j) }
      }
      var agreeing = [i % 7]
      for _ in 0..<next(3) { agreeing.append(next(7)) }
      return (conflicts, agreeing)
    }
  }

  @Test func arraysGiveWhatHashingGives() {
    let aligned = AlignedClaims(documents: [], draftIndex: nil, nouns: NounFamilies(parents: [:]))
    let count = 300
    let table = Self.relations(count: count)
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
