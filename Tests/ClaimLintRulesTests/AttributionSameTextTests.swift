import Testing

@testable import ClaimLintRules

/// `AttributionMismatchRule.sameWordsOfOneText` answers what the rule's full test of the same words
/// (merge passes over both lists) answers for two claims of one text, whose lists are equal.
@Suite struct AttributionSameTextTests {
  /// The rule's full test, as `check` states it, for the lists of claims `i` and `j`.
  static func fullSameWords(_ wi: [UInt64], _ qi: [UInt64], _ wj: [UInt64], _ qj: [UInt64], bothQuotes: Bool) -> Bool {
    if bothQuotes, min(qi.count, qj.count) >= AttributionMismatchRule.minimumQuoteWords,
      Salience.containment(qi, qj) >= 0.9
    {
      return true
    }
    guard wj.count >= 4 else { return false }
    let small = min(wi.count, wj.count)
    if bothQuotes {
      guard small >= 4 else { return false }
    } else {
      guard small >= 5, small >= 6 || wi == wj else { return false }
    }
    let threshold = bothQuotes ? 0.7 : 0.8
    return Salience.containment(wi, wj) >= threshold
  }

  @Test func shortcutMatchesFullTestOnRandomLists() {
    // A fixed xorshift generator: the same inputs on every run.
    var state: UInt64 = 0x9e37_79b9_7f4a_7c15
    func next() -> UInt64 {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return state
    }
    for _ in 0..<20_000 {
      let words = Salience.sortedUnique((0..<Int(next() % 15)).map { _ in next() })
      let quoteWords = Salience.sortedUnique((0..<Int(next() % 21)).map { _ in next() })
      let bothQuotes = next() & 1 == 1
      // A claim that is not a quote has no quote words.
      let q = bothQuotes ? quoteWords : []
      let full = Self.fullSameWords(words, q, words, q, bothQuotes: bothQuotes)
      let short = AttributionMismatchRule.sameWordsOfOneText(wordCount: words.count, quoteWordCount: q.count, bothQuotes: bothQuotes)
      #expect(full == short, "words \(words.count), quote words \(q.count), both quotes \(bothQuotes)")
    }
  }

  @Test func shortcutMatchesFullTestOnEveryCount() {
    for w in 0...12 {
      for qc in 0...12 {
        for bothQuotes in [false, true] {
          let words = (0..<w).map { UInt64($0) * 1_000_003 }
          let q = bothQuotes ? (0..<qc).map { UInt64($0) * 7_919 } : []
          #expect(
            Self.fullSameWords(words, q, words, q, bothQuotes: bothQuotes)
              == AttributionMismatchRule.sameWordsOfOneText(wordCount: w, quoteWordCount: q.count, bothQuotes: bothQuotes))
        }
      }
    }
  }
}
