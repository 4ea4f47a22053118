import ClaimLint
import ClaimLintCore
import ClaimLintTestSupport
import Foundation
import Testing

@testable import ClaimLintRules

/// The date rule compares the words around dates as sorted hashes; they must be the same words as the
/// string sets they replaced, so that findings do not change.
struct DateContextHashingTests {
  static let articles: [(name: String, text: String)] = [
    (
      "wire.txt",
      """
      2024-03-09

      Transport ministers from five countries met in Zürich on Friday to agree on night-train routes, \
      after months of talks between the rail operators.

      The talks were held on Thursday. A spokeswoman said the deal would be signed on March 20 in Bern.

      Officials said the summit had been postponed from Tuesday to Friday because of a strike.
      """
    ),
    (
      "paper.md",
      // "Zürich" with a combining diaeresis: the same word to a string comparison.
      """
      ---
      date: 2024-03-10
      ---

      Transport ministers of five countries gathered in Zu\u{308}rich on March 7 and agreed on new \
      night-train routes, officials said.

      The deal is to be signed in Bern on March 21, the Swiss transport office said on Saturday.
      """
    ),
  ]

  @Test func hashedContextsShareAsManyWordsAsStringContexts() throws {
    let outputs = TestSupport.checker().processTexts(Self.articles)
    let documents = try outputs.map { output in
      let report = try #require(output.report)
      return DocumentClaims(document: report.document, claims: report.claims)
    }
    let aligned = AlignedClaims(documents: documents, draftIndex: nil, nouns: NounFamilies(parents: [:]))
    let refs = aligned.refs { $0.kind == .date }
    #expect(refs.count >= 5)
    var cache: [Int: [UInt64]] = [:]
    let strings = refs.map { DateMismatchRule.context(of: $0, in: aligned) }
    let hashes = refs.map { DateMismatchRule.hashedContext(of: $0, in: aligned, previousWords: &cache) }
    for i in refs.indices {
      #expect(hashes[i].own.count == strings[i].own.count)
      #expect(hashes[i].all.count == strings[i].all.count)
      for j in refs.indices {
        #expect(Salience.sharedCount(hashes[i].all, hashes[j].all) == Salience.sharedCount(strings[i].all, strings[j].all))
        #expect(Salience.sharedCount(hashes[i].own, hashes[j].all) == Salience.sharedCount(strings[i].own, strings[j].all))
        #expect(DateMismatchRule.sameEvent(hashes[i].all, hashes[j].all) == DateMismatchRule.sameEvent(strings[i].all, strings[j].all))
      }
    }
    // The two meetings in Zürich are the same event, whichever way the name is encoded.
    let zurich = refs.indices.filter { aligned.claim(refs[$0]).sentence.contains("ministers") }
    #expect(zurich.count == 2)
    if zurich.count == 2 { #expect(DateMismatchRule.sameEvent(hashes[zurich[0]].all, hashes[zurich[1]].all)) }
  }

  @Test func sortedWordHashesAreTheWordsOfSalience() {
    let text = "Rescue crews reached stranded families along the Zu\u{308}rich embankment on Monday, the mayor said."
    let hashes = Salience.sortedWordHashes(text)
    #expect(hashes.count == Salience.words(text).count)
    #expect(hashes == hashes.sorted())
    #expect(Salience.sharedCount(hashes, Salience.sortedWordHashes("Families stranded near the Zürich embankment")) == 4)
    #expect(Salience.union(hashes, hashes) == hashes)
  }

  @Test func onlySentencesWithFromAreReadForRescheduling() {
    #expect(DateMismatchRule.containsFrom("The vote was moved FROM Tuesday to Friday"))
    #expect(DateMismatchRule.containsFrom("moved from Tuesday"))
    #expect(!DateMismatchRule.containsFrom("The vote was held on Tuesday"))
    #expect(!DateMismatchRule.containsFrom("fro"))
  }
}
