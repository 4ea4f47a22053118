import ClaimLintCore

/// Joins the documents of a large run into stories, so that rules compare claims only within a story.
///
/// Documents of one story share words that few other documents use: names, places, the story's own
/// vocabulary. Each document proposes partners through its *signature*, its rarest words (those the
/// fewest other documents of the run share, but at least one). Rarity is relative to the run, so a
/// document always has a signature however large the archive and however common its words are in
/// absolute terms. A document is paired with the documents that follow it in the list of each of its
/// signature words, at most `window` of them a word, so the cost grows with the number of documents,
/// not with its square; a story told by more documents than that is still joined, link by link,
/// because every document links to the next ones. A pair that shares at least three signature words
/// and enough of all its words (Jaccard overlap) is joined into one story.
public enum StoryGate {
  /// Runs smaller than this are taken as one story (every document may be compared with every other).
  public static let minimumRunSize = 50
  /// The number of rarest words that make a document's signature.
  public static let signatureSize = 24
  /// The number of following documents a document is paired with in the list of one signature word.
  public static let window = 64
  /// Signature words a pair must share to be considered further.
  public static let minimumSharedWords = 3

  /// The stories of a run, and what it took to find them.
  public struct Result: Sendable, Equatable {
    /// The story of each document, named by its smallest document index.
    public var story: [Int]
    /// Each document's distinctive words: those shared by at most `cutoff` documents of the run, sorted.
    public var distinctiveWords: [[UInt64]]
    /// The words too common in the run to tell events apart: those in more than
    /// `commonLimit(documents:)` documents (hashes as in `documentWords`).
    public var commonWords: Set<UInt64>
    /// Document pairs proposed by shared signature words.
    public var candidatePairs: Int
    /// Proposed pairs that passed the overlap test and were joined.
    public var joinedPairs: Int
  }

  /// The document frequency at or below which a word is distinctive: 1% of the run, at least 8.
  public static func cutoff(documents: Int) -> Int { max(8, documents / 100) }

  /// A word in more documents of the run than this is common: 200 documents, or a third of the run in
  /// runs of more than 600 documents (an archive's own formula words: "crackdown" in a corpus of
  /// crackdowns). A lower share silences rules where every story is of one kind; 5% lost most date
  /// discrepancies of the benchmark corpus, a third keeps them. Rules that pair sentences by their words ignore it
  /// (`SortedStoryWordIndex`).
  public static func commonLimit(documents: Int) -> Int { max(200, documents / 3) }

  /// Joins documents into stories from `documentWords[d]`, each document's content words as sorted hashes
  /// without repeats. `minOverlap` is the Jaccard overlap of all words a joined pair must reach.
  /// `shards` only says how the counting is split between threads: the result is the same for any.
  public static func stories(_ documentWords: [[UInt64]], minOverlap: Double, shards: Int = ParallelMap.defaultThreads) -> Result {
    let n = documentWords.count
    let cutoff = Int32(cutoff(documents: n))
    // Words are counted, and their documents listed, in shards by hash, one shard a thread: a
    // 100,000-article run has tens of millions of (document, word) pairs. What a shard holds does not
    // depend on the number of shards, only where it is found.
    let shardCount = max(1, shards)
    // Words recur across documents: room for a sixteenth of a shard's (document, word) pairs as
    // distinct words (at most 2^18 at first), so the table grows only a few times.
    var pairs = 0
    for ws in documentWords { pairs += ws.count }
    let shards: [HashCounts] = ParallelMap.map(Array(0..<shardCount)) { s in
      var counts = HashCounts(capacity: min(pairs / (16 * shardCount), 1 << 18))
      for ws in documentWords {
        ws.withUnsafeBufferPointer { counts.increment(contentsOf: $0) { shard($0, of: shardCount) == s } }
      }
      return counts
    }
    func frequency(_ w: UInt64) -> Int32 { shards[shard(w, of: shardCount)].count(of: w) }
    let common = Int32(commonLimit(documents: n))
    var commonWords = Set<UInt64>()
    for counts in shards { counts.forEach { w, c in if c > common { commonWords.insert(w) } } }
    // Each document's distinctive words and signature, each word's frequency looked up once.
    let perDocument: [(distinctive: [UInt64], signature: [UInt64])] = ParallelMap.map(documentWords) { ws in
      // The distinctive words are kept for the whole run, at their size (room reserved for every word
      // of every document cost 6 MB at 10,000 articles, 60 MB at 100,000): they are written into
      // scratch room for every word, then copied once (an array grown by appending reallocates
      // several times). The rare words are scratch too.
      ws.withUnsafeBufferPointer { w in
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: w.count) { distinctive in
          withUnsafeTemporaryAllocation(of: (Int32, UInt64).self, capacity: w.count) { rare in
            var d = 0
            var r = 0
            for x in w {
              let f = frequency(x)
              guard f <= cutoff else { continue }
              distinctive[d] = x
              d &+= 1
              if f >= 2 {
                rare[r] = (f, x)
                r &+= 1
              }
            }
            // Each word is once in `ws`: the (frequency, word) pairs are all different, and any sort
            // orders them alike.
            if r > signatureSize {
              var used = UnsafeMutableBufferPointer(rebasing: rare[0..<r])
              used.sort { $0 < $1 }
              r = signatureSize
            }
            return (
              Array(UnsafeBufferPointer(rebasing: distinctive[0..<d])),
              [UInt64](unsafeUninitializedCapacity: r) { out, written in
                for k in 0..<r { out[k] = rare[k].1 }
                written = r
              }
            )
          }
        }
      }
    }
    let distinctive = perDocument.map(\.distinctive)
    let signatures = perDocument.map(\.signature)
    // The documents of each signature word, in document order: each shard's (word, document) entries
    // sorted by word, keeping document order within a word (`sortByWord` is stable), so that a word's
    // documents are one run of entries (no list, no allocation, per word). Each entry carries the
    // place of its word in its document's signature, and once sorted, each document's place in each
    // of its words' runs is noted (`positions[d * signatureSize + k]` for the `k`th word of `d`), so
    // that the documents after it are found without searching.
    let positions = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(1, n * signatureSize))
    defer { positions.deallocate() }
    let places = SharedPlaces(value: positions)
    let postingShards: [[SortedStoryWordIndex.Entry]] = ParallelMap.map(Array(0..<shardCount)) { s in
      var entries: [SortedStoryWordIndex.Entry] = []
      var room = 0
      for signature in signatures { room += signature.count }
      entries.reserveCapacity(shardCount == 1 ? room : room / shardCount + room / (4 * shardCount) + 16)
      for d in signatures.indices {
        for k in signatures[d].indices where shard(signatures[d][k], of: shardCount) == s {
          entries.append(SortedStoryWordIndex.Entry(word: signatures[d][k], story: Int32(k), claim: Int32(d)))
        }
      }
      SortedStoryWordIndex.sortByWord(&entries)
      // Each (document, word) is in one shard only: the shards write apart.
      let positions = places.value
      for x in entries.indices {
        positions[Int(entries[x].claim) &* signatureSize &+ Int(entries[x].story)] = Int32(x)
      }
      return entries
    }
    let links: [(candidates: Int, joined: [Int])] = ParallelMap.map(Array(0..<n)) { d in
      let signature = signatures[d]
      let positions = places.value
      // Each signature word's documents after `d` (at most `window`), as a range of its shard's entries.
      return withUnsafeTemporaryAllocation(of: (shard: Int, start: Int, end: Int).self, capacity: signature.count) { ranges in
        var total = 0
        for k in signature.indices {
          let w = signature[k]
          let s = shard(w, of: shardCount)
          // The entry after (w, d): the word's documents after `d`.
          let start = Int(positions[d &* signatureSize &+ k]) &+ 1
          let end = postingShards[s].withUnsafeBufferPointer { e -> Int in
            var end = start
            let limit = min(e.count, start &+ window)
            while end < limit && e[end].word == w { end &+= 1 }
            return end
          }
          ranges[k] = (s, start, end)
          total &+= end &- start
        }
        // Each later document's signature words shared with `d`, counted in a small open-addressing
        // table (no sort of the partners): a document is a candidate when its count reaches
        // `minimumSharedWords`. A document is at most once in a word's list, so a count stays within
        // the signature's size.
        var bits = 4
        while 1 << bits < 2 &* total { bits &+= 1 }
        let size = 1 << bits
        let shift = UInt32(32 &- bits)
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: size) { keys in
          withUnsafeTemporaryAllocation(of: UInt8.self, capacity: size) { counts in
            keys.initialize(repeating: -1)
            for k in signature.indices {
              let (s, start, end) = ranges[k]
              postingShards[s].withUnsafeBufferPointer { e in
                for x in start..<end {
                  let partner = e[x].claim
                  var slot = Int(truncatingIfNeeded: (UInt32(bitPattern: partner) &* 0x9E37_79B1) &>> shift)
                  while keys[slot] != partner && keys[slot] != -1 { slot = (slot &+ 1) & (size &- 1) }
                  if keys[slot] == -1 {
                    keys[slot] = partner
                    counts[slot] = 1
                  } else {
                    counts[slot] &+= 1
                  }
                }
              }
            }
            // The candidates, in the table's order (the stories do not depend on the order pairs are joined in).
            var candidates = 0
            var joined: [Int] = []
            for slot in 0..<size where keys[slot] != -1 && Int(counts[slot]) >= minimumSharedWords {
              candidates += 1
              let other = Int(keys[slot])
              if overlapReaches(documentWords[d], documentWords[other], minOverlap) { joined.append(other) }
            }
            return (candidates, joined)
          }
        }
      }
    }
    var sets = UnionFind(count: n)
    var candidatePairs = 0
    var joinedPairs = 0
    for (d, link) in links.enumerated() {
      candidatePairs += link.candidates
      joinedPairs += link.joined.count
      for e in link.joined { sets.union(d, e) }
    }
    return Result(
      story: sets.roots(), distinctiveWords: distinctive, commonWords: commonWords, candidatePairs: candidatePairs,
      joinedPairs: joinedPairs)
  }

  /// The shard of word hash `w` among `count`: its top half scaled to `0..<count` (`hi * count / 2^32`,
  /// a multiplication instead of a division, which costs tens of cycles and is made for every word of
  /// every document on every shard's thread). Word hashes are FNV-1a, whose top bits are spread by the
  /// last multiplication, so the shards are even; `HashCounts` places keys by a product of all their
  /// bits, so the top bits a shard's words share do not crowd its table. Which shard holds a word
  /// changes only where it is found, not the result.
  @inline(__always)
  static func shard(_ w: UInt64, of count: Int) -> Int {
    Int(truncatingIfNeeded: ((w >> 32) &* UInt64(truncatingIfNeeded: count)) >> 32)
  }

  /// `overlap(a, b) >= threshold`, without counting every shared word: the lists of a story's articles
  /// share many words, and a merge pass that stops once the fewest shared words that pass are found
  /// (`AlignedClaims.storyOverlapNeeded`, the test `sameStory` makes) reads a small part of them. The
  /// union of two lists that are not both empty is not empty, so the quotient is the one `overlap`
  /// gives, and the least passing count answers for every count at or above it.
  static func overlapReaches(_ a: [UInt64], _ b: [UInt64], _ threshold: Double) -> Bool {
    let total = a.count + b.count
    guard total > 0 else { return 1 >= threshold }
    return SharedWords.sharesAtLeast(
      a, b, AlignedClaims.storyOverlapNeeded(total: total, smaller: min(a.count, b.count), threshold: threshold))
  }

  /// Jaccard overlap of two sorted word lists; 1 when both are empty.
  public static func overlap(_ a: [UInt64], _ b: [UInt64]) -> Double {
    let shared = Salience.sharedCount(a, b)
    let union = a.count + b.count - shared
    return union == 0 ? 1 : Double(shared) / Double(union)
  }
}

/// The places of documents in their signature words' runs, written by the shards' threads (each to
/// its own slots) and read by every thread once written.
private struct SharedPlaces: @unchecked Sendable {
  let value: UnsafeMutableBufferPointer<Int32>
}
