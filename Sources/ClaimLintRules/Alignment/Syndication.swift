import ClaimLintCore

/// Finds syndicated copies: documents whose reportage is nearly the same text.
///
/// Copies count once for corroboration and are not compared with each other. Texts are compared by
/// their sets of word 5-grams (hashed); two documents are copies when the smaller set shares at least
/// 80% of its shingles with the larger. Documents are bucketed by three of their smallest hashes first,
/// so only documents that share one of them are compared and the cost stays near-linear.
///
/// The bucket keys skip the run's boilerplate: a shingle among the smallest of more than
/// `commonLimit(documents:)` documents (a site's furniture, a template phrase, "in Jakarta on Friday to")
/// says nothing about which documents are copies, and a bucket that large was skipped whole, so whether
/// copies were found depended on the size of the run. A bucket larger than `window` (many outlets
/// running one wire story) pairs each document with the next `window` members only; copies are joined
/// link by link.
public enum Syndication {
  /// The number of smallest shingles of a document among which its bucket keys are chosen.
  public static let sampleSize = 16
  /// Bucket keys a document has.
  public static let keyCount = 3
  /// Members of a large bucket a document is compared with.
  public static let window = 63

  /// A shingle among the smallest of more documents than this is boilerplate of the run, not a bucket
  /// key: 63, or 1% of the run in runs of more than 6,300 documents.
  public static func commonLimit(documents: Int) -> Int { max(window, documents / 100) }

  /// Runs of at most this many documents remember the pairs compared that are not copies (a byte per
  /// pair).
  static let failedTableLimit = 512

  /// Runs of at most this many documents keep every document's shingles between the two passes.
  static let keepAllLimit = 2_000

  /// - Parameter known: each document's shingles when already computed (`AlignedClaims.storyWordsAndShingles(of:)`,
  ///   the same as `shingles(of:)`), nil for a document whose shingles are to be computed here.
  public static func groups(_ documents: [Document], shingles known: [[UInt64]?]? = nil) -> [Int] {
    groups(count: documents.count, shingles: known) { documents[$0] }
  }

  /// `groups(_:shingles:)` of `count` documents, each given by `document` when its shingles are not
  /// known: the caller's documents are read where they lie (`AlignedClaims` has them inside its
  /// `DocumentClaims`), not copied into a list first.
  static func groups(count n: Int, shingles known: [[UInt64]?]?, document: (Int) -> Document) -> [Int] {
    let known = known?.count == n ? known : nil
    guard n > 1 else { return Array(0..<n) }
    // Each document's shingles as a sorted array without repeats: its smallest hashes are its first
    // elements, and two sets intersect by one merge pass. A first pass keeps only the smallest few (the
    // candidates for bucket keys); the full arrays are computed again for the few documents that share
    // a bucket with another, so a large run never holds every document's shingles at once.
    // A small run keeps every document's shingles from the first pass instead of computing them twice.
    // A large run's first pass sorts nothing: the smallest few are picked from the unsorted shingles.
    let keepAll = n <= keepAllLimit
    let firstPass = AlignedClaims.map(Array(0..<n)) { d -> (sample: [UInt64], all: [UInt64]) in
      if let s = known?[d] {
        // Kept whatever the size of the run: the caller holds them anyway.
        return (s.count >= 8 ? Array(s.prefix(sampleSize)) : [], s)
      }
      if keepAll {
        let s = Self.shingles(of: document(d))
        return (s.count >= 8 ? Array(s.prefix(sampleSize)) : [], s)
      }
      let smallest = Self.smallestDistinct(Self.unsortedShingles(of: document(d)), sampleSize)
      // Fewer than `sampleSize` distinct shingles are all of them: `smallest.count` is their number.
      return (smallest.count >= 8 ? smallest : [], [])
    }
    let samples = firstPass.map(\.sample)
    var sampled = 0
    for sample in samples { sampled += sample.count }
    // A constant once counted: the filter below reads it without exclusivity checks.
    let counting = {
      var counts = HashCounts(capacity: sampled)
      for sample in samples { for h in sample { counts.increment(h) } }
      return counts
    }()
    let limit = Int32(commonLimit(documents: n))
    // The buckets as (key, document) entries sorted by key, documents in order within a key
    // (`sortByWord` is stable and they are listed in document order): a bucket is a run of entries,
    // and the runs come in the order of their keys (no dictionary, no list per key).
    var buckets: [SortedStoryWordIndex.Entry] = []
    buckets.reserveCapacity(min(sampled, keyCount * n))
    for i in samples.indices {
      for h in samples[i].lazy.filter({ counting.count(of: $0) <= limit }).prefix(keyCount) {
        buckets.append(SortedStoryWordIndex.Entry(word: h, story: 0, claim: Int32(i)))
      }
    }
    SortedStoryWordIndex.sortByWord(&buckets)
    // The start of each run of one key, and the end of the last.
    var runs: [Int] = []
    runs.reserveCapacity(buckets.count + 1)
    for k in buckets.indices where k == 0 || buckets[k].word != buckets[k - 1].word { runs.append(k) }
    runs.append(buckets.count)
    var isCandidate = [Bool](repeating: false, count: n)
    for r in 0..<(runs.count - 1) where runs[r + 1] - runs[r] > 1 {
      for k in runs[r]..<runs[r + 1] { isCandidate[Int(buckets[k].claim)] = true }
    }
    let candidates = (0..<n).filter { isCandidate[$0] }
    let computed =
      keepAll
      ? candidates.map { firstPass[$0].all }
      : AlignedClaims.map(candidates) { d in known?[d] != nil ? firstPass[d].all : Self.shingles(of: document(d)) }
    var shingles = [[UInt64]](repeating: [], count: n)
    for (k, d) in candidates.enumerated() { shingles[d] = computed[k] }
    var sets = UnionFind(count: n)
    // The pairs already compared and found not to be copies, in runs of at most `failedTableLimit`
    // documents (every story of a large run). A story's articles mostly share their smallest shingles,
    // so two of them meet in up to `keyCount` buckets; the answer is the same each time, and a pair
    // that passed is joined already (`find` below): each pair is compared once.
    var failed = [Bool](repeating: false, count: n <= Self.failedTableLimit ? n * n : 0)
    for r in 0..<(runs.count - 1) {
      let lo = runs[r]
      let count = runs[r + 1] - lo
      guard count > 1 else { continue }
      for x in 0..<count {
        for y in (x + 1)..<min(count, x + 1 + window) {
          let a = Int(buckets[lo + x].claim)
          let b = Int(buckets[lo + y].claim)
          if sets.find(a) == sets.find(b) { continue }
          // Documents come in order within a bucket: `a < b`.
          let pair = a &* n &+ b
          if !failed.isEmpty, failed[pair] { continue }
          let small = min(shingles[a].count, shingles[b].count)
          // `Double(sharedCount) >= 0.8 * Double(small)` for a whole count: at least the bound rounded up.
          let needed = Int((0.8 * Double(small)).rounded(.up))
          if Self.sharesAtLeast(shingles[a], shingles[b], needed) {
            sets.union(a, b)
          } else if !failed.isEmpty {
            failed[pair] = true
          }
        }
      }
    }
    // The group of a document is the smallest index among its copies (the root is always the smallest).
    return sets.roots()
  }

  /// Whether two sorted arrays without repeats share at least `needed` elements
  /// (`Salience.sharedCount(a, b) >= needed`): one merge pass that stops as soon as the answer is
  /// known, when `needed` are found or when the rest of either array could no longer make them up.
  ///
  /// After `shared` matches, `i - shared` elements of `a` were passed unmatched, and the rest of `a`
  /// can make up at most `shared + (na - i)` = `na - (i - shared)`: `a` can no longer make up `needed`
  /// once more than `na - needed` of its elements are passed unmatched (likewise `b`). A step that
  /// passes an element of `a` only changes `a`'s count, so only that one is tested.
  static func sharesAtLeast(_ a: [UInt64], _ b: [UInt64], _ needed: Int) -> Bool {
    if needed <= 0 { return true }
    return a.withUnsafeBufferPointer { pa in
      b.withUnsafeBufferPointer { pb in
        guard let x = pa.baseAddress, let y = pb.baseAddress else { return false }
        let na = pa.count
        let nb = pb.count
        // Elements of each array that may be passed unmatched.
        let spareA = na &- needed
        let spareB = nb &- needed
        if spareA < 0 || spareB < 0 { return false }
        var i = 0
        var j = 0
        var shared = 0
        while i < na && j < nb {
          let u = x[i]
          let v = y[j]
          if u == v {
            shared &+= 1
            if shared >= needed { return true }
            i &+= 1
            j &+= 1
          } else if u < v {
            i &+= 1
            if i &- shared > spareA { return false }
          } else {
            j &+= 1
            if j &- shared > spareB { return false }
          }
        }
        return false
      }
    }
  }

  /// Per byte, the byte a word keeps (ASCII letters lower-cased, digits, and every byte of a
  /// character outside ASCII), or 0 for a byte that ends a word.
  private static let wordByte: [UInt8] = (0...255).map { (b: Int) -> UInt8 in
    let x = UInt8(b)
    if (0x61...0x7A).contains(x) || (0x30...0x39).contains(x) || x >= 0x80 { return x }
    if (0x41...0x5A).contains(x) { return x + 32 }
    return 0
  }

  /// The smallest `k` distinct values of `values` in ascending order (all of them, when fewer are
  /// distinct): `Array(Salience.sortedUnique(values).prefix(k))` in one pass that keeps `k` values.
  static func smallestDistinct(_ values: [UInt64], _ k: Int) -> [UInt64] {
    guard k > 0 else { return [] }
    return [UInt64](unsafeUninitializedCapacity: k) { out, initialized in
      var kept = 0
      // The largest kept value once `k` are kept: most values are not below it and cost one compare.
      var top = UInt64.max
      values.withUnsafeBufferPointer { v in
        for x in v {
          if kept == k && x >= top { continue }
          // The place of `x` among the kept values, from the top; a value already kept is a repeat.
          var j = kept
          while j > 0 && out[j &- 1] > x { j &-= 1 }
          if j > 0 && out[j &- 1] == x { continue }
          // Room for one more, or the largest kept drops out; the larger ones move up one place.
          if kept < k { kept &+= 1 }
          var m = kept &- 1
          while m > j {
            out[m] = out[m &- 1]
            m &-= 1
          }
          out[j] = x
          if kept == k { top = out[k &- 1] }
        }
      }
      initialized = kept
    }
  }

  /// Sorted shingles without repeats (`unsortedShingles` sorted).
  static func shingles(of doc: Document) -> [UInt64] {
    var out = unsortedShingles(of: doc)
    Salience.sortUnique(&out)
    return out
  }

  /// The hashes of the word 5-grams of the reportage and lists, in text order with repeats.
  private static func unsortedShingles(of doc: Document) -> [UInt64] {
    var words: [UInt64] = []
    let segments = doc.segments
    var bytes = 0
    for k in segments.indices where segments[k].kind == .reportage || segments[k].kind == .list { bytes += segments[k].text.utf8.count }
    // A word and its separator take at least two bytes.
    words.reserveCapacity(bytes / 2 + 1)
    wordByte.withUnsafeBufferPointer { table in
      for k in segments.indices where segments[k].kind == .reportage || segments[k].kind == .list {
        // The bytes of the text, read in place (`withUTF8Bytes`: a copy to call `withUTF8` on retains it).
        segments[k].text.withUTF8Bytes { u in
          var h: UInt64 = 0xcbf2_9ce4_8422_2325
          var inWord = false
          for b in u {
            let lower = table[Int(b)]
            if lower != 0 {
              h = (h ^ UInt64(lower)) &* 0x100_0000_01b3
              inWord = true
            } else if inWord {
              words.append(h)
              h = 0xcbf2_9ce4_8422_2325
              inWord = false
            }
          }
          if inWord { words.append(h) }
        }
      }
    }
    makeShingles(&words)
    return words
  }

  /// Turns the hashes of words in text order (as `unsortedShingles` reads them, or
  /// `Salience.appendWordHashes(_:to:shingleWords:)`) into the hashes of their 5-grams, in text order
  /// with repeats, in place; fewer than five words have none.
  static func makeShingles(_ words: inout [UInt64]) {
    if words.count < 5 {
      words = []
      return
    }
    // Each 5-gram's hash is written over the hash of its first word, in place (the place is read for
    // the last time by this 5-gram): no second array.
    let count = words.count - 4
    words.withUnsafeMutableBufferPointer { w in
      for i in 0..<count {
        var h: UInt64 = 1469598103934665603
        h = (h ^ w[i]) &* 1099511628211
        h = (h ^ w[i &+ 1]) &* 1099511628211
        h = (h ^ w[i &+ 2]) &* 1099511628211
        h = (h ^ w[i &+ 3]) &* 1099511628211
        h = (h ^ w[i &+ 4]) &* 1099511628211
        w[i] = h
      }
    }
    words.removeLast(4)
  }
}
