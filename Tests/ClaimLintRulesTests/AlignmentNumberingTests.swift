import ClaimLintTestSupport
import Foundation
import Testing

@testable import ClaimLintRules

/// The tables that number strings, sentence texts and sort index entries give the answers of the
/// straightforward code they replace (a `Dictionary` of strings, of `ExactText`s, a sort by tuple).
struct AlignmentNumberingTests {
  /// Speakers, roles and participants as extraction gives them, with canonically equal spellings
  /// (composed and decomposed accents, KELVIN SIGN for "K", GREEK QUESTION MARK for ";") and near
  /// misses (case, trailing space).
  static let strings: [String] = [
    "Tomas Vidal", "Ana Ruiz", "Interior Minister", "police", "spokesman", "Tomas Vidal ", "tomas vidal", "",
    "Jos\u{E9} Mart\u{ED}nez", "Jose\u{301} Marti\u{301}nez", "Jos\u{E9} Martinez", "M\u{FC}ller", "Mu\u{308}ller",
    "Kevin", "\u{212A}evin", "\u{212A}\u{212A}", "KK", "a;b", "a\u{37E}b", "x`", "x\u{1FEF}", "\u{212A}\u{E9}", "K\u{E9}",
    "Ke\u{301}", "北京", "Ana Ruiz,Tomas Vidal", "Ana|Ruiz", "president,spokesman",
  ]

  @Test func stringNumbersAreEqualExactlyWhenStringsAre() {
    var rng = SplitMix(seed: 7)
    var pool = Self.strings
    for k in 0..<400 { pool.append("Speaker \(k % 173)") }
    for capacity in [0, 1_000] {
      var table = StringNumbers(capacity: capacity)
      var expected: [String: Int] = [:]
      for _ in 0..<5_000 {
        let s = pool[Int.random(in: 0..<pool.count, using: &rng)]
        let n = table.number(s)
        // `Dictionary` compares strings as `==` does (canonical equivalence).
        if let known = expected[s] {
          #expect(n == known, "\(s.unicodeScalars.map { $0.value })")
        } else {
          #expect(n == expected.count)
          expected[s] = n
        }
        #expect(table.count == expected.count)
      }
    }
    // Every pair of the listed spellings: equal numbers exactly for equal strings.
    var table = StringNumbers()
    let numbers = Self.strings.map { table.number($0) }
    for i in Self.strings.indices {
      for j in Self.strings.indices { #expect((numbers[i] == numbers[j]) == (Self.strings[i] == Self.strings[j])) }
    }
    #expect(StringNumbers.asciiEquivalent("\u{212A}evin") == "Kevin")
    #expect(StringNumbers.asciiEquivalent("M\u{FC}ller") == nil)
  }

  @Test func textNumbersNumberBytesAsExactTextDoes() {
    var rng = SplitMix(seed: 3)
    // Sentences that repeat (syndicated copies), differ in one byte, or are canonically equal but
    // spelled with other bytes (numbered apart, as `ExactText` compares bytes).
    var pool = [
      "Police said 12 people were killed and 40 injured on Friday.", "Police said 12 people were killed and 40 injured on Friday!",
      "", "Jos\u{E9} Mart\u{ED}nez said on Monday.", "Jose\u{301} Marti\u{301}nez said on Monday.", "a", "ab", "abcdefgh", "abcdefghi",
    ]
    for k in 0..<600 { pool.append("The council met on day \(k % 251) and voted \(k % 7) to \(k % 5).") }
    for capacity in [0, 2_000] {
      var table = TextNumbers(capacity: capacity)
      var expected: [ExactText: Int] = [:]
      for _ in 0..<6_000 {
        let s = pool[Int.random(in: 0..<pool.count, using: &rng)]
        let n = table.number(s)
        if let known = expected[ExactText(s)] {
          #expect(n == known)
        } else {
          #expect(n == expected.count)
          expected[ExactText(s)] = n
        }
        #expect(table.texts.count == expected.count)
        #expect(table.texts[n].utf8.elementsEqual(s.utf8))
      }
    }
  }

  @Test func sortByWordIsTheSortByStoryWordAndClaim() {
    var rng = SplitMix(seed: 5)
    for count in [0, 1, 5, 63, 64, 65, 500, 4_000] {
      // Entries in claim order, some words shared by many claims (a bucket larger than 16 entries),
      // others scattered; hashes spread evenly, plus a few small ones that share the first bucket.
      let shared = (0..<5).map { _ in UInt64.random(in: 0...UInt64.max, using: &rng) }
      var entries: [SortedStoryWordIndex.Entry] = []
      var claim: Int32 = 0
      while entries.count < count {
        for _ in 0..<Int.random(in: 1...6, using: &rng) where entries.count < count {
          let r = Int.random(in: 0..<10, using: &rng)
          let word = r < 4 ? shared[r] : r == 4 ? UInt64(r) : UInt64.random(in: 0...UInt64.max, using: &rng)
          entries.append(SortedStoryWordIndex.Entry(word: word, story: 0, claim: claim))
        }
        claim += 1
      }
      var sorted = entries
      SortedStoryWordIndex.sortByWord(&sorted)
      let expected = entries.sorted { ($0.story, $0.word, $0.claim) < ($1.story, $1.word, $1.claim) }
      #expect(sorted == expected, "\(count) entries")
    }
  }

  @Test func storyCacheKeepsWhatIsSet() {
    var rng = SplitMix(seed: 9)
    // A table of pairs (a story) and a dictionary (a large run without stories): the same answers.
    for count in [3, 40, 600] {
      let cache = StoryCache(count: count)
      var expected: [Int: Bool] = [:]
      for _ in 0..<3_000 {
        let a = Int.random(in: 0..<count, using: &rng)
        let b = Int.random(in: a..<count, using: &rng)
        #expect(cache.get((a, b)) == expected[a * count + b])
        if Bool.random(using: &rng) {
          let v = Bool.random(using: &rng)
          cache.set((a, b), v)
          expected[a * count + b] = v
        }
      }
    }
  }
}
