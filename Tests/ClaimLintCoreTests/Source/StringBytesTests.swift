import ClaimLintCore
import Testing

/// `String.withUTF8Bytes` lends the same bytes as `Array(text.utf8)`, for small (inline) and large
/// strings, ASCII and not, and for strings made from a substring or by interpolation.
@Suite struct StringBytesTests {
  static let texts: [String] = [
    "", "a", "Bridge handover", "Née à Zürich — 12 km²",
    "GENEVA (Reuters) - The ministry said on Tuesday that 1,200 people had been evacuated from the city.",
    String(repeating: "Über 40 % der Befragten ", count: 20),
    String("prefix: the rest of the line".dropFirst(8)),
    "\(3) of \("the 12 schools") — \(String(repeating: "é", count: 30))",
  ]

  @Test(arguments: texts)
  func sameBytes(_ text: String) {
    let lent = text.withUTF8Bytes { Array($0) }
    #expect(lent == Array(text.utf8))
  }

  @Test func rethrowsTheBodysError() {
    struct Stop: Error {}
    #expect(throws: Stop.self) { try "text".withUTF8Bytes { _ in throw Stop() } }
  }
}
