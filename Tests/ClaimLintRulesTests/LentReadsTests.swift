import ClaimLint
import ClaimLintCore
import ClaimLintTestSupport
import Foundation
import Testing

@testable import ClaimLintRules

/// Reads that lend a run's strings and claims where they lie instead of copying them give what the
/// copying reads gave.
struct LentReadsTests {
  @Test func lentBytesAreTheUTF8Bytes() {
    let long = String(repeating: "The toll rose to 12 on Sunday, up from nine. ", count: 5)
    let texts = [
      "", "a", "Monday", "Zürich", "Zu\u{308}rich", long, long + "café", String(long.dropFirst(3)),
      String(Substring(long).prefix(20)), NSString(string: "a bridged string of some length, from Foundation").description,
    ]
    for s in texts {
      let lent = s.withUTF8Bytes { Array($0) }
      var copy = s
      #expect(lent == copy.withUTF8 { Array($0) }, "\(s)")
      #expect(lent == Array(s.utf8), "\(s)")
    }
  }

  @Test func forEachClaimVisitsEveryReferenceWithItsClaim() throws {
    let claims = try SortedWordIndexTests.aligned(commonWords: [])
    let all = claims.claimRefs { _ in true }
    #expect(Set(all.map(\.document)).count > 1)
    // In document order (one run per document), and out of it (runs of one reference, repeats).
    let shuffled = all.indices.map { all[($0 * 7 + 3) % all.count] } + all.prefix(3)
    for refs in [all, shuffled, [], Array(all.prefix(1))] {
      var visited: [Int] = []
      claims.forEachClaim(of: refs) { cs, p in
        visited.append(p)
        let r = refs[p]
        #expect(cs.count == claims.documents[r.document].claims.count)
        #expect(cs[r.index] == claims.claim(r))
      }
      #expect(visited == Array(refs.indices))
    }
  }

  @Test func wordsOfAClaimAreThoseOfItsSentence() throws {
    let claims = try SortedWordIndexTests.aligned(commonWords: [])
    let refs = claims.claimRefs { _ in true }
    #expect(!refs.isEmpty)
    let table = claims.sentenceWords
    for r in refs {
      #expect(claims.words(r) == Salience.sortedWordHashes(claims.claim(r).sentence))
      #expect(table[r.document][r.index] == claims.words(r))
    }
  }
}
