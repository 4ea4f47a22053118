import ClaimLintCore
import Testing

/// A large run releases each report once its story is checked: the segments lose their text and
/// offset map but keep their kind, author, reason and source range; the claims go, their number stays.
@Suite struct ReleaseTests {
  static let source = "Headline here\n\nPolice arrested 300 people on Monday.\n\nGreat article! -- Sam\n"

  static func document() -> Document {
    let file = SourceFile(path: "a/story.txt", text: source)
    let headline = Segment(kind: .headline, text: "Headline here", map: .identity(sourceOffset: 0, length: 13), reason: "first line")
    let body = Segment(
      kind: .reportage, text: "Police arrested 300 people on Monday.", map: .identity(sourceOffset: 15, length: 37))
    let comment = Segment(
      kind: .comment, text: "Great article!", map: .identity(sourceOffset: 54, length: 14), author: "Sam", reason: "comment marker")
    return Document(source: file, format: .text, title: "Headline here", segments: [headline, body, comment])
  }

  @Test func aSegmentReleasedInPlaceKeepsItsKindAuthorReasonAndRange() {
    for original in Self.document().segments {
      var s = original
      s.release()
      #expect(s.text.isEmpty)
      #expect(s.map.isEmpty)
      #expect((s.kind, s.author, s.reason) == (original.kind, original.author, original.reason))
      #expect((s.sourceStart, s.sourceEnd) == (original.sourceStart, original.sourceEnd))
      #expect(s.sourceEnd > s.sourceStart)
      #expect(s == original.released())
      // Releasing twice changes nothing.
      var again = s
      again.release()
      #expect(again == s)
    }
  }

  @Test(arguments: [true, false])
  func aReportReleasedInPlaceEqualsTheReleasedCopy(keepingSource: Bool) {
    let doc = Self.document()
    let claim = Claim(
      kind: .quantity, layer: .reportage, span: doc.span(segment: doc.segments[1], textStart: 16, textEnd: 19),
      sentence: doc.segments[1].text, sentenceIndex: 0)
    var report = DocumentReport(document: doc, claims: [claim, claim], corroboration: [1, 0])
    let copy = report.released(keepingSource: keepingSource)
    report.release(keepingSource: keepingSource)
    for r in [report, copy] {
      #expect(r.isReleased)
      #expect(r.claims.isEmpty)
      #expect(r.claimCount == 2)
      #expect(r.corroboration == nil)
      #expect(r.document.source.bytes.isEmpty == !keepingSource)
      #expect(r.document.segments.allSatisfy { $0.text.isEmpty })
      #expect(r.document.title == "Headline here")
    }
    #expect(report.document.segments == copy.document.segments)
    #expect(report.document.segments.map(\.sourceStart) == doc.segments.map(\.sourceStart))
  }
}
