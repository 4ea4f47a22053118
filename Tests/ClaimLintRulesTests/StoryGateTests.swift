import ClaimLintCore
import Testing

@testable import ClaimLintRules

/// The story gate must find the stories of a large run however common its words are in absolute terms
/// (a fixed limit on how many documents may share a word made a 100,000-article run report nothing).
struct StoryGateTests {
  /// A word id made into a hash-like value (sorted order differs from id order, as with real hashes).
  static func word(_ id: Int) -> UInt64 { UInt64(id) &* 0x9E37_79B9_7F4A_7C15 ^ 0x5555 }

  /// The gate's early-stopping overlap test answers what the full Jaccard overlap answers: lists that
  /// share all, most, some or none of their words, empty lists, and thresholds on either side of the
  /// quotients met (odd ones included).
  @Test func overlapReachesIsTheFullOverlapTest() {
    var lists: [[UInt64]] = [[], [Self.word(1)], [Self.word(2)]]
    for size in [3, 10, 40, 200] {
      for shift in [0, 1, size / 3, size / 2, size - 1, size] {
        lists.append(Array(Set((shift..<(shift + size)).map(Self.word))).sorted())
      }
    }
    var passed = 0
    var failed = 0
    for a in lists {
      for b in lists {
        for threshold in [-1.0, 0.0, 0.06, 0.1, 1.0 / 3.0, 0.5, 0.9, 1.0, 1.5, .nan, .infinity] {
          let plain = StoryGate.overlap(a, b) >= threshold
          #expect(StoryGate.overlapReaches(a, b, threshold) == plain, "\(a.count) \(b.count) \(threshold)")
          if plain { passed += 1 } else { failed += 1 }
        }
      }
    }
    #expect(passed > 100 && failed > 100)
  }

  /// `stories` stories of five documents each: every document has the words of its story, 30 words
  /// that every document uses, and one word of its own.
  static func run(stories: Int, storyWords: (Int) -> [Int]) -> [[UInt64]] {
    var docs: [[UInt64]] = []
    for s in 0..<stories {
      for k in 0..<5 {
        var ws = storyWords(s).map(word)
        ws += (0..<30).map { word(1_000_000 + $0) }
        ws.append(word(2_000_000 + s * 5 + k))
        docs.append(Array(Set(ws)).sorted())
      }
    }
    return docs
  }

  @Test func storiesWhoseWordsAreAllSharedByManyDocumentsAreStillFound() {
    // 8,000 documents. Each story's five words are each shared by about fifteen stories (some 75
    // documents: more than the old limit of 64), and two stories share at most one of them (a word per
    // prime modulus; two primes multiply to more than the number of stories).
    let primes = [101, 103, 107, 109, 113]
    let docs = Self.run(stories: 1600) { s in primes.enumerated().map { k, p in k * 1000 + s % p } }
    let gate = StoryGate.stories(docs, minOverlap: 0.06)
    #expect(gate.story == docs.indices.map { $0 / 5 * 5 })
    #expect(gate.joinedPairs == 1600 * 10)
  }

  @Test func aStoryToldByMoreDocumentsThanTheWindowIsJoinedLinkByLink() {
    // 10,000 documents (a word of up to 100 documents is distinctive); one story of 100 documents,
    // more than a document is paired with through one word.
    var docs: [[UInt64]] = []
    for d in 0..<10_000 {
      var ws = (0..<20).map { Self.word(1_000_000 + $0) }
      ws.append(Self.word(2_000_000 + d))
      if d % 100 == 0 { ws += (0..<6).map { Self.word(500 + $0) } }
      docs.append(Array(Set(ws)).sorted())
    }
    let members = docs.indices.filter { $0 % 100 == 0 }
    #expect(members.count > StoryGate.window)
    let gate = StoryGate.stories(docs, minOverlap: 0.06)
    #expect(Set(members.map { gate.story[$0] }) == [0])
    #expect(docs.indices.filter { $0 % 100 != 0 }.allSatisfy { gate.story[$0] == $0 })
  }

  /// The words are counted in shards, one a thread: how many there are changes nothing.
  @Test(arguments: [1, 2, 3, 7])
  func theNumberOfShardsDoesNotChangeTheStories(_ shards: Int) {
    // Stories sharing some of their words with their neighbours, so that windows, cut-offs and the
    // overlap test all take part.
    let docs = Self.run(stories: 300) { s in [s * 3, s * 3 + 1, s * 3 + 2, 10_000 + s / 3, 20_000 + s / 7, 30_000 + s % 11] }
    let reference = StoryGate.stories(docs, minOverlap: 0.06, shards: 1)
    #expect(reference.candidatePairs > 0)
    #expect(StoryGate.stories(docs, minOverlap: 0.06, shards: shards) == reference)
  }

  /// A word's shard is its top half scaled to the number of shards: always one of them (also for the
  /// extreme hashes), and the words of real text spread evenly over them.
  @Test(arguments: [1, 2, 3, 7, 64])
  func everyWordHasOneOfTheShards(_ shards: Int) {
    for w: UInt64 in [0, 1, 0xFFFF_FFFF, 0x1_0000_0000, UInt64.max, UInt64.max - 1, 0x8000_0000_0000_0000] {
      #expect((0..<shards).contains(StoryGate.shard(w, of: shards)), "\(w)")
    }
    var counts = [Int](repeating: 0, count: shards)
    // Names of 2,000 places (letters only: digits would end the words).
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    let names = (0..<2_000).map { n in "Kampung" + String([letters[n % 26], letters[n / 26 % 26], letters[n / 676 % 26]]) + "an" }
    let words = Salience.wordHashes(names.map { "Floods displaced residents of \($0) officials said" }.joined(separator: " "))
    #expect(words.count > 2_000)
    for w in words { counts[StoryGate.shard(w, of: shards)] += 1 }
    let even = words.count / shards
    #expect(counts.allSatisfy { abs($0 - even) < even / 4 + 8 }, "\(counts)")
  }

  @Test func documentsSharingTooFewRareWordsStayApart() {
    // 200 stories; each shares two rare words with one other story (fewer than three), and all use the
    // same thirty common words.
    let docs = Self.run(stories: 200) { s in [s * 3, s * 3 + 1, s * 3 + 2, 10_000 + s / 2 * 2, 10_000 + s / 2 * 2 + 1] }
    let gate = StoryGate.stories(docs, minOverlap: 0.06)
    #expect(gate.story == docs.indices.map { $0 / 5 * 5 })
    #expect(gate.candidatePairs == gate.joinedPairs)
  }

  @Test func theDistinctiveCutoffGrowsWithTheRun() {
    #expect(StoryGate.cutoff(documents: 100) == 8)
    #expect(StoryGate.cutoff(documents: 10_000) == 100)
    #expect(StoryGate.cutoff(documents: 100_000) == 1000)
  }

  /// The gate's result computed the plain way, from its definition: each document's signature (its
  /// rarest words shared by 2 to `cutoff` documents, at most `signatureSize`, fewest documents first),
  /// each signature word's documents, and for each document the count of signature words it shares
  /// with each of the next `window` documents of each of its words' lists.
  static func reference(_ docs: [[UInt64]], minOverlap: Double) -> (story: [Int], candidates: Int, joined: Int) {
    let n = docs.count
    let cutoff = StoryGate.cutoff(documents: n)
    var frequency: [UInt64: Int] = [:]
    for ws in docs { for w in ws { frequency[w, default: 0] += 1 } }
    let signatures = docs.map { ws -> [UInt64] in
      let rare = ws.filter { (2...cutoff).contains(frequency[$0]!) }.sorted { (frequency[$0]!, $0) < (frequency[$1]!, $1) }
      return Array(rare.prefix(StoryGate.signatureSize))
    }
    var lists: [UInt64: [Int]] = [:]
    for d in 0..<n { for w in signatures[d] { lists[w, default: []].append(d) } }
    var parent = Array(0..<n)
    func root(_ x: Int) -> Int { parent[x] == x ? x : root(parent[x]) }
    var candidates = 0
    var joined = 0
    for d in 0..<n {
      var shared: [Int: Int] = [:]
      for w in signatures[d] {
        for e in lists[w]!.filter({ $0 > d }).prefix(StoryGate.window) { shared[e, default: 0] += 1 }
      }
      for (e, count) in shared where count >= StoryGate.minimumSharedWords {
        candidates += 1
        if StoryGate.overlap(docs[d], docs[e]) >= minOverlap {
          joined += 1
          let (a, b) = (root(d), root(e))
          if a != b { parent[max(a, b)] = min(a, b) }
        }
      }
    }
    return ((0..<n).map(root), candidates, joined)
  }

  /// Documents whose signatures overlap a lot (each shares three or more signature words with its
  /// group, and a document counts hundreds of partners): the gate finds what the plain
  /// computation finds, pair counts included.
  @Test(arguments: [0.06, 0.3])
  func manyPartnersGiveThePlainResult(_ minOverlap: Double) {
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: (state >> 33) % UInt64(bound))
    }
    var docs: [[UInt64]] = []
    for d in 0..<1_200 {
      var ws = (0..<25).map { Self.word(1_000_000 + $0) }
      // Words of a pool, each in some ten documents of the run, and 16 of the 24 words of the
      // document's group of twelve (each in some eight of them): every pair of a group shares about
      // ten, and a document's signature words list hundreds of partners in all.
      ws += (0..<5).map { _ in Self.word(5_000 + next(600)) }
      ws += (0..<16).map { _ in Self.word(9_000 + d / 12 * 30 + next(24)) }
      ws.append(Self.word(2_000_000 + d))
      docs.append(Array(Set(ws)).sorted())
    }
    let gate = StoryGate.stories(docs, minOverlap: minOverlap)
    let expected = Self.reference(docs, minOverlap: minOverlap)
    #expect(expected.candidates > 3 * docs.count)
    #expect(gate.candidatePairs == expected.candidates)
    #expect(gate.joinedPairs == expected.joined)
    #expect(gate.story == expected.story)
    #expect(Set(gate.story).count > 1)
    #expect(Set(gate.story).count < docs.count)
  }
}
