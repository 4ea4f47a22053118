import ClaimLint
import ClaimLintCore
import ClaimLintTestSupport
import Foundation
import Testing

@testable import ClaimLintRules

/// The rules read claims in place and compare words on bytes; each shortcut must give the answer of
/// the code it replaced.
struct InPlaceRulesTests {
  @Test func stopWordsFitTheirLengthLimit() {
    #expect(Salience.stop.allSatisfy { $0.utf8.count <= 9 && $0.utf8.allSatisfy { $0 < 0x80 } })
  }

  @Test func stemHashesAreTheHashesOfTheStems() {
    let text = "Meetings met meeting agencies studies carried raced bosses runs flying sing pies tied the stories cafés naïve"
    let words = Salience.words(text)
    #expect(Salience.sortedWordHashes(text) == Salience.sortedUnique(words.map(Salience.wordHash)))
  }

  @Test func quotedKeepsTextWithoutApostrophes() {
    for s in ["plain text", "it's", "l'\u{301}école", "", "'", "O'Neil's"] {
      #expect(ClaimText.quoted(s) == "'" + s.replacingOccurrences(of: "'", with: "’") + "'")
    }
  }

  @Test func exactTextsCompareBytesNotCharacters() {
    #expect(ExactText("Zu\u{308}rich") != ExactText("Zürich"))
    #expect(ExactText("Zürich") == ExactText("Zürich"))
    #expect(ExactText("") == ExactText(""))
    #expect(ExactText("a longer text of more than eight bytes") == ExactText("a longer text of more than eight " + "bytes"))
    #expect(ExactText("a longer text of more than eight bytes") != ExactText("a longer text of more than eight bytez"))
    #expect(ExactTextPair("said on Monday", "Monday") != ExactTextPair("said on Monday", "monday"))
    var table: [ExactText: Int] = [:]
    table[ExactText("Zürich")] = 1
    table[ExactText("Zu\u{308}rich")] = 2
    #expect(table.count == 2)
  }

  /// `ExactTextNumbers` numbers keys as a dictionary filled with `dict[key, default: dict.count]`
  /// does: equal bytes share a number, canonically equal but different bytes do not, and the table
  /// keeps its numbers as it grows past its first capacity.
  @Test func exactTextNumbersMatchADictionary() {
    var texts = [
      "The foreign ministers of four countries met in Chiang Mai on Friday to discuss border crime.",
      "Zürich", "Zu\u{308}rich", "", "Friday", "friday", "said on Monday", "said on Monday ",
      "The foreign ministers of four countries met in Chiang Mai on Friday to discuss border crime.",
    ]
    for k in 0..<300 { texts.append("Report \(k % 120): the council met on day \(k % 37) of the talks.") }
    for capacity in [0, 5, texts.count] {
      var table = ExactTextNumbers<ExactText>(capacity: capacity)
      var referenceBytes: [[UInt8]: Int] = [:]
      for t in texts {
        let n = table.number(ExactText(t))
        let expected = referenceBytes[Array(t.utf8), default: referenceBytes.count]
        referenceBytes[Array(t.utf8)] = expected
        #expect(n == expected)
      }
      #expect(table.count == referenceBytes.count)
    }
    var pairs = ExactTextNumbers<ExactTextPair>(capacity: 2)
    var referencePairs: [[[UInt8]]: Int] = [:]
    for (a, b) in [("said on Monday", "Monday"), ("said on Monday", "monday"), ("said on Monday", "Monday"), ("Monday", "said on Monday"), ("Zürich", "x"), ("Zu\u{308}rich", "x")] {
      let key = [Array(a.utf8), Array(b.utf8)]
      let expected = referencePairs[key, default: referencePairs.count]
      referencePairs[key] = expected
      #expect(pairs.number(ExactTextPair(a, b)) == expected)
    }
    #expect(pairs.count == 5)
  }

  @Test func ownDayWordsAreFoundOnBytes() {
    for s in ["today", "Today", "TONIGHT", "this Morning", "this  morning", "yesterday", "todays", "Friday", "to\u{212A}ay", "tödäy", ""] {
      #expect(DateMismatchRule.isOwnDay(s) == DateMismatchRule.ownDayWords.contains(s.lowercased()), "\(s)")
    }
  }

  @Test func contextWordsOfFingerprintsAreTheStringContexts() throws {
    let outputs = TestSupport.checker().processTexts(DateContextHashingTests.articles)
    let documents = try outputs.map { output in
      let report = try #require(output.report)
      return DocumentClaims(document: report.document, claims: report.claims)
    }
    let aligned = AlignedClaims(documents: documents, draftIndex: nil, nouns: NounFamilies(parents: [:]))
    let refs = aligned.claimRefs { $0.pointee.kind == .date }
    #expect(refs == aligned.refs { $0.kind == .date })
    #expect(refs.count >= 5)
    for r in refs {
      #expect(DateMismatchRule.sortedContextWords(of: r, in: aligned) == DateMismatchRule.context(of: r, in: aligned).all.sorted())
    }
  }
}
