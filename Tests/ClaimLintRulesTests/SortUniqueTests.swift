import Testing

@testable import ClaimLintRules

/// The fast paths of the alignment must give what the plain code they replaced gives: the bucket sort
/// of hashes, the byte search for "from <figure>", and the stop words confirmed on bytes.
struct SortUniqueTests {
  /// A small deterministic generator (xorshift), so that the inputs are the same on every run.
  struct Numbers {
    var state: UInt64

    mutating func next() -> UInt64 {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return state
    }
  }

  /// What `sortUnique` must return: the values sorted, each once.
  static func expected(_ values: [UInt64]) -> [UInt64] { Array(Set(values)).sorted() }

  @Test(arguments: [0, 1, 2, 63, 64, 65, 100, 1_000, 5_000])
  func hashesSortedAndUnique(count: Int) {
    var numbers = Numbers(state: 0x9E37_79B9_7F4A_7C15 &+ UInt64(count))
    // Random hashes with repeats, as the words of a document hash.
    var values = (0..<count).map { _ in numbers.next() }
    values += values.prefix(count / 3)
    var sorted = values
    Salience.sortUnique(&sorted)
    #expect(sorted == Self.expected(values))
  }

  @Test(arguments: [64, 200, 3_000])
  func repeatsWithinSmallBuckets(count: Int) {
    // Each value three to five times, in scattered order: the repeats meet inside small buckets
    // (dropped while a bucket is sorted) and inside a bucket of more than 32 values.
    var numbers = Numbers(state: 7 &+ UInt64(count))
    let distinct = (0..<(count / 4)).map { _ in numbers.next() }
    var values: [UInt64] = []
    for (k, x) in distinct.enumerated() { values += [UInt64](repeating: x, count: 3 + k % 3) }
    values += (0..<40).map { _ in 0x1234_0000_0000_0000 | (numbers.next() >> 40) % 8 }
    for k in values.indices.reversed() where k > 0 { values.swapAt(k, Int(numbers.next() % UInt64(k + 1))) }
    var sorted = values
    Salience.sortUnique(&sorted)
    #expect(sorted == Self.expected(values))
  }

  @Test func crowdedBucketsStillSorted() {
    // Values that share their top bits (one bucket for all) and small values (all in bucket zero).
    var numbers = Numbers(state: 42)
    var values = (0..<500).map { _ in 0xFFFF_0000_0000_0000 | (numbers.next() >> 20) }
    values += (0..<500).map { _ in numbers.next() % 1_000 }
    values += [UInt64](repeating: 7, count: 300)
    var sorted = values
    Salience.sortUnique(&sorted)
    #expect(sorted == Self.expected(values))
  }

  /// Inputs made to meet each path of the bucket sort: all equal, already sorted, reversed, many
  /// repeats, and buckets of 31 to 34 different values (the standard sort takes over after 32).
  static let adversarial: [[UInt64]] = {
    var numbers = Numbers(state: 99)
    var cases: [[UInt64]] = []
    for count in [1, 2, 3, 63, 64, 65, 127, 128, 129, 1_000, 4_097, 20_000] {
      let random = (0..<count).map { _ in numbers.next() }
      cases.append([UInt64](repeating: 5, count: count))
      cases.append([UInt64](repeating: .max, count: count))
      cases.append(random.sorted())
      cases.append(random.sorted().reversed())
      cases.append((0..<count).map { UInt64($0) })
      cases.append((0..<count).map { UInt64(count - $0) << 40 })
      cases.append((0..<count).map { _ in numbers.next() % 7 })
      cases.append((0..<count).map { _ in numbers.next() % 40 &* 0x0100_0000_0000_0000 })
      cases.append((0..<count).map { _ in (numbers.next() % 3) << 62 | numbers.next() % 50 })
      cases.append(random + random.reversed() + random)
      for crowd in [31, 32, 33, 34] {
        // One bucket with `crowd` different values, each twice, among spread values.
        var values = random
        for k in 0..<crowd { values += [UInt64(k) | 0x7000_0000_0000_0000, UInt64(k) | 0x7000_0000_0000_0000] }
        for k in values.indices.reversed() where k > 0 { values.swapAt(k, Int(numbers.next() % UInt64(k + 1))) }
        cases.append(values)
      }
    }
    return cases
  }()

  @Test func adversarialInputs() {
    for values in Self.adversarial {
      var sorted = values
      Salience.sortUnique(&sorted)
      #expect(sorted == Self.expected(values), "count \(values.count)")
    }
  }

  /// The insertion sort of `sortedWordHashes` (a sentence's few words) on every length it takes and
  /// more: random values, repeats next to each other and apart, sorted, reversed, all equal.
  @Test func insertionSortOfFewValues() {
    var numbers = Numbers(state: 2_024)
    for count in 0...40 {
      let random = (0..<count).map { _ in numbers.next() }
      var cases: [[UInt64]] = [
        random, random.sorted(), random.sorted().reversed(), [UInt64](repeating: 3, count: count),
        (0..<count).map { _ in numbers.next() % 5 }, random.prefix(count / 2) + random.prefix(count / 2).reversed(),
      ]
      if count > 1 { cases.append(random.dropLast() + [random[0]]) }
      for values in cases {
        var buffer = values
        let n = buffer.withUnsafeMutableBufferPointer { Salience.insertionSortUnique($0.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!, count: $0.count) }
        #expect(Array(buffer.prefix(n)) == Self.expected(values), "count \(count)")
      }
    }
  }

  @Test func randomInputs() {
    var numbers = Numbers(state: 12_345)
    for round in 0..<300 {
      let count = Int(numbers.next() % 3_000)
      // Fewer different values in some rounds (more repeats), fewer top bits in others (crowded buckets).
      let modulus = round % 3 == 0 ? UInt64(count / 2 + 1) : .max
      let shift = UInt64(round % 5 == 0 ? 20 : 0)
      let values = (0..<count).map { _ in (numbers.next() % modulus) >> shift }
      var sorted = values
      Salience.sortUnique(&sorted)
      #expect(sorted == Self.expected(values), "round \(round)")
    }
  }

  @Test(arguments: [
    ("the toll rose to 12 on Sunday, up from nine", "nine", true),
    ("the margin narrowed to 298 votes from the 312 first reported", "312", true),
    ("the margin narrowed to 298 votes from 312", "298", false),
    ("from", "", false),
    ("moved from ", "", true),
    ("Fromage from the the 4", "4", false),
    ("from from 40 from the 41", "41", true),
    ("", "4", false),
  ])
  func figureAfterFrom(sentence: String, figure: String, expected: Bool) {
    var s = sentence
    var f = figure
    let found = s.withUTF8 { h in f.withUTF8 { n in QuantityMismatchRule.followsFrom(n, in: h) } }
    let joined = ClaimText.containsBytes(sentence, "from " + figure) || ClaimText.containsBytes(sentence, "from the " + figure)
    #expect(found == joined)
    #expect(found == expected)
    // The sentence-wide test `updates` asks first: "from " anywhere, and never false where a
    // figure follows "from".
    let anyFrom = QuantityMismatchRule.containsFrom(sentence: sentence)
    #expect(anyFrom == ClaimText.containsBytes(sentence, "from "))
    #expect(anyFrom || !found)
  }

  @Test(arguments: [
    ("The toll rose to 12 on Sunday, up from nine, officials said.", true),
    ("Officials said 12 people were killed and 40 were injured on Friday.", false),
    ("Fromage sales rose 4 percent; from", false),
    ("The margin narrowed to 298 votes from\u{a0}the 312 first reported.", false),
    ("Prices fell from€40 to 30 from 29.", true),
  ])
  func sentenceWithFrom(sentence: String, expected: Bool) {
    #expect(QuantityMismatchRule.containsFrom(sentence: sentence) == expected)
    #expect(QuantityMismatchRule.containsFrom(sentence: sentence) == ClaimText.containsBytes(sentence, "from "))
  }

  @Test func stopWordsConfirmedOnBytes() {
    // Stop words of every length, a word that only looks like one, and a non-ASCII word.
    let text = "The police said that Thé officials were there; «they» meet in Zürich and the theatre"
    let words = Salience.words(text)
    #expect(!words.contains("the") && !words.contains("said") && !words.contains("they"))
    #expect(words.contains("police") && words.contains("theatre") && words.contains("zürich"))
    #expect(Salience.sortedWordHashes(text) == Salience.sortedUnique(words.map(Salience.wordHash)))
  }
}
