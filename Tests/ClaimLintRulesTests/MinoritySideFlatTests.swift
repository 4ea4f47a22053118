import Testing

@testable import ClaimLintRules

/// `MinoritySide` keeps every item's relations in shared flat storage; the notes must be what the
/// earlier form (two arrays per item, sets and a dictionary per question) gives, kept here as the reference.
struct MinoritySideFlatTests {
  /// The earlier `MinoritySide.notes(for:)`, outside pre-publish mode, over relations given as arrays.
  struct Reference {
    let document: (Int) -> Int
    let relations: [(conflicts: [Int], agreeing: Set<Int>)]
    var covered = Set<Int>()

    mutating func notes(for item: Int) -> [Int]? {
      guard !covered.contains(item) else { return nil }
      let mine = relations[item]
      let conflicts = mine.conflicts.filter { !mine.agreeing.contains(document($0)) && !covered.contains($0) }
      guard !conflicts.isEmpty else { return nil }
      let theirs = conflicts.map { relations[$0] }
      var neutral = Set<Int>()
      for t in theirs { neutral.formUnion(t.agreeing) }
      let mineCount = mine.agreeing.subtracting(neutral).count
      let mineAgainst = Set(conflicts.map(document)).count
      for t in theirs {
        let theirCount = t.agreeing.subtracting(mine.agreeing).count
        if theirCount < mineCount { return nil }
        if theirCount == mineCount {
          let against = Set(t.conflicts.map(document).filter { !t.agreeing.contains($0) }).count
          if against > mineAgainst { return nil }
        }
      }
      if mineCount > mineAgainst { return nil }
      var perDocument: [Int: Int] = [:]
      for o in conflicts.sorted() where perDocument[document(o)] == nil { perDocument[document(o)] = o }
      let notes = perDocument.keys.sorted().map { perDocument[$0]! }
      covered.insert(item)
      for n in notes { covered.insert(n) }
      return notes
    }
  }

  /// Deterministic relations over `count` items of `documents` documents, agreeing documents out of
  /// order and repeated, conflicts in any order.
  static func relations(count: Int, documents: Int, seed start: UInt64) -> [(conflicts: [Int], agreeing: [Int])] {
    var seed = start
    func next(_ n: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(n))
    }
    return (0..<count).map { i in
      var conflicts: [Int] = []
      for _ in 0..<next(6) {
        let j = next(count)
        if j % documents != i % documents { conflicts.append(j) }
      }
      var agreeing = [i % documents]
      for _ in 0..<next(5) { agreeing.append(next(documents)) }
      return (conflicts, agreeing)
    }
  }

  @Test(arguments: [(300, 7, 1), (200, 3, 2), (500, 11, 3), (64, 2, 4)])
  func flatStorageGivesTheEarlierNotes(count: Int, documents: Int, seed: UInt64) {
    let aligned = AlignedClaims(documents: [], draftIndex: nil, nouns: NounFamilies(parents: [:]))
    // The last eight items have no conflict and are no item's conflict.
    let table =
      Self.relations(count: count - 8, documents: documents, seed: seed)
      + (count - 8..<count).map { i in (conflicts: [Int](), agreeing: [i % documents]) }
    var reference = Reference(document: { $0 % documents }, relations: table.map { ($0.conflicts, Set($0.agreeing)) })
    var recorded = MinoritySide<Int>(aligned, count: count, document: { $0 % documents }) { (i: Int, recorder: inout MinoritySide<Int>.Recorder) in
      for d in table[i].agreeing { recorder.agree(d) }
      for c in table[i].conflicts { recorder.conflict(c) }
    }
    // Without sizing (arrays grown as items come), agreeing documents given in reverse.
    var grown = MinoritySide<Int>(aligned, document: { $0 % documents }) { (i: Int, recorder: inout MinoritySide<Int>.Recorder) in
      for c in table[i].conflicts { recorder.conflict(c) }
      for d in table[i].agreeing.reversed() { recorder.agree(d) }
    }
    // In two steps (as `QuantityMismatchRule` records): conflicts first, agreeing documents only when
    // asked for, with the item's conflicts to hand.
    var agreeingAsked = Set<Int>()
    var twoSteps = MinoritySide<Int>(
      aligned, count: count, document: { $0 % documents },
      conflicts: { (i: Int, recorder: inout MinoritySide<Int>.Recorder) in
        for c in table[i].conflicts { recorder.conflict(c) }
      },
      agreeing: { (i: Int, recorder: inout MinoritySide<Int>.Recorder) in
        #expect(agreeingAsked.insert(i).inserted, "item \(i) asked twice")
        let known = recorder.currentConflictIndices.map { recorder.conflict(at: $0) }
        #expect(known == table[i].conflicts, "item \(i)")
        for d in table[i].agreeing.reversed() { recorder.agree(d) }
      })
    var found = 0
    for i in (0..<count).reversed() {
      let expected = reference.notes(for: i)
      if expected != nil { found += 1 }
      #expect(recorded.notes(for: i) == expected, "item \(i)")
      #expect(grown.notes(for: i) == expected, "item \(i)")
      #expect(twoSteps.notes(for: i) == expected, "item \(i)")
    }
    #expect(found > 0)
    // Only items with a conflict, or that are a conflict of another item, had their agreeing
    // documents recorded; the others (at least the last eight) were never asked.
    var related = Set<Int>()
    for i in table.indices where !table[i].conflicts.isEmpty {
      related.insert(i)
      related.formUnion(table[i].conflicts)
    }
    #expect(related.count < count)
    #expect(!agreeingAsked.isEmpty && agreeingAsked.isSubset(of: related))
  }
}
