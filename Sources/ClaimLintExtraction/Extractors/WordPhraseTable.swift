/// Phrases of one or more words (a lexicon's entries, split at spaces) looked up at a position of a
/// word list.
///
/// A lookup first asks whether any phrase starts with the word there, so positions where none does
/// (most of them) cost one hash lookup and build no string.
struct WordPhraseTable<Value: Sendable>: Sendable {
  private var values: [String: Value] = [:]
  /// First word → the most words a phrase starting with it has.
  private var longestByFirst: [String: Int] = [:]
  /// Whether words are compared as written (`true`) or lower-cased.
  let caseSensitive: Bool

  init(caseSensitive: Bool) {
    self.caseSensitive = caseSensitive
  }

  /// Adds a phrase; a later entry for the same phrase replaces the earlier one.
  mutating func add(_ phrase: String, _ value: Value) {
    let parts = phrase.split(separator: " ", omittingEmptySubsequences: false)
    guard let first = parts.first else { return }
    values[phrase] = value
    longestByFirst[String(first)] = max(longestByFirst[String(first)] ?? 0, parts.count)
  }

  func contains(_ phrase: String) -> Bool { values[phrase] != nil }

  subscript(_ phrase: String) -> Value? { values[phrase] }

  /// The longest phrase of at most `maxWords` words starting at `ws[i]`: its value and its length in words.
  func longest(_ ws: [Word], _ i: Int, maxWords: Int = .max) -> (value: Value, count: Int)? {
    guard i < ws.count, let longest = longestByFirst[key(ws[i])] else { return nil }
    var n = min(longest, maxWords, ws.count - i)
    while n > 1 {
      var phrase = key(ws[i])
      for k in (i + 1)..<(i + n) {
        phrase += " "
        phrase += key(ws[k])
      }
      if let v = values[phrase] { return (v, n) }
      n -= 1
    }
    if n == 1, let v = values[key(ws[i])] { return (v, 1) }
    return nil
  }

  private func key(_ w: Word) -> String { caseSensitive ? w.text : w.lower }
}
