import ClaimLint
import ClaimLintCore
import ClaimLintTestSupport
import Testing

@testable import ClaimLintRules

/// Corroboration compares typed keys; two claims must share a typed key exactly when they shared the
/// joined string key.
struct CorroborationKeyTests {
  static let articles: [(name: String, text: String)] = [
    (
      "a.txt",
      """
      2024-03-09

      Police said 12 people were killed and 40 injured on Friday, spokesman Tomas Vidal said.
      "We will not tolerate these networks," Interior Minister Ana Ruiz said on March 7.
      The two teams met in Bern on Saturday. About 2.5 million people were evacuated.
      """
    ),
    (
      "b.txt",
      """
      2024-03-10

      Twelve people were killed and 40 were injured on March 8, police spokesman Tomas Vidal said.
      Interior Minister Ana Ruiz told reporters on Thursday the networks would be dismantled.
      About 2,500,000 people were evacuated, and 1e20 dollars were not.
      """
    ),
  ]

  /// `counts` answers a run of one syndication group (one article, or copies of one) without keys:
  /// as `keyedCounts` does; a run of two sources still counts by keys.
  @Test func oneSyndicationGroupCountsNothing() throws {
    func aligned(_ articles: [(name: String, text: String)]) throws -> AlignedClaims {
      let documents = try TestSupport.checker().processTexts(articles).map { output in
        let report = try #require(output.report)
        return DocumentClaims(document: report.document, claims: report.claims)
      }
      return AlignedClaims(documents: documents, draftIndex: nil, nouns: NounFamilies(parents: [:]))
    }
    let single = try aligned([Self.articles[0]])
    let copies = try aligned([Self.articles[0], ("copy.txt", Self.articles[0].text)])
    let two = try aligned(Self.articles)
    #expect(Set(copies.syndicationGroup).count == 1)
    for run in [single, copies] {
      #expect(!run.documents[0].claims.isEmpty)
      #expect(Corroboration.counts(run) == Corroboration.keyedCounts(run))
      #expect(Corroboration.counts(run).allSatisfy { $0.allSatisfy { $0 == 0 } })
    }
    #expect(Corroboration.counts(two) == Corroboration.keyedCounts(two))
    #expect(Corroboration.counts(two).contains { $0.contains { $0 > 0 } })
  }

  @Test func typedKeysMatchExactlyWhenJoinedKeysMatch() throws {
    let outputs = TestSupport.checker().processTexts(Self.articles)
    let documents = try outputs.map { output in
      let report = try #require(output.report)
      return DocumentClaims(document: report.document, claims: report.claims)
    }
    let aligned = AlignedClaims(documents: documents, draftIndex: nil, nouns: NounFamilies(parents: [:]))
    var claims = documents.flatMap(\.claims)
    #expect(claims.count >= 8)
    // Variants with "|" in the components that may hold one.
    for c in claims {
      if var a = c.attribution {
        var v = c
        a.speaker += "|x"
        v.attribution = a
        claims.append(v)
      }
      if var t = c.title {
        var v = c
        t.person = "A|" + t.person
        v.title = t
        claims.append(v)
        var w = c
        t.roles = ["x|y"]
        w.title = t
        claims.append(w)
      }
      if var q = c.quantity {
        var v = c
        q.action = "rose|fell"
        v.quantity = q
        claims.append(v)
        var w = c
        q.value = (q.value ?? 0) + 0.5
        w.quantity = q
        claims.append(w)
      }
    }
    let joined = claims.map { Corroboration.key($0, aligned) }
    let typed = claims.map { Corroboration.typedKey($0, aligned) }
    for i in claims.indices {
      #expect((joined[i] == nil) == (typed[i] == nil))
      for j in claims.indices where joined[i] != nil && joined[j] != nil {
        #expect((joined[i] == joined[j]) == (typed[i] == typed[j]), "\(joined[i]!) / \(joined[j]!)")
      }
    }
  }
}
