import Testing

@testable import ClaimLintExtraction

/// `HashFilter` is the one-load pre-check of phrase tables, the role table and the title and event
/// scans: it may say yes to a word that is no key, never no to a key.
@Suite struct HashFilterTests {
  static let keys = ["said", "told", "according", "minister", "spokesman", "police", "deputy", "u.s", "o'brien", "a"]

  @Test func everyASCIIKeyIsLetThrough() throws {
    let bits = HashFilter.of(Self.keys)
    #expect(bits.count == 64)
    for k in Self.keys {
      let h = try #require(WordTable<Bool>.asciiHash(k))
      #expect(HashFilter.mayHold(bits, h), "\(k)")
      #expect(bits.withUnsafeBufferPointer { HashFilter.mayHold($0, h) }, "\(k) through a buffer pointer")
    }
  }

  @Test func mostOtherWordsAreTurnedAway() {
    let bits = HashFilter.of(Self.keys)
    let others = (0..<2000).map { "word\($0)" }
    let through = others.filter { HashFilter.mayHold(bits, WordTable<Bool>.asciiHash($0)!) }
    // Ten keys set at most ten of 4,096 bits: a word passes about once in 400.
    #expect(through.count < 40)
    #expect(bits.reduce(0) { $0 + $1.nonzeroBitCount } <= Self.keys.count)
  }

  @Test func keysOutsideASCIISetNoBit() {
    #expect(HashFilter.of(["für", "député"]).allSatisfy { $0 == 0 })
    var bits = HashFilter.of([String]())
    let h = WordTable<Bool>.asciiHash("rallied")!
    #expect(!HashFilter.mayHold(bits, h))
    HashFilter.insert(h, into: &bits)
    #expect(HashFilter.mayHold(bits, h))
  }

  @Test func theSkipStopsAtTheFirstWordThatMayBeAKeyOrIsNotASCII() {
    let bits = HashFilter.of(["said", "told"])
    let words = ["the", "mayor", "said", "on", "für", "told"]
    let hashes = words.map { WordTable<Bool>.asciiHash($0) ?? 0 }
    // The first index from i on that a byte-by-byte test of each word would stop at.
    func expected(_ i: Int) -> Int {
      (i..<words.count).first { hashes[$0] == 0 || HashFilter.mayHold(bits, hashes[$0]) } ?? words.count
    }
    for i in 0...words.count {
      #expect(HashFilter.firstMayHold(bits, from: i, to: words.count) { hashes[$0] } == expected(i), "from \(i)")
    }
    #expect(HashFilter.firstMayHold(bits, from: 0, to: words.count) { hashes[$0] } == 2)
    #expect(HashFilter.firstMayHold(bits, from: 3, to: words.count) { hashes[$0] } == 4)
  }
}
