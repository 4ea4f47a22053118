import ClaimLintCore
import Foundation

/// Wording shared by the rules' messages: how a claim's subject and figure are named.
public enum ClaimText {
  /// "people", "suspects", "victims": the counted noun in the plural as a reader expects it.
  public static func countedPlural(_ q: Quantity) -> String {
    guard let c = q.counted else { return q.unit == nil ? "items" : "amount" }
    switch c {
    case "person": return "people"
    case "child": return "children"
    case "man": return "men"
    case "woman": return "women"
    case "people": return "people"
    default:
      if c.hasSuffix("y"), let last = c.dropLast().last, !"aeiou".contains(last) { return c.dropLast() + "ies" }
      if c.hasSuffix("s") || c.hasSuffix("x") || c.hasSuffix("ch") || c.hasSuffix("sh") { return c + "es" }
      return c + "s"
    }
  }

  /// Whether `needle` occurs in `haystack`, compared byte for byte (no Foundation search).
  public static func containsBytes(_ haystack: String, _ needle: String) -> Bool {
    haystack.withUTF8Bytes { h in needle.withUTF8Bytes { n in containsBytes(h, n) } }
  }

  /// Whether the bytes of `n` occur in `h`.
  static func containsBytes(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
    if n.isEmpty { return true }
    if n.count > h.count { return false }
    let first = n[0]
    outer: for s in 0...(h.count - n.count) where h[s] == first {
      for k in 1..<n.count where h[s + k] != n[k] { continue outer }
      return true
    }
    return false
  }

  /// The index of the first byte of `u` at or after `start` that is `target` once `fold` is or-ed into
  /// it (`fold` 0: the byte itself; 0x20 and a lower-case letter: the letter in either case), or nil.
  ///
  /// Eight bytes are tested at a time: in `x = (word | fold) ^ target…`, a byte is zero where it
  /// matches, and `(x - 0x01…) & ~x & 0x80…` flags every zero byte; a borrow can only flag a byte above
  /// a zero byte, so the lowest flag is always a true match.
  static func firstByte(_ target: UInt8, fold: UInt8 = 0, in u: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard let base = u.baseAddress else { return nil }
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let pattern = UInt64(target) &* ones
    let folded = UInt64(fold) &* ones
    let raw = UnsafeRawPointer(base)
    var k = max(start, 0)
    while k &+ 8 <= u.count {
      let x = (UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)) | folded) ^ pattern
      let zero = (x &- ones) & ~x & highs
      if zero != 0 { return k &+ zero.trailingZeroBitCount >> 3 }
      k &+= 8
    }
    while k < u.count {
      if u[k] | fold == target { return k }
      k &+= 1
    }
    return nil
  }

  /// The index of the last byte of `u` before `end` that is `target`, or nil.
  ///
  /// Eight bytes are tested at a time, from the end back: in `x = word ^ target…`, a byte is zero where
  /// it matches, and `~(((x & 0x7F…) + 0x7F…) | x | 0x7F…)` flags exactly the zero bytes (the sum
  /// sets a byte's high bit when its low seven bits are not all zero, and carries into no other byte),
  /// so the highest flag is the last match.
  static func lastByte(_ target: UInt8, in u: UnsafeBufferPointer<UInt8>, before end: Int) -> Int? {
    guard let base = u.baseAddress else { return nil }
    let ones: UInt64 = 0x0101_0101_0101_0101
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let pattern = UInt64(target) &* ones
    let raw = UnsafeRawPointer(base)
    var k = min(end, u.count)
    while k >= 8 {
      let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: k &- 8, as: UInt64.self)) ^ pattern
      let zero = ~(((x & low7) &+ low7) | x | low7)
      if zero != 0 { return k &- 8 &+ (7 &- zero.leadingZeroBitCount >> 3) }
      k &-= 8
    }
    while k > 0 {
      k &-= 1
      if u[k] == target { return k }
    }
    return nil
  }

  /// The index of the first occurrence of the bytes of `n` (not empty) in `h`, or nil.
  static func firstOccurrence(of n: UnsafeBufferPointer<UInt8>, in h: UnsafeBufferPointer<UInt8>) -> Int? {
    guard !n.isEmpty, n.count <= h.count else { return nil }
    let last = h.count - n.count
    var from = 0
    while let s = firstByte(n[0], in: h, from: from), s <= last {
      var k = 1
      while k < n.count, h[s &+ k] == n[k] { k &+= 1 }
      if k == n.count { return s }
      from = s &+ 1
    }
    return nil
  }

  /// Whether the bytes of `n` occur in `h`.
  public static func containsBytes(_ h: ArraySlice<UInt8>, _ n: [UInt8]) -> Bool {
    let h = Array(h)
    if n.isEmpty { return true }
    if n.count > h.count { return false }
    outer: for s in 0...(h.count - n.count) where h[s] == n[0] {
      for k in 1..<n.count where h[s + k] != n[k] { continue outer }
      return true
    }
    return false
  }

  /// "1 source", "3 sources".
  public static func sources(_ n: Int) -> String { n == 1 ? "1 source" : "\(n) sources" }

  /// A number printed the same way in every locale ("50000", "2.5").
  public static func number(_ v: Double?) -> String {
    guard let v else { return "null" }
    if v == v.rounded(), abs(v) < 1e18 { return String(Int64(v)) }
    return String(v)
  }

  /// The text of `sentence` from the first occurrence of `first` to the end of the last occurrence of
  /// `last` (UTF-8 search), or nil.
  public static func between(_ sentence: String, _ first: String, _ last: String) -> String? {
    let s = Array(sentence.utf8)
    guard let a = find(s, Array(first.utf8), fromEnd: false), let b = find(s, Array(last.utf8), fromEnd: true) else { return nil }
    let end = b + last.utf8.count
    guard a < end else { return nil }
    return String(decoding: s[a..<end], as: UTF8.self)
  }

  /// The byte offset of `needle` in `hay`, searching from the start or the end.
  public static func find(_ hay: [UInt8], _ needle: [UInt8], fromEnd: Bool) -> Int? {
    guard !needle.isEmpty, needle.count <= hay.count else { return nil }
    return hay.withUnsafeBufferPointer { h in
      needle.withUnsafeBufferPointer { n in
        let last = h.count - n.count
        let first = n[0]
        func matches(_ i: Int) -> Bool {
          guard h[i] == first else { return false }
          for j in 1..<n.count where h[i + j] != n[j] { return false }
          return true
        }
        if fromEnd {
          var i = last
          while i >= 0 {
            if matches(i) { return i }
            i -= 1
          }
        } else {
          var i = 0
          while i <= last {
            if matches(i) { return i }
            i += 1
          }
        }
        return nil
      }
    }
  }

  /// The path, for a note's "in path" wording.
  public static func quoted(_ s: String) -> String {
    // Most texts hold no apostrophe; only the character U+0027 itself is equal to "'", and every
    // character that holds it has its byte, so a text without the byte is kept as it is.
    let hasApostrophe = s.withUTF8Bytes { u in u.contains(0x27) }
    if !hasApostrophe { return "'" + s + "'" }
    return "'" + s.replacingOccurrences(of: "'", with: "’") + "'"
  }
}

extension String {
  func replacingOccurrences(of a: String, with b: String) -> String {
    guard !a.isEmpty else { return self }
    var out = ""
    var rest = self[...]
    while let r = rest.range(of: a) {
      out += rest[..<r.lowerBound]
      out += b
      rest = rest[r.upperBound...]
    }
    return out + rest
  }
}

extension Substring {
  func range(of needle: String) -> Range<Substring.Index>? {
    guard !needle.isEmpty else { return nil }
    var i = startIndex
    while i < endIndex {
      if self[i...].hasPrefix(needle) { return i..<index(i, offsetBy: needle.count) }
      i = index(after: i)
    }
    return nil
  }
}

extension AlignedClaims {
  /// `refs(where:)` with each claim read in place: `include` reads the fields it needs through a
  /// pointer to the claim (`$0.pointee.kind`), and the claim is never copied (passing a whole `Claim`
  /// copies it: a few hundred instructions, and rules test every claim of a run).
  func claimRefs(where include: (UnsafePointer<Claim>) -> Bool) -> [ClaimRef] {
    var out: [ClaimRef] = []
    for d in documents.indices {
      documents[d].claims.withUnsafeBufferPointer { cs in
        guard let base = cs.baseAddress else { return }
        for i in 0..<cs.count where include(base + i) { out.append(ClaimRef(document: d, index: i)) }
      }
    }
    return out
  }

  /// `body` called for each claim of `refs` in turn, with the claims of its document lent as one
  /// buffer and its position in `refs`. The buffer is taken once per run of references to one
  /// document (references in document order form one run per document), not once per claim: taking
  /// a document's buffer retains and releases its claim list.
  func forEachClaim(of refs: [ClaimRef], _ body: (UnsafeBufferPointer<Claim>, Int) -> Void) {
    var k = 0
    while k < refs.count {
      let d = refs[k].document
      var end = k + 1
      while end < refs.count, refs[end].document == d { end += 1 }
      documents[d].claims.withUnsafeBufferPointer { cs in
        for p in k..<end { body(cs, p) }
      }
      k = end
    }
  }
}

/// A string as a dictionary key compared and hashed by its UTF-8 bytes, not by canonical equivalence:
/// a table of values computed from a text's bytes is keyed by exactly those bytes. The bytes are
/// digested once, eight at a time, and compared only when the digests agree.
struct ExactText: Hashable {
  let text: String
  /// A 64-bit digest of the bytes.
  private let digest: UInt64

  init(_ text: String) {
    self.text = text
    digest = text.withUTF8Bytes { Self.digest($0) }
  }

  static func == (a: ExactText, b: ExactText) -> Bool {
    guard a.digest == b.digest else { return false }
    return a.text.withUTF8Bytes { u in b.text.withUTF8Bytes { v in sameBytes(u, v) } }
  }

  /// Whether two buffers hold the same bytes.
  @inline(__always)
  static func sameBytes(_ u: UnsafeBufferPointer<UInt8>, _ v: UnsafeBufferPointer<UInt8>) -> Bool {
    guard u.count == v.count else { return false }
    guard let p = u.baseAddress, let q = v.baseAddress else { return true }
    return memcmp(p, q, u.count) == 0
  }

  func hash(into hasher: inout Hasher) { hasher.combine(digest) }

  /// The digest of the bytes (equal texts have equal digests), for `ExactTextNumbers`.
  var digestValue: UInt64 { digest }

  /// FNV-style mixing of the bytes, eight at a time in two lanes (alternate words of eight bytes,
  /// mixed side by side: half the chain of multiplications), the bytes after the last word of eight
  /// by reading the text's last eight bytes again (the count is mixed in first, so equal digests
  /// still come from texts of one length); a text shorter than eight bytes one byte at a time. Only
  /// the equality of digests matters (equal bytes, equal digests): no digest is shown or kept.
  static func digest(_ u: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let prime: UInt64 = 0x100_0000_01b3
    let n = u.count
    var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(n)
    guard let p = u.baseAddress else { return h }
    if n < 8 {
      for i in 0..<n { h = (h ^ UInt64(p[i])) &* prime }
      return h
    }
    let raw = UnsafeRawPointer(p)
    var g: UInt64 = 0x9E37_79B9_7F4A_7C15
    var i = 0
    while i &+ 16 <= n {
      h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* prime
      g = (g ^ raw.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self)) &* prime
      h ^= h >> 29
      g ^= g >> 29
      i &+= 16
    }
    if i &+ 8 <= n {
      h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* prime
      h ^= h >> 29
      i &+= 8
    }
    if i < n {
      g = (g ^ raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)) &* prime
      g ^= g >> 29
    }
    return h ^ (g &* 0xBF58_476D_1CE4_E5B9)
  }
}

/// Two strings as one dictionary key, each compared by its bytes (`ExactText`).
struct ExactTextPair: Hashable {
  let first: ExactText
  let second: ExactText

  init(_ first: String, _ second: String) {
    self.first = ExactText(first)
    self.second = ExactText(second)
  }
}

/// A key whose equal values have equal 64-bit digests (`ExactText`, `ExactTextPair`).
protocol ExactTextKey: Equatable {
  var digestValue: UInt64 { get }
}

extension ExactText: ExactTextKey {}

extension ExactTextPair: ExactTextKey {
  /// The two digests mixed (equal pairs have equal digests of both parts).
  var digestValue: UInt64 { Self.digest(first.digestValue, second.digestValue) }

  /// The digest of a pair whose parts have the digests `first` and `second`.
  @inline(__always)
  static func digest(_ first: UInt64, _ second: UInt64) -> UInt64 { (first &* 0x9E37_79B9_7F4A_7C15) ^ second }
}

/// Numbers for keys the caller keeps, given by their 64-bit digests: each distinct key gets the next
/// number, 0, 1, 2, ..., as a dictionary of the keys would give them, but the table holds only the digests, and
/// whether the key looked up is the key of number `n` is asked of the caller (`isKey(n)`), only for
/// numbers whose digest is the key's. A caller that can read its keys where they lie (a claim's
/// sentence in its document) keeps no copy of them (each copy of a string retains it).
struct DigestNumbers {
  /// Per slot, the number of its key, or -1 for an empty slot. The size is a power of two, at least
  /// twice the number of keys.
  private var slots: [Int32]
  /// `64 - log2(slots.count)`: a slot is the top bits of the digest, mixed once more by a Fibonacci
  /// multiplication (the top bits of a product depend on every bit of the digest).
  private var shift: UInt64
  /// Per number, the digest of its key.
  private var digests: [UInt64] = []

  /// A table with room for `capacity` keys before it grows.
  init(capacity: Int) {
    var bits: UInt64 = 4
    while (1 << bits) < 2 * capacity { bits += 1 }
    slots = [Int32](repeating: -1, count: 1 << bits)
    shift = 64 - bits
    digests.reserveCapacity(capacity)
  }

  /// The number of distinct keys so far.
  var count: Int { digests.count }

  @inline(__always)
  private func home(_ digest: UInt64) -> Int { Int(truncatingIfNeeded: (digest &* 0x9E37_79B9_7F4A_7C15) >> shift) }

  /// The number of the key with digest `digest`: that of an earlier key with the same digest for
  /// which `isKey` holds, else `count` (and the key is added: the caller records it under that number).
  /// Equal keys must have equal digests.
  mutating func number(digest d: UInt64, isKey: (Int) -> Bool) -> Int {
    let mask = slots.count - 1
    var s = home(d)
    while true {
      let n = Int(slots[s])
      if n < 0 { break }
      if digests[n] == d && isKey(n) { return n }
      s = (s + 1) & mask
    }
    let n = digests.count
    digests.append(d)
    if 2 * digests.count > slots.count {
      grow()
    } else {
      slots[s] = Int32(n)
    }
    return n
  }

  /// Doubles the slots and places every key again (by its number, in order).
  private mutating func grow() {
    slots = [Int32](repeating: -1, count: 2 * slots.count)
    shift -= 1
    let mask = slots.count - 1
    for n in digests.indices {
      var s = home(digests[n])
      while slots[s] >= 0 { s = (s + 1) & mask }
      slots[s] = Int32(n)
    }
  }
}

/// Numbers for exact texts (or pairs of them): each distinct key gets the next number, 0, 1, 2, ...,
/// as `[Key: Int]` with `dict[key, default: dict.count]` would give them, but in an open-addressing
/// table indexed by the key's own digest (`DigestNumbers`, which keeps the keys here): no `Hasher`
/// runs (it costs more than the digest itself on a sentence). Two keys get the same number exactly
/// when they are `==`: a key is compared with `==` whenever its digest matches, and keys with
/// different digests are never equal.
struct ExactTextNumbers<Key: ExactTextKey> {
  private var numbers: DigestNumbers
  /// Per number, its key.
  private var keys: [Key] = []

  /// A table with room for `capacity` keys before it grows.
  init(capacity: Int) {
    numbers = DigestNumbers(capacity: capacity)
    keys.reserveCapacity(capacity)
  }

  /// The number of distinct keys so far.
  var count: Int { keys.count }

  /// The number of `key`: that of an equal key seen before, else `count` (and the key is added).
  mutating func number(_ key: Key) -> Int {
    let n = numbers.number(digest: key.digestValue) { keys[$0] == key }
    if n == keys.count { keys.append(key) }
    return n
  }
}

/// `AlignedClaims.comparable(_:_:)` remembered for one pass of a rule: each document pair is asked of
/// the run once (the run's own answer takes a lock and a dictionary look-up every time). The relation
/// is symmetric, so a pair is kept under its smaller document first.
struct ComparableDocuments {
  private let claims: AlignedClaims
  private let count: Int
  /// Runs of at most this many documents keep the answers in a table of every pair.
  private static let tableLimit = 512
  /// `table[a * count + b]` for `a < b`: 0 not asked yet, 1 not comparable, 2 comparable.
  private var table: [UInt8]
  /// The answers of larger runs, by the same number.
  private var asked: [Int: Bool] = [:]

  init(_ claims: AlignedClaims) {
    self.claims = claims
    count = claims.documents.count
    // A run that knows every pair already (`AlignedClaims.knowsEveryComparablePair`) is asked directly.
    askRun = claims.knowsEveryComparablePair
    table = count <= Self.tableLimit && !askRun ? [UInt8](repeating: 0, count: count * count) : []
  }

  /// Whether the run's own answers are read (no memo here).
  private let askRun: Bool

  /// Whether documents `a` and `b` may be compared (`AlignedClaims.comparable(_:_:)`).
  mutating func callAsFunction(_ a: Int, _ b: Int) -> Bool {
    if askRun { return claims.comparable(a, b) }
    if a == b { return false }
    let key = a < b ? a * count + b : b * count + a
    if !table.isEmpty {
      let known = table[key]
      if known != 0 { return known == 2 }
      let v = claims.comparable(a, b)
      table[key] = v ? 2 : 1
      return v
    }
    if let known = asked[key] { return known }
    let v = claims.comparable(a, b)
    asked[key] = v
    return v
  }
}

/// Tests of how many words two sorted word-hash lists share (`Salience.sharedCount`,
/// `Salience.containment`) that stop as soon as the answer is known: most pairs of dates the date rule
/// compares share a word or two, and the merge pass ends after the few unmatched words the threshold
/// allows instead of walking both lists to the end. (The attribution rule's candidates mostly share
/// most of their words, where stopping early saves little: there the full merge measured cheaper.)
enum SharedWords {
  /// The fewest shared words `k` with `Double(k) / Double(small) >= threshold` (`small` > 0), so that
  /// `Salience.containment(a, b) >= threshold` is `sharesAtLeast(a, b, needed(...))` for lists whose
  /// smaller one has `small` words. The quotient grows with `k` (division is correctly rounded, hence
  /// monotonic), so the least such `k` is found from an estimate by stepping down while the one below
  /// still passes and up while `k` fails; `small + 1` (never reached) when no `k` up to `small` passes.
  static func needed(small: Int, threshold: Double) -> Int {
    let d = Double(small)
    var k = min(max(Int((threshold * d).rounded(.up)), 0), small + 1)
    while k > 0, Double(k - 1) / d >= threshold { k -= 1 }
    while k <= small, Double(k) / d < threshold { k += 1 }
    return k
  }

  /// Whether two sorted arrays without repeats share at least `needed` elements
  /// (`Salience.sharedCount(a, b) >= needed`).
  ///
  /// One merge pass that returns true at the `needed`-th shared element, and false as soon as one side
  /// has passed more unmatched elements than it can spare (`count - needed`): the elements it has
  /// left can then no longer make up `needed`. While neither has happened, each side still has an
  /// element left (it has passed at most `count - needed` unmatched ones and fewer than `needed`
  /// shared ones), so the loop reads no element past either end.
  static func sharesAtLeast(_ a: [UInt64], _ b: [UInt64], _ needed: Int) -> Bool {
    if needed <= 0 { return true }
    return a.withUnsafeBufferPointer { pa in
      b.withUnsafeBufferPointer { pb in
        guard pa.count >= needed, pb.count >= needed, let x = pa.baseAddress, let y = pb.baseAddress else { return false }
        var spareA = pa.count &- needed
        var spareB = pb.count &- needed
        var shared = 0
        var i = 0
        var j = 0
        while true {
          let u = x[i]
          let v = y[j]
          if u == v {
            shared &+= 1
            if shared == needed { return true }
            i &+= 1
            j &+= 1
          } else if u < v {
            if spareA == 0 { return false }
            spareA &-= 1
            i &+= 1
          } else {
            if spareB == 0 { return false }
            spareB &-= 1
            j &+= 1
          }
        }
      }
    }
  }

  /// `Salience.containment(a, b) >= threshold`, by `sharesAtLeast`.
  static func contains(_ a: [UInt64], _ b: [UInt64], atLeast threshold: Double) -> Bool {
    let small = min(a.count, b.count)
    guard small > 0 else { return 0 >= threshold }
    return sharesAtLeast(a, b, needed(small: small, threshold: threshold))
  }
}
