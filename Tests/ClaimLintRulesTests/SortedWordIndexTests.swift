import ClaimLint
import ClaimLintCore
import ClaimLintTestSupport
import Foundation
import Testing

@testable import ClaimLintRules

/// The sorted-array word index and the per-rule comparability table give the answers of the code they
/// replace (`StoryWordIndex`, `AlignedClaims.comparable`).
struct SortedWordIndexTests {
  /// The claims of the date-context articles, aligned with `commonWords` as the run's common words.
  static func aligned(commonWords: Set<UInt64>) throws -> AlignedClaims {
    let outputs = TestSupport.checker().processTexts(DateContextHashingTests.articles)
    let documents = try outputs.map { output in
      let report = try #require(output.report)
      return DocumentClaims(document: report.document, claims: report.claims)
    }
    // A story of a larger run brings its common words; a small run has none.
    let story = commonWords.isEmpty ? nil : StoryOfRun(distinctiveWords: Array(repeating: [], count: documents.count), commonWords: commonWords)
    return AlignedClaims(documents: documents, draftIndex: nil, nouns: NounFamilies(parents: [:]), story: story)
  }

  @Test func candidatesAreThoseOfTheStoryWordIndex() throws {
    // Synthetic words over many claims: word 1 is shared by more claims than a posting may hold, word 2
    // by fewer, word 3 is a common word of the run, the rest are scattered (some claims repeat a word).
    let claims = try Self.aligned(commonWords: [3, 40])
    let base = claims.claimRefs { _ in true }
    #expect(!base.isEmpty)
    let refs = (0..<450).map { base[$0 % base.count] }
    let words: [[UInt64]] = refs.indices.map { i in
      var w: [UInt64] = [1, 3, UInt64(10 + i % 37), UInt64(100 + (i * 7) % 53)]
      if i % 3 == 0 { w.append(2) }
      if i % 11 == 0 { w.append(UInt64(10 + i % 37)) }
      if i % 5 == 0 { w = [] }
      return w
    }
    let old = StoryWordIndex(claims, refs: refs, words: words)
    var new = SortedStoryWordIndex(claims, refs: refs, words: words)
    // A claim's candidates are collected once (its marks stay set): a second index for the buffer.
    var collecting = SortedStoryWordIndex(claims, refs: refs, words: words)
    var dense = 0
    var sparse = 0
    for i in refs.indices {
      let expected = old.candidates(of: i)
      #expect(new.candidates(of: i) == expected, "claim \(i)")
      // The index's own buffer holds the same list (read back from the marks when the candidates are
      // many for the claims, sorted when they are few: both happen here).
      let count = collecting.collectCandidates(of: i)
      #expect((0..<count).map { collecting.candidate($0) } == expected, "claim \(i)")
      if count * 8 >= refs.count { dense += 1 } else if count > 1 { sparse += 1 }
    }
    #expect(dense > 0 && sparse > 0)
  }

  @Test func candidatesOfSentenceWordsAreThoseOfTheStoryWordIndex() throws {
    let claims = try Self.aligned(commonWords: [])
    let refs = claims.claimRefs { _ in true }
    let words = refs.map { claims.words($0) }
    let old = StoryWordIndex(claims, refs: refs, words: words)
    var new = SortedStoryWordIndex(claims, refs: refs, words: words)
    for i in refs.indices { #expect(new.candidates(of: i) == old.candidates(of: i)) }
  }

  /// `hasOtherCandidate(of:)`, by which the date rule leaves out dates compared with nothing, is whether
  /// the claim's candidates hold another claim; when false, no other claim has it as a candidate.
  @Test func hasOtherCandidateIsWhetherTheCandidatesHoldAnother() throws {
    let claims = try Self.aligned(commonWords: [3, 40])
    let base = claims.claimRefs { _ in true }
    let refs = (0..<450).map { base[$0 % base.count] }
    // Word 1 is in more claims than a posting may hold, 3 and 40 are common words of the run; a word
    // of its own (1000 + i) is shared by nobody; 10 + i % 37 only by the claims with `i % 4 == 1`.
    let words: [[UInt64]] = refs.indices.map { i in
      switch i % 4 {
      case 0: return [1, 3, 40, UInt64(1000 + i)]
      case 1: return [1, UInt64(10 + i % 37), UInt64(1000 + i)]
      case 2: return []
      default: return i % 8 == 3 ? [3, UInt64(1000 + i)] : [40]
      }
    }
    var index = SortedStoryWordIndex(claims, refs: refs, words: words)
    var candidates: [[Int]] = []
    for i in refs.indices {
      let count = index.collectCandidates(of: i)
      candidates.append((0..<count).map { index.candidate($0) })
    }
    var with = 0
    var without = 0
    for i in refs.indices {
      let expected = candidates[i].contains { $0 != i }
      #expect(index.hasOtherCandidate(of: i) == expected, "claim \(i)")
      if expected {
        with += 1
      } else {
        without += 1
        #expect(!candidates.indices.contains { $0 != i && candidates[$0].contains(i) }, "claim \(i)")
      }
    }
    #expect(with > 0 && without > 0)
    // The sentence words of real articles, without common words: shared words and words of one claim.
    let real = try Self.aligned(commonWords: [])
    let realRefs = real.claimRefs { _ in true }
    var realIndex = SortedStoryWordIndex(real, refs: realRefs, words: realRefs.map { real.words($0) })
    for i in realRefs.indices {
      let count = realIndex.collectCandidates(of: i)
      #expect(realIndex.hasOtherCandidate(of: i) == (0..<count).contains { realIndex.candidate($0) != i })
    }
  }

  @Test func wordTableHoldsItsWords() {
    let fixed: Set<UInt64> = [0, 1, 17, 33, 49, UInt64.max, 0xcbf2_9ce4_8422_2325]
    let words = fixed.union((0..<300).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 })
    let table = SortedStoryWordIndex.WordTable(words)
    for w in words { #expect(table.contains(w)) }
    for w in [UInt64(2), 3, 18, 0x1234_5678, UInt64.max - 1] where !words.contains(w) { #expect(!table.contains(w)) }
    #expect(!SortedStoryWordIndex.WordTable([]).contains(0))
    #expect(!SortedStoryWordIndex.WordTable([]).contains(5))
  }

  @Test func comparableDocumentsAnswerAsTheRun() throws {
    let claims = try Self.aligned(commonWords: [])
    var table = ComparableDocuments(claims)
    let n = claims.documents.count
    for _ in 0..<2 {
      for a in 0..<n {
        for b in 0..<n { #expect(table(a, b) == claims.comparable(a, b)) }
      }
    }
  }
}

/// The reference for `SortedStoryWordIndex` (the index the rules used before it): an inverted index of the sentence words of some claims, within each story: for a claim, the other
/// claims of its story that share a word with it.
///
/// A word that many claims share says little and proposes no candidates: one shared by 200 or more
/// claims of the story, or one of the run's common words (`AlignedClaims.commonWords`: in more than a
/// third of a large run's documents, at least 200). Both limits are relative to the story or the run, so the
/// same words speak in a run of 1,000 articles and of 100,000 (a fixed limit of 200 claims over the
/// whole run silenced the date rule from about 10,000 articles on), and the run's common words are known
/// before any claim is read, so a run checked story by story (`StoryOfRun`) ignores the same words as a
/// run held in memory.
///
/// `Words` is how a claim's words are kept: sorted hashes (`Salience.sortedWordHashes`).
struct StoryWordIndex<Words: Collection & Sendable>: Sendable where Words.Element == UInt64 {
  private struct Key: Hashable, Sendable {
    var story: Int
    var word: UInt64
  }

  /// A word shared by this many claims of a story proposes no candidates.
  static var storyLimit: Int { 200 }

  private var postings: [Key: [Int]] = [:]
  private let common: Set<UInt64>
  private let stories: [Int]
  private let words: [Words]

  /// Indexes `words[i]`, the words of the claim at `refs[i]` (each word once).
  init(_ claims: AlignedClaims, refs: [ClaimRef], words: [Words]) {
    self.words = words
    common = claims.commonWords
    stories = refs.map { claims.story[$0.document] }
    for (i, ws) in words.enumerated() {
      for w in ws where !common.contains(w) {
        postings[Key(story: stories[i], word: w), default: []].append(i)
      }
    }
  }

  /// The positions of the claims that share a word with claim `i` (itself included), in order.
  func candidates(of i: Int) -> [Int] {
    var found: [Int] = []
    for w in words[i] where !common.contains(w) {
      if let posting = postings[Key(story: stories[i], word: w)], posting.count < Self.storyLimit { found += posting }
    }
    Salience.sortUnique(&found)
    return found
  }
}
