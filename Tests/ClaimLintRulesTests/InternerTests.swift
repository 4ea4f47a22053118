import Testing

@testable import ClaimLintRules

/// `Interner` numbers ASCII strings by a hash of their bytes; the numbers must be what comparing every
/// member as a string gives, canonically equal strings included.
struct InternerTests {
  /// Numbers by comparing with every member (`==`, canonical equivalence).
  static func reference(_ strings: [String]) -> [(Int32, Bool)] {
    var values: [String] = []
    return strings.map { s in
      if let k = values.firstIndex(of: s) { return (Int32(k), false) }
      values.append(s)
      return (Int32(values.count - 1), true)
    }
  }

  @Test func numbersAsStringsCompare() {
    var strings = ["people", "K", "\u{212A}", "caf\u{E9}", "cafe\u{301}", "", "people", "unit:km", "|", "K", "\u{212A}x", "Kx"]
    // Enough distinct strings to grow the hash table several times, asked twice.
    for i in 0..<300 { strings.append("w\(i * 7919 % 1000)") }
    for i in 0..<300 { strings.append("w\(i * 7919 % 1000)") }
    strings += ["cafe\u{301}", "\u{212A}", "K", "Kx"]
    var interner = Interner()
    let got = strings.map { interner.number($0) }
    let expected = Self.reference(strings)
    #expect(got.map(\.number) == expected.map(\.0))
    #expect(got.map(\.isNew) == expected.map(\.1))
    #expect(interner.values.count == expected.filter(\.1).count)
  }

  @Test func asciiHashIsNilOutsideASCII() {
    #expect(Interner.asciiHash("abc") != nil)
    #expect(Interner.asciiHash("caf\u{E9}") == nil)
    #expect(Interner.asciiHash("") != nil)
  }
}
