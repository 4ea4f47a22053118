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

  /// Only sentences with a figure or an event have their words worked out when aligning; `words(_:)`
  /// must still give every claim the words of its sentence (dates, quotes, attributions and titles
  /// alone in their sentences included).
  @Test func everyClaimHasItsSentenceWords() throws {
    let documents = try TestSupport.checker().processTexts(Self.articles + [
      ("quotes.txt", "2024-03-09\n\n\"We will not tolerate these criminal networks,\" Interior Minister Ana Ruiz said on March 7.\nThe talks were held in Bern.\n")
    ]).map { output in
      let report = try #require(output.report)
      return DocumentClaims(document: report.document, claims: report.claims)
    }
    let run = AlignedClaims(documents: documents, draftIndex: nil, nouns: NounFamilies(parents: [:]))
    var kinds: [Bool] = []
    let all = run.sentenceWords
    for d in documents.indices {
      for i in documents[d].claims.indices {
        let r = ClaimRef(document: d, index: i)
        let expected = Salience.sortedWordHashes(documents[d].claims[i].sentence)
        #expect(run.words(r) == expected)
        #expect(all[d][i] == expected)
        let asked = AlignedClaims.wordsAsked(documents[d].claims[i].kind)
        if asked { #expect(run.askedWords(r) == expected) }
        kinds.append(asked)
      }
    }
    // Claims of both sorts are checked.
    #expect(kinds.contains(true) && kinds.contains(false))
  }
}
