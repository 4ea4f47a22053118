extension Array where Element == Word {
  /// `self[k].startsWithLetter`, read in place for an ASCII first byte (the property's call would
  /// copy the word).
  @inline(__always)
  func startsWithLetter(at k: Int) -> Bool {
    guard let b = self[k].text.utf8.first else { return false }
    if b < 0x80 { return (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
    return self[k].startsWithLetter
  }

  /// `self[a..<b].map(\.text).joined(separator: " ")`: one word's own string, or one string made with
  /// room for all the words (no array of texts, no growth).
  func joinedText(_ a: Int, _ b: Int) -> String {
    joined(a, b, lower: false)
  }

  /// `self[a..<b].map(\.lower).joined(separator: " ")`, as `joinedText(_:_:)` makes it.
  func joinedLower(_ a: Int, _ b: Int) -> String {
    joined(a, b, lower: true)
  }

  private func joined(_ a: Int, _ b: Int, lower: Bool) -> String {
    guard b > a else { return "" }
    if b - a == 1 { return lower ? self[a].lower : self[a].text }
    var length = b - a - 1
    for k in a..<b { length += lower ? self[k].lower.utf8.count : self[k].text.utf8.count }
    var s = ""
    // A text of up to 15 bytes is a small string, which needs no room made.
    if length > 15 { s.reserveCapacity(length) }
    for k in a..<b {
      if k > a { s.append(" ") }
      s.append(lower ? self[k].lower : self[k].text)
    }
    return s
  }
}
