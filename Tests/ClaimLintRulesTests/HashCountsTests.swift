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

  /// Counting a run of keys at once, keeping some of them, leaves the table exactly as counting the
  /// kept keys one by one does: the same counts in the same slots (`forEach` visits slots in order),
  /// through growth at every size, from a table with little room and from one with much.
  @Test(arguments: [0, 40, 5_000])
  func countingARunOfKeysIsCountingThemOneByOne(_ capacity: Int) {
    var rng = SplitMix(seed: 11)
    var keys: [UInt64] = [0, 1, UInt64.max, 1 << 63]
    for _ in 0..<2_000 { keys.append(UInt64.random(in: 0...UInt64.max, using: &rng)) }
    var byRuns = HashCounts(capacity: capacity)
    var oneByOne = HashCounts(capacity: capacity)
    for run in 0..<300 {
      let length = Int.random(in: 0..<(run % 7 == 0 ? 200 : 20), using: &rng)
      let values = (0..<length).map { _ in keys[Int.random(in: 0..<keys.count, using: &rng)] }
      let keep: (UInt64) -> Bool = { run % 3 == 0 ? true : $0 % 3 != 0 }
      values.withUnsafeBufferPointer { byRuns.increment(contentsOf: $0, where: keep) }
      for v in values where keep(v) { oneByOne.increment(v) }
    }
    #expect(byRuns.count == oneByOne.count)
    var a: [(UInt64, Int32)] = []
    var b: [(UInt64, Int32)] = []
    byRuns.forEach { a.append(($0, $1)) }
    oneByOne.forEach { b.append(($0, $1)) }
    #expect(a.count == b.count)
    #expect(a.elementsEqual(b) { $0 == $1 })
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
