import ClaimLintCore
import Foundation

/// The words that identify what a sentence is about, for aligning dates, quotes and statements:
/// capitalised names, event words and content words, lower-cased, without stop words.
public enum Salience {
  static let stop: Set<String> = [
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "that", "this", "is", "was",
    "were", "are", "be", "been", "has", "have", "had", "it", "its", "as", "said", "says", "say", "he", "she", "they", "their",
    "his", "her", "also", "which", "who", "will", "would", "not", "but", "after", "before", "since", "last", "this", "than",
    "more", "over", "about", "into", "during", "while", "there", "these", "those", "them", "we", "our", "you", "i",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
    "may", "june", "july", "august", "september", "october", "november", "december", "local", "time", "week", "day",
    "month", "year", "according", "percent", "per", "cent", "million", "billion", "thousand", "hundred", "dollar",
    "dollars", "euro", "euros", "pound", "pounds", "yuan", "baht", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "ago", "years", "days", "weeks", "months", "people", "statement", "told", "reporters", "added", "on", "st", "nd", "rd", "th",
  ]

  /// Content words of a text, lower-cased, without stop words, digits or punctuation.
  public static func words(_ text: String) -> Set<String> {
    var out = Set<String>()
    let table = stopTable
    forEachWord(text) { cur in
      // A word whose byte hash is not a stop word's is not a stop word: no string is built and hashed
      // for it twice. Only hash hits are confirmed against the stop list itself.
      if isStopWord(cur, in: table) { return }
      out.insert(stemmed(cur.bytes) ?? String(decoding: cur.bytes, as: UTF8.self))
    }
    return out
  }

  /// Appends the words of `words(text)` to `out`, in text order and with repeats (no set, no word
  /// hashed as a string): a caller that wants them sorted sorts them once and drops repeats
  /// (`sortUnique`). For text whose words are all ASCII (no byte outside ASCII but punctuation), equal
  /// words are equal bytes, and the sorted list is `words(text).sorted()` byte for byte.
  static func appendWords(_ text: String, to out: inout [String]) {
    let table = stopTable
    forEachWord(text) { cur in
      if isStopWord(cur, in: table) { return }
      out.append(stemmed(cur.bytes) ?? String(decoding: cur.bytes, as: UTF8.self))
    }
  }

  /// The content words of a text as 64-bit hashes of their stems: the same words as `words(_:)`, for
  /// the story gate, which only counts and compares them and never shows them.
  public static func wordHashes(_ text: String) -> Set<UInt64> {
    var all: [UInt64] = []
    appendWordHashes(text, to: &all)
    return Set(all)
  }

  /// Appends the hashes of `wordHashes(_:)` to `out`, in text order and with repeats: a caller that
  /// joins the words of several texts sorts them once (`sortedUnique`) instead of building sets.
  public static func appendWordHashes(_ text: String, to out: inout [UInt64]) {
    let table = stopTable
    forEachWord(text) { cur in
      guard !isStopHash(cur.hash, in: table) else { return }
      if cur.isASCII {
        out.append(stemHash(cur))
      } else if let s = stemmed(cur.bytes) {
        out.append(hash(Array(s.utf8)[...]))
      } else {
        out.append(cur.hash)
      }
    }
  }

  /// `appendWordHashes(text, to: &out)`, and in the same pass over the bytes the hashes of the words
  /// `Syndication` makes its shingles of (`Syndication.appendShingleWords`: runs of ASCII letters,
  /// lower-cased, digits and bytes outside ASCII, hashed by FNV-1a) appended to `shingleWords`: a
  /// document's story words and shingles are read from its text once.
  ///
  /// The hashes are written from `out[outCount]` on, and `outCount` counts them: the caller gives room
  /// for one word per four bytes of the text, and one more (a word of three bytes and the byte that
  /// ends it). The shingle words are written from `shingleWords[shingleCount]` on, and `shingleCount`
  /// counts them: the caller gives room for one word per two bytes, and one more. Without
  /// `shingleWords`, only the story words are written (`shingleCount` is left as it is).
  static func appendWordHashes(
    _ text: String, to out: UnsafeMutablePointer<UInt64>, count outCount: inout Int, shingleWords: UnsafeMutablePointer<UInt64>?,
    shingleCount: inout Int
  ) {
    let table = stopTable
    // `withUTF8` on a copy, not `withUTF8Bytes`: its closure is inlined into the callers' loops (a
    // closure through `withUTF8Bytes` is not, which costs more than the retain of the copy).
    var text = text
    text.withUTF8 { u in
      guard let p = u.baseAddress else { return }
      let read = table.withPointers { slots, letters in
        readWords(
          p, count: u.count, output: .storyHashes, table: table, slots: slots, letters: letters, to: out + outCount,
          shingleWords: shingleWords.map { $0 + shingleCount })
      }
      outCount += read.words
      shingleCount += read.shingleWords
    }
  }

  /// The content words of UTF-8 text as sorted 64-bit hashes of their stems, without repeats: exactly
  /// the words of `words(_:)` (stop words are confirmed against the list, not only by hash, and words
  /// with non-ASCII letters are hashed in their composed form, as strings compare), for rules that only
  /// count and compare words. Two such arrays are compared with `sharedCount(_:_:)`.
  public static func sortedWordHashes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt64] {
    guard let p = bytes.baseAddress, !bytes.isEmpty else { return [] }
    let table = stopTable
    // At most one word per four bytes (three letters and a separator, or the end), one more for a
    // text that ends with a word: written in place into scratch room (on the stack for a sentence),
    // and a sentence's few words sorted there, so that the array returned is allocated at its size
    // (a small block, cheaper to allocate and to free than room for every byte).
    return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: bytes.count / 4 + 1) { o -> [UInt64] in
      let n = table.withPointers { slots, letters in
        readWords(
          p, count: bytes.count, output: .sortedHashes, table: table, slots: slots, letters: letters, to: o.baseAddress!, shingleWords: nil)
          .words
      }
      guard n < 64 else {
        var out = Array(UnsafeBufferPointer(rebasing: o[0..<n]))
        sortUnique(&out)
        return out
      }
      // `sortUnique` of a short list: a sentence's few words by an insertion sort (cheaper than the
      // standard sort for a dozen values), more by sorting, then each value once.
      var unique = 0
      if n <= 32 {
        unique = insertionSortUnique(o.baseAddress!, count: n)
      } else {
        var words = UnsafeMutableBufferPointer(rebasing: o[0..<n])
        words.sort()
        for k in 0..<n where k == 0 || o[k] != o[unique &- 1] {
          o[unique] = o[k]
          unique &+= 1
        }
      }
      return Array(UnsafeBufferPointer(rebasing: o[0..<unique]))
    }
  }

  /// Sorts `p[0..<n]` and drops repeats in place; returns how many values are left (`p[0..<result]`).
  ///
  /// An insertion sort that moves the larger values up while it looks for the new value's place (one
  /// pass over them, not a search and then a move). Values `p[w..<i]` are free when `p[i]` is read
  /// (each held a repeat, already dropped, or is `p[i]` itself), so moving up into `p[w]` overwrites no
  /// value still to be read. A repeat is found next to its place once the larger values are moved:
  /// they are moved back down. The same result as `sortBucket` (and as any sort that drops repeats).
  @inline(__always)
  static func insertionSortUnique(_ p: UnsafeMutablePointer<UInt64>, count n: Int) -> Int {
    guard n > 1 else { return n }
    var w = 1  // `p[0..<w]` is sorted, without repeats
    var i = 1
    while i < n {
      let x = p[i]
      var j = w
      while j > 0, p[j &- 1] > x {
        p[j] = p[j &- 1]
        j &-= 1
      }
      if j > 0, p[j &- 1] == x {
        // A repeat: the larger values go back down.
        var k = j
        while k < w {
          p[k] = p[k &+ 1]
          k &+= 1
        }
      } else {
        p[j] = x
        w &+= 1
      }
      i &+= 1
    }
    return w
  }

  /// `sortedWordHashes` of a string.
  public static func sortedWordHashes(_ text: String) -> [UInt64] {
    text.withUTF8Bytes { sortedWordHashes($0) }
  }

  /// The hash one word of `words(_:)` has in `sortedWordHashes(_:)`: FNV-1a of its bytes, in composed
  /// form when it holds non-ASCII letters (canonically equal strings hash alike).
  public static func wordHash(_ word: String) -> UInt64 {
    if word.utf8.allSatisfy({ $0 < 0x80 }) { return hash(Array(word.utf8)[...]) }
    return hash(Array(word.precomposedStringWithCanonicalMapping.utf8)[...])
  }

  /// Whether a sorted array without repeats holds `x` (binary search).
  public static func sortedContains(_ a: [UInt64], _ x: UInt64) -> Bool {
    var lo = 0
    var hi = a.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if a[mid] < x { lo = mid + 1 } else { hi = mid }
    }
    return lo < a.count && a[lo] == x
  }

  /// The union of two sorted arrays without repeats, sorted and without repeats.
  public static func union(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
    var out: [UInt64] = []
    out.reserveCapacity(a.count + b.count)
    var i = 0
    var j = 0
    while i < a.count && j < b.count {
      if a[i] == b[j] {
        out.append(a[i])
        i += 1
        j += 1
      } else if a[i] < b[j] {
        out.append(a[i])
        i += 1
      } else {
        out.append(b[j])
        j += 1
      }
    }
    out.append(contentsOf: a[i...])
    out.append(contentsOf: b[j...])
    return out
  }

  /// Overlap of two sorted hash arrays relative to the smaller one (`containment` for hashed words).
  public static func containment(_ a: [UInt64], _ b: [UInt64]) -> Double {
    let small = min(a.count, b.count)
    guard small > 0 else { return 0 }
    return Double(sharedCount(a, b)) / Double(small)
  }

  /// `values` sorted, each once.
  static func sortedUnique<T: Comparable>(_ values: [T]) -> [T] {
    var out = values
    sortUnique(&out)
    return out
  }

  /// `sortedUnique` of hashes (`sortUnique(_:)` for `UInt64`).
  static func sortedUnique(_ values: [UInt64]) -> [UInt64] {
    var out = values
    sortUnique(&out)
    return out
  }

  /// `sortUnique` of hashes: a large array is first spread over buckets by its top bits (hashes are
  /// spread evenly, so most buckets hold one or two values), and each bucket is sorted on its own by
  /// an insertion sort that drops repeats as it goes, writing the bucket's values, each once, right
  /// after the previous bucket's (in place: a bucket never writes past what it has read). A bucket
  /// that holds more than 32 different values after all is sorted by the standard sort, so the worst
  /// case stays n log n. The result is the same as any sort's: the values in order, each once.
  static func sortUnique(_ values: inout [UInt64]) {
    let n = values.count
    guard n >= 64 else {
      values.sort()
      dropRepeats(&values)
      return
    }
    let bits = Int.bitWidth - 1 - n.leadingZeroBitCount  // floor(log2(n)), at least 6
    // Below 64 (`bits` is at least 6): `&>>` shifts as `>>` does, without the test for wide shifts.
    let shift = UInt64(64 - bits)
    let buckets = 1 << bits
    // Every place of `out` up to `initialized` is written by the pass that spreads the values and
    // then by the one that sorts the buckets (no zeroing first).
    let out = [UInt64](unsafeUninitializedCapacity: n) { o, initialized in
      initialized = withUnsafeTemporaryAllocation(of: Int.self, capacity: buckets) { s -> Int in
        guard let s = s.baseAddress else { return 0 }
        s.initialize(repeating: 0, count: buckets)
        return values.withUnsafeBufferPointer { v -> Int in
          for x in v { s[Int(truncatingIfNeeded: x &>> shift)] &+= 1 }
          // `s[b]` becomes the start of bucket `b`.
          var sum = 0
          for b in 0..<buckets {
            let count = s[b]
            s[b] = sum
            sum &+= count
          }
          // Each value goes to the next free place of its bucket: `s[b]` moves from the start of
          // bucket `b` to its end, which is the start of bucket `b + 1`.
          for x in v {
            let b = Int(truncatingIfNeeded: x &>> shift)
            o[s[b]] = x
            s[b] &+= 1
          }
          return sortBuckets(o, ends: s, buckets: buckets)
        }
      }
    }
    values = out
  }

  /// Sorts each bucket of `o` (bucket `b` ends at `ends[b]` and starts where bucket `b - 1` ends) and
  /// drops repeats, moving the values down so that they follow each other from the start of `o`;
  /// returns how many values are left.
  @inline(__always)
  private static func sortBuckets(_ o: UnsafeMutableBufferPointer<UInt64>, ends: UnsafeMutablePointer<Int>, buckets: Int) -> Int {
    guard let p = o.baseAddress else { return 0 }
    var w = 0  // the next place to write
    var lo = 0  // the start of the bucket
    for b in 0..<buckets {
      let hi = ends[b]
      if hi != lo { w = sortBucket(p, from: lo, to: hi, writingAt: w) }
      lo = hi
    }
    return w
  }

  /// Sorts the values `p[lo..<hi]` and drops repeats, writing them from `p[first]` on (`first <= lo`;
  /// no place is written before it is read); returns the place after the last one written. An
  /// insertion sort while there are at most 32 different values, the standard sort after that.
  @inline(__always)
  private static func sortBucket(_ p: UnsafeMutablePointer<UInt64>, from lo: Int, to hi: Int, writingAt first: Int) -> Int {
    guard lo < hi else { return first }
    p[first] = p[lo]
    var w = first &+ 1  // the next place to write
    var i = lo &+ 1
    while i < hi {
      let x = p[i]
      // The first place of the values so far whose value is not below `x`.
      var j = w
      while j > first, p[j &- 1] > x { j &-= 1 }
      if j > first, p[j &- 1] == x {
        i &+= 1
        continue
      }
      if w &- first == 32 {
        // Many different values: the standard sort of what is written and what is left.
        var rest = Array(UnsafeBufferPointer(start: p + first, count: w &- first))
        rest.append(contentsOf: UnsafeBufferPointer(start: p + i, count: hi &- i))
        rest.sort()
        dropRepeats(&rest)
        for k in rest.indices { p[first &+ k] = rest[k] }
        return first &+ rest.count
      }
      var k = w
      while k > j {
        p[k] = p[k &- 1]
        k &-= 1
      }
      p[j] = x
      w &+= 1
      i &+= 1
    }
    return w
  }

  /// Drops repeats from a sorted array.
  private static func dropRepeats(_ values: inout [UInt64]) {
    let unique = values.withUnsafeMutableBufferPointer { v -> Int in
      guard let p = v.baseAddress, v.count > 0 else { return 0 }
      var unique = 1
      for k in 1..<v.count where p[k] != p[unique &- 1] {
        p[unique] = p[k]
        unique &+= 1
      }
      return unique
    }
    values.removeLast(values.count - unique)
  }

  /// Sorts `values` and drops repeats, in place (no copy of an array its caller still holds).
  static func sortUnique<T: Comparable>(_ values: inout [T]) {
    values.sort()
    var unique = 0
    for k in values.indices where k == 0 || values[k] != values[unique - 1] {
      values[unique] = values[k]
      unique += 1
    }
    values.removeLast(values.count - unique)
  }

  /// One word as `forEachWord` finds it: its lower-cased bytes (valid during the call only), their
  /// FNV-1a hash, and whether every byte is ASCII.
  private struct Word {
    var bytes: UnsafeBufferPointer<UInt8>
    var hash: UInt64
    var isASCII: Bool
  }

  /// The inverse of the FNV-1a prime modulo 2^64 (`0x100_0000_01b3 &* primeInverse == 1`): the hash
  /// of a word without its last byte is undone from the word's hash (`stemHash`).
  static let primeInverse: UInt64 = 0xce96_5057_aff6_957b

  /// Calls `body` with each lower-cased word of more than two bytes, in order (the bytes are valid
  /// during the call only).
  ///
  /// Works on UTF-8 bytes: ASCII letters are tested directly, and only non-ASCII bytes (which start
  /// letters of other scripts) are kept as word characters without further checks. Digits, ASCII
  /// punctuation, general punctuation (U+2000–U+207F) and no-break spaces or guillemets end a word.
  private static func forEachWord(_ text: String, _ body: (Word) -> Void) {
    text.withUTF8Bytes { forEachWord($0, body) }
  }

  /// `forEachWord` over UTF-8 bytes (`readWords`), each word lower-cased into one scratch buffer.
  private static func forEachWord(_ u: UnsafeBufferPointer<UInt8>, _ body: (Word) -> Void) {
    guard let p = u.baseAddress, !u.isEmpty else { return }
    let table = stopTable
    // The words' ranges (at most one word per four bytes, and one more), then the words one by one.
    let ranges = [UInt64](unsafeUninitializedCapacity: u.count / 4 + 1) { o, initialized in
      initialized = table.withPointers { slots, letters in
        readWords(p, count: u.count, output: .ranges, table: table, slots: slots, letters: letters, to: o.baseAddress!, shingleWords: nil).words
      }
    }
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: u.count) { cur in
      guard let base = cur.baseAddress else { return }
      for range in ranges {
        let start = Int(truncatingIfNeeded: range >> 32)
        let n = Int(truncatingIfNeeded: range & 0xFFFF_FFFF) &- start
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var ascii = true
        for k in 0..<n {
          let b = p[start &+ k]
          let lower = b < 0x80 ? b | 0x20 : b
          if b >= 0x80 { ascii = false }
          base[k] = lower
          h = (h ^ UInt64(lower)) &* 0x100_0000_01b3
        }
        body(Word(bytes: UnsafeBufferPointer(start: base, count: n), hash: h, isASCII: ascii))
      }
    }
  }

  /// Whether the byte `p[i]`, outside ASCII, starts what ends a word rather than a letter: general
  /// punctuation (U+2000–U+207F: `E2 80 xx`, `E2 81 xx`, read as three bytes when two more follow) or a
  /// no-break space or guillemet (`C2 A0`, `C2 AB`, `C2 BB`).
  @inline(__always)
  private static func startsBreak(_ p: UnsafePointer<UInt8>, _ i: Int, _ count: Int) -> Bool {
    let b = p[i]
    if b == 0xE2 { return i &+ 2 < count && (p[i &+ 1] == 0x80 || p[i &+ 1] == 0x81) }
    if b == 0xC2 { return i &+ 1 < count && (p[i &+ 1] == 0xA0 || p[i &+ 1] == 0xAB || p[i &+ 1] == 0xBB) }
    return false
  }

  /// What `readWords` writes for each word.
  private enum WordOutput {
    /// The word's story hash (`appendWordHashes`): words whose hash is a stop word's are left out
    /// (not confirmed on the bytes), and a word outside ASCII is hashed as its stem's bytes.
    case storyHashes
    /// The word's hash in `sortedWordHashes`: stop words are confirmed on the bytes, and a word outside
    /// ASCII is hashed in composed form.
    case sortedHashes
    /// Every word, as `start << 32 | end` (its bytes are `p[start..<end]`), for `forEachWord`.
    case ranges
  }

  /// The word scanner of `forEachWord`, on the bytes in place: writes one value for each word of more
  /// than two bytes (`output` says which) from `out[0]` on, and returns how many it wrote. A word is
  /// always a run of bytes of the text (every byte either belongs to the word being read or ends it);
  /// its hash is FNV-1a of its bytes with ASCII letters lower-cased.
  ///
  /// With `shingleWords`, it also writes there the hash of each word of `Syndication`'s shingles, in
  /// order, and returns their number: a run of bytes that are ASCII letters (lower-cased), digits or
  /// outside ASCII, hashed by FNV-1a (the bytes this scanner skips as punctuation or spaces outside
  /// ASCII are word bytes there).
  ///
  /// One function without closures, whose loop state is its own locals: a word's letters are read by
  /// a loop of their own, and a shingle word that starts with a story word has the story word's hash so
  /// far (the same bytes, lower-cased alike), so letters are hashed once. `slots` and `letters` are the
  /// stop table's (`table.withPointers`): an ASCII letter is told by one look-up, `letters[c] != 0`,
  /// which is also its lower-case byte.
  private static func readWords(
    _ p: UnsafePointer<UInt8>, count: Int, output: WordOutput, table: StopTable, slots: UnsafePointer<UInt64>,
    letters: UnsafePointer<UInt8>, to out: UnsafeMutablePointer<UInt64>, shingleWords: UnsafeMutablePointer<UInt64>?
  ) -> (words: Int, shingleWords: Int) {
    let basis: UInt64 = 0xcbf2_9ce4_8422_2325
    let prime: UInt64 = 0x100_0000_01b3
    let shingles = shingleWords != nil
    // The next places to write (bumped, not indexed: fewer values live in the loop).
    var o = out
    var so = shingleWords ?? out
    // The shingle word being read: its hash, and whether it has a byte.
    var sh = basis
    var inShingle = false
    var i = 0
    while i < count {
      let b = p[i]
      let first = letters[Int(b)]
      if first != 0 || (b >= 0x80 && !startsBreak(p, i, count)) {
        // A word: its letters, and the bytes outside ASCII that do not end it. Its first byte is
        // known to be one of them.
        let start = i
        var h = basis
        var ascii = true
        if first != 0 {
          h = (h ^ UInt64(first)) &* prime
        } else {
          ascii = false
          h = (h ^ UInt64(b)) &* prime
        }
        i &+= 1
        while i < count {
          let c = p[i]
          let lower = letters[Int(c)]
          if lower != 0 {
            h = (h ^ UInt64(lower)) &* prime
          } else if c >= 0x80 && !startsBreak(p, i, count) {
            ascii = false
            h = (h ^ UInt64(c)) &* prime
          } else {
            break
          }
          i &+= 1
        }
        if shingles {
          if inShingle {
            // The shingle word began before this word (digits, punctuation outside ASCII).
            for k in start..<i {
              let c = p[k]
              sh = (sh ^ UInt64(c < 0x80 ? c | 0x20 : c)) &* prime
            }
          } else {
            sh = h
            inShingle = true
          }
        }
        let n = i &- start
        if n > 2 {
          var kept = true
          switch output {
          case .storyHashes:
            if stopSlot(slots, h) == nil {
              o.pointee = ascii ? stemHash(p + start, n, h) : nonASCIIStemHash(p, start, i, h)
            } else {
              kept = false
            }
          case .sortedHashes:
            if ascii {
              if isStopWord(p + start, n, readable: count &- start, h, slots: slots, in: table) {
                kept = false
              } else {
                o.pointee = stemHash(p + start, n, h)
              }
            } else {
              o.pointee = composedWordHash(p, start, i)
            }
          case .ranges:
            o.pointee = UInt64(start) << 32 | UInt64(i)
          }
          if kept { o += 1 }
        }
        // The byte that ended the word, when it is ASCII (a space, punctuation, a digit: not a
        // letter, or the word would go on), is read here as the loop below would read it: its
        // letter look-up is not made a second time.
        if i < count, p[i] < 0x80 {
          if shingles { readASCII(p[i], hash: &sh, inShingle: &inShingle, to: &so) }
          i &+= 1
        }
        continue
      }
      if b < 0x80 {
        if shingles { readASCII(b, hash: &sh, inShingle: &inShingle, to: &so) }
        i &+= 1
      } else if b == 0xE2 {
        if shingles {
          sh = (sh ^ UInt64(b)) &* prime
          sh = (sh ^ UInt64(p[i &+ 1])) &* prime
          inShingle = true
          // A continuation byte in valid UTF-8; any other byte is read as the shingle words read it.
          let c = p[i &+ 2]
          if c >= 0x80 || c &- 0x30 < 10 {
            sh = (sh ^ UInt64(c)) &* prime
          } else if (c | 0x20) &- 0x61 < 26 {
            sh = (sh ^ UInt64(c | 0x20)) &* prime
          } else {
            so.pointee = sh
            so += 1
            sh = basis
            inShingle = false
          }
        }
        i &+= 3
      } else {
        // `C2 A0`, `C2 AB` or `C2 BB`.
        if shingles {
          sh = (sh ^ UInt64(b)) &* prime
          sh = (sh ^ UInt64(p[i &+ 1])) &* prime
          inShingle = true
        }
        i &+= 2
      }
    }
    if shingles && inShingle {
      so.pointee = sh
      so += 1
    }
    return (o - out, shingleWords.map { so - $0 } ?? 0)
  }

  /// The shingle words' part of `readWords` for an ASCII byte that is not a letter: a digit goes on
  /// (or starts) the shingle word being read, any other byte ends it (written at `so`).
  @inline(__always)
  private static func readASCII(_ b: UInt8, hash sh: inout UInt64, inShingle: inout Bool, to so: inout UnsafeMutablePointer<UInt64>) {
    if b &- 0x30 < 10 {
      sh = (sh ^ UInt64(b)) &* 0x100_0000_01b3
      inShingle = true
    } else if inShingle {
      so.pointee = sh
      so += 1
      sh = 0xcbf2_9ce4_8422_2325
      inShingle = false
    }
  }

  /// The slot of the stop word whose hash is `h` in `slots` (`StopTable.slots`), or nil.
  @inline(__always)
  private static func stopSlot(_ slots: UnsafePointer<UInt64>, _ h: UInt64) -> Int? {
    var k = Int(truncatingIfNeeded: h) & StopTable.mask
    while true {
      let s = slots[k]
      if s == 0 { return nil }
      if s == h { return k }
      k = (k &+ 1) & StopTable.mask
    }
  }

  /// Whether the ASCII word `w[0..<n]` (letters of either case) is a stop word whose hash is `h`: a
  /// hash hit is confirmed on the bytes. Every stop word is ASCII and at most `StopTable.maxLength`
  /// bytes long, and no other string is canonically equal to a word of ASCII lower-case letters, so
  /// equal bytes are exactly what `stop.contains(String(w))` tests.
  /// `readable` bytes (at least `n`) may be read from `w`.
  @inline(__always)
  private static func isStopWord(
    _ w: UnsafePointer<UInt8>, _ n: Int, readable: Int, _ h: UInt64, slots: UnsafePointer<UInt64>, in table: StopTable
  ) -> Bool {
    guard n <= StopTable.maxLength, let k = stopSlot(slots, h) else { return false }
    // A word of at most eight bytes with eight bytes readable from its start: compared as one integer
    // (the stop word's bytes are letters, never 0, so equal packed values have equal lengths).
    if n <= 8, readable >= 8 { return packedLowered(w, n) == table.packed[k] }
    return table.words[k].withUnsafeBufferPointer { word in
      guard word.count == n else { return false }
      for j in 0..<n where word[j] != w[j] | 0x20 { return false }
      return true
    }
  }

  /// The ASCII letters `w[0..<n]` (`n <= 8`, eight bytes readable from `w`) lower-cased as one integer,
  /// the first byte lowest and zeros after the last: one unaligned load, `| 0x20` on every byte (which
  /// lower-cases a letter) and a mask.
  @inline(__always)
  static func packedLowered(_ w: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
    let x = UInt64(littleEndian: UnsafeRawPointer(w).loadUnaligned(as: UInt64.self)) | 0x2020_2020_2020_2020
    return n >= 8 ? x : x & ((1 &<< UInt64(truncatingIfNeeded: 8 &* n)) &- 1)
  }

  /// Whether the word `w` is a stop word (`isStopWord(_:_:readable:_:slots:in:)`; words outside ASCII never are).
  @inline(__always)
  private static func isStopWord(_ w: Word, in table: StopTable) -> Bool {
    guard w.isASCII, let base = w.bytes.baseAddress else { return false }
    return table.slots.withUnsafeBufferPointer {
      isStopWord(base, w.bytes.count, readable: w.bytes.count, w.hash, slots: $0.baseAddress!, in: table)
    }
  }

  /// Whether `h` may be a stop word's hash (no word is built or compared).
  @inline(__always)
  private static func isStopHash(_ h: UInt64, in table: StopTable) -> Bool { table.slot(of: h) != nil }

  /// The stop words by hash: an open-addressing table (linear probing) of their FNV-1a hashes.
  private struct StopTable: Sendable {
    static let mask = 1023
    /// The length in bytes of the longest stop word ("wednesday"; a test holds `stop` to it).
    static var maxLength: Int { 9 }
    /// Per slot, the hash of the stop word there, or 0 for an empty slot (no stop word hashes to 0).
    var slots = [UInt64](repeating: 0, count: mask + 1)
    /// Per slot, the stop word's bytes.
    var words = [[UInt8]](repeating: [], count: mask + 1)
    /// Per slot, the bytes of a stop word of at most eight bytes as one integer, the first byte lowest
    /// and zeros after the last (`packedLowered`); 0 for an empty slot or a longer word.
    var packed = [UInt64](repeating: 0, count: mask + 1)
    /// Per byte, the lower-case letter of an ASCII letter, 0 for every other byte (`readWords`).
    let letters: [UInt8] = (0...255).map { (b: Int) -> UInt8 in
      let lower = UInt8(b) | 0x20
      return b < 0x80 && lower >= 0x61 && lower <= 0x7A ? lower : 0
    }

    init(_ stop: Set<String>) {
      for word in stop.sorted() {
        let bytes = Array(word.utf8)
        let h = Salience.hash(bytes[...])
        precondition(h != 0, "a stop word hashes to the empty slot's mark")
        var k = Int(truncatingIfNeeded: h) & Self.mask
        while slots[k] != 0, slots[k] != h { k = (k + 1) & Self.mask }
        slots[k] = h
        words[k] = bytes
        if bytes.count <= 8 {
          for (j, b) in bytes.enumerated() { packed[k] |= UInt64(b) << (8 * j) }
        }
      }
    }

    /// Calls `body` with the addresses of `slots` and `letters` (neither is empty).
    @inline(__always)
    func withPointers<R>(_ body: (UnsafePointer<UInt64>, UnsafePointer<UInt8>) -> R) -> R {
      slots.withUnsafeBufferPointer { s in letters.withUnsafeBufferPointer { l in body(s.baseAddress!, l.baseAddress!) } }
    }

    /// The slot of the stop word whose hash is `h`, or nil.
    func slot(of h: UInt64) -> Int? {
      slots.withUnsafeBufferPointer { Salience.stopSlot($0.baseAddress!, h) }
    }
  }

  private static let stopTable = StopTable(stop)

  /// The hash of `stemmed(w) ?? w` for an ASCII word `w` (`w[0..<n]`, letters of either case, read
  /// lower-cased) whose hash is `hash`, without building the stem: the same suffix rules on the bytes,
  /// and the hash of the stem undone from the word's hash (FNV-1a multiplies by an odd prime, which has
  /// an inverse modulo 2^64, so no running hashes are kept while the word is read).
  @inline(__always)
  private static func stemHash(_ w: UnsafePointer<UInt8>, _ n: Int, _ hash: UInt64) -> UInt64 {
    let last = w[n &- 1] | 0x20
    if last == 0x73 {  // "s"
      if n == 8, ends(w, n, "meetings") { return meetHash }
      if n > 4, w[n &- 2] | 0x20 == 0x65, w[n &- 3] | 0x20 == 0x69 { return (dropping(3, of: w, n, hash) ^ 0x79) &* 0x100_0000_01b3 }  // "ies" to "y"
      if n > 3, w[n &- 2] | 0x20 != 0x73 { return dropping(1, of: w, n, hash) }
      return hash
    }
    if last == 0x67 {  // "g"
      if n == 7, ends(w, n, "meeting") { return meetHash }
      if n > 5, ends(w, n, "ing") { return dropping(3, of: w, n, hash) }
      return hash
    }
    if last == 0x64 {  // "d"
      if n > 4, w[n &- 2] | 0x20 == 0x65 { return dropping(w[n &- 3] | 0x20 == 0x69 ? 3 : 2, of: w, n, hash) }
      return hash
    }
    if last == 0x74, n == 3, ends(w, n, "met") { return meetHash }
    return hash
  }

  /// The hash of the ASCII word `w[0..<n]` (read lower-cased) without its last `k` bytes, undone from
  /// its hash `hash`.
  @inline(__always)
  private static func dropping(_ k: Int, of w: UnsafePointer<UInt8>, _ n: Int, _ hash: UInt64) -> UInt64 {
    var h = hash
    for j in 1...k { h = (h &* primeInverse) ^ UInt64(w[n &- j] | 0x20) }
    return h
  }

  /// Whether the ASCII word `w[0..<n]` (read lower-cased) ends with `s`.
  @inline(__always)
  private static func ends(_ w: UnsafePointer<UInt8>, _ n: Int, _ s: StaticString) -> Bool {
    let k = s.utf8CodeUnitCount
    guard n >= k else { return false }
    let p = s.utf8Start
    for j in 0..<k where w[n &- k &+ j] | 0x20 != p[j] { return false }
    return true
  }

  /// `stemHash` of a word as `forEachWord` gives it.
  @inline(__always)
  private static func stemHash(_ word: Word) -> UInt64 { stemHash(word.bytes.baseAddress!, word.bytes.count, word.hash) }

  /// The story-word hash of a word outside ASCII, `p[start..<end]`, as `appendWordHashes` gives it: the
  /// hash of its stem's bytes when it has a stem, else its own hash `h`.
  private static func nonASCIIStemHash(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ h: UInt64) -> UInt64 {
    lowered(p, start, end) { w in
      if let s = stemmed(w) { return hash(Array(s.utf8)[...]) }
      return h
    }
  }

  /// The hash of `sortedWordHashes` of a word outside ASCII, `p[start..<end]`: its stem (or itself) in
  /// composed form.
  private static func composedWordHash(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
    lowered(p, start, end) { w in
      // Strings compare by canonical equivalence ("é" precomposed or not): hash the composed form.
      let word = stemmed(w) ?? String(decoding: w, as: UTF8.self)
      return hash(Array(word.precomposedStringWithCanonicalMapping.utf8)[...])
    }
  }

  /// Calls `body` with the bytes `p[start..<end]`, ASCII letters lower-cased, in a scratch buffer.
  private static func lowered<R>(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: end - start) { buf in
      for k in 0..<(end - start) {
        let b = p[start + k]
        buf[k] = b < 0x80 ? b | 0x20 : b
      }
      return body(UnsafeBufferPointer(buf))
    }
  }

  private static let meetHash = hash(Array("meet".utf8)[...])


  /// FNV-1a, 64 bits.
  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return h
  }

  /// FNV-1a, 64 bits.
  private static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return h
  }

  /// `stem` on a word's bytes: the stem when it differs from the word, nil when the word is its own stem.
  private static func stemmed(_ w: UnsafeBufferPointer<UInt8>) -> String? {
    let n = w.count
    // Characters, not bytes, decide the length conditions.
    var count = n
    if w.contains(where: { $0 >= 0x80 }) { count = w.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
    func ends(_ s: StaticString) -> Bool {
      let k = s.utf8CodeUnitCount
      guard n >= k else { return false }
      let p = s.utf8Start
      for j in 0..<k where w[n - k + j] != p[j] { return false }
      return true
    }
    func prefix(_ drop: Int, _ add: String = "") -> String { String(decoding: w[0..<(n - drop)], as: UTF8.self) + add }
    if n == 3, ends("met") { return "meet" }
    if n == 7, ends("meeting") { return "meet" }
    if n == 8, ends("meetings") { return "meet" }
    if ends("ies"), count > 4 { return prefix(3, "y") }
    if ends("ing"), count > 5 { return prefix(3) }
    if ends("ed"), count > 4 { return prefix(ends("ied") ? 3 : 2) }
    if ends("s"), !ends("ss"), count > 3 { return prefix(1) }
    return nil
  }

  /// A crude stem so that "meeting", "meetings" and "met" are closer ("meet"), and plurals fold.
  public static func stem(_ w: String) -> String {
    if w == "met" || w == "meeting" || w == "meetings" { return "meet" }
    if w.hasSuffix("ies"), w.count > 4 { return String(w.dropLast(3)) + "y" }
    if w.hasSuffix("ing"), w.count > 5 { return String(w.dropLast(3)) }
    if w.hasSuffix("ed"), w.count > 4 { return String(w.dropLast(w.hasSuffix("ied") ? 3 : 2)) }
    if w.hasSuffix("s"), !w.hasSuffix("ss"), w.count > 3 { return String(w.dropLast()) }
    return w
  }

  /// The number of elements two sets share, counted without building the intersection.
  public static func sharedCount<T>(_ a: Set<T>, _ b: Set<T>) -> Int {
    let (small, large) = a.count <= b.count ? (a, b) : (b, a)
    var n = 0
    for x in small where large.contains(x) { n += 1 }
    return n
  }

  /// The number of elements two sorted arrays without repeats share, by one merge pass.
  public static func sharedCount(_ a: [UInt64], _ b: [UInt64]) -> Int {
    a.withUnsafeBufferPointer { pa in
      b.withUnsafeBufferPointer { pb in
        guard let x = pa.baseAddress, let y = pb.baseAddress else { return 0 }
        let na = pa.count
        let nb = pb.count
        var i = 0
        var j = 0
        var shared = 0
        while i < na && j < nb {
          let u = x[i]
          let v = y[j]
          if u == v {
            shared &+= 1
            i &+= 1
            j &+= 1
          } else if u < v {
            i &+= 1
          } else {
            j &+= 1
          }
        }
        return shared
      }
    }
  }

  /// Overlap of two sets relative to the smaller one.
  public static func containment(_ a: Set<String>, _ b: Set<String>) -> Double {
    let small = min(a.count, b.count)
    guard small > 0 else { return 0 }
    return Double(sharedCount(a, b)) / Double(small)
  }

  public static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
    let shared = sharedCount(a, b)
    let u = a.count + b.count - shared
    return u == 0 ? 0 : Double(shared) / Double(u)
  }
}

extension Array where Element: Comparable {
  /// Sorts the array and drops repeats, in place (`Salience.sortUnique`).
  mutating func sortUnique() { Salience.sortUnique(&self) }
}

/// The claims of a story that share a word with a claim, found through sorted arrays instead of a
/// dictionary keyed by (story, word) (the tests keep that simpler index as the reference).
///
/// The (story, word, claim) entries are sorted once; each run of equal (story, word) is a posting. A
/// claim keeps the postings of its words that propose candidates (fewer than `storyLimit`
/// entries; the run's common words are not indexed), and its candidates are the members of those
/// postings, each once, in order.
///
/// The tables lie in buffers of their own, owned by `storage` and read through plain pointers: a
/// look-up retains nothing (an array read through `withUnsafeBufferPointer` in a method of a value
/// that a rule holds behind a pointer was retained and released at every call, five per claim).
/// Copies of an index share its buffers, the marks and the collected candidates included: one copy
/// collects at a time (each rule makes its own index).
struct SortedStoryWordIndex {
  /// A word shared by this many claims of a story proposes no candidates.
  static let storyLimit = 200
  /// Owns the buffers below and frees them with the last copy of the index.
  private let storage: Storage
  /// The claim of each entry, grouped by posting (ascending within a posting).
  private let members: UnsafeMutableBufferPointer<Int32>
  /// Posting `g` is `members[postingStart[g]..<postingStart[g + 1]]`.
  private let postingStart: UnsafeMutableBufferPointer<Int32>
  /// Claim `i`'s postings that propose candidates are `claimPostings[claimStart[i]..<claimStart[i + 1]]`.
  private let claimPostings: UnsafeMutableBufferPointer<Int32>
  private let claimStart: UnsafeMutableBufferPointer<Int32>
  /// `mark[j] == i` once claim `j` is among the candidates of claim `i` being collected.
  private let mark: UnsafeMutableBufferPointer<Int32>
  /// Room for the candidates of one claim (`candidates(of:into:)`), as many places as claims.
  private let collected: UnsafeMutableBufferPointer<Int>

  /// The buffers of an index, freed with it.
  private final class Storage {
    let members: UnsafeMutableBufferPointer<Int32>
    let postingStart: UnsafeMutableBufferPointer<Int32>
    let claimPostings: UnsafeMutableBufferPointer<Int32>
    let claimStart: UnsafeMutableBufferPointer<Int32>
    let mark: UnsafeMutableBufferPointer<Int32>
    let collected: UnsafeMutableBufferPointer<Int>

    init(members: [Int32], postingStart: [Int32], claimPostings: [Int32], claimStart: [Int32], count n: Int) {
      func copy(_ a: [Int32]) -> UnsafeMutableBufferPointer<Int32> {
        let b = UnsafeMutableBufferPointer<Int32>.allocate(capacity: a.count)
        _ = b.initialize(from: a)
        return b
      }
      self.members = copy(members)
      self.postingStart = copy(postingStart)
      self.claimPostings = copy(claimPostings)
      self.claimStart = copy(claimStart)
      mark = .allocate(capacity: n)
      mark.initialize(repeating: -1)
      collected = .allocate(capacity: n)
      collected.initialize(repeating: 0)
    }

    deinit {
      members.deallocate()
      postingStart.deallocate()
      claimPostings.deallocate()
      claimStart.deallocate()
      mark.deallocate()
      collected.deallocate()
    }
  }

  /// Indexes `words[i]`, the words of the claim at `refs[i]` (each word once).
  ///
  /// The arrays are filled through their buffers (each sized once): no element access checks for a
  /// unique buffer, and no claim's word list is retained while it is read.
  init(_ claims: AlignedClaims, refs: [ClaimRef], words: [[UInt64]]) {
    let n = refs.count
    // The run's common words are left out, looked up in a table made once per run of claims.
    let common = claims.memo("SortedStoryWordIndex.common") { WordTable(claims.commonWords) }
    var total = 0
    var oneStory = true
    var entries = words.withUnsafeBufferPointer { ws -> [Entry] in
      for k in 0..<ws.count { total &+= ws[k].count }
      return [Entry](unsafeUninitializedCapacity: total) { e, initialized in
        var m = 0
        refs.withUnsafeBufferPointer { rs in
          claims.story.withUnsafeBufferPointer { st in
            let firstStory = n > 0 ? Int32(truncatingIfNeeded: st[rs[0].document]) : 0
            for i in 0..<n {
              let story = Int32(truncatingIfNeeded: st[rs[i].document])
              if story != firstStory { oneStory = false }
              let claim = Int32(truncatingIfNeeded: i)
              ws[i].withUnsafeBufferPointer { w in
                for x in w where !common.contains(x) {
                  (e.baseAddress! + m).initialize(to: Entry(word: x, story: story, claim: claim))
                  m &+= 1
                }
              }
            }
          }
        }
        initialized = m
      }
    }
    // The entries come in claim order: a stable sort by (story, word) sorts them by (story, word,
    // claim). A story's claims (all of one story) are sorted by word alone.
    if oneStory {
      Self.sortByWord(&entries)
    } else {
      entries.sort { ($0.story, $0.word, $0.claim) < ($1.story, $1.word, $1.claim) }
    }
    let e = entries.count
    // `count[i + 1]` counts the postings of claim `i` that propose candidates, then (summed) claim
    // `i + 1`'s postings start at `count[i + 1]`.
    var count = [Int32](repeating: 0, count: n + 1)
    var postings = 0
    // The posting of each entry when it proposes candidates, else -1.
    var postingOf = [Int32](repeating: -1, count: e)
    var postingStart: [Int32] = []
    let members = [Int32](unsafeUninitializedCapacity: e) { mb, initialized in
      postingStart = [Int32](unsafeUninitializedCapacity: e + 1) { ps, startsWritten in
        entries.withUnsafeBufferPointer { en in
          postingOf.withUnsafeMutableBufferPointer { po in
            count.withUnsafeMutableBufferPointer { ct in
              var a = 0
              while a < e {
                let word = en[a].word
                let story = en[a].story
                var b = a &+ 1
                while b < e, en[b].word == word, en[b].story == story { b &+= 1 }
                let g = Int32(truncatingIfNeeded: postings)
                ps[postings] = Int32(truncatingIfNeeded: a)
                postings &+= 1
                let proposes = b &- a < Self.storyLimit
                for k in a..<b {
                  let claim = en[k].claim
                  mb[k] = claim
                  if proposes {
                    po[k] = g
                    ct[Int(claim) &+ 1] &+= 1
                  }
                }
                a = b
              }
            }
          }
        }
        ps[postings] = Int32(truncatingIfNeeded: e)
        startsWritten = postings &+ 1
      }
      initialized = e
    }
    let claimPostings = count.withUnsafeMutableBufferPointer { ct -> [Int32] in
      for i in 0..<n { ct[i &+ 1] &+= ct[i] }
      let proposing = Int(ct[n])
      return [Int32](unsafeUninitializedCapacity: proposing) { cp, initialized in
        // `fill[c]`: the next place of claim `c`'s postings.
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: n + 1) { fill in
          _ = fill.initialize(from: ct)
          entries.withUnsafeBufferPointer { en in
            postingOf.withUnsafeBufferPointer { po in
              for k in 0..<e where po[k] >= 0 {
                let c = Int(en[k].claim)
                cp[Int(fill[c])] = po[k]
                fill[c] &+= 1
              }
            }
          }
        }
        initialized = proposing
      }
    }
    let storage = Storage(members: members, postingStart: postingStart, claimPostings: claimPostings, claimStart: count, count: n)
    self.storage = storage
    self.members = storage.members
    self.postingStart = storage.postingStart
    self.claimPostings = storage.claimPostings
    self.claimStart = storage.claimStart
    self.mark = storage.mark
    self.collected = storage.collected
  }

  /// A set of word hashes in an open-addressing table: hashes are already spread evenly, so their low
  /// bits pick the slot and no word is hashed again (a `Set` hashes each look-up anew).
  struct WordTable: Sendable {
    /// The members; 0 marks an empty slot (the hash 0 is kept aside in `hasZero`).
    private var slots: [UInt64]
    private let mask: Int
    private var hasZero = false

    init(_ words: Set<UInt64>) {
      var size = 16
      while size < 2 * words.count + 1 { size *= 2 }
      mask = size - 1
      slots = [UInt64](repeating: 0, count: size)
      for w in words {
        if w == 0 {
          hasZero = true
          continue
        }
        var k = Int(truncatingIfNeeded: w) & mask
        while slots[k] != 0 { k = (k + 1) & mask }
        slots[k] = w
      }
    }

    func contains(_ w: UInt64) -> Bool {
      if w == 0 { return hasZero }
      var k = Int(truncatingIfNeeded: w) & mask
      while true {
        let s = slots[k]
        if s == w { return true }
        if s == 0 { return false }
        k = (k + 1) & mask
      }
    }
  }

  /// One word of one claim (internal for the tests of `sortByWord`).
  struct Entry: Equatable {
    var word: UInt64
    var story: Int32
    var claim: Int32
  }

  /// Sorts `entries` by word, keeping the order of entries with one word (a stable sort).
  ///
  /// Word hashes are spread evenly: the entries are spread over about as many buckets as there are
  /// entries by the top bits of their words, in order (a counting sort, which is stable), and each
  /// bucket is sorted on its own: by an insertion sort that moves an entry only past larger words
  /// (stable), or by the standard sort (stable too) when the bucket is large. Buckets follow each other
  /// in the order of their top bits, so the whole is sorted by word.
  static func sortByWord(_ entries: inout [Entry]) {
    let n = entries.count
    guard n >= 64 else {
      entries.sort { $0.word < $1.word }
      return
    }
    let bits = Int.bitWidth - 1 - n.leadingZeroBitCount  // floor(log2(n)), at least 6
    let shift = UInt64(64 - bits)
    let buckets = 1 << bits
    var starts = [Int](repeating: 0, count: buckets + 1)
    let sorted = [Entry](unsafeUninitializedCapacity: n) { o, initialized in
      entries.withUnsafeBufferPointer { v in
        starts.withUnsafeMutableBufferPointer { s in
          for e in v { s[Int(truncatingIfNeeded: e.word &>> shift) &+ 1] &+= 1 }
          for b in 0..<buckets { s[b &+ 1] &+= s[b] }
          // `next[b]` moves from the start of bucket `b` to its end.
          var next = Array(s[0..<buckets])
          next.withUnsafeMutableBufferPointer { next in
            for e in v {
              let b = Int(truncatingIfNeeded: e.word &>> shift)
              (o.baseAddress! + next[b]).initialize(to: e)
              next[b] &+= 1
            }
          }
          for b in 0..<buckets {
            let lo = s[b]
            let hi = s[b &+ 1]
            guard hi &- lo > 1 else { continue }
            if hi &- lo > 16 {
              var run = UnsafeMutableBufferPointer(rebasing: o[lo..<hi])
              run.sort { $0.word < $1.word }
              continue
            }
            var i = lo &+ 1
            while i < hi {
              let x = o[i]
              var j = i
              while j > lo, o[j &- 1].word > x.word {
                o[j] = o[j &- 1]
                j &-= 1
              }
              o[j] = x
              i &+= 1
            }
          }
        }
      }
      initialized = n
    }
    entries = sorted
  }

  /// The positions of the claims that share a word with claim `i` (itself included), in order.
  mutating func candidates(of i: Int) -> [Int] {
    var found: [Int] = []
    candidates(of: i, into: &found)
    return found
  }

  /// `candidates(of:)` written into `found` (emptied first, its storage kept).
  mutating func candidates(of i: Int, into found: inout [Int]) {
    found.removeAll(keepingCapacity: true)
    let m = collectCandidates(of: i)
    found.append(contentsOf: UnsafeBufferPointer(rebasing: collected[0..<m]))
  }

  /// The `k`th candidate collected by the last `collectCandidates(of:)`.
  @inline(__always)
  func candidate(_ k: Int) -> Int { collected[k] }

  /// Whether `collectCandidates(of: i)` gives a claim other than `i` itself: whether some posting of
  /// `i` that proposes candidates has another member (a claim's words are each indexed once, so the
  /// members of a posting are distinct claims). A posting proposes for all its members or for none, so
  /// when this is false, `i` is among the candidates of no other claim either.
  func hasOtherCandidate(of i: Int) -> Bool {
    let ps = postingStart
    let cp = claimPostings
    for p in Int(claimStart[i])..<Int(claimStart[i &+ 1]) {
      let g = Int(cp[p])
      if ps[g &+ 1] &- ps[g] > 1 { return true }
    }
    return false
  }

  /// Collects the candidates of claim `i` (`candidates(of:)`) into the index's own buffer, read by
  /// `candidate(_:)` until the next call, and returns their number: one buffer serves every claim,
  /// and no list is emptied or copied.
  ///
  /// The members of the claim's postings are marked (each claim once) and written through the
  /// buffers. When they are many for the number of claims, they are read back in order by one pass
  /// over the marks instead of being sorted: the same claims, in ascending order.
  mutating func collectCandidates(of i: Int) -> Int {
    let me = Int32(truncatingIfNeeded: i)
    let n = mark.count
    let lo = Int(claimStart[i])
    let hi = Int(claimStart[i &+ 1])
    guard lo < hi else { return 0 }
    let mb = members
    let ps = postingStart
    let cp = claimPostings
    let mk = mark
    let out = collected
    var m = 0
    for p in lo..<hi {
      let g = Int(cp[p])
      for k in Int(ps[g])..<Int(ps[g &+ 1]) {
        let j = Int(mb[k])
        if mk[j] != me {
          mk[j] = me
          out[m] = j
          m &+= 1
        }
      }
    }
    if m &* 8 >= n {
      // Dense: the marked claims in order, by one pass over the marks.
      m = 0
      for j in 0..<n where mk[j] == me {
        out[m] = j
        m &+= 1
      }
    } else if m > 1 {
      var run = UnsafeMutableBufferPointer(rebasing: out[0..<m])
      run.sort()
    }
    return m
  }
}
