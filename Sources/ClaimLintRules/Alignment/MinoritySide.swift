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
    var agreeing: DocumentSet

    init(conflicts: [Item], agreeing: consuming DocumentSet) {
      self.conflicts = conflicts
      // Sorted in place: the set is handed over, so its members are not copied first.
      agreeing.normalize()
      self.agreeing = agreeing
    }
  }

  private let prePublish: Bool
  private let document: (Item) -> Int
  private let relations: (Item) -> Relations
  private var covered = Set<Item>()
  /// Relations already computed: an item is asked about once as a candidate and again as a conflict.
  private var known: [Item: Relations] = [:]
  /// For items that are small non-negative numbers (an index into a rule's own list): `covered` and
  /// `known` kept in arrays by item, not hashed. Sized up front by `init(_:count:document:relations:)`,
  /// else grown on demand up to `denseLimit`; larger or negative numbers are hashed.
  private var denseCovered: [Bool] = []
  private var denseKnown: [Relations?] = []
  /// The largest item (exclusive) kept in the arrays when they grow on demand.
  private static var denseLimit: Int { 1 << 22 }

  /// - Parameters:
  ///   - claims: the run, for pre-publish mode.
  ///   - document: the document an item belongs to.
  ///   - relations: the conflicts and agreeing documents of an item, computed on demand.
  init(_ claims: AlignedClaims, document: @escaping (Item) -> Int, relations: @escaping (Item) -> Relations) {
    self.prePublish = claims.draftIndex != nil
    self.document = document
    self.relations = relations
  }

  /// The array slot of `item`, when it is kept in the arrays (grown to hold it if needed).
  @inline(__always)
  private mutating func slot(_ item: Item) -> Int? {
    guard let i = item as? Int, i >= 0 else { return nil }
    if i < denseKnown.count { return i }
    guard i < Self.denseLimit else { return nil }
    let grow = max(i + 1, 2 * denseKnown.count, 64) - denseKnown.count
    denseKnown.append(contentsOf: repeatElement(nil, count: grow))
    denseCovered.append(contentsOf: repeatElement(false, count: grow))
    return i
  }

  private mutating func relationsOf(_ item: Item) -> Relations {
    if let i = slot(item) {
      if let r = denseKnown[i] { return r }
      let r = relations(item)
      denseKnown[i] = r
      return r
    }
    if let r = known[item] { return r }
    let r = relations(item)
    known[item] = r
    return r
  }

  private func isCovered(_ item: Item) -> Bool {
    // An item that would be kept in the arrays but lies beyond them has not been covered yet.
    if let i = item as? Int, i >= 0, i < Self.denseLimit || i < denseCovered.count {
      return i < denseCovered.count && denseCovered[i]
    }
    return covered.contains(item)
  }

  private mutating func cover(_ item: Item) {
    if let i = slot(item) {
      denseCovered[i] = true
    } else {
      covered.insert(item)
    }
  }

  /// The notes of a finding on `item`, one conflicting item per document in document order; nil when
  /// there is nothing to report on `item` (no conflict, already covered, or the majority side).
  mutating func notes(for item: Item) -> [Item]? {
    guard !isCovered(item) else { return nil }
    let mine = relationsOf(item)
    let conflicts = mine.conflicts.filter { !mine.agreeing.contains(document($0)) && !isCovered($0) }
    guard !conflicts.isEmpty else { return nil }
    if !prePublish {
      // A document that agrees with both versions ("more than 1,100" beside "1,147" and "1,700")
      // takes no side: only the documents that agree with one version and not the other are counted.
      let theirs = conflicts.map { relationsOf($0) }
      var neutral = DocumentSet()
      for t in theirs { neutral.formUnion(t.agreeing) }
      neutral.normalize()
      let mineCount = mine.agreeing.countNot(in: neutral)
      let mineAgainst = Set(conflicts.map(document)).count
      for t in theirs {
        let theirCount = t.agreeing.countNot(in: mine.agreeing)
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
    cover(item)
    if !prePublish { for n in notes { cover(n) } }
    return notes
  }
}

/// A set of document indexes kept as an array: a relation has few agreeing documents, mostly added in
/// order, so appending and sorting once is cheaper than hashing each.
struct DocumentSet: ExpressibleByArrayLiteral {
  /// The members; sorted and without repeats once `normalized()`.
  private(set) var members: [Int] = []
  /// Whether `members` is sorted without repeats.
  private var isNormal = true

  init() {}

  init(arrayLiteral elements: Int...) {
    for d in elements { insert(d) }
  }

  /// Adds `d` (a repeat of the last member is dropped at once; others when normalized).
  mutating func insert(_ d: Int) {
    if let last = members.last {
      if d == last { return }
      if d < last { isNormal = false }
    }
    members.append(d)
  }

  /// Adds the members of `other`.
  mutating func formUnion(_ other: DocumentSet) {
    for d in other.members { insert(d) }
  }

  /// Room for `n` members, made once instead of grown by doubling.
  mutating func reserveCapacity(_ n: Int) { members.reserveCapacity(n) }

  /// The same set, sorted and without repeats.
  func normalized() -> DocumentSet {
    var out = self
    out.normalize()
    return out
  }

  /// Sorts the members and drops repeats, in place.
  mutating func normalize() {
    guard !isNormal else { return }
    Salience.sortUnique(&members)
    isNormal = true
  }

  /// Whether `d` is a member (`self` normalized).
  func contains(_ d: Int) -> Bool {
    var lo = 0
    var hi = members.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if members[mid] < d { lo = mid + 1 } else { hi = mid }
    }
    return lo < members.count && members[lo] == d
  }

  /// The number of members not in `other` (both normalized): `subtracting(other).count` of sets.
  func countNot(in other: DocumentSet) -> Int {
    var n = 0
    for d in members where !other.contains(d) { n += 1 }
    return n
  }
}

extension MinoritySide where Item == Int {
  /// Items that are the numbers `0..<count`: what is known of each is kept in arrays, not hashed, sized
  /// once (the plain initializer grows them as items come).
  init(_ claims: AlignedClaims, count: Int, document: @escaping (Int) -> Int, relations: @escaping (Int) -> Relations) {
    self.prePublish = claims.draftIndex != nil
    self.document = document
    self.relations = relations
    self.denseCovered = Array(repeating: false, count: count)
    self.denseKnown = Array(repeating: nil, count: count)
  }
}
