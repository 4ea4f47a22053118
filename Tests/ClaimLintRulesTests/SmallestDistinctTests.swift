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

  /// `Syndication.sharesAtLeast` stops its merge early: it must answer as the full count does, for
  /// pairs that share nearly all, about `needed`, or few of their values, and for every `needed`
  /// around the shared count (the early stop on either side, and sizes below `needed`).
  @Test(arguments: [0, 1, 5, 40, 300])
  func sharesAtLeastIsTheSharedCount(count: Int) {
    var numbers = SortUniqueTests.Numbers(state: 0x9E37_79B9_7F4A_7C15 &+ UInt64(count))
    let common = (0..<count).map { _ in numbers.next() }
    for keep in [0, count / 5, count / 2, count * 4 / 5, count] {
      // `a` holds `keep` common values and some of its own, `b` all the common ones and others.
      let a = Salience.sortedUnique(Array(common.prefix(keep)) + (0..<(count / 4)).map { _ in numbers.next() })
      let b = Salience.sortedUnique(common + (0..<(count / 3)).map { _ in numbers.next() })
      let shared = Salience.sharedCount(a, b)
      for needed in Set([-1, 0, 1, shared - 1, shared, shared + 1, a.count, b.count, a.count + 1]) {
        #expect(Syndication.sharesAtLeast(a, b, needed) == (shared >= needed), "\(count) \(keep) \(needed)")
        #expect(Syndication.sharesAtLeast(b, a, needed) == (shared >= needed), "\(count) \(keep) \(needed)")
      }
    }
  }
}
