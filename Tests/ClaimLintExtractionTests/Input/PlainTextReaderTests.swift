import ClaimLintCore
import Testing

@testable import ClaimLintExtraction

/// A plain-text layout and the blocks the reader must make of it.
struct PlainTextCase: Sendable, CustomTestStringConvertible {
  var id: String
  var text: String
  var blocks: [String]
  var roles: [Block.Role]? = nil
  var testDescription: String { id }
}

@Suite("PlainTextReader")
struct PlainTextReaderTests {
  static let cases: [PlainTextCase] = [
    PlainTextCase(
      id: "one paragraph per line, no blank lines",
      text: "Flood Warnings Reach Villages Sooner\nGauges on the river now report every 15 minutes, officials said.\nThe change took effect on Monday.\nLinh Pham\n",
      blocks: [
        "Flood Warnings Reach Villages Sooner", "Gauges on the river now report every 15 minutes, officials said.",
        "The change took effect on Monday.", "Linh Pham",
      ]),
    PlainTextCase(
      id: "hard-wrapped paragraphs separated by blank lines",
      text: """
        VIENTIANE -- Operators of the Nam Ngum dam began releasing water on Friday to make room for heavy
        rain forecast for the weekend, the energy ministry said, and warned villages downstream to move
        boats and nets away from the banks.

        The reservoir stood at 91 percent of capacity on Thursday evening. Officials said releases would
        continue until the level falls below 85 percent.
        """,
      blocks: [
        "VIENTIANE -- Operators of the Nam Ngum dam began releasing water on Friday to make room for heavy rain forecast for the weekend, the energy ministry said, and warned villages downstream to move boats and nets away from the banks.",
        "The reservoir stood at 91 percent of capacity on Thursday evening. Officials said releases would continue until the level falls below 85 percent.",
      ]),
    PlainTextCase(
      id: "title-case headline directly above the lead stays apart",
      text: "Port Authority Confirms Record Container Volumes After New Berth Opens\nThe regional port authority reported record volumes on Tuesday.\n",
      blocks: [
        "Port Authority Confirms Record Container Volumes After New Berth Opens",
        "The regional port authority reported record volumes on Tuesday.",
      ]),
    PlainTextCase(
      id: "list items lose their markers",
      text: "Results include:\n- Waiting time fell to 18 hours.\n* Rail carried 12 percent.\n• Two lines added calls.\n3. A berth opens in 2027.\n",
      blocks: [
        "Results include:", "Waiting time fell to 18 hours.", "Rail carried 12 percent.", "Two lines added calls.",
        "A berth opens in 2027.",
      ],
      roles: [.paragraph, .listItem, .listItem, .listItem, .listItem]),
    PlainTextCase(
      id: "trailing and leading spaces are stripped",
      text: "   Officials said the bridge will reopen.   \n\t\nIt closed in May.  ",
      blocks: ["Officials said the bridge will reopen.", "It closed in May."]),
    PlainTextCase(
      id: "comment author lines in a wrapped document stay apart",
      text: """
        The volunteers from the shelter had tea and rice ready for the group, and a doctor checked each
        of them before the buses left for the city.

        2 Comments

        Nok_Border
        My aunt cooks at the shelter and says the doctor stayed until midnight.

        Pieter V.
        Thank you for writing this.
        """,
      blocks: [
        "The volunteers from the shelter had tea and rice ready for the group, and a doctor checked each of them before the buses left for the city.",
        "2 Comments", "Nok_Border", "My aunt cooks at the shelter and says the doctor stayed until midnight.",
        "Pieter V.", "Thank you for writing this.",
      ]),
  ]

  @Test("blocks follow the layout", arguments: cases)
  func blocksFollowLayout(_ c: PlainTextCase) {
    for text in [c.text, c.text.replacingOccurrences(of: "\n", with: "\r\n")] {
      let source = SourceFile(path: "a.txt", text: text)
      let read = PlainTextReader().read(source)
      #expect(read.blocks.map(\.text) == c.blocks)
      if let roles = c.roles { #expect(read.blocks.map(\.role) == roles) }
      expectExactMaps(read.blocks.map { ($0.text, $0.map) }, in: source)
    }
  }

  /// A block of one line is made straight from the source: its text and map must be the ones the
  /// builder makes of that line, as a joined block's are.
  @Test("one-line blocks equal the builder's", arguments: cases)
  func oneLineBlocksEqualTheBuilders(_ c: PlainTextCase) {
    for text in [c.text, c.text.replacingOccurrences(of: "\n", with: "\r\n")] {
      let source = SourceFile(path: "a.txt", text: text)
      for block in PlainTextReader().read(source).blocks where block.map.count == 1 {
        var builder = MappedTextBuilder()
        builder.appendVerbatim(source.bytes, from: block.map[0].sourceOffset, to: block.map[0].sourceEnd)
        let (expectedText, expectedMap) = builder.finish()
        #expect(block.text == expectedText)
        #expect(block.map == expectedMap)
      }
    }
  }

  @Test func wrappedBlockMapsEachLineBack() throws {
    let text = "Operators began releasing water on Friday to make room for heavy\nrain forecast for the weekend, the ministry said.\n"
    let source = SourceFile(path: "a.txt", text: text)
    let block = try #require(PlainTextReader().read(source).blocks.first)
    let offset = try #require(utf8Offset(of: "rain", in: block.text))
    let doc = Document(source: source, format: .text, segments: [Segment(kind: .reportage, text: block.text, map: block.map)])
    let span = doc.span(segment: doc.segments[0], textStart: offset, textEnd: offset + 4)
    #expect(span.line == 2 && span.column == 1 && span.text == "rain")
  }

  @Test func byteOrderMarkIsNotText() {
    let source = SourceFile(path: "a.txt", bytes: [0xEF, 0xBB, 0xBF] + Array("Ferries resumed on Monday.".utf8))
    let read = PlainTextReader().read(source)
    #expect(read.blocks.map(\.text) == ["Ferries resumed on Monday."])
    #expect(read.blocks.first?.map.sourceOffset(forStart: 0) == 3)
  }

  @Test func multiByteColumnsCountCodePoints() throws {
    let text = "Tiếng Việt và English\nĐà Nẵng officials said 40 boats returned.\n"
    let source = SourceFile(path: "a.txt", text: text)
    let blocks = PlainTextReader().read(source).blocks
    let block = try #require(blocks.last)
    let offset = try #require(utf8Offset(of: "40", in: block.text))
    let doc = Document(source: source, format: .text, segments: [Segment(kind: .reportage, text: block.text, map: block.map)])
    let span = doc.span(segment: doc.segments[0], textStart: offset, textEnd: offset + 2)
    #expect(span.line == 2 && span.column == 24 && span.endColumn == 26)
  }
}

/// Line lengths are measured only for lines followed by another non-blank line.
@Suite struct PlainTextReaderLengthTests {
  @Test func aFileOfDirectivesAloneHasNoBlocks() {
    for text in ["claimlint-disable-next-line quantity-mismatch\n", "claimlint-disable\nclaimlint-enable"] {
      let read = PlainTextReader().read(SourceFile(path: "a.txt", bytes: Array(text.utf8)))
      #expect(read.blocks.isEmpty)
    }
  }

  /// A wrapped paragraph after blank-separated ones: its lines still join, at the wrap width
  /// measured in code points (the accented lines have more bytes than characters).
  @Test func wrappedLinesAfterBlankSeparatedParagraphsJoin() {
    let text = """
      Caf\u{E9} owners in S\u{E3}o Paulo said on Monday that prices had risen sharply this year.

      The m\u{E9}tro extension opened ahead of schedule, the operator said in a statement, and
      passengers crowded the new platforms at S\u{E3}o Bento station from early on Tuesday. The
      operator said trains would run every four minutes at peak hours until the end of the year.
      """
    let read = PlainTextReader().read(SourceFile(path: "a.txt", bytes: Array(text.utf8)))
    #expect(read.blocks.count == 2)
    #expect(read.blocks.last?.text.hasPrefix("The m\u{E9}tro extension opened") == true)
    #expect(read.blocks.last?.text.hasSuffix("until the end of the year.") == true)
  }
}
