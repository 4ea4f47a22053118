import ClaimLintTestSupport
import Testing

@testable import ClaimLintRules

/// `HashCounts` counts exactly as a dictionary of counts does, through its growth and for keys that
/// collide in their slots.
struct HashCountsTests {
  @Test func countsAsADictionaryDoes() {
    var rng = SplitMix(seed: 7)
    // Few distinct keys among many additions (repeats), some of them 0 and some equal in their low
    // or high bits (neighbouring slots).
    var keys: [UInt64] = [0, 1, UInt64.max, 1 << 63, 1 << 32]
    for _ in 0..<3_000 { keys.append(UInt64.random(in: 0...UInt64.max, using: &rng)) }
    for k in 0..<200 { keys.append(UInt64(k) << 58) }
    var table = HashCounts()
    var expected: [UInt64: Int32] = [:]
    for _ in 0..<20_000 {
      let key = keys[Int.random(in: 0..<keys.count, using: &rng)]
      table.increment(key)
      expected[key, default: 0] += 1
    }
    #expect(table.count == expected.count)
    for (key, count) in expected { #expect(table.count(of: key) == count) }
    #expect(table.count(of: 12_345) == (expected[12_345] ?? 0))
    var seen: [UInt64: Int32] = [:]
    table.forEach { key, count in seen[key] = count }
    #expect(seen == expected)
  }

  @Test func anEmptyTableHoldsNothing() {
    let table = HashCounts(capacity: 100)
    #expect(table.count == 0)
    #expect(table.count(of: 0) == 0)
    var visited = 0
    table.forEach { _, _ in visited += 1 }
    #expect(visited == 0)
  }
}
