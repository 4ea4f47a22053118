import Testing

@testable import ClaimLintRules
import ClaimLintTestSupport

/// `AttributionMismatchRule.PairAnswers` keeps one answer per unordered pair of texts and quote flag,
/// which is right only because the rule's test of the same words is symmetric.
@Suite struct AttributionPairAnswersTests {
  @Test func answersAsADictionaryWould() {
    // A seeded generator: the same inputs on every run.
    var random = SplitMix(seed: 0x2545_f491_4f6c_dd1d)
    func next() -> UInt64 { random.next() }
    var table = AttributionMismatchRule.PairAnswers()
    var reference: [String: Bool] = [:]
    var computed = 0
    // Enough distinct pairs to grow the table several times, each asked many times in both orders.
    for _ in 0..<60_000 {
      let a = Int32(truncatingIfNeeded: next() % 300)
      var b = Int32(truncatingIfNeeded: next() % 300)
      if a == b { b = a + 1 }
      let bothQuotes = next() & 1 == 1
      let key = "\(min(a, b)) \(max(a, b)) \(bothQuotes)"
      let fresh = next() & 1 == 1
      let got = table.answer(a, b, bothQuotes: bothQuotes) {
        computed += 1
        return fresh
      }
      if let known = reference[key] {
        #expect(got == known, "pair \(key)")
      } else {
        #expect(got == fresh)
        reference[key] = fresh
      }
    }
    #expect(computed == reference.count)
  }

  @Test func sameWordsIsSymmetricOnRealQuotes() {
    let texts = [
      "We will not tolerate these criminal networks on our border",
      "We will not tolerate criminal networks on our border, and we will act",
      "He is the player we have wanted for three years",
      "He is the player we wanted for three long years",
      "The ministry will review the contracts signed last year with the two firms",
      "The ministry will review contracts signed with the firms",
      "Prices will rise again next quarter as fuel costs climb",
      "Fuel costs will push prices higher next quarter",
      "The talks were productive and both sides agreed to meet again",
      "The talks were productive",
    ]
    let words = texts.map { Salience.sortedWordHashes($0) }
    let quoteWords = texts.map { AttributionMismatchRule.quoteTokens($0) }
    for i in texts.indices {
      for j in texts.indices {
        for bothQuotes in [false, true] {
          let qi = bothQuotes ? quoteWords[i] : []
          let qj = bothQuotes ? quoteWords[j] : []
          #expect(
            AttributionSameTextTests.fullSameWords(words[i], qi, words[j], qj, bothQuotes: bothQuotes)
              == AttributionSameTextTests.fullSameWords(words[j], qj, words[i], qi, bothQuotes: bothQuotes),
            "\(texts[i]) / \(texts[j])")
        }
      }
    }
    // Some pairs match and some do not: the test compares answers of both kinds.
    #expect(AttributionSameTextTests.fullSameWords(words[0], quoteWords[0], words[1], quoteWords[1], bothQuotes: true))
    #expect(!AttributionSameTextTests.fullSameWords(words[6], quoteWords[6], words[8], quoteWords[8], bothQuotes: true))
  }
}
