import ClaimLint
import ClaimLintCore
import ClaimLintTestSupport
import Testing

@testable import ClaimLintRules

/// `QuantityActionMismatchRule.blocks` groups figures by numbers (`KeyNumbers`): it gives the blocks a
/// dictionary keyed by the story, the block key's text and the value's text gives, in the order of the
/// joined names, keeping those that span two documents and give two actions.
struct QuantityActionBlocksTests {
  static let articles: [(name: String, text: String)] = [
    (
      "a.txt",
      """
      Since last year the two countries have worked together to arrest more than 50,000 people involved in online fraud.
      Police arrested 48 suspects in the overnight sweep, and rescuers evacuated 1,200 residents.
      Officials said 2.5 percent of the budget was cut, and 3 ministers resigned.
      """
    ),
    (
      "b.txt",
      """
      China has helped secure the return of over 50,000 alleged criminals to stand trial for fraud.
      Police detained 48 suspects in the overnight sweep, and rescuers evacuated 1,200 residents.
      Officials said 2.5 percent of the budget was spent, and 3 ministers resigned.
      """
    ),
    (
      "c.txt",
      """
      Police released 48 suspects after the overnight sweep. Rescuers moved 1,200 residents to shelters.
      Officials said 2.5 percent of the budget was frozen. Police arrested 48 suspects again on Monday.
      """
    ),
  ]

  /// The blocks as the rule made them before: strings hashed in a dictionary, then filtered.
  static func plainBlocks(_ claims: AlignedClaims) -> [[ClaimRef]] {
    struct Name: Hashable {
      var story: Int
      var block: String
      var value: String
    }
    var map: [Name: [ClaimRef]] = [:]
    for d in claims.documents.indices {
      let cs = claims.documents[d].claims
      for i in cs.indices where cs[i].kind == .quantity && cs[i].layer == .reportage {
        guard let q = cs[i].quantity, let v = q.value, q.action != nil, !q.isVague, !q.superseded,
          let k = claims.nouns.blockKey(q)
        else { continue }
        map[Name(story: claims.story[d], block: k, value: ClaimText.number(v)), default: []].append(ClaimRef(document: d, index: i))
      }
    }
    var named: [(name: String, block: [ClaimRef])] = []
    for (name, block) in map where block.contains(where: { $0.document != block[0].document }) {
      let actions = Set(block.map { claims.claim($0).quantity!.action! })
      guard actions.count > 1 else { continue }
      named.append(("s\(name.story)|" + name.block + "|" + name.value, block))
    }
    named.sort { $0.name < $1.name }
    return named.map(\.block)
  }

  static func aligned(_ articles: [(name: String, text: String)]) throws -> AlignedClaims {
    let documents = try TestSupport.checker().processTexts(articles).map { output in
      let report = try #require(output.report)
      return DocumentClaims(document: report.document, claims: report.claims)
    }
    return AlignedClaims(documents: documents, draftIndex: nil, nouns: NounFamilies(parents: [:]))
  }

  @Test func sameBlocksAsStringKeys() throws {
    let claims = try Self.aligned(Self.articles)
    let expected = Self.plainBlocks(claims)
    // The articles give figures with differing actions in two documents or more.
    #expect(!expected.isEmpty)
    #expect(QuantityActionMismatchRule.blocks(claims, QuantityComparison(claims)) == expected)
    // Every order of the articles, and single articles (no block spans two documents).
    for order in [[2, 1, 0], [1, 2, 0], [0, 2]] {
      let run = try Self.aligned(order.map { Self.articles[$0] })
      #expect(QuantityActionMismatchRule.blocks(run, QuantityComparison(run)) == Self.plainBlocks(run))
    }
    let single = try Self.aligned([Self.articles[2]])
    #expect(QuantityActionMismatchRule.blocks(single, QuantityComparison(single)).isEmpty)
  }
}
