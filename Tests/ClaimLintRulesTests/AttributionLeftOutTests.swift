import ClaimLint
import ClaimLintCore
import ClaimLintTestSupport
import Testing

@testable import ClaimLintRules

/// `AttributionMismatchRule` leaves the claims without a speaker's text (quotes that continue the
/// previous speaker) out of its lists in stories of fewer than `SortedStoryWordIndex.storyLimit`
/// quotes and attributions: its findings must be those of the rule that keeps every claim.
struct AttributionLeftOutTests {
  static func aligned(_ articles: [(name: String, text: String)]) throws -> AlignedClaims {
    let outputs = TestSupport.checker().processTexts(articles)
    let documents = try outputs.map { output in
      let report = try #require(output.report)
      return DocumentClaims(document: report.document, claims: report.claims)
    }
    return AlignedClaims(documents: documents, draftIndex: nil, nouns: NounFamilies(parents: [:]))
  }

  /// An article quoting `speaker`, then a quote on its own that continues the speaker's words (no
  /// speaker's text), and one by another speaker, which every article gives to the same one.
  static func article(_ k: Int, speaker: String) -> (name: String, text: String) {
    // Words of each article's own (so that the articles are not taken for copies of one another).
    let nouns = ["harbour", "bridge", "market", "railway", "school", "clinic", "factory", "airport", "stadium", "library", "garden"]
    let verbs = ["visited", "inspected", "praised", "criticised", "photographed", "described", "mapped"]
    func own(_ n: Int) -> String {
      (0..<6).map { j in
        "The \(nouns[(k &* 7 &+ j &* 3 &+ n) % nouns.count]) near the \(nouns[(k &* 5 &+ j &+ n &* 2) % nouns.count]) was \(verbs[(k &+ j &* n) % verbs.count]) by \(k &* 13 &+ j &+ n) visitors in week \(j &+ n)."
      }.joined(separator: " ")
    }
    return (
      "paper\(k).txt",
      """
      \(own(1))

      "We will not tolerate these criminal networks on our border," \(speaker) said on Monday.

      "The networks have moved their money through shell companies in three countries for years."

      "The inquiry will report to parliament before the end of the year," Deputy Minister Hiro Moreau told reporters.

      "Every transfer will be traced and every account will be frozen without delay," officials said.

      "We have asked our partners to share what they know about the accounts and the companies."

      \(own(2))
      """
    )
  }

  static func describe(_ fs: [Finding]) -> [String] {
    fs.map { f in
      "\(f.span.path):\(f.span.line):\(f.span.column) \(f.message) \(f.label ?? "") \(f.fingerprint) "
        + f.notes.map { n in "\(n.span.map { "\($0.path):\($0.line):\($0.column)" } ?? "-") \(n.message)" }.joined(separator: "; ")
    }
  }

  static func unspoken(_ claims: AlignedClaims) -> Int {
    claims.documents.reduce(0) { n, d in n + d.claims.filter { $0.attribution?.speakerText.isEmpty == true }.count }
  }

  /// One speaker against another (triggering) and the same speaker everywhere (not triggering),
  /// in a small story and in one of more quotes and attributions than the index's limit, where
  /// nothing is left out.
  @Test(arguments: [(3, 1), (5, 2), (4, 0), (45, 15), (45, 0)])
  func findingsAsWhenKeepingEveryClaim(_ count: Int, _ dissenting: Int) throws {
    let articles = (0..<count).map { k in Self.article(k, speaker: k < dissenting ? "Tomas Vidal" : "Foreign Minister Ana Ruiz") }
    let claims = try Self.aligned(articles)
    #expect(Self.unspoken(claims) >= count)
    // The large story has more quotes and attributions than the index's limit: nothing is left out.
    let quotesAndAttributions = claims.documents.reduce(0) { n, d in n + d.claims.filter { $0.kind == .quote || $0.kind == .attribution }.count }
    #expect((quotesAndAttributions >= SortedStoryWordIndex.storyLimit) == (count > 10))
    let rule = AttributionMismatchRule()
    let context = RuleContext()
    let fast = rule.check(claims, in: context)
    let plain = rule.check(claims, in: context, leavingOutUnspoken: false)
    #expect(Self.describe(fast) == Self.describe(plain))
    if dissenting > 0 {
      #expect(!fast.isEmpty)
    } else {
      #expect(fast.isEmpty)
    }
  }
}
