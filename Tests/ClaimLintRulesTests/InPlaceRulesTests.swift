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

  /// The digest of `ExactText` at every length around its words of eight and sixteen bytes: equal
  /// bytes (a copy, and a string built in two parts) give equal digests, and texts that differ in any
  /// one byte (first, middle, last, or one byte longer) are told apart by digest on these texts.
  @Test func exactTextDigestsAtEveryLength() {
    let alphabet = Array("the strike ended on Friday after talks, officials said".utf8)
    func digest(_ b: [UInt8]) -> UInt64 { b.withUnsafeBufferPointer { ExactText.digest($0) } }
    for n in 0...40 {
      let bytes = (0..<n).map { alphabet[($0 * 7) % alphabet.count] }
      let text = String(decoding: bytes, as: UTF8.self)
      let built = String(decoding: bytes.prefix(n / 2), as: UTF8.self) + String(decoding: bytes.dropFirst(n / 2), as: UTF8.self)
      #expect(ExactText(text) == ExactText(built))
      #expect(ExactText(text).digestValue == ExactText(built).digestValue)
      #expect(digest(bytes) != digest(bytes + [0x20]), "length \(n)")
      for k in Set([0, n / 2, n - 1]) where n > 0 {
        var changed = bytes
        changed[k] ^= 0x01
        #expect(digest(bytes) != digest(changed), "length \(n), byte \(k)")
        #expect(ExactText(text) != ExactText(String(decoding: changed, as: UTF8.self)))
      }
    }
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

  /// `DigestNumbers` numbers keys as a dictionary filled with `dict[key, default: dict.count]` does,
  /// with the exact digests and with digests that collide on purpose (a text's length, a constant):
  /// then only the caller's `isKey` tells keys apart, and the numbers must still be the dictionary's.
  @Test func digestNumbersMatchADictionary() {
    var texts = ["said on Monday", "said on Monday", "said on Monday ", "Zürich", "Zu\u{308}rich", "", "", "Friday", "friday"]
    for k in 0..<300 { texts.append("Report \(k % 120): the council met on day \(k % 37) of the talks.") }
    let digests: [(String) -> UInt64] = [
      { ExactText($0).digestValue }, { UInt64($0.utf8.count) }, { _ in 7 },
    ]
    for digest in digests {
      for capacity in [0, 5, texts.count] {
        var table = DigestNumbers(capacity: capacity)
        var keys: [[UInt8]] = []
        var reference: [[UInt8]: Int] = [:]
        for t in texts {
          let bytes = Array(t.utf8)
          let n = table.number(digest: digest(t)) { keys[$0] == bytes }
          if n == keys.count { keys.append(bytes) }
          let expected = reference[bytes, default: reference.count]
          reference[bytes] = expected
          #expect(n == expected)
        }
        #expect(table.count == reference.count)
      }
    }
    #expect(ExactTextPair("said on Monday", "Monday").digestValue
      == ExactTextPair.digest(ExactText("said on Monday").digestValue, ExactText("Monday").digestValue))
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

  /// The listed, sorted words of plain text are the sorted set's, byte for byte: short clauses that
  /// borrow a plain sentence or one with words outside ASCII (which a set unites), repeated words,
  /// dates not found among the words.
  @Test func listedContextWordsAreTheSortedSetsBytes() throws {
    let articles: [(name: String, text: String)] = [
      (
        "a.txt",
        """
        2024-03-09

        Rail unions and rail operators met the transport ministers of five countries to agree on routes and routes again.

        The talks were held on Thursday.

        The ministers of Zu\u{308}rich and Zürich met the unions in Zürich on Monday, and the rail talks of the rail unions went on.

        The talks ended on Friday.

        Officials signed the deal in Bern on March 20 \u{2014} \u{201C}a good deal,\u{201D} said the ministers of transport.
        """
      ),
      (
        "b.txt",
        """
        2024-03-10

        Transport ministers signed the rail deal in Bern on March 21, after the talks in Zurich ended.
        """
      ),
    ]
    let outputs = TestSupport.checker().processTexts(articles)
    let documents = try outputs.map { output in
      let report = try #require(output.report)
      return DocumentClaims(document: report.document, claims: report.claims)
    }
    let aligned = AlignedClaims(documents: documents, draftIndex: nil, nouns: NounFamilies(parents: [:]))
    let refs = aligned.claimRefs { $0.pointee.kind == .date }
    #expect(refs.count >= 4)
    var borrowed = 0
    for r in refs {
      let listed = DateMismatchRule.sortedContextWords(of: r, in: aligned)
      let context = DateMismatchRule.context(of: r, in: aligned)
      if context.own.count < context.all.count { borrowed += 1 }
      #expect(listed.map { Array($0.utf8) } == context.all.sorted().map { Array($0.utf8) }, "\(aligned.claim(r).sentence)")
    }
    #expect(borrowed >= 2)
    for text in ["Rail unions and rail operators met the ministers of rail, and the operators met again.", "", "a b c", "Meetings met meeting"] {
      var words: [String] = []
      Salience.appendWords(text, to: &words)
      words.sortUnique()
      #expect(words == Salience.words(text).sorted(), "\(text)")
    }
  }
}
