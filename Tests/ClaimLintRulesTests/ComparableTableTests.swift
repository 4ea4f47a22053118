import ClaimLint
import ClaimLintCore
import ClaimLintTestSupport
import Testing

@testable import ClaimLintRules

/// `AlignedClaims.comparable` answers a small run from a table of every pair worked out when the run is
/// aligned; it must answer what its definition gives: different documents, not copies, one of them the
/// draft in pre-publish mode, dated at most `maxDaysApart` apart, and words overlapping enough.
struct ComparableTableTests {
  static let articles: [(name: String, text: String)] = [
    ("a.txt", "2024-03-09\n\nPolice said 12 people were killed and 40 injured in the Harmon Arena stampede on Friday, spokesman Tomas Vidal said.\n"),
    ("b.txt", "2024-03-10\n\nTwelve people were killed and 40 were injured in the stampede at Harmon Arena, police spokesman Tomas Vidal said.\n"),
    ("copy.txt", "2024-03-09\n\nPolice said 12 people were killed and 40 injured in the Harmon Arena stampede on Friday, spokesman Tomas Vidal said.\n"),
    ("late.txt", "2024-11-20\n\nThe Harmon Arena stampede killed 12 people and injured 40, police spokesman Tomas Vidal said in March.\n"),
    ("other.txt", "2024-03-09\n\nThe central bank raised its main rate to 4.5 percent on Thursday, governor Ilse Varga told reporters.\n"),
    ("undated.txt", "Fans pushed through a barrier at Harmon Arena, where 12 people died and 40 were hurt, police said.\n"),
  ]

  static func plain(_ run: AlignedClaims, _ a: Int, _ b: Int) -> Bool {
    if a == b || run.syndicationGroup[a] == run.syndicationGroup[b] { return false }
    if let d = run.draftIndex, a != d && b != d { return false }
    if let da = run.documents[a].document.date, let db = run.documents[b].document.date, abs(da.dayNumber - db.dayNumber) > 120 {
      return false
    }
    let wa = AlignedClaims.storyWords(of: run.documents[a].document)
    let wb = AlignedClaims.storyWords(of: run.documents[b].document)
    let inter = Salience.sharedCount(wa, wb)
    let union = wa.count + wb.count - inter
    return union == 0 || Double(inter) / Double(union) >= run.minStoryOverlap
  }

  @Test(arguments: [nil, 0, 3] as [Int?])
  func tableAnswersTheDefinition(_ draft: Int?) throws {
    let documents = try TestSupport.checker().processTexts(Self.articles).map { output in
      let report = try #require(output.report)
      return DocumentClaims(document: report.document, claims: report.claims)
    }
    for overlap in [0.06, 0.3, 0.9] {
      let run = AlignedClaims(documents: documents, draftIndex: draft, nouns: NounFamilies(parents: [:]), minStoryOverlap: overlap)
      #expect(run.knowsEveryComparablePair)
      var answers: [Bool] = []
      for a in documents.indices {
        for b in documents.indices {
          #expect(run.comparable(a, b) == Self.plain(run, a, b), "\(a) \(b) \(overlap)")
          answers.append(run.comparable(a, b))
        }
      }
      // Both answers occur (the test can fail either way).
      if draft == nil && overlap == 0.06 {
        #expect(answers.contains(true) && answers.contains(false))
      }
    }
  }

  /// The words of a claim's sentence as defined: the sorted word hashes of the text that the first
  /// claim of its sentence (smallest index, same `sentenceIndex`) gives.
  static func plainWords(_ documents: [DocumentClaims], _ r: ClaimRef) -> [UInt64] {
    let cs = documents[r.document].claims
    let first = cs.firstIndex { $0.sentenceIndex == cs[r.index].sentenceIndex }!
    return Salience.sortedWordHashes(cs[first].sentence)
  }

  static func sentenceDocuments() throws -> [DocumentClaims] {
    try TestSupport.checker().processTexts(Self.articles + [
      ("quotes.txt", "2024-03-09\n\n\"We will not tolerate these criminal networks,\" Interior Minister Ana Ruiz said on March 7.\nThe talks were held in Bern.\n")
    ]).map { output in
      let report = try #require(output.report)
      return DocumentClaims(document: report.document, claims: report.claims)
    }
  }

  /// Sentence words are worked out when first asked and kept by sentence and by text; `words(_:)`
  /// must give every claim the words of its sentence (dates, quotes, attributions and titles alone in
  /// their sentences included), whatever the order claims are asked in, and a sentence repeated in
  /// another document (`copy.txt`) the words of its own text.
  @Test func everyClaimHasItsSentenceWords() throws {
    let documents = try Self.sentenceDocuments()
    var refs: [ClaimRef] = []
    for d in documents.indices { for i in documents[d].claims.indices { refs.append(ClaimRef(document: d, index: i)) } }
    // Claims of several sentences, some sharing a sentence, some texts in two documents.
    #expect(Set(refs.map { Self.plainWords(documents, $0) }).count > 4)
    #expect(refs.contains { r in refs.contains { $0.document == r.document && $0.index != r.index && documents[r.document].claims[$0.index].sentenceIndex == documents[r.document].claims[r.index].sentenceIndex } })
    for order in [refs, refs.reversed(), refs.enumerated().sorted { ($0.offset % 3, $0.offset) < ($1.offset % 3, $1.offset) }.map(\.element)] {
      let run = AlignedClaims(documents: documents, draftIndex: nil, nouns: NounFamilies(parents: [:]))
      for _ in 0..<2 {
        for r in order {
          #expect(run.words(r) == Self.plainWords(documents, r), "\(r)")
          #expect(run.askedWords(r) == Self.plainWords(documents, r), "\(r)")
        }
      }
      let all = run.sentenceWords
      for r in refs { #expect(all[r.document][r.index] == Self.plainWords(documents, r)) }
    }
  }

  /// Rules of one run ask for sentence words from several threads at once: every answer is the
  /// sentence's words.
  @Test func sentenceWordsAskedFromSeveralThreads() throws {
    let documents = try Self.sentenceDocuments()
    var refs: [ClaimRef] = []
    for d in documents.indices { for i in documents[d].claims.indices { refs.append(ClaimRef(document: d, index: i)) } }
    let expected = refs.map { Self.plainWords(documents, $0) }
    for _ in 0..<20 {
      let run = AlignedClaims(documents: documents, draftIndex: nil, nouns: NounFamilies(parents: [:]))
      let answers = ParallelMap.map(Array(0..<(4 * refs.count)), threads: 4) { k in run.words(refs[k % refs.count]) }
      for k in answers.indices { #expect(answers[k] == expected[k % refs.count]) }
    }
  }
}
