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
  /// Collects the relations of one item into storage shared by every item (`init(_:document:record:)`):
  /// conflicts in the order given, agreeing documents as a set (sorted without repeats once the item
  /// is done). No array is made per item.
  struct Recorder {
    /// Every item's conflicts, one run per item.
    fileprivate var conflicts: [Item] = []
    /// Every item's agreeing documents, one run per item.
    fileprivate var agreeing: [Int] = []
    /// Where the current item's runs start.
    fileprivate var conflictStart = 0
    fileprivate var agreeingStart = 0
    /// Where the current item's conflicts end while its agreeing documents are recorded apart
    /// (`init(_:count:document:conflicts:agreeing:)`); -1 while its conflicts are being recorded.
    fileprivate var conflictEnd = -1
    /// Whether the current item's agreeing documents came in order (sorted without repeats).
    fileprivate var agreeingInOrder = true

    /// Records `item` as a conflict of the current item.
    mutating func conflict(_ item: Item) { conflicts.append(item) }

    /// Records `document` as agreeing with the current item (a repeat is dropped).
    mutating func agree(_ document: Int) {
      if agreeing.count > agreeingStart {
        let last = agreeing[agreeing.count - 1]
        if document == last { return }
        if document < last { agreeingInOrder = false }
      }
      agreeing.append(document)
    }

    /// The positions of the conflicts recorded so far for the current item, in order, for
    /// `conflict(at:)`: read by index, no slice of the storage is made (a retain and a release of it)
    /// and the recorder stays free to record. While agreeing documents are recorded apart, all of the
    /// item's conflicts.
    var currentConflictIndices: Range<Int> { conflictStart..<(conflictEnd >= 0 ? conflictEnd : conflicts.count) }

    /// The conflict at position `k` (of `currentConflictIndices`).
    func conflict(at k: Int) -> Item { conflicts[k] }

    /// Starts the runs of the next item.
    fileprivate mutating func begin() {
      conflictStart = conflicts.count
      agreeingStart = agreeing.count
      agreeingInOrder = true
      conflictEnd = -1
    }

    /// Starts the agreeing run of an item whose conflicts (`conflicts`) are known already.
    fileprivate mutating func beginAgreeing(conflicts known: Range<Int>) {
      conflictStart = known.lowerBound
      conflictEnd = known.upperBound
      agreeingStart = agreeing.count
      agreeingInOrder = true
    }

    /// Ends the current item's runs: its agreeing documents sorted without repeats.
    fileprivate mutating func end() -> Span {
      if !agreeingInOrder {
        let start = agreeingStart
        // Sorted in place through a pointer: a sort of the slice `agreeing[start...]` copies it out
        // and back.
        let unique = agreeing.withUnsafeMutableBufferPointer { all -> Int in
          var run = UnsafeMutableBufferPointer(rebasing: all[start...])
          run.sort()
          var unique = start
          for k in start..<all.count where k == start || all[k] != all[unique - 1] {
            all[unique] = all[k]
            unique += 1
          }
          return unique
        }
        agreeing.removeLast(agreeing.count - unique)
      }
      return Span(conflicts: conflictStart..<conflicts.count, agreeing: agreeingStart..<agreeing.count)
    }
  }

  /// Where one item's relations lie in the recorder's storage.
  fileprivate struct Span {
    var conflicts: Range<Int>
    var agreeing: Range<Int>
    /// False while the agreeing documents of an item recorded in two steps are not recorded yet
    /// (`agreeing` is empty then).
    var agreeingKnown = true
  }

  private let prePublish: Bool
  private let document: (Item) -> Int
  private let record: (Item, inout Recorder) -> Void
  /// With `init(_:count:document:conflicts:agreeing:)`: records the agreeing documents of an item
  /// whose conflicts `record` recorded, when they are first needed.
  private var recordAgreeing: Optional<(Item, inout Recorder) -> Void> = nil
  /// Every known item's relations, one run each.
  private var storage = Recorder()
  /// The runs of each known item, by the number it was given when first asked about.
  private var spans: [Span] = []
  private var covered = Set<Item>()
  /// The number of each item whose relations are known (an index into `spans`): an item is asked
  /// about once as a candidate and again as a conflict.
  private var known: [Item: Int] = [:]
  /// For items that are small non-negative numbers (an index into a rule's own list): `covered` and
  /// `known` kept in arrays by item (-1 for not known), not hashed. Sized up front by
  /// `init(_:count:document:record:)`, else grown on demand up to `denseLimit`; larger or negative
  /// numbers are hashed.
  private var denseCovered: [Bool] = []
  private var denseKnown: [Int] = []
  /// Buffers for `notes(for:)`, kept from call to call.
  private var pending: [Item] = []
  private var theirSpans: [Span] = []
  private var documentBuffer: [Int] = []
  /// The largest item (exclusive) kept in the arrays when they grow on demand.
  private static var denseLimit: Int { 1 << 22 }

  /// - Parameters:
  ///   - claims: the run, for pre-publish mode.
  ///   - document: the document an item belongs to.
  ///   - record: records the conflicts and agreeing documents of an item, on demand, into the
  ///     recorder (no array is made per item).
  init(_ claims: AlignedClaims, document: @escaping (Item) -> Int, record: @escaping (Item, inout Recorder) -> Void) {
    self.prePublish = claims.draftIndex != nil
    self.document = document
    self.record = record
  }

  /// The array slot of `item`, when it is kept in the arrays (grown to hold it if needed).
  @inline(__always)
  private mutating func slot(_ item: Item) -> Int? {
    guard let i = item as? Int, i >= 0 else { return nil }
    if i < denseKnown.count { return i }
    guard i < Self.denseLimit else { return nil }
    let grow = max(i + 1, 2 * denseKnown.count, 64) - denseKnown.count
    denseKnown.append(contentsOf: repeatElement(-1, count: grow))
    denseCovered.append(contentsOf: repeatElement(false, count: grow))
    return i
  }

  /// The number of `item`'s runs in `spans`, recorded the first time it is asked about (its agreeing
  /// documents perhaps not yet: `agreeingOf`).
  private mutating func relationsOf(_ item: Item) -> Int {
    if let i = slot(item) {
      let n = denseKnown[i]
      if n >= 0 { return n }
      denseKnown[i] = spans.count
    } else if let n = known[item] {
      return n
    } else {
      known[item] = spans.count
    }
    let record = self.record
    storage.begin()
    record(item, &storage)
    var span = storage.end()
    if recordAgreeing != nil { span.agreeingKnown = false }
    spans.append(span)
    return spans.count - 1
  }

  /// The runs of `item` (number `n` of `relationsOf`) with its agreeing documents, recorded the first
  /// time they are asked for.
  private mutating func agreeingOf(_ item: Item, _ n: Int) -> Span {
    let span = spans[n]
    guard !span.agreeingKnown, let recordAgreeing else { return span }
    storage.beginAgreeing(conflicts: span.conflicts)
    recordAgreeing(item, &storage)
    let done = storage.end()
    spans[n].agreeing = done.agreeing
    spans[n].agreeingKnown = true
    return spans[n]
  }

  @inline(__always)
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

  /// Whether `d` is among the agreeing documents of `span` (sorted without repeats).
  @inline(__always)
  private func agrees(_ span: Span, _ d: Int) -> Bool {
    var lo = span.agreeing.lowerBound
    var hi = span.agreeing.upperBound
    while lo < hi {
      let mid = (lo + hi) / 2
      if storage.agreeing[mid] < d { lo = mid + 1 } else { hi = mid }
    }
    return lo < span.agreeing.upperBound && storage.agreeing[lo] == d
  }

  /// The number of distinct documents in `documentBuffer` (which it sorts unless already in order).
  private mutating func distinctDocuments() -> Int {
    var inOrder = true
    for k in documentBuffer.indices.dropFirst() where documentBuffer[k] < documentBuffer[k - 1] {
      inOrder = false
      break
    }
    if !inOrder { documentBuffer.sort() }
    var n = 0
    for k in documentBuffer.indices where k == 0 || documentBuffer[k] != documentBuffer[k - 1] { n += 1 }
    return n
  }

  /// The notes of a finding on `item`, one conflicting item per document in document order; nil when
  /// there is nothing to report on `item` (no conflict, already covered, or the majority side).
  mutating func notes(for item: Item) -> [Item]? {
    guard !isCovered(item) else { return nil }
    let n = relationsOf(item)
    // Without a conflict nothing is reported, and the agreeing documents (perhaps not recorded yet)
    // are not needed.
    guard !spans[n].conflicts.isEmpty else { return nil }
    let mine = agreeingOf(item, n)
    // The conflicts still open: from a document that does not also agree, and not covered.
    pending.removeAllShort()
    for k in mine.conflicts {
      let c = storage.conflicts[k]
      if !agrees(mine, document(c)) && !isCovered(c) { pending.append(c) }
    }
    guard !pending.isEmpty else { return nil }
    if !prePublish {
      theirSpans.removeAllShort()
      for k in pending.indices {
        let t = agreeingOf(pending[k], relationsOf(pending[k]))
        theirSpans.append(t)
      }
      // A document that agrees with both versions ("more than 1,100" beside "1,147" and "1,700")
      // takes no side: only the documents that agree with one version and not the other are counted.
      var mineCount = 0
      for k in mine.agreeing {
        let d = storage.agreeing[k]
        if !theirSpans.contains(where: { agrees($0, d) }) { mineCount += 1 }
      }
      documentBuffer.removeAllShort()
      for c in pending { documentBuffer.append(document(c)) }
      let mineAgainst = distinctDocuments()
      for t in theirSpans.indices {
        let their = theirSpans[t]
        var theirCount = 0
        for k in their.agreeing where !agrees(mine, storage.agreeing[k]) { theirCount += 1 }
        // A conflicting version that fewer documents share is the odd one out: report that one instead.
        if theirCount < mineCount { return nil }
        // Between versions that as many documents share, the one that contradicts more documents is.
        if theirCount == mineCount {
          documentBuffer.removeAllShort()
          for k in their.conflicts {
            let d = document(storage.conflicts[k])
            if !agrees(their, d) { documentBuffer.append(d) }
          }
          if distinctDocuments() > mineAgainst { return nil }
        }
      }
      // This version is shared by more documents than contradict it.
      if mineCount > mineAgainst { return nil }
    }
    // One note per document: its smallest conflicting item, in document order.
    var byDocument = pending.map { (document: document($0), item: $0) }
    byDocument.sort { $0.document != $1.document ? $0.document < $1.document : $0.item < $1.item }
    var notes: [Item] = []
    for k in byDocument.indices where k == 0 || byDocument[k].document != byDocument[k - 1].document {
      notes.append(byDocument[k].item)
    }
    cover(item)
    if !prePublish { for n in notes { cover(n) } }
    return notes
  }
}

extension MinoritySide where Item == Int {
  /// `init(_:document:record:)` for items that are the numbers `0..<count`: what is known of each is
  /// kept in arrays, not hashed, sized once (the plain initializer grows them as items come).
  init(_ claims: AlignedClaims, count: Int, document: @escaping (Int) -> Int, record: @escaping (Int, inout Recorder) -> Void) {
    self.init(claims, document: document, record: record)
    self.denseCovered = Array(repeating: false, count: count)
    self.denseKnown = Array(repeating: -1, count: count)
    // Each item is given one span at most: the list of spans never grows by doubling.
    self.spans.reserveCapacity(count)
    // Room for one conflict and one agreeing document per item before the shared lists grow (most
    // items of the rules that ask about every item record a few of each): one allocation each
    // instead of a doubling from empty.
    self.storage.conflicts.reserveCapacity(count)
    self.storage.agreeing.reserveCapacity(count)
  }

  /// `init(_:count:document:record:)` with an item's relations recorded in two steps: `conflicts`
  /// records its conflicts when it is first asked about, `agreeing` its agreeing documents only when
  /// they are first needed. Most items of a rule that asks about every item have no conflict, and
  /// `notes(for:)` reads the agreeing documents only of an item with a conflict and of the items it
  /// conflicts with: the work of finding the others' agreeing documents is not done. The notes are the
  /// same as with one closure that records both (each item's relations are the same).
  ///
  /// `agreeing` runs after `conflicts` has run for the same item; `Recorder.currentConflictIndices`
  /// gives it the item's conflicts.
  init(
    _ claims: AlignedClaims, count: Int, document: @escaping (Int) -> Int,
    conflicts: @escaping (Int, inout Recorder) -> Void, agreeing: @escaping (Int, inout Recorder) -> Void
  ) {
    self.init(claims, count: count, document: document, record: conflicts)
    self.recordAgreeing = agreeing
  }
}

extension Array {
  /// `removeAll(keepingCapacity: true)` for the short buffers of `MinoritySide.notes` (a few items
  /// each): the elements removed one by one from the end. `removeAll(keepingCapacity:)` goes through
  /// the generic `replaceSubrange` (a hundred instructions and more even for one element) and, on a
  /// buffer never given storage, makes an empty one; `removeLast` takes a few. Storage is kept either way.
  @inline(__always)
  fileprivate mutating func removeAllShort() {
    while !isEmpty { removeLast() }
  }
}
