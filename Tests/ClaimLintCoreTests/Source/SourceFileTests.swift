import ClaimLintCore
import ClaimLintTestSupport
import Testing

/// Line index, positions, spans and line text of `SourceFile`.
@Suite struct SourceFileTests {
  /// A text with one `↓` marking the offset whose position is asked for.
  struct PositionCase: Sendable, CustomTestStringConvertible {
    var id: String
    var marked: String
    var line: Int
    var column: Int
    var testDescription: String { id }
  }

  static let positionCases: [PositionCase] = [
    PositionCase(id: "start of file", marked: "↓Flood warning issued for the lower valley", line: 1, column: 1),
    PositionCase(id: "LF, start of line 2", marked: "Flood warning issued\n↓Residents were told to leave", line: 2, column: 1),
    PositionCase(id: "LF, inside line 2", marked: "Flood warning issued\nResidents were ↓told to leave", line: 2, column: 16),
    PositionCase(id: "CRLF, inside line 2", marked: "Flood warning issued\r\nResidents were ↓told", line: 2, column: 16),
    PositionCase(id: "CRLF, line 3", marked: "Headline\r\nByline\r\n↓The river rose", line: 3, column: 1),
    PositionCase(id: "lone CR", marked: "Flood warning issued\rResidents were ↓told", line: 2, column: 16),
    PositionCase(id: "mixed line breaks", marked: "Headline\rByline\r\nDateline\n↓Body", line: 4, column: 1),
    PositionCase(id: "blank lines count", marked: "Headline\n\n\n↓Body", line: 4, column: 1),
    PositionCase(id: "empty file", marked: "↓", line: 1, column: 1),
    PositionCase(id: "end of file", marked: "The river rose 3 metres↓", line: 1, column: 24),
    PositionCase(id: "end of file after a final LF", marked: "The river rose 3 metres\n↓", line: 2, column: 1),
    PositionCase(id: "end of file after a final CRLF", marked: "The river rose\r\n↓", line: 2, column: 1),
    PositionCase(id: "Hangul", marked: "서울 시청 ↓officials said 1,200명", line: 1, column: 7),
    PositionCase(id: "Cyrillic", marked: "Київ, 5 лютого. ↓Police said", line: 1, column: 17),
    PositionCase(id: "curly quotes", marked: "“We will rebuild,” ↓she said", line: 1, column: 20),
    PositionCase(id: "emoji", marked: "🌊 Flood ↓warning", line: 1, column: 9),
    PositionCase(id: "ZWJ emoji counts each code point", marked: "👨‍👩‍👧 ↓Families", line: 1, column: 7),
    PositionCase(id: "column resets after a multi-byte line", marked: "서울 시청\nSeoul ↓city hall", line: 2, column: 7),
    PositionCase(id: "combining accent is its own code point", marked: "Cafe\u{301} ↓owner", line: 1, column: 7),
  ]

  @Test(arguments: positionCases)
  func positionOfOffset(_ c: PositionCase) {
    let (text, offsets, _) = TestSupport.markers(c.marked)
    let file = SourceFile(path: "wire/flood.txt", text: text)
    let position = file.position(of: offsets[0])
    #expect(position == SourcePosition(line: c.line, column: c.column))
  }

  @Test func lineStartsForEveryKindOfLineBreak() {
    let index = LineIndex(bytes: Array("ab\ncd\r\nef\rgh".utf8))
    #expect(index.lineStarts == [0, 3, 7, 10])
    #expect((0..<12).map { index.line(of: $0) } == [1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4])
  }

  /// Columns in long lines are counted from per-block tallies; they must equal a plain count from
  /// the line start for every offset, with line breaks (`\r\n` too) and multi-byte characters falling
  /// on and around block boundaries.
  @Test(arguments: [true, false])
  func columnsInLongLinesMatchACountFromTheLineStart(carriageReturns: Bool) {
    var text = String(repeating: "Der Fluss stieg über 4 m. ", count: 60)
    text += "\r\n" + String(repeating: "Ποταμός ", count: 300) + "\n" + String(repeating: "a", count: 1021) + "\r\n"
    text += String(repeating: "水位が上がった。", count: 200) + "\r" + String(repeating: "🌊 ", count: 500)
    text += "\n" + String(repeating: "b", count: 3000) + "\n\n" + String(repeating: "é", count: 700)
    // Text with line feeds only is indexed by another path than text with carriage returns.
    if !carriageReturns { text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") }
    let bytes = Array(text.utf8)
    let index = LineIndex(bytes: bytes)
    let expected = Self.plainPositions(bytes)
    for i in 0...bytes.count {
      #expect(index.position(of: i, in: bytes) == expected[i], "offset \(i)")
    }
  }

  /// The position of every offset of `bytes` (0 through `bytes.count`), counted byte by byte from the
  /// start: a line feed, a carriage return and the pair of them each end a line; a column is one more
  /// than the code points before it on its line.
  static func plainPositions(_ bytes: [UInt8]) -> [SourcePosition] {
    var positions: [SourcePosition] = []
    var line = 1
    var column = 1
    for i in 0...bytes.count {
      positions.append(SourcePosition(line: line, column: column))
      guard i < bytes.count else { break }
      let b = bytes[i]
      if b == 0x0A || (b == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
        line += 1
        column = 1
      } else if b & 0xC0 != 0x80 {
        column += 1
      }
    }
    return positions
  }

  /// Columns come from running counts of continuation bytes per 64-byte block, read only in blocks
  /// that have some: in English text with a curly quote or a dash now and then, pure-ASCII blocks and
  /// blocks with one multi-byte character alternate, and every position and span must still equal a
  /// plain count from the line start.
  @Test(arguments: [true, false])
  func columnsInMostlyASCIITextMatchAPlainCount(carriageReturns: Bool) {
    let sentences = [
      "The river rose 4.2 metres overnight, officials said. ",
      "\u{201C}We have never seen it this high,\u{201D} said the mayor of Köln. ",
      "About 1,200 residents were told to leave their homes before dawn \u{2014} most went to relatives. ",
      "Rain is expected to ease by Thursday, according to the weather service. ",
    ]
    var text = ""
    for k in 0..<120 {
      text += sentences[k % sentences.count]
      if k % 7 == 6 { text += carriageReturns && k % 2 == 0 ? "\r\n" : "\n" }
      if k % 23 == 22 { text += String(repeating: "x", count: 64 + k % 5) + "\n" }
    }
    let bytes = Array(text.utf8)
    let index = LineIndex(bytes: bytes)
    let expected = Self.plainPositions(bytes)
    for i in 0...bytes.count {
      #expect(index.position(of: i, in: bytes) == expected[i], "offset \(i)")
    }
    for s in stride(from: 0, through: bytes.count, by: 5) {
      for e in [s, s + 1, s + 3, s + 9, s + 40, s + 63, s + 64, s + 65, s + 130, s + 700] where e <= bytes.count {
        let pair = index.positions(of: s, e, in: bytes)
        #expect(pair.start == expected[s] && pair.end == expected[e], "span \(s)..<\(e)")
      }
    }
  }

  /// A span's end counted on from its start gives the position counted afresh, on one line or across
  /// lines, at line breaks and around multi-byte characters.
  @Test func spanEndsCountedFromTheirStartMatchAFreshCount() {
    var text = String(repeating: "Flood waters rose 4 m in Zürich. ", count: 40) + "\r\n"
    text += String(repeating: "Ποταμός 🌊 ", count: 120) + "\r" + "Short line.\n\n" + String(repeating: "x", count: 1100)
    let bytes = Array(text.utf8)
    let index = LineIndex(bytes: bytes)
    for s in stride(from: 0, through: bytes.count, by: 7) {
      for e in [s, s + 1, s + 5, s + 13, s + 64, s + 1030, bytes.count, bytes.count + 9] where e >= s {
        let pair = index.positions(of: s, e, in: bytes)
        #expect(pair.start == index.position(of: s, in: bytes))
        #expect(pair.end == index.position(of: e, in: bytes), "span \(s)..<\(e)")
      }
    }
  }

  /// `line(of:)` is the number of line starts at or before the offset (at least 1), for files of
  /// one to many lines, offsets before, inside and past the file, and line starts themselves.
  @Test func linesMatchACountOfLineStarts() {
    for lines in [0, 1, 2, 3, 7, 8, 9, 40] {
      var text = ""
      for k in 0..<lines { text += String(repeating: "w", count: k % 4) + (k % 3 == 0 ? "\r\n" : "\n") }
      let bytes = Array(text.utf8)
      let index = LineIndex(bytes: bytes)
      for offset in -3...(bytes.count + 3) {
        let expected = max(1, index.lineStarts.filter { $0 <= offset }.count)
        #expect(index.line(of: offset) == expected, "\(lines) lines, offset \(offset)")
      }
    }
  }

  @Test func emptyFileHasOneLine() {
    let file = SourceFile(path: "empty.txt", text: "")
    #expect(file.lineIndex.lineStarts == [0])
    #expect(file.lineText(1) == "")
    #expect(file.position(of: 0) == SourcePosition(line: 1, column: 1))
  }

  @Test func offsetsOutsideTheFileAreClamped() {
    let file = SourceFile(path: "a.txt", text: "Río\nBravo")
    #expect(file.position(of: -4) == SourcePosition(line: 1, column: 1))
    #expect(file.position(of: 999) == SourcePosition(line: 2, column: 6))
  }

  struct LineTextCase: Sendable, CustomTestStringConvertible {
    var id: String
    var text: String
    var lines: [String]
    var testDescription: String { id }
  }

  static let lineTextCases: [LineTextCase] = [
    LineTextCase(
      id: "LF", text: "Flood warning\nResidents told to leave\n",
      lines: ["Flood warning", "Residents told to leave", ""]),
    LineTextCase(
      id: "CRLF", text: "Flood warning\r\nResidents told to leave\r\nEnd",
      lines: ["Flood warning", "Residents told to leave", "End"]),
    LineTextCase(id: "lone CR", text: "Headline\rBody text", lines: ["Headline", "Body text"]),
    LineTextCase(id: "blank line", text: "Headline\n\nBody", lines: ["Headline", "", "Body"]),
    LineTextCase(id: "CR then CRLF", text: "One\r\r\nTwo", lines: ["One", "", "Two"]),
    LineTextCase(
      id: "multi-byte", text: "서울시는 1,200명을 대피시켰다\r\n“Nobody was ready,” she said",
      lines: ["서울시는 1,200명을 대피시켰다", "“Nobody was ready,” she said"]),
  ]

  @Test(arguments: lineTextCases)
  func lineTextHasNoLineBreak(_ c: LineTextCase) {
    let file = SourceFile(path: "a.txt", text: c.text)
    #expect(file.lineIndex.lineStarts.count == c.lines.count)
    #expect((1...c.lines.count).map { file.lineText($0) } == c.lines)
    #expect(file.lineText(0) == "")
    #expect(file.lineText(c.lines.count + 1) == "")
  }

  @Test func spanOnOneLineAfterMultiByteText() {
    let text = "Київ — 5 лютого\nMore than 1,200 residents were evacuated, “officials” said."
    let file = SourceFile(path: "sources/wire.txt", text: text)
    let start = utf8Offset(of: "1,200 residents", in: text)
    let span = file.span(from: start, to: start + "1,200 residents".utf8.count)
    #expect(span.path == "sources/wire.txt")
    #expect(span.startOffset == start)
    #expect(span.endOffset == start + 15)
    #expect((span.line, span.column, span.endLine, span.endColumn) == (2, 11, 2, 26))
    #expect(span.text == "1,200 residents")
    #expect(span.locationDescription == "sources/wire.txt:2:11")

    let dash = utf8Offset(of: "5 лютого", in: text)
    let dateSpan = file.span(from: dash, to: dash + "5 лютого".utf8.count)
    #expect((dateSpan.line, dateSpan.column, dateSpan.endLine, dateSpan.endColumn) == (1, 8, 1, 16))
    #expect(dateSpan.text == "5 лютого")
  }

  @Test func spanAcrossLinesAndQuotedText() {
    let text = "The mayor said\r\nrepairs would take two years."
    let file = SourceFile(path: "draft.md", text: text)
    let start = utf8Offset(of: "said", in: text)
    let end = utf8Offset(of: "would", in: text)
    let span = file.span(from: start, to: end)
    #expect((span.line, span.column, span.endLine, span.endColumn) == (1, 11, 2, 9))
    #expect(span.text == "said\r\nrepairs ")
    let quoted = file.span(from: start, to: end, text: "said repairs")
    #expect(quoted.text == "said repairs")
    #expect(quoted.startOffset == start)
  }

  @Test func spanIsClampedToTheFile() {
    let file = SourceFile(path: "a.txt", text: "Río Bravo")
    let reversed = file.span(from: 6, to: 2)
    #expect(reversed.startOffset == 6)
    #expect(reversed.endOffset == 6)
    #expect(reversed.text == "")
    let wide = file.span(from: -10, to: 500)
    #expect(wide.startOffset == 0)
    #expect(wide.endOffset == 10)
    #expect((wide.line, wide.column, wide.endLine, wide.endColumn) == (1, 1, 1, 10))
    #expect(wide.text == "Río Bravo")
  }

  @Test func textBetweenOffsets() {
    let file = SourceFile(path: "a.txt", text: "Seoul 서울 city")
    #expect(file.text(from: 6, to: 12) == "서울")
    #expect(file.text(from: 12, to: 4) == "")
    #expect(file.text(from: -3, to: 5) == "Seoul")
    #expect(file.text == "Seoul 서울 city")
  }

  @Test func spansSortByPathThenOffset() {
    let a = SourceFile(path: "a.txt", text: "one two three")
    let b = SourceFile(path: "b.txt", text: "one two three")
    let spans = [b.span(from: 0, to: 3), a.span(from: 4, to: 7), a.span(from: 0, to: 7), a.span(from: 0, to: 3)]
    let sorted = spans.sorted()
    #expect(sorted.map { "\($0.path)@\($0.startOffset)-\($0.endOffset)" } == [
      "a.txt@0-3", "a.txt@0-7", "a.txt@4-7", "b.txt@0-3",
    ])
  }
}

/// The UTF-8 offset of the first occurrence of `needle` in `text` (test texts always contain it).
func utf8Offset(of needle: String, in text: String) -> Int {
  let h = Array(text.utf8)
  let n = Array(needle.utf8)
  guard !n.isEmpty, n.count <= h.count else { return -1 }
  for i in 0...(h.count - n.count) where Array(h[i..<i + n.count]) == n { return i }
  return -1
}
