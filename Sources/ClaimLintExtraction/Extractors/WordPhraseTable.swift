/// Phrases of one or more words (a lexicon's entries, split at spaces) looked up at a position of a
/// word list.
///
/// A lookup first asks whether any phrase starts with the word there, so positions where none does
/// (most of them) cost one hash lookup and build no string. The lookups go through `WordTable`s made by
/// `finished()`; a table still being filled looks words up in its dictionaries.
struct WordPhraseTable<Value: Sendable>: Sendable {
  private var values: [String: Value] = [:]
  /// First word → the most words a phrase starting with it has.
  private var longestByFirst: [String: Int] = [:]
  /// `values` and `longestByFirst` as fast tables, once `finished()` has made them.
  private var valueTable: WordTable<Value>? = nil
  private var firstTable: WordTable<Int>? = nil
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
    valueTable = nil
    firstTable = nil
  }

  /// The table with its lookup tables built: call once every phrase has been added.
  func finished() -> WordPhraseTable {
    var t = self
    t.valueTable = WordTable(values)
    t.firstTable = WordTable(longestByFirst)
    return t
  }

  func contains(_ phrase: String) -> Bool { value(phrase) != nil }

  subscript(_ phrase: String) -> Value? { value(phrase) }

  private func value(_ phrase: String) -> Value? {
    if let t = valueTable { return t[phrase] }
    return values[phrase]
  }

  /// The longest phrase of at most `maxWords` words starting at `ws[i]`: its value and its length in words.
  func longest(_ ws: [Word], _ i: Int, maxWords: Int = .max) -> (value: Value, count: Int)? {
    guard i < ws.count else { return nil }
    return ws.withUnsafeBufferPointer { longest($0, i, maxWords: maxWords) }
  }

  /// `longest(_:_:maxWords:)` on the words' storage: a miss, the common case, reads one hash.
  private func longest(_ ws: UnsafeBufferPointer<Word>, _ i: Int, maxWords: Int) -> (value: Value, count: Int)? {
    let cs = caseSensitive
    let longest: Int
    if let t = firstTable {
      guard let l = t.value(hash: cs ? ws[i].textHash : ws[i].lowerHash, key: cs ? ws[i].text : ws[i].lower) else { return nil }
      longest = l
    } else {
      guard let l = longestByFirst[key(ws[i])] else { return nil }
      longest = l
    }
    var n = min(longest, maxWords, ws.count - i)
    /// The words `i..<(i + n)` joined by spaces.
    func phrase(_ n: Int) -> String {
      var phrase = key(ws[i])
      for k in (i + 1)..<(i + n) {
        phrase += " "
        phrase += key(ws[k])
      }
      return phrase
    }
    while n > 1 {
      if let t = valueTable {
        // Looked up by the phrase's hash; the phrase is built only when a slot's hash matches.
        if let v = t.value(hash: phraseHash(ws, i, n), key: phrase(n)) { return (v, n) }
      } else if let v = values[phrase(n)] {
        return (v, n)
      }
      n -= 1
    }
    if n == 1 {
      if let t = valueTable { return t.value(hash: cs ? ws[i].textHash : ws[i].lowerHash, key: cs ? ws[i].text : ws[i].lower).map { ($0, 1) } }
      if let v = values[key(ws[i])] { return (v, 1) }
    }
    return nil
  }

  private func key(_ w: Word) -> String { caseSensitive ? w.text : w.lower }

  /// `WordTable.hashCode` of the words `i..<(i + n)` joined by spaces, without joining them (0 when
  /// one is not ASCII).
  private func phraseHash(_ ws: UnsafeBufferPointer<Word>, _ i: Int, _ n: Int) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for k in i..<(i + n) {
      if k > i { h = (h ^ 0x20) &* 0x0000_0100_0000_01B3 }
      for b in (caseSensitive ? ws[k].text : ws[k].lower).utf8 {
        if b >= 0x80 { return 0 }
        h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3
      }
    }
    return h | 1
  }
}
