import ClaimLintCore
import Testing

@testable import ClaimLintExtraction

/// `Array.reverseByMoving()` (the claim extractor's buffers are reversed with it before `popLast`)
/// gives the order `reverse()` gives, for every length, with elements that own storage.
@Suite struct ReverseByMovingTests {
  @Test func sameOrderAsReverse() {
    let words = ["According", "to", "the", "ministry,", "fares", "rose", "by", "12 per cent", "on", "Monday"]
    for n in 0...words.count {
      // Strings longer than fifteen bytes are stored out of line: a wrong move would show up as a
      // wrong or freed string.
      let items = words.prefix(n).enumerated().map { "\($0.offset): \($0.element) of the long sentence" }
      var moved = Array(items)
      moved.reverseByMoving()
      #expect(moved == Array(items.reversed()))
      var taken: [String] = []
      while let last = moved.popLast() { taken.append(last) }
      #expect(taken == items)
    }
  }
}
