/// A read-only table from words (or short phrases) to values, built once from a dictionary and
/// looked up many times a sentence.
///
/// `Dictionary<String, _>` hashes every key with a seeded SipHash and compares by canonical
/// equivalence; for the short ASCII words that make up almost every lookup that is most of the cost.
/// This table hashes a word's UTF-8 bytes with FNV-1a and compares bytes, which gives the same answer
/// as the dictionary for ASCII words: an ASCII string is canonically equivalent only to itself, or to
/// a string made of ASCII and the three scalars whose canonical decomposition is ASCII (U+212A KELVIN
/// SIGN, U+037E GREEK QUESTION MARK, U+1FEF GREEK VARIA). A word that is not ASCII, or any word when a
/// key holds one of those three scalars, is looked up in the dictionary itself.
struct WordTable<Value: Sendable>: Sendable {
  /// Every entry, for the lookups the fast path does not answer.
  private let dictionary: [String: Value]
  /// Open-addressed slots: an index into `keys` and `values` plus one, or 0 when empty.
  private let slots: [Int32]
  private let hashes: [UInt64]
  private let keys: [String]
  private let values: [Value]
  private let mask: Int
  /// False when some key could equal an ASCII word without being ASCII itself.
  private let fast: Bool

  /// The table of `dictionary`'s entries.
  init(_ dictionary: [String: Value]) {
    self.dictionary = dictionary
    var keys: [String] = []
    var values: [Value] = []
    var hashes: [UInt64] = []
    var fast = true
    // Sorted so that the table's layout does not depend on the dictionary's (seeded) order.
    for (k, v) in dictionary.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
      if let h = Self.asciiHash(k) {
        keys.append(k)
        values.append(v)
        hashes.append(h)
      } else if k.unicodeScalars.contains(where: { $0.value == 0x212A || $0.value == 0x037E || $0.value == 0x1FEF }) {
        fast = false
      }
    }
    var capacity = 8
    while capacity < keys.count * 2 { capacity <<= 1 }
    var slots = [Int32](repeating: 0, count: capacity)
    for (n, h) in hashes.enumerated() {
      var p = Self.home(h, capacity - 1)
      while slots[p] != 0 { p = (p + 1) & (capacity - 1) }
      slots[p] = Int32(n + 1)
    }
    self.slots = slots
    self.hashes = hashes
    self.keys = keys
    self.values = values
    self.mask = capacity - 1
    self.fast = fast
  }

  /// An empty table.
  init() { self.init([:]) }

  /// The first slot to probe for a key whose hash is `h`: its bits from 1 up. An ASCII hash is odd
  /// (`hashCode`), so its bit 0 would put every key's first slot at an odd index, half the table.
  /// (FNV-1a mixes each byte upward only, from the low bits: its middle bits spread words that differ
  /// only in their last letters badly.)
  @inline(__always)
  static func home(_ h: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: h &>> 1) & mask }

  /// Whether every ASCII lookup is answered from the ASCII keys alone (no key could equal an ASCII
  /// word without being ASCII itself).
  var isFast: Bool { fast }

  /// Whether the table holds no entry.
  var isEmpty: Bool { dictionary.isEmpty }

  /// Every key, in no particular order.
  var allKeys: Dictionary<String, Value>.Keys { dictionary.keys }

  /// The value for `key`, if any: the same answer as `Dictionary`'s subscript.
  subscript(_ key: String) -> Value? {
    guard fast, let h = Self.asciiHash(key) else { return dictionary[key] }
    return find(h, key)
  }

  /// The value for an ASCII `key` whose `asciiHash` is `h`.
  private func find(_ h: UInt64, _ key: String) -> Value? {
    var p = Self.home(h, mask)
    while true {
      let s = Int(slots[p])
      if s == 0 { return nil }
      if hashes[s - 1] == h, keys[s - 1] == key { return values[s - 1] }
      p = (p + 1) & mask
    }
  }

  /// Whether the table has an entry for `key`.
  func contains(_ key: String) -> Bool { self[key] != nil }

  /// The FNV-1a hash of an ASCII string's bytes with its low bit set, or nil when the string is not ASCII.
  static func asciiHash(_ s: String) -> UInt64? {
    if let r = s.utf8.withContiguousStorageIfAvailable({ buf -> UInt64? in
      var h: UInt64 = 0xcbf2_9ce4_8422_2325
      var any: UInt8 = 0
      for b in buf {
        any |= b
        h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3
      }
      return any < 0x80 ? h | 1 : nil
    }) {
      return r
    }
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in s.utf8 {
      if b >= 0x80 { return nil }
      h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3
    }
    return h | 1
  }

  /// `asciiHash` of the string whose UTF-8 bytes are `bytes`, or 0 when they are not ASCII (an
  /// ASCII hash is odd, so 0 is never one).
  static func hashCode<C: Collection>(bytes: C) -> UInt64 where C.Element == UInt8 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes {
      if b >= 0x80 { return 0 }
      h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3
    }
    return h | 1
  }

  /// The value for `key`, whose `hashCode` is `hash` (0 when `key` is not ASCII): a key at hand (a
  /// word's or token's text), borrowed for the lookup. Through an autoclosure (`value(hash:makingKey:)`)
  /// such a key was copied (its storage retained and released) at every slot whose hash matched.
  @inline(__always)
  func value(hash: UInt64, key: String) -> Value? {
    guard fast, hash != 0 else { return dictionary[key] }
    var p = Self.home(hash, mask)
    while true {
      let s = Int(slots[p])
      if s == 0 { return nil }
      if hashes[s - 1] == hash, keys[s - 1] == key { return values[s - 1] }
      p = (p + 1) & mask
    }
  }

  /// `value(hash:key:)` for a key that has to be built (a pair of words joined): `key` is only called
  /// when a slot's hash matches (or for the dictionary), so that a miss, the common case, builds no
  /// string.
  @inline(__always)
  func value(hash: UInt64, makingKey key: () -> String) -> Value? {
    guard fast, hash != 0 else { return dictionary[key()] }
    var p = Self.home(hash, mask)
    while true {
      let s = Int(slots[p])
      if s == 0 { return nil }
      if hashes[s - 1] == hash, keys[s - 1] == key() { return values[s - 1] }
      p = (p + 1) & mask
    }
  }

  /// `value(hash:key:)` for a key that `matches` tells apart without being made: the value of the
  /// key whose `hashCode` is `hash` and that `matches` accepts. Only for a fast table (`isFast`) and
  /// an ASCII key (`hash` not 0), where the slots hold every ASCII key: `matches` is given only keys
  /// with that hash, all ASCII, and must answer whether the key looked up equals it.
  @inline(__always)
  func value(asciiHash hash: UInt64, matches: (String) -> Bool) -> Value? {
    var p = Self.home(hash, mask)
    while true {
      let s = Int(slots[p])
      if s == 0 { return nil }
      if hashes[s - 1] == hash, matches(keys[s - 1]) { return values[s - 1] }
      p = (p + 1) & mask
    }
  }

  /// The value for a token's lower-cased text.
  @inline(__always)
  subscript(token t: Token) -> Value? { value(hash: t.lowerHash, key: t.lower) }
}

/// A read-only set of words with the fast lookups of `WordTable`.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
  private let table: WordTable<Bool>

  /// The set of `words`.
  init<S: Sequence>(_ words: S) where S.Element == String {
    var d: [String: Bool] = [:]
    for w in words { d[w] = true }
    table = WordTable(d)
  }

  init(arrayLiteral elements: String...) { self.init(elements) }

  /// Whether `word` is in the set: the same answer as `Set<String>.contains`.
  func contains(_ word: String) -> Bool { table[word] != nil }

  /// Whether a token's lower-cased text is in the set.
  @inline(__always)
  func contains(token t: Token) -> Bool { table[token: t] != nil }

  /// Whether a word's text as written is in the set.
  @inline(__always)
  func contains(text w: Word) -> Bool { table.value(hash: w.textHash, key: w.text) != nil }

  /// Whether a word's lower-cased text is in the set.
  @inline(__always)
  func contains(lower w: Word) -> Bool { table.value(hash: w.lowerHash, key: w.lower) != nil }
}

extension String {
  /// `hasSuffix(suffix)`, compared byte by byte when the string is ASCII.
  ///
  /// In ASCII text every character is one byte except CR LF, so an ASCII suffix that does not start
  /// with LF ends the string as characters exactly when it ends it as bytes. An ASCII string ends with
  /// a suffix that is not ASCII only when the suffix is canonically equivalent to ASCII text, which
  /// takes one of the three scalars whose decomposition is ASCII (U+212A, U+037E, U+1FEF).
  func fastHasSuffix(_ suffix: String) -> Bool {
    let answer: Bool?? = utf8.withContiguousStorageIfAvailable { s -> Bool? in
      for b in s where b >= 0x80 { return nil }
      return suffix.utf8.withContiguousStorageIfAvailable { x -> Bool? in
        var asciiSuffix = true
        for b in x where b >= 0x80 { asciiSuffix = false }
        guard asciiSuffix else {
          let special = suffix.unicodeScalars.contains { $0.value == 0x212A || $0.value == 0x037E || $0.value == 0x1FEF }
          return special ? nil : false
        }
        guard x.first != 0x0A else { return nil }
        guard x.count <= s.count else { return false }
        let offset = s.count - x.count
        for k in 0..<x.count where s[offset + k] != x[k] { return false }
        return true
      } ?? nil
    }
    if let a = answer, let b = a { return b }
    return hasSuffix(suffix)
  }
}

/// A 4096-bit filter of ASCII keys by their `WordTable.asciiHash` (a bit per value of the hash's top
/// twelve bits): a word whose hash has its bit clear is none of the keys, told with one load before
/// any table is probed. Phrase tables, the role table, the title and event scans use it.
enum HashFilter {
  /// The filter of the ASCII keys among `keys` (keys outside ASCII have no bit: a caller tests the
  /// filter only for hashes of ASCII text, and looks up every other word).
  static func of<S: Sequence>(_ keys: S) -> [UInt64] where S.Element == String {
    var bits = [UInt64](repeating: 0, count: 64)
    for k in keys { if let h = WordTable<Bool>.asciiHash(k) { insert(h, into: &bits) } }
    return bits
  }

  /// Sets the bit of hash `h` in `bits` (a filter of 64 words).
  @inline(__always)
  static func insert(_ h: UInt64, into bits: inout [UInt64]) {
    bits[Int(truncatingIfNeeded: h >> 58)] |= 1 << ((h >> 52) & 63)
  }

  /// The first index from `i` on (at most `end`) whose hash (`hash(index)`) is 0 (text outside ASCII,
  /// never filtered) or has its bit set in `bits`: the items before it are none of the keys. The
  /// filter is read through a local pointer; `hash` should read the items on their storage.
  @inline(__always)
  static func firstMayHold(_ bits: [UInt64], from i: Int, to end: Int, hash: (Int) -> UInt64) -> Int {
    bits.withUnsafeBufferPointer { b in
      var i = i
      while i < end {
        let h = hash(i)
        if h == 0 || mayHold(b, h) { break }
        i += 1
      }
      return i
    }
  }

  /// Whether the bit of hash `h` is set in `bits` (a filter of 64 words): false means no key has `h`.
  @inline(__always)
  static func mayHold<C: RandomAccessCollection>(_ bits: C, _ h: UInt64) -> Bool where C.Element == UInt64, C.Index == Int {
    bits[bits.startIndex + Int(truncatingIfNeeded: h >> 58)] & (1 << ((h >> 52) & 63)) != 0
  }
}
