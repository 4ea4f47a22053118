import ClaimLintCore
import Testing

/// `OffsetMap` maps offsets of extracted text back into the user's file; `Document.span` builds on it.
@Suite struct OffsetMapTests {
  /// One query against a map: a text offset, whether it is a start or an end, and the source offset.
  struct MapCase: Sendable, CustomTestStringConvertible {
    enum Side: String, Sendable { case start, end }
    var id: String
    var side: Side
    var textOffset: Int
    var sourceOffset: Int
    var testDescription: String { "\(id) (\(side.rawValue) \(textOffset))" }
  }

  // MARK: identity

  static let identityCases: [MapCase] = [
    MapCase(id: "first character", side: .start, textOffset: 0, sourceOffset: 20),
    MapCase(id: "inside", side: .start, textOffset: 4, sourceOffset: 24),
    MapCase(id: "end of first word", side: .end, textOffset: 4, sourceOffset: 24),
    MapCase(id: "end of text", side: .end, textOffset: 10, sourceOffset: 30),
    MapCase(id: "empty range at the start", side: .end, textOffset: 0, sourceOffset: 20),
    MapCase(id: "start past the end is clamped", side: .start, textOffset: 15, sourceOffset: 30),
    MapCase(id: "end past the end is clamped", side: .end, textOffset: 15, sourceOffset: 30),
  ]

  @Test(arguments: identityCases)
  func identityMap(_ c: MapCase) {
    let map = OffsetMap.identity(sourceOffset: 20, length: 10)
    #expect(!map.isEmpty)
    #expect(query(map, c) == c.sourceOffset)
  }

  // MARK: whitespace folding

  /// `<p>Officials  said\n  300 people</p>` read as `Officials said 300 people`: three verbatim runs
  /// with the folded white space between them left out of the map.
  static let foldedSource = "<p>Officials  said\n  300 people</p>"
  static let foldedText = "Officials said 300 people"
  static var foldedMap: OffsetMap {
    var m = OffsetMap()
    m.append(textOffset: 0, sourceOffset: 3, sourceEnd: 13)  // "Officials "
    m.append(textOffset: 10, sourceOffset: 14, sourceEnd: 19)  // "said\n" read as "said "
    m.append(textOffset: 15, sourceOffset: 21, sourceEnd: 31)  // "300 people"
    return m
  }

  static let foldedCases: [MapCase] = [
    MapCase(id: "first run start", side: .start, textOffset: 0, sourceOffset: 3),
    MapCase(id: "'Officials' end", side: .end, textOffset: 9, sourceOffset: 12),
    MapCase(id: "end at run boundary stays in the earlier run", side: .end, textOffset: 10, sourceOffset: 13),
    MapCase(id: "start at run boundary is the later run", side: .start, textOffset: 10, sourceOffset: 14),
    MapCase(id: "'said' end", side: .end, textOffset: 14, sourceOffset: 18),
    MapCase(id: "end at second boundary", side: .end, textOffset: 15, sourceOffset: 19),
    MapCase(id: "'300' start", side: .start, textOffset: 15, sourceOffset: 21),
    MapCase(id: "'people' start", side: .start, textOffset: 19, sourceOffset: 25),
    MapCase(id: "end of text", side: .end, textOffset: 25, sourceOffset: 31),
    MapCase(id: "start at end of text", side: .start, textOffset: 25, sourceOffset: 31),
    MapCase(id: "past the end", side: .end, textOffset: 40, sourceOffset: 31),
  ]

  @Test(arguments: foldedCases)
  func foldedWhitespace(_ c: MapCase) {
    #expect(query(Self.foldedMap, c) == c.sourceOffset)
  }

  @Test func foldedRunsQuoteTheSource() {
    let map = Self.foldedMap
    let source = SourceFile(path: "page.html", text: Self.foldedSource)
    let figure = utf8Offset(of: "300 people", in: Self.foldedText)
    #expect(source.text(from: map.sourceOffset(forStart: figure), to: map.sourceOffset(forEnd: figure + 10)) == "300 people")
    let said = utf8Offset(of: "said", in: Self.foldedText)
    #expect(
      source.text(from: map.sourceOffset(forStart: said), to: map.sourceOffset(forEnd: Self.foldedText.utf8.count))
        == "said\n  300 people")
  }

  // MARK: replaced runs

  /// `Smith &amp; Sons paid $4.5 million` read as `Smith & Sons paid $4.5 million`.
  static var entityMap: OffsetMap {
    var m = OffsetMap()
    m.append(textOffset: 0, sourceOffset: 0, sourceEnd: 6)  // "Smith "
    m.append(textOffset: 6, sourceOffset: 6, sourceEnd: 11, verbatim: false)  // "&amp;" → "&"
    m.append(textOffset: 7, sourceOffset: 11, sourceEnd: 34)  // " Sons paid $4.5 million"
    return m
  }

  static let entityCases: [MapCase] = [
    MapCase(id: "entity start", side: .start, textOffset: 6, sourceOffset: 6),
    MapCase(id: "entity end covers the whole entity", side: .end, textOffset: 7, sourceOffset: 11),
    MapCase(id: "after the entity", side: .start, textOffset: 7, sourceOffset: 11),
    MapCase(id: "'Sons' start", side: .start, textOffset: 8, sourceOffset: 12),
    MapCase(id: "'Sons' end", side: .end, textOffset: 12, sourceOffset: 16),
    MapCase(id: "end before the entity", side: .end, textOffset: 6, sourceOffset: 6),
  ]

  @Test(arguments: entityCases)
  func decodedEntity(_ c: MapCase) {
    #expect(query(Self.entityMap, c) == c.sourceOffset)
  }

  @Test func multiByteReplacementMapsInsideOffsetsToItsEdges() {
    // "Wait&hellip; then" read as "Wait… then": "…" is three bytes of text from eight of source.
    var m = OffsetMap()
    m.append(textOffset: 0, sourceOffset: 0, sourceEnd: 4)
    m.append(textOffset: 4, sourceOffset: 4, sourceEnd: 12, verbatim: false)
    m.append(textOffset: 7, sourceOffset: 12, sourceEnd: 17)
    #expect(m.sourceOffset(forStart: 5) == 4)
    #expect(m.sourceOffset(forStart: 6) == 4)
    #expect(m.sourceOffset(forEnd: 5) == 12)
    #expect(m.sourceOffset(forEnd: 7) == 12)
    #expect(m.sourceOffset(forStart: 8) == 13)
  }

  // MARK: empty and replaced anchors

  @Test func emptyMapIsTheIdentity() {
    let m = OffsetMap()
    #expect(m.isEmpty)
    #expect(m.sourceOffset(forStart: 0) == 0)
    #expect(m.sourceOffset(forStart: 7) == 7)
    #expect(m.sourceOffset(forEnd: 0) == 0)
    #expect(m.sourceOffset(forEnd: 7) == 7)
  }

  @Test func laterRunAtTheSameTextOffsetReplacesAnEmptyOne() {
    var m = OffsetMap()
    m.append(textOffset: 0, sourceOffset: 5, sourceEnd: 5)
    m.append(textOffset: 0, sourceOffset: 8, sourceEnd: 20, verbatim: true)
    #expect(m.textOffsets == [0])
    #expect(m.sourceOffsets == [8])
    #expect(m.sourceEnds == [20])
    #expect(m.verbatim == [true])
    #expect(m.sourceOffset(forStart: 3) == 11)
  }

  @Test func textBeforeTheFirstAnchorMapsToItsStart() {
    var m = OffsetMap()
    m.append(textOffset: 4, sourceOffset: 30, sourceEnd: 40)
    #expect(m.sourceOffset(forStart: 0) == 30)
    #expect(m.sourceOffset(forStart: 6) == 32)
  }

  private func query(_ map: OffsetMap, _ c: MapCase) -> Int {
    switch c.side {
    case .start: return map.sourceOffset(forStart: c.textOffset)
    case .end: return map.sourceOffset(forEnd: c.textOffset)
    }
  }
}

/// `Document.span(segment:textStart:textEnd:)` and `Segment.slice` on multi-byte text.
@Suite struct DocumentSpanTests {
  /// An HTML page whose second line holds `서울시 &amp; 경기도: 1,200명 대피`.
  static let html = "<h1>서울</h1>\n<p>서울시 &amp; 경기도: 1,200명 대피</p>\n"
  static let text = "서울시 & 경기도: 1,200명 대피"

  static var segment: Segment {
    let html = Self.html
    let cityStart = utf8Offset(of: "서울시", in: html)
    let entity = utf8Offset(of: "&amp;", in: html)
    let end = utf8Offset(of: "</p>", in: html)
    var m = OffsetMap()
    m.append(textOffset: 0, sourceOffset: cityStart, sourceEnd: entity)
    m.append(textOffset: entity - cityStart, sourceOffset: entity, sourceEnd: entity + 5, verbatim: false)
    m.append(textOffset: entity - cityStart + 1, sourceOffset: entity + 5, sourceEnd: end)
    return Segment(kind: .reportage, text: Self.text, map: m)
  }

  struct SpanCase: Sendable, CustomTestStringConvertible {
    var id: String
    var phrase: String
    var line: Int
    var column: Int
    var endColumn: Int
    var source: String
    var testDescription: String { id }
  }

  static let cases: [SpanCase] = [
    SpanCase(id: "figure after Hangul and an entity", phrase: "1,200명", line: 2, column: 19, endColumn: 25, source: "1,200명"),
    SpanCase(id: "across the entity", phrase: "& 경기도", line: 2, column: 8, endColumn: 17, source: "&amp; 경기도"),
    SpanCase(id: "the entity alone", phrase: "&", line: 2, column: 8, endColumn: 13, source: "&amp;"),
    SpanCase(id: "first word", phrase: "서울시", line: 2, column: 4, endColumn: 7, source: "서울시"),
    SpanCase(id: "last word", phrase: "대피", line: 2, column: 26, endColumn: 28, source: "대피"),
  ]

  @Test(arguments: cases)
  func spanPointsIntoTheOriginalFile(_ c: SpanCase) {
    let doc = Document(source: SourceFile(path: "sources/seoul.html", text: Self.html), format: .html)
    let start = utf8Offset(of: c.phrase, in: Self.text)
    let span = doc.span(segment: Self.segment, textStart: start, textEnd: start + c.phrase.utf8.count)
    #expect(span.path == "sources/seoul.html")
    #expect((span.line, span.column, span.endLine, span.endColumn) == (c.line, c.column, c.line, c.endColumn))
    #expect(span.text == c.phrase)
    #expect(doc.source.text(from: span.startOffset, to: span.endOffset) == c.source)
  }

  @Test func segmentCoversItsSourceRange() {
    let seg = Self.segment
    #expect(seg.sourceStart == utf8Offset(of: "서울시", in: Self.html))
    #expect(seg.sourceEnd == utf8Offset(of: "</p>", in: Self.html))
  }

  @Test func reversedRangeGivesAnEmptySpan() {
    let doc = Document(source: SourceFile(path: "a.html", text: Self.html), format: .html)
    let span = doc.span(segment: Self.segment, textStart: 10, textEnd: 4)
    #expect(span.startOffset == span.endOffset)
    #expect(span.text == "")
  }

  struct SliceCase: Sendable, CustomTestStringConvertible {
    var id: String
    var start: Int
    var end: Int
    var expected: String
    var testDescription: String { id }
  }

  static let sliceCases: [SliceCase] = [
    SliceCase(id: "Hangul word", start: 0, end: 9, expected: "서울시"),
    SliceCase(id: "entity text", start: 10, end: 11, expected: "&"),
    SliceCase(id: "figure with counter", start: 23, end: 31, expected: "1,200명"),
    SliceCase(id: "end clamped", start: 32, end: 400, expected: "대피"),
    SliceCase(id: "negative start clamped", start: -5, end: 9, expected: "서울시"),
    SliceCase(id: "reversed is empty", start: 9, end: 3, expected: ""),
    SliceCase(id: "both past the end", start: 90, end: 95, expected: ""),
  ]

  @Test(arguments: sliceCases)
  func slice(_ c: SliceCase) {
    #expect(Segment.slice(Self.text, c.start, c.end) == c.expected)
  }

  @Test func sliceInsideACharacterDoesNotCrash() {
    // Half of '서' decodes to a replacement character rather than trapping.
    #expect(Segment.slice("서울", 0, 2) == "\u{FFFD}")
  }

  // MARK: storage (first anchor inline, the rest out of line)

  /// A map of many runs answers as the runs say, whichever run is stored inline, and replacing the
  /// last run at the same text offset works past the first.
  @Test func manyRunsAndAReplacedLastRun() {
    var m = OffsetMap()
    m.append(textOffset: 0, sourceOffset: 100, sourceEnd: 110)
    m.append(textOffset: 10, sourceOffset: 120, sourceEnd: 125, verbatim: false)
    m.append(textOffset: 11, sourceOffset: 130, sourceEnd: 130)
    m.append(textOffset: 11, sourceOffset: 140, sourceEnd: 160)
    #expect(m.count == 3)
    #expect(m.textOffsets == [0, 10, 11])
    #expect(m.sourceOffsets == [100, 120, 140])
    #expect(m.sourceEnds == [110, 125, 160])
    #expect(m.verbatim == [true, false, true])
    #expect(m[2] == OffsetMap.Anchor(textOffset: 11, sourceOffset: 140, sourceEnd: 160, verbatim: true))
    #expect(m.sourceOffset(forStart: 5) == 105)
    #expect(m.sourceOffset(forStart: 10) == 120)
    #expect(m.sourceOffset(forEnd: 11) == 125)
    #expect(m.sourceOffset(forStart: 15) == 144)
    #expect(m.sourceOffset(forEnd: 99) == 160)
    #expect(m.outOfLineSize > 0)
  }

  /// Maps with the same runs are equal and hash alike however they were built; a one-run map keeps
  /// nothing out of line.
  @Test func equalRunsMakeEqualMaps() {
    var replaced = OffsetMap()
    replaced.append(textOffset: 0, sourceOffset: 3, sourceEnd: 3)
    replaced.append(textOffset: 0, sourceOffset: 8, sourceEnd: 20)
    let direct = OffsetMap.identity(sourceOffset: 8, length: 12)
    #expect(replaced == direct)
    #expect(replaced.hashValue == direct.hashValue)
    #expect(direct.outOfLineSize == 0)
    #expect(OffsetMap() != direct)
    var copied = OffsetMap()
    for i in 0..<direct.count { copied.append(direct[i]) }
    #expect(copied == direct)
  }
}
