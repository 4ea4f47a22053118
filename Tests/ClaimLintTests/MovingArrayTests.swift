import ClaimLintCore
import Testing

@testable import ClaimLint

/// `Array.sortMoving(by:)`, `removeMoving(where:)` and `appendMoving(from:)` (which move elements
/// instead of copying them) give what the standard library's `sort(by:)`, filtering and
/// `append(contentsOf:)` give.
struct MovingArrayTests {
  /// Findings with many ties in their order's first keys, and identical ones.
  static func findings(_ n: Int) -> [Finding] {
    (0..<n).map { i in
      let path = "news/\(["b", "a", "c"][i % 3]).md"
      let line = (i * 7) % 5 + 1
      let span = SourceSpan(
        path: path, startOffset: i, endOffset: i + 3, line: line, column: (i * 3) % 4 + 1, endLine: line, endColumn: 9,
        text: "text \(i % 4)")
      return Finding(
        ruleID: ["quantity-mismatch", "date-mismatch"][i % 2], severity: [.error, .warning, .note][i % 3],
        message: "message \(i % 6)", span: span, notes: [Note(span: nil, message: "note \(i)")],
        fingerprint: "f\(i % 5)")
    }
  }

  @Test(arguments: [0, 1, 2, 17, 300])
  func sortMovingSortsAsSortDoes(count: Int) {
    let all = Self.findings(count)
    var expected = all
    expected.sort(by: Finding.ordered)
    var sorted = all
    sorted.sortMoving(by: Finding.ordered)
    #expect(sorted == expected)
    // Ties keep the order `sort` gives them (the notes tell the tied findings apart).
    var byPath = all
    byPath.sortMoving { $0.span.path < $1.span.path }
    #expect(byPath == all.sorted { $0.span.path < $1.span.path })
  }

  @Test(arguments: [0, 1, 40])
  func removeMovingKeepsTheOthersInOrder(count: Int) {
    let all = Self.findings(count)
    let removed = all.indices.map { $0 % 3 == 1 || $0 % 7 == 0 }
    var kept = all
    kept.removeMoving(where: removed)
    #expect(kept == all.indices.filter { !removed[$0] }.map { all[$0] })
    #expect(kept.count < all.count || count == 0)
  }

  @Test func appendMovingAppendsInOrder() {
    let all = Self.findings(30)
    var joined = Array(all[0..<10])
    var rest = Array(all[10...])
    joined.appendMoving(from: &rest)
    #expect(joined == all)
    #expect(rest.isEmpty)
  }
}
