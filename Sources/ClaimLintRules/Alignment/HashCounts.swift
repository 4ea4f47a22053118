/// Counts of 64-bit word hashes: an open-addressing table (linear probing) keyed by the hashes
/// themselves, for the story gate and the syndication buckets, which count millions of words.
///
/// The keys are already hashes (FNV-1a of words or shingles): a slot is found by one multiplication
/// (Fibonacci hashing of the key), not by hashing the key again as `Dictionary` does, and keys and
/// counts sit in two flat arrays. A count is never 0 once a key is added, so a count of 0 marks an
/// empty slot.
struct HashCounts: Sendable {
  /// The keys by slot (meaningful where `counts` is not 0).
  private var keys: [UInt64]
  /// The count of each slot's key; 0 for an empty slot.
  private var counts: [Int32]
  /// The number of keys held.
  private(set) var count = 0
  /// `64 - log2(slots)`: the top bits of the mixed key pick the slot.
  private var shift: UInt64

  /// A table with room for `capacity` keys before it grows.
  init(capacity: Int = 0) {
    var slots = 16
    // At most half the slots are used.
    while slots < 2 * capacity { slots <<= 1 }
    keys = [UInt64](repeating: 0, count: slots)
    counts = [Int32](repeating: 0, count: slots)
    shift = UInt64(64 - (Int.bitWidth - 1 - slots.leadingZeroBitCount))
  }

  /// The first slot to probe for `key`.
  @inline(__always)
  private func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

  /// Adds one to the count of `key` (from 0 when it is new).
  mutating func increment(_ key: UInt64) {
    if 2 * (count + 1) > keys.count { grow() }
    let mask = keys.count &- 1
    var k = home(key)
    let found: Bool = counts.withUnsafeMutableBufferPointer { c in
      keys.withUnsafeMutableBufferPointer { ks in
        while c[k] != 0 {
          if ks[k] == key {
            c[k] &+= 1
            return true
          }
          k = (k &+ 1) & mask
        }
        ks[k] = key
        c[k] = 1
        return false
      }
    }
    if !found { count += 1 }
  }

  /// `increment(_:)` of each of `keys` that `include` accepts, in order: the table's two arrays are
  /// taken once for a run of keys instead of once a key (each take tests that the array is not
  /// shared). The table grows exactly when `increment(_:)` would, before the accepted key that would
  /// fill more than half its slots, so it ends the same: same slots, same keys in them.
  @inline(__always)
  mutating func increment(contentsOf values: UnsafeBufferPointer<UInt64>, where include: (UInt64) -> Bool) {
    var i = 0
    while i < values.count {
      if 2 * (count + 1) > keys.count { grow() }
      // New keys that fit before the table must grow again.
      let room = keys.count / 2 - count
      let mask = keys.count &- 1
      let shift = self.shift
      var added = 0
      counts.withUnsafeMutableBufferPointer { c in
        keys.withUnsafeMutableBufferPointer { ks in
          while i < values.count {
            let key = values[i]
            guard include(key) else {
              i &+= 1
              continue
            }
            // This key would grow the table first: left for the next round.
            if added == room { return }
            i &+= 1
            var k = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)  // `home(key)`
            var found = false
            while c[k] != 0 {
              if ks[k] == key {
                c[k] &+= 1
                found = true
                break
              }
              k = (k &+ 1) & mask
            }
            if !found {
              ks[k] = key
              c[k] = 1
              added &+= 1
            }
          }
        }
      }
      count += added
    }
  }

  /// The count of `key`; 0 when it was never added.
  func count(of key: UInt64) -> Int32 {
    let mask = keys.count &- 1
    var k = home(key)
    return counts.withUnsafeBufferPointer { c in
      keys.withUnsafeBufferPointer { ks in
        while c[k] != 0 {
          if ks[k] == key { return c[k] }
          k = (k &+ 1) & mask
        }
        return 0
      }
    }
  }

  /// Calls `body` with each key and its count (in no particular order).
  func forEach(_ body: (UInt64, Int32) -> Void) {
    for k in keys.indices where counts[k] != 0 { body(keys[k], counts[k]) }
  }

  /// Doubles the slots and places every key again.
  private mutating func grow() {
    var bigger = HashCounts(capacity: keys.count)
    for k in keys.indices where counts[k] != 0 { bigger.insert(keys[k], counts[k]) }
    self = bigger
  }

  /// Places a key known to be absent with its count (room is known to be left).
  private mutating func insert(_ key: UInt64, _ value: Int32) {
    let mask = keys.count &- 1
    var k = home(key)
    while counts[k] != 0 { k = (k &+ 1) & mask }
    keys[k] = key
    counts[k] = value
    count += 1
  }
}
