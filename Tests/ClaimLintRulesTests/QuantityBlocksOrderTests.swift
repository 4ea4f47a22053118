import ClaimLint
import ClaimLintCore
import ClaimLintTestSupport
import Testing

@testable import ClaimLintRules

/// `QuantityComparison.valueBlocks` numbers blocks by their parts and orders them by ranks of their
/// parts; it must give the blocks of two or more claims that the string keys give, in the order their
/// names "s<story>|<key>" sort as strings.
struct QuantityBlocksOrderTests {
  /// Articles with several figures of one thing each (blocks of two or more), and figures of other
  /// things, actions and units.
  static func article(_ k: Int) -> (name: String, text: String) {
    (
      "paper\(k).txt",
      """
      The storm killed \(10 + k) people and injured \(40 + k) in the delta, officials said.
      Relief agencies said \(12 + k) people were killed and \(300 + k) homes destroyed.
      Police arrested \(5 + k) suspects, and \(7 + k) suspects were later released.
      The repairs will cost $\(2 + k) million, and the fund has raised $\(3 + k) million so far.
      Turnout was \(50 + k) percent, up from \(40 + k) percent.
      """
    )
  }

  static func aligned(_ articles: [(name: String, text: String)]) throws -> AlignedClaims {
    let outputs = TestSupport.checker().processTexts(articles)
    let documents = try outputs.map { output in
      let report = try #require(output.report)
      return DocumentClaims(document: report.document, claims: report.claims)
    }
    return AlignedClaims(documents: documents, draftIndex: nil, nouns: NounFamilies(parents: [:]))
  }

  /// Twelve articles, three and one (the articles of a run are one story here: the path the corpora take).
  @Test(arguments: [12, 3, 1])
  func valueBlocksAreTheStringBlocksInOrder(_ count: Int) throws {
    let claims = try Self.aligned((0..<count).map(Self.article))
    let cmp = QuantityComparison(claims)
    let blocks = cmp.valueBlocks()
    let plain = QuantityBlocks.blocks(claims, refKeys: { cmp.valueKeys($0) }).filter { $0.count > 1 }
    #expect(blocks.count >= 2)
    // With twelve articles, blocks hold figures of article 10 and of article 2.
    let documents = Set(blocks.flatMap { $0.map(\.document) })
    #expect(count < 12 || (documents.contains(10) && documents.contains(2)))
    #expect(blocks == plain)
  }

  /// The enumeration sums of the figure table (`partSum`, made only for documents with an
  /// enumeration) are the sums of each figure and its `siblings(of:)`, nil where it has none: in
  /// articles with enumerations ("90 men and 12 women") and without.
  @Test func partSumsAreTheSiblingSums() throws {
    let withParts = "Rescuers found 90 men and 12 women alive, and 30 children were taken to hospital on Monday.\n"
    let without = "Police arrested 14 suspects on Monday.\n\nThe repairs will cost $4 million, officials said.\n"
    let twoEnumerations = withParts + "\nOfficials counted 40 boys and 25 girls among the 65 survivors of the crash.\n"
    let inOrder = try Self.aligned([("a.txt", withParts), ("b.txt", without), ("c.txt", without + withParts), ("d.txt", twoEnumerations)])
    // Also with each document's claims taken in turns from its sentences (the first claim of each
    // sentence, then the second of each, …): the figures of the two enumerations of d.txt are then
    // interleaved, and the table must sort its figures by sentence (in source order it gathers them
    // sorted).
    func shuffled(_ cs: [Claim]) -> [Claim] {
      var rank: [Int: Int] = [:]
      let keyed = cs.map { c -> (Int, Int, Claim) in
        let k = rank[c.sentenceIndex, default: 0]
        rank[c.sentenceIndex] = k + 1
        return (k, c.sentenceIndex, c)
      }
      return keyed.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }
    for reorder in [false, true] {
    let claims = reorder
      ? AlignedClaims(
        documents: inOrder.documents.map { DocumentClaims(document: $0.document, claims: shuffled($0.claims)) }, draftIndex: nil,
        nouns: NounFamilies(parents: [:]))
      : inOrder
    let cmp = QuantityComparison(claims)
    var sums = 0
    for d in claims.documents.indices {
      for i in claims.documents[d].claims.indices where claims.documents[d].claims[i].kind == .quantity {
        let r = ClaimRef(document: d, index: i)
        let siblings = cmp.siblings(of: r)
        let plain = siblings.isEmpty ? nil : ([r] + siblings).compactMap { claims.claim($0).quantity?.value }.reduce(0, +)
        #expect(cmp.partSum(r) == plain)
        if plain != nil { sums += 1 }
      }
    }
    // Enumerations in a.txt and c.txt; none in b.txt.
    #expect(sums >= 4)
    // The enumeration of d.txt is found, in source order and with its figures apart.
    #expect(claims.documents[3].claims.indices.filter { cmp.partSum(ClaimRef(document: 3, index: $0)) != nil }.count >= 3)
    #expect(claims.documents[1].claims.indices.allSatisfy { cmp.partSum(ClaimRef(document: 1, index: $0)) == nil })
    }
  }

  /// `asciiRanks` gives the ranks of sorting the texts (with and without a suffix) as strings, prefixes
  /// and "|" included; and nil as soon as a text is not ASCII.
  @Test func asciiRanksAreTheStringRanks() throws {
    let strings = [
      "unit:percent", "unit:per", "family:people", "family:people|x", "a", "", "unit:percent2", "Z", "family:peopl",
      "unit:%", "killed", "kill", "injured", "-", "unit:$", "unit:USD", "unit:usd",
    ]
    let samples: [[Int]] = [Array(strings.indices), [0, 1, 6], [2, 3, 8], [4, 5], [16, 15, 14, 9], [], [10]]
    for parts in samples {
      for suffix in [UInt8(ascii: "|"), nil] {
        let fast = try #require(QuantityBlocks.asciiRanks(parts, of: strings, suffix: suffix))
        let tail = suffix.map { String(UnicodeScalar($0)) } ?? ""
        let sorted = parts.sorted { strings[$0] + tail < strings[$1] + tail }
        var plain = [Int](repeating: 0, count: strings.count)
        for (k, p) in sorted.enumerated() { plain[p] = k }
        #expect(fast == plain, "\(parts) \(String(describing: suffix))")
      }
    }
    #expect(QuantityBlocks.asciiRanks([0, 1], of: ["caf\u{E9}", "cafe"], suffix: nil) == nil)
    #expect(QuantityBlocks.asciiRanks([2, 3], of: strings, suffix: nil, rejecting: UInt8(ascii: "|")) == nil)
    #expect(QuantityBlocks.asciiRanks([0, 2], of: strings, suffix: nil, rejecting: UInt8(ascii: "|")) != nil)
    #expect(QuantityBlocks.asciiRanks([0, 1], of: ["\u{212A}m", "km"], suffix: UInt8(ascii: "|")) == nil)
  }
}
