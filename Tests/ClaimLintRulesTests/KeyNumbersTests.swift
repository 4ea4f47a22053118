import ClaimLintTestSupport
import Testing

@testable import ClaimLintRules

/// `KeyNumbers` numbers keys exactly as a dictionary of numbers does, through its growth and for keys
/// that differ in one word only.
struct KeyNumbersTests {
  @Test func numbersAsADictionaryDoes() {
    var rng = SplitMix(seed: 11)
    // Few distinct keys among many look-ups (repeats), some of them equal in two of their words.
    var keys: [[UInt64]] = [[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1], [UInt64.max, UInt64.max, UInt64.max]]
    for _ in 0..<3_000 {
      keys.append((0..<3).map { _ in UInt64.random(in: 0...UInt64.max, using: &rng) })
    }
    for k in 0..<300 { keys.append([UInt64(k % 7), UInt64(k) << 40, UInt64(k % 3)]) }
    // From no room and from room for all: the same numbers.
    for capacity in [0, 5_000] {
      var table = KeyNumbers(capacity: capacity)
      var expected: [[UInt64]: Int] = [:]
      for _ in 0..<20_000 {
        let key = keys[Int.random(in: 0..<keys.count, using: &rng)]
        let new = expected.count
        let n = table.number(key[0], key[1], key[2], orAdd: new)
        if let known = expected[key] {
          #expect(n == known)
        } else {
          #expect(n == new)
          expected[key] = new
        }
        #expect(table.count == expected.count)
      }
    }
  }
}
