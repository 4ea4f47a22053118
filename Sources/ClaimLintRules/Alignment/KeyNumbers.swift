/// Numbers given to keys of three 64-bit words: an open-addressing table (linear probing), for the
/// keys corroboration counts (a story's day, a story's whole figure), which are all integers.
///
/// A key's slot is found by mixing its words with multiplications, not by `Hasher` (SipHash) as a
/// `Dictionary` does; keys and numbers sit in flat arrays. Which number a key gets is up to the caller
/// (`number(_:_:_:orAdd:)`), so the order of the slots never shows in any result.
struct KeyNumbers: Sendable {
  /// The three words of each slot's key, one after another (meaningful where `numbers` is not -1).
  private var words: [UInt64]
  /// The number of each slot's key; -1 for an empty slot.
  private var numbers: [Int32]
  /// The number of keys held.
  private(set) var count = 0
  /// `64 - log2(slots)`: the top bits of the mixed key pick the slot.
  private var shift: UInt64

  /// A table with room for `capacity` keys before it grows.
  init(capacity: Int = 0) {
    var slots = 16
    // At most half the slots are used.
    while slots < 2 * capacity { slots <<= 1 }
    words = [UInt64](repeating: 0, count: 3 * slots)
    numbers = [Int32](repeating: -1, count: slots)
    shift = UInt64(64 - (Int.bitWidth - 1 - slots.leadingZeroBitCount))
  }

  /// The first slot to probe for the key `(a, b, c)`.
  @inline(__always)
  private func home(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> Int {
    var h = a &* 0x9E37_79B9_7F4A_7C15
    h = (h ^ (h >> 29) ^ b) &* 0xBF58_476D_1CE4_E5B9
    h = (h ^ (h >> 32) ^ c) &* 0x94D0_49BB_1331_11EB
    return Int(truncatingIfNeeded: h >> shift)
  }

  /// The number of the key `(a, b, c)`; when it has none yet, it is given `new` (which must not be
  /// negative) and `new` is returned.
  mutating func number(_ a: UInt64, _ b: UInt64, _ c: UInt64, orAdd new: Int) -> Int {
    if 2 * (count + 1) > numbers.count { grow() }
    let mask = numbers.count &- 1
    var k = home(a, b, c)
    let found: Int32 = numbers.withUnsafeMutableBufferPointer { ns in
      words.withUnsafeMutableBufferPointer { ws in
        while ns[k] >= 0 {
          if ws[3 &* k] == a, ws[3 &* k &+ 1] == b, ws[3 &* k &+ 2] == c { return ns[k] }
          k = (k &+ 1) & mask
        }
        ws[3 &* k] = a
        ws[3 &* k &+ 1] = b
        ws[3 &* k &+ 2] = c
        ns[k] = Int32(truncatingIfNeeded: new)
        return -1
      }
    }
    if found >= 0 { return Int(found) }
    count += 1
    return new
  }

  /// Doubles the slots and places every key again.
  private mutating func grow() {
    var bigger = KeyNumbers(capacity: numbers.count)
    for k in numbers.indices where numbers[k] >= 0 {
      _ = bigger.number(words[3 * k], words[3 * k + 1], words[3 * k + 2], orAdd: Int(numbers[k]))
    }
    self = bigger
  }
}

/// Numbers given to strings, equal exactly when the strings are equal (`==`, canonical equivalence):
/// each distinct string gets the next number the first time it is asked about.
///
/// An ASCII string is looked up by FNV-1a of its bytes in an open-addressing table (a hit is
/// confirmed by `==`: two strings with one hash take two slots), not hashed by `Hasher` (SipHash). Two
/// ASCII strings are equal exactly when their bytes are. A string that is not ASCII may still equal an
/// ASCII one only when each of its scalars is ASCII or one of the three whose canonical decomposition
/// is ASCII (U+212A KELVIN SIGN is "K", U+037E GREEK QUESTION MARK ";", U+1FEF GREEK VARIA "`"): such a
/// string is numbered as the ASCII string it equals. Any other string equals no ASCII string, and is
/// numbered by a `Dictionary` of its own (which compares as `==` does).
struct StringNumbers {
  /// The ASCII members by number (an empty string for a member that is not ASCII).
  private var members: [String] = []
  /// The hash of each slot's member (meaningful where `numbers` is not -1).
  private var hashes: [UInt64]
  /// The number of each slot's member; -1 for an empty slot.
  private var numbers: [Int32]
  private var asciiCount = 0
  /// The members that equal no ASCII string.
  private var others: [String: Int32] = [:]
  /// The number of members.
  private(set) var count = 0

  /// An empty table with room for `capacity` ASCII strings before it grows.
  init(capacity: Int = 0) {
    var slots = 16
    // At most half the slots are used.
    while slots < 2 * capacity { slots <<= 1 }
    hashes = [UInt64](repeating: 0, count: slots)
    numbers = [Int32](repeating: -1, count: slots)
  }

  /// The number of `s`; a string not seen before is given `count` (then one more than the last).
  mutating func number(_ s: String) -> Int {
    // Bytes that are not contiguous are read from a copy.
    let n = s.utf8.withContiguousStorageIfAvailable { asciiNumber(s, $0) } ?? Array(s.utf8).withUnsafeBufferPointer { asciiNumber(s, $0) }
    if n >= 0 { return n }
    if let ascii = Self.asciiEquivalent(s) { return number(ascii) }
    if let known = others[s] { return Int(known) }
    others[s] = Int32(truncatingIfNeeded: count)
    members.append("")
    count += 1
    return count - 1
  }

  /// The number of `s`, whose bytes are `u`, when they are ASCII (given now when new); -1 otherwise.
  @inline(__always)
  private mutating func asciiNumber(_ s: String, _ u: UnsafeBufferPointer<UInt8>) -> Int {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in u {
      if b >= 0x80 { return -1 }
      h = (h ^ UInt64(b)) &* 0x100_0000_01b3
    }
    if 2 * (asciiCount + 1) > numbers.count { grow() }
    let mask = numbers.count &- 1
    var k = Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    while numbers[k] >= 0 {
      if hashes[k] == h, members[Int(numbers[k])] == s { return Int(numbers[k]) }
      k = (k &+ 1) & mask
    }
    members.append(s)
    hashes[k] = h
    numbers[k] = Int32(truncatingIfNeeded: count)
    asciiCount += 1
    count += 1
    return count - 1
  }

  /// The ASCII string canonically equal to `s`, when there is one: each scalar ASCII or one of the
  /// three whose canonical decomposition is one ASCII character.
  static func asciiEquivalent(_ s: String) -> String? {
    var out = String.UnicodeScalarView()
    for u in s.unicodeScalars {
      switch u.value {
      case 0..<0x80: out.append(u)
      case 0x212A: out.append("K")
      case 0x037E: out.append(";")
      case 0x1FEF: out.append("`")
      default: return nil
      }
    }
    return String(out)
  }

  /// Doubles the slots and places every ASCII member again.
  private mutating func grow() {
    let oldHashes = hashes
    let oldNumbers = numbers
    let slots = 2 * oldNumbers.count
    hashes = [UInt64](repeating: 0, count: slots)
    numbers = [Int32](repeating: -1, count: slots)
    let mask = slots - 1
    for j in oldNumbers.indices where oldNumbers[j] >= 0 {
      var k = Int(truncatingIfNeeded: (oldHashes[j] &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
      while numbers[k] >= 0 { k = (k &+ 1) & mask }
      hashes[k] = oldHashes[j]
      numbers[k] = oldNumbers[j]
    }
  }
}
