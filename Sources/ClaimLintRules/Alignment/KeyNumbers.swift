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
