import Testing

@testable import ClaimLintRules

/// `Syndication.smallestDistinct` picks a document's bucket-key candidates without sorting its shingles:
/// it must give the first values of the sorted shingles without repeats.
struct SmallestDistinctTests {
  /// What `smallestDistinct(values, k)` must return: the sorted distinct values, the first `k`.
  static func expected(_ values: [UInt64], _ k: Int) -> [UInt64] { Array(Array(Set(values)).sorted().prefix(k)) }

  @Test(arguments: [0, 1, 5, 15, 16, 17, 64, 1_000])
  func smallestOfRandomHashes(count: Int) {
    var numbers = SortUniqueTests.Numbers(state: 0x2545_F491_4F6C_DD1D &+ UInt64(count))
    var values = (0..<count).map { _ in numbers.next() }
    // Repeats, some of them among the smallest.
    values += values.prefix(count / 2)
    values += values.sorted().prefix(3)
    for k in [0, 1, 8, 16] {
      #expect(Syndication.smallestDistinct(values, k) == Self.expected(values, k))
    }
  }

  @Test func orderedRepeatedAndEqualValues() {
    let ascending = (0..<100).map { UInt64($0) }
    #expect(Syndication.smallestDistinct(ascending, 16) == Self.expected(ascending, 16))
    let descending = Array(ascending.reversed())
    #expect(Syndication.smallestDistinct(descending, 16) == Self.expected(descending, 16))
    let same = [UInt64](repeating: 7, count: 50) + [UInt64.max, 0, UInt64.max, 3, 7]
    #expect(Syndication.smallestDistinct(same, 16) == Self.expected(same, 16))
    #expect(Syndication.smallestDistinct(same, 2) == [0, 3])
    #expect(Syndication.smallestDistinct([], 16) == [])
  }
}
