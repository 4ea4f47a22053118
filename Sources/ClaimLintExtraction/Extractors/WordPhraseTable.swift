/// Phrases of one or more words (a lexicon's entries, split at spaces) looked up at a position of a
/// word list.
///
/// A lookup first asks whether any phrase starts with the word there, so positions where none does
/// (most of them) cost one hash lookup and build no string. The lookups go through `WordTable`s made by
/// `finished()`; a table still being filled looks words up in its dictionaries.
struct WordPhraseTable<Value: Sendable>: Sendable {
  /// What `finished()` builds for lookups, behind one reference: a lookup inlined into an extractor
  /// reads one field through it instead of copying every table into a temporary first.
  private final class Lookup: Sendable {
    /// Every phrase and its value (kept for `add` after `finished()`).
    let values: [String: Value]
    /// First word → the most words a phrase starting with it has.
    let longestByFirst: [String: Int]
    /// `values` and `longestByFirst` as fast tables.
    let valueTable: WordTable<Value>
    let firstTable: WordTable<Int>
    /// A bit per `WordTable.hashCode` (its top 12 bits) of every ASCII first word; empty when it
    /// cannot be used (the first-word table is not on its fast path). An ASCII word whose bit is
    /// clear starts no phrase, which settles most lookups with one load.
    let firstFilter: [UInt64]

    init(values: [String: Value], longestByFirst: [String: Int]) {
      self.values = values
      self.longestByFirst = longestByFirst
      valueTable = WordTable(values)
      let first = WordTable(longestByFirst)
      firstTable = first
      var filter: [UInt64] = []
      if first.isFast {
        filter = HashFilter.of(longestByFirst.keys)
      }
      firstFilter = filter
    }

    /// `WordPhraseTable.longest(_:_:maxWords:)` on the words' storage and these tables: a miss, the
    /// common case, reads one hash. A method of the lookup itself, so that its tables are read
    /// through `self` (borrowed for the call): read through a reference copied out of the table,
    /// they cost a retain and a release of it per lookup. The same steps as the table's own
    /// `longest(_:_:maxWords:)` on its dictionaries, which give the same answers.
    func longest(_ ws: UnsafeBufferPointer<Word>, _ i: Int, maxWords: Int, caseSensitive cs: Bool) -> (value: Value, count: Int)? {
      guard let longest = Self.single(firstTable, ws, i, cs) else { return nil }
      let n = min(longest, maxWords, ws.count - i)
      guard n >= 1 else { return nil }
      if n > 1 {
        // Looked up by the phrase's hash; the phrase is built only when a slot's hash matches. The
        // hashes of the phrases of 1 to n words are made in one pass over their bytes.
        let found = withUnsafeTemporaryAllocation(of: UInt64.self, capacity: n) { hs -> (value: Value, count: Int)? in
          WordPhraseTable.prefixHashes(ws, i, n, cs, into: hs)
          var m = n
          // A fast table holds every ASCII phrase in its slots: an ASCII phrase (its hash not 0) is
          // compared with a slot's key byte by byte (`joinedEquals`), without being made.
          let fast = valueTable.isFast
          while m > 1 {
            let h = hs[m - 1]
            if fast, h != 0 {
              if let v = valueTable.value(asciiHash: h, matches: { WordPhraseTable.joinedEquals($0, ws, i, m, cs) }) { return (v, m) }
            } else if let v = valueTable.value(hash: h, makingKey: { WordPhraseTable.joined(ws, i, m, cs) }) {
              return (v, m)
            }
            m -= 1
          }
          return nil
        }
        if let found { return found }
      }
      return Self.single(valueTable, ws, i, cs).map { ($0, 1) }
    }

    /// `table`'s value for the word `ws[i]` (as written when `cs`, else lower-cased), its text read in
    /// place: `key: cs ? ws[i].text : ws[i].lower` made a copy of the string chosen (a retain and a
    /// release per lookup).
    @inline(__always)
    private static func single<V>(_ table: WordTable<V>, _ ws: UnsafeBufferPointer<Word>, _ i: Int, _ cs: Bool) -> V? {
      cs ? table.value(hash: ws[i].textHash, key: ws[i].text) : table.value(hash: ws[i].lowerHash, key: ws[i].lower)
    }
  }

  /// The phrases added since the last `finished()` (all of them when there was none); empty once
  /// `lookup` holds them.
  private var values: [String: Value] = [:]
  /// First word → the most words a phrase starting with it has, alongside `values`.
  private var longestByFirst: [String: Int] = [:]
  /// The lookup tables, once `finished()` has made them.
  private var lookup: Lookup? = nil
  /// `lookup`, unretained, for the lookups: the table keeps it alive (`lookup` holds it, and a lookup
  /// borrows the table for the call), and reading it through `_withUnsafeGuaranteedRef` costs no
  /// retain and release, which binding `lookup` (`if let lk = lookup`) did at every lookup past the
  /// filter and every `nextStart`. Set and cleared with `lookup`.
  private var unmanagedLookup: Unmanaged<Lookup>? = nil
  /// Whether words are compared as written (`true`) or lower-cased.
  let caseSensitive: Bool

  init(caseSensitive: Bool) {
    self.caseSensitive = caseSensitive
  }

  /// Adds a phrase; a later entry for the same phrase replaces the earlier one.
  mutating func add(_ phrase: String, _ value: Value) {
    let parts = phrase.split(separator: " ", omittingEmptySubsequences: false)
    guard let first = parts.first else { return }
    if let l = lookup {
      // Back to building: the entries return to the dictionaries.
      values = l.values
      longestByFirst = l.longestByFirst
      lookup = nil
      unmanagedLookup = nil
    }
    values[phrase] = value
    longestByFirst[String(first)] = max(longestByFirst[String(first)] ?? 0, parts.count)
  }

  /// The table with its lookup tables built: call once every phrase has been added.
  func finished() -> WordPhraseTable {
    if lookup != nil { return self }
    var t = WordPhraseTable(caseSensitive: caseSensitive)
    let lookup = Lookup(values: values, longestByFirst: longestByFirst)
    t.lookup = lookup
    t.unmanagedLookup = Unmanaged.passUnretained(lookup)
    return t
  }

  func contains(_ phrase: String) -> Bool { value(phrase) != nil }

  subscript(_ phrase: String) -> Value? { value(phrase) }

  private func value(_ phrase: String) -> Value? {
    if let l = lookup { return l.valueTable[phrase] }
    return values[phrase]
  }

  /// The longest phrase of at most `maxWords` words starting at `ws[i]`: its value and its length in words.
  @inline(__always)
  func longest(_ ws: [Word], _ i: Int, maxWords: Int = .max) -> (value: Value, count: Int)? {
    guard i < ws.count, mayStart(ws, i) else { return nil }
    return longestLookup(ws, i, maxWords: maxWords)
  }

  /// `longest(_:_:maxWords:)` past the filter, kept out of line.
  @inline(never)
  private func longestLookup(_ ws: [Word], _ i: Int, maxWords: Int) -> (value: Value, count: Int)? {
    let cs = caseSensitive
    if let u = unmanagedLookup {
      return ws.withUnsafeBufferPointer { b in
        u._withUnsafeGuaranteedRef { $0.longest(b, i, maxWords: maxWords, caseSensitive: cs) }
      }
    }
    return ws.withUnsafeBufferPointer { longest($0, i, maxWords: maxWords) }
  }

  /// False when `ws[i]` is an ASCII word that starts no phrase, read from its hash and the filter
  /// alone; true when a phrase may start there.
  @inline(__always)
  func mayStart(_ ws: [Word], _ i: Int) -> Bool {
    guard let u = unmanagedLookup else { return true }
    let h = caseSensitive ? ws[i].textHash : ws[i].lowerHash
    return u._withUnsafeGuaranteedRef { l in l.firstFilter.isEmpty || h == 0 || HashFilter.mayHold(l.firstFilter, h) }
  }

  /// The first index from `i` on (at most `ws.count`) where `mayStart` is true: the words before it
  /// start no phrase. The words are read on their storage and the filter through a local pointer, one
  /// hash and one filter word a word; a table without a usable filter answers `i`.
  @inline(__always)
  func nextStart(_ ws: [Word], from i: Int) -> Int {
    guard let u = unmanagedLookup, i < ws.count else { return i }
    let cs = caseSensitive
    return u._withUnsafeGuaranteedRef { l in
      guard !l.firstFilter.isEmpty else { return i }
      return ws.withUnsafeBufferPointer { b in
        HashFilter.firstMayHold(l.firstFilter, from: i, to: b.count) { cs ? b[$0].textHash : b[$0].lowerHash }
      }
    }
  }

  /// `longest(_:_:maxWords:)` on the words' storage, for a table still being filled (no `lookup`):
  /// looked up in its dictionaries, longest phrase first.
  private func longest(_ ws: UnsafeBufferPointer<Word>, _ i: Int, maxWords: Int) -> (value: Value, count: Int)? {
    guard let longest = longestByFirst[key(ws[i])] else { return nil }
    var n = min(longest, maxWords, ws.count - i)
    while n > 1 {
      if let v = values[Self.joined(ws, i, n, caseSensitive)] { return (v, n) }
      n -= 1
    }
    if n == 1, let v = values[key(ws[i])] { return (v, 1) }
    return nil
  }

  private func key(_ w: Word) -> String { caseSensitive ? w.text : w.lower }

  /// Whether the ASCII string `phrase` is the words `i..<(i + m)` (their `key`s, ASCII) joined by
  /// spaces: both sides are ASCII, so equal strings are equal bytes, compared in place word by word.
  static func joinedEquals(_ phrase: String, _ ws: UnsafeBufferPointer<Word>, _ i: Int, _ m: Int, _ cs: Bool) -> Bool {
    let answer = phrase.utf8.withContiguousStorageIfAvailable { pb -> Bool in
      var p = 0
      for k in i..<(i + m) {
        if k > i {
          guard p < pb.count, pb[p] == 0x20 else { return false }
          p += 1
        }
        let text = cs ? ws[k].text : ws[k].lower
        let same = text.utf8.withContiguousStorageIfAvailable { wb -> Bool in
          guard wb.count <= pb.count - p else { return false }
          for j in 0..<wb.count where pb[p + j] != wb[j] { return false }
          p += wb.count
          return true
        }
        guard let same else { return Self.joined(ws, i, m, cs) == phrase }
        guard same else { return false }
      }
      return p == pb.count
    }
    return answer ?? (Self.joined(ws, i, m, cs) == phrase)
  }

  /// The words `i..<(i + m)` (their text when `caseSensitive`, else lower-cased) joined by spaces.
  static func joined(_ ws: UnsafeBufferPointer<Word>, _ i: Int, _ m: Int, _ caseSensitive: Bool) -> String {
    (i..<(i + m)).map { caseSensitive ? ws[$0].text : ws[$0].lower }.joined(separator: " ")
  }

  /// `WordTable.hashCode` of the words `i..<(i + m + 1)` joined by spaces into `hs[m]`, for every
  /// `m` below `n` (`hs` holds at least `n`), without joining them (0 once a word is not ASCII): FNV-1a reads the bytes
  /// in order, so the hash of a phrase continues the state of the phrase one word shorter.
  fileprivate static func prefixHashes(
    _ ws: UnsafeBufferPointer<Word>, _ i: Int, _ n: Int, _ caseSensitive: Bool, into hs: UnsafeMutableBufferPointer<UInt64>
  ) {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    var ascii = true
    for m in 0..<n {
      if ascii {
        if m > 0 { h = (h ^ 0x20) &* 0x0000_0100_0000_01B3 }
        let text = caseSensitive ? ws[i + m].text : ws[i + m].lower
        let done: Bool? = text.utf8.withContiguousStorageIfAvailable { b -> Bool in
          for c in b {
            if c >= 0x80 { return false }
            h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3
          }
          return true
        }
        if let done {
          ascii = done
        } else {
          for c in text.utf8 {
            if c >= 0x80 {
              ascii = false
              break
            }
            h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3
          }
        }
      }
      hs[m] = ascii ? h | 1 : 0
    }
  }
}

/// Whether a word that is not ASCII could equal ASCII text.
enum NonASCIIWord {
  /// False when `s` is not ASCII and holds none of the three scalars whose canonical decomposition is
  /// ASCII (U+212A KELVIN SIGN, E2 84 AA; U+037E GREEK QUESTION MARK, CD BE; U+1FEF GREEK VARIA, E1 BF
  /// AF): such a string is equal to no ASCII string, as `==` compares canonical equivalents. True when
  /// it may be (it is ASCII, or a lead byte of one of them is there), or when its bytes cannot be read
  /// in place. (A word's hash is 0 when its text is not ASCII, which its lower-cased text may be.)
  @inline(__always)
  static func mayEqualASCII(_ s: String) -> Bool {
    let answer = s.utf8.withContiguousStorageIfAvailable { b -> Bool in
      var ascii = true
      var k = 0
      while k < b.count {
        let c = b[k]
        if c >= 0x80 { ascii = false }
        if c == 0xCD || c == 0xE1 || (c == 0xE2 && k + 1 < b.count && b[k + 1] == 0x84) { return true }
        k += 1
      }
      return ascii
    }
    return answer ?? true
  }
}
