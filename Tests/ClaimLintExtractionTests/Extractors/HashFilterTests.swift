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
}
