import ClaimLintCore
import Testing

/// `UnsafeMutablePointer.initializeSegment` stores the segment that `Segment.init` builds.
@Suite struct SegmentInPlaceTests {
  @Test(arguments: [
    (SegmentKind.reportage, "The council voted on Tuesday.", nil, nil),
    (.comment, "Great news for the delta.", "Linh Pham", "reader comment by 'Linh Pham'"),
    (.byline, "", nil, "trailing credit line"),
  ] as [(SegmentKind, String, String?, String?)])
  func initializedInPlaceEqualsBuilt(_ kind: SegmentKind, _ text: String, _ author: String?, _ reason: String?) {
    let map = OffsetMap.identity(sourceOffset: 40, length: text.utf8.count)
    let built = Segment(kind: kind, text: text, map: map, author: author, reason: reason)
    let stored = [Segment](unsafeUninitializedCapacity: 1) { buffer, count in
      buffer.baseAddress!.initializeSegment(kind: kind, text: text, map: map, author: author, reason: reason)
      count = 1
    }
    #expect(stored == [built])
    #expect(stored[0].sourceStart == 40 && stored[0].sourceEnd == 40 + text.utf8.count)
    #expect(stored[0].released() == built.released())
  }
}
