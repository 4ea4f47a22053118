/// Decides which side of a cross-source disagreement carries the finding, and which claims become its
/// notes.
///
/// In pre-publish mode the draft's claim is always the primary side and every disagreeing source is a
/// note. Otherwise the finding goes on the minority side: the version fewer documents give is reported,
/// with one note per document that says otherwise; between versions that as many documents share, the
/// one that contradicts more documents is reported. A claim that more documents share than contradict
/// is never reported itself; it shows up as a note of the odd one out. Each claim is reported at most
/// once, and outside pre-publish mode a claim used as a note is not reported again the other way round.
///
/// `Item` is whatever a rule aligns (a `ClaimRef`, or an index into the rule's own list).
struct MinoritySide<Item: Hashable & Comparable> {
  /// What one item stands in relation to: the items of other documents that state the same fact
  /// differently, and the documents that state it the same way.
  struct Relations {
    var conflicts: [Item]
    var agreeing: Set<Int>
  }

  private let prePublish: Bool
  private let document: (Item) -> Int
  private let relations: (Item) -> Relations
  private var covered = Set<Item>()
  /// Relations already computed: an item is asked about once as a candidate and again as a conflict.
  private var known: [Item: Relations] = [:]

  /// - Parameters:
  ///   - claims: the run, for pre-publish mode.
  ///   - document: the document an item belongs to.
  ///   - relations: the conflicts and agreeing documents of an item, computed on demand.
  init(_ claims: AlignedClaims, document: @escaping (Item) -> Int, relations: @escaping (Item) -> Relations) {
    self.prePublish = claims.draftIndex != nil
    self.document = document
    self.relations = relations
  }

  private mutating func relationsOf(_ item: Item) -> Relations {
    if let r = known[item] { return r }
    let r = relations(item)
    known[item] = r
    return r
  }

  /// The notes of a finding on `item`, one conflicting item per document in document order; nil when
  /// there is nothing to report on `item` (no conflict, already covered, or the majority side).
  mutating func notes(for item: Item) -> [Item]? {
    guard !covered.contains(item) else { return nil }
    let mine = relationsOf(item)
    let conflicts = mine.conflicts.filter { !mine.agreeing.contains(document($0)) && !covered.contains($0) }
    guard !conflicts.isEmpty else { return nil }
    if !prePublish {
      // A document that agrees with both versions ("more than 1,100" beside "1,147" and "1,700")
      // takes no side: only the documents that agree with one version and not the other are counted.
      var theirs: [Item: Relations] = [:]
      for o in conflicts { theirs[o] = relationsOf(o) }
      let neutral = theirs.values.reduce(Set<Int>()) { $0.union($1.agreeing) }
      let mineCount = mine.agreeing.subtracting(neutral).count
      let mineAgainst = Set(conflicts.map(document)).count
      for o in conflicts {
        let t = theirs[o]!
        let theirCount = t.agreeing.subtracting(mine.agreeing).count
        // A conflicting version that fewer documents share is the odd one out: report that one instead.
        if theirCount < mineCount { return nil }
        // Between versions that as many documents share, the one that contradicts more documents is.
        if theirCount == mineCount {
          let against = Set(t.conflicts.map(document).filter { !t.agreeing.contains($0) }).count
          if against > mineAgainst { return nil }
        }
      }
      // This version is shared by more documents than contradict it.
      if mineCount > mineAgainst { return nil }
    }
    var perDocument: [Int: Item] = [:]
    for o in conflicts.sorted() where perDocument[document(o)] == nil { perDocument[document(o)] = o }
    let notes = perDocument.keys.sorted().map { perDocument[$0]! }
    covered.insert(item)
    if !prePublish { covered.formUnion(notes) }
    return notes
  }
}
