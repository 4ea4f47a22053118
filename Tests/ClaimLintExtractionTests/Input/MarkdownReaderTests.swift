import ClaimLintCore
import Testing

@testable import ClaimLintExtraction

/// An inline Markdown snippet and the text it must read as.
struct InlineCase: Sendable, CustomTestStringConvertible {
  var id: String
  var markdown: String
  var text: String
  var testDescription: String { id }
}

@Suite("MarkdownReader")
struct MarkdownReaderTests {
  static let draft = """
    ---
    title: "Flood gauges to report every 15 minutes"
    date: 2025-06-24
    author: Linh Pham
    tags: [floods, mekong]
    ---

    <!-- claimlint-disable quantity-mismatch -->

    # Flood gauges to report every 15 minutes

    Hà Nội — The **water ministry** said on _Tuesday_ that readings from [14 gauges](https://example.org/gauges) will be shared with `Laos`.

    ![A gauge on the river bank](gauge.jpg)

    Key points:

    - Readings every **15 minutes**
    * Warnings sent by text message
    1. A hotline between forecasters

    > "A warning that comes a day earlier saves lives,"
    > said deputy minister Tran Van Hoa.

    Setext Heading Here
    -------------------

    ```swift
    let ignored = "code block"
    ```

    Officials said the system\u{20}\u{20}
    would be tested in October.

    <!--
    a note for editors
    -->
    The drill costs 2,000&nbsp;dollars &amp; more.
    """

  static func read(_ text: String) -> (SourceFile, ReadResult) {
    let source = SourceFile(path: "draft.md", text: text)
    return (source, MarkdownReader().read(source))
  }

  @Test func frontMatterBecomesMetadata() {
    let (_, read) = MarkdownReaderTests.read(MarkdownReaderTests.draft)
    #expect(read.title == "Flood gauges to report every 15 minutes")
    #expect(read.date.map { "\($0)" } == "2025-06-24")
    #expect(read.dateEvidence == "front matter 'date'")
    #expect(read.author == "Linh Pham")
  }

  @Test func blocksAndRoles() {
    let (source, read) = MarkdownReaderTests.read(MarkdownReaderTests.draft)
    let summary = read.blocks.map { "\($0.role.rawValue)\($0.role == .heading ? String($0.level) : ""): \($0.text)" }
    #expect(
      summary == [
        "heading1: Flood gauges to report every 15 minutes",
        "paragraph: Hà Nội — The water ministry said on Tuesday that readings from 14 gauges will be shared with Laos.",
        "paragraph: Key points:",
        "listItem: Readings every 15 minutes",
        "listItem: Warnings sent by text message",
        "listItem: A hotline between forecasters",
        "quote: \"A warning that comes a day earlier saves lives,\" said deputy minister Tran Van Hoa.",
        "heading2: Setext Heading Here",
        "paragraph: Officials said the system\nwould be tested in October.",
        "paragraph: The drill costs 2,000 dollars & more.",
      ])
    expectExactMaps(read.blocks.map { ($0.text, $0.map) }, in: source)
  }

  /// A plain one-line paragraph is made straight from the source: its text and map must be the
  /// builder's for that line. The draft has such paragraphs, wrapped ones and ones with markup.
  @Test func plainOneLineBlocksEqualTheBuilders() {
    let (source, read) = MarkdownReaderTests.read(MarkdownReaderTests.draft + "\n\n  Indented plain line.  \n")
    var checked = 0
    for block in read.blocks where block.map.count == 1 && block.map[0].verbatim {
      let anchor = block.map[0]
      guard anchor.sourceEnd - anchor.sourceOffset == block.text.utf8.count else { continue }
      var builder = MappedTextBuilder()
      builder.appendVerbatim(source.bytes, from: anchor.sourceOffset, to: anchor.sourceEnd)
      let (expectedText, expectedMap) = builder.finishTrimmed()
      #expect(block.text == expectedText)
      #expect(block.map == expectedMap)
      checked += 1
    }
    #expect(checked >= 3)
    #expect(read.blocks.last?.text == "Indented plain line.")
  }

  @Test func inlineMarkupKeepsExactColumns() throws {
    let (source, read) = MarkdownReaderTests.read(MarkdownReaderTests.draft)
    let block = try #require(read.blocks.first { $0.text.hasPrefix("Hà Nội") })
    let doc = Document(source: source, format: .markdown, segments: [Segment(kind: .reportage, text: block.text, map: block.map)])
    func span(_ word: String) throws -> SourceSpan {
      let offset = try #require(utf8Offset(of: word, in: block.text))
      return doc.span(segment: doc.segments[0], textStart: offset, textEnd: offset + word.utf8.count)
    }
    // "Hà Nội — The **" is 15 code points, so "water" starts at column 16 of line 12.
    let water = try span("water ministry")
    #expect(water.line == 12 && water.column == 16 && water.endColumn == 30)
    #expect(source.text(from: water.startOffset, to: water.endOffset) == "water ministry")
    let tuesday = try span("Tuesday")
    #expect(tuesday.column == 42 && tuesday.endColumn == 49)
    let gauges = try span("14 gauges")
    #expect(gauges.column == 71 && gauges.endColumn == 80 && source.text(from: gauges.startOffset, to: gauges.endOffset) == "14 gauges")
    let laos = try span("Laos")
    #expect(laos.line == 12 && laos.column == 131 && source.text(from: laos.startOffset, to: laos.endOffset) == "Laos")
  }

  @Test func listItemMapsSkipTheMarker() throws {
    let (source, read) = MarkdownReaderTests.read(MarkdownReaderTests.draft)
    let item = try #require(read.blocks.first { $0.text == "A hotline between forecasters" })
    let start = item.map.sourceOffset(forStart: 0)
    let position = source.position(of: start)
    #expect(position.line == 20 && position.column == 4)
  }

  @Test func hardBreakAndEntitiesMapToTheirSource() throws {
    let (source, read) = MarkdownReaderTests.read(MarkdownReaderTests.draft)
    let block = try #require(read.blocks.first { $0.text.hasPrefix("Officials said the system") })
    let offset = try #require(utf8Offset(of: "would", in: block.text))
    #expect(source.position(of: block.map.sourceOffset(forStart: offset)) == SourcePosition(line: 33, column: 1))
    let drill = try #require(read.blocks.last)
    let amp = try #require(utf8Offset(of: "&", in: drill.text))
    let s = drill.map.sourceOffset(forStart: amp)
    let e = drill.map.sourceOffset(forEnd: amp + 1)
    #expect(source.text(from: s, to: e) == "&amp;")
  }

  /// A paragraph without inline markup is copied as it stands; its text and map are those the inline
  /// renderer gives the same lines (here made to run by a code span at the end).
  @Test func plainParagraphsMapAsRenderedOnes() throws {
    let lines = "Crews cleared 40 roads  \nbefore dawn on Monday,\n   officials in Hà Nội said"
    let (plainSource, plainRead) = MarkdownReaderTests.read(lines + ".\n")
    let (markedSource, markedRead) = MarkdownReaderTests.read(lines + " `late`.\n")
    let plain = try #require(plainRead.blocks.first)
    let marked = try #require(markedRead.blocks.first)
    #expect(plain.text == "Crews cleared 40 roads\nbefore dawn on Monday, officials in Hà Nội said.")
    #expect(marked.text == "Crews cleared 40 roads\nbefore dawn on Monday, officials in Hà Nội said late.")
    let shared = plain.text.utf8.count - 1
    for offset in 0..<shared {
      #expect(plain.map.sourceOffset(forStart: offset) == marked.map.sourceOffset(forStart: offset), "start \(offset)")
      #expect(plain.map.sourceOffset(forEnd: offset + 1) == marked.map.sourceOffset(forEnd: offset + 1), "end \(offset)")
    }
    expectExactMaps([(plain.text, plain.map)], in: plainSource)
    expectExactMaps([(marked.text, marked.map)], in: markedSource)
  }

  @Test func titleBlockWhenNoHeadingRepeatsIt() throws {
    let text = "---\ntitle: Ferries resume on the upper river\n---\n\nFerries resumed regular crossings on Monday.\n"
    let (source, read) = MarkdownReaderTests.read(text)
    let first = try #require(read.blocks.first)
    #expect(first.role == .title && first.text == "Ferries resume on the upper river")
    #expect(source.position(of: first.map.sourceOffset(forStart: 0)) == SourcePosition(line: 2, column: 8))
    let doc = Segmenter(lexicons: .builtIn).segment(read, source: source, format: .markdown)
    #expect(doc.segments.map(\.kind) == [.headline, .reportage])
  }

  static let inlineCases: [InlineCase] = [
    InlineCase(id: "strong and emphasis", markdown: "The **toll** rose to *57* on __Thursday__.", text: "The toll rose to 57 on Thursday."),
    InlineCase(id: "nested emphasis", markdown: "A ***very*** **large _and_ old** dam.", text: "A very large and old dam."),
    InlineCase(id: "intraword underscore stays", markdown: "The file flood_report_2025.pdf was leaked.", text: "The file flood_report_2025.pdf was leaked."),
    InlineCase(id: "lone asterisk stays", markdown: "Prices rose 5 * 3 times.", text: "Prices rose 5 * 3 times."),
    InlineCase(id: "code span", markdown: "Run `claimlint check` now.", text: "Run claimlint check now."),
    InlineCase(id: "link and reference link", markdown: "See [the report](http://x.org/a_(b)) and [the map][m].", text: "See the report and the map."),
    InlineCase(id: "image dropped", markdown: "Before ![a photo](p.jpg) after.", text: "Before  after."),
    InlineCase(id: "inline comment and tag", markdown: "Officials <!-- check --> said <span>on Friday</span>.", text: "Officials  said on Friday."),
    InlineCase(id: "autolink keeps its text", markdown: "Write to <desk@example.org>.", text: "Write to desk@example.org."),
    InlineCase(id: "escapes", markdown: "Not \\*emphasis\\* here.", text: "Not *emphasis* here."),
    InlineCase(id: "strikethrough", markdown: "About ~~900~~ 1,200 people.", text: "About 900 1,200 people."),
    InlineCase(id: "unclosed markup stays", markdown: "A **bold claim and [a bracket.", text: "A **bold claim and [a bracket."),
  ]

  @Test("inline markup is removed", arguments: inlineCases)
  func inlineMarkup(_ c: InlineCase) {
    let (source, read) = MarkdownReaderTests.read(c.markdown)
    #expect(read.blocks.map(\.text) == [c.text])
    expectExactMaps(read.blocks.map { ($0.text, $0.map) }, in: source)
  }

  @Test func crlfDraftReadsLikeLF() {
    let lf = MarkdownReaderTests.draft
    let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
    let (_, a) = MarkdownReaderTests.read(lf)
    let (source, b) = MarkdownReaderTests.read(crlf)
    #expect(a.blocks.map(\.text) == b.blocks.map(\.text))
    #expect(a.date == b.date && a.title == b.title)
    expectExactMaps(b.blocks.map { ($0.text, $0.map) }, in: source)
  }

  @Test func authorLinesWithoutBlankLinesStayApart() {
    let text = "## 2 Comments\n\nriverwatch\nThe barrier is welcome.\nKanya S.\nWho pays for maintenance?\n"
    let (_, read) = MarkdownReaderTests.read(text)
    #expect(
      read.blocks.map(\.text) == [
        "2 Comments", "riverwatch", "The barrier is welcome.", "Kanya S.", "Who pays for maintenance?",
      ])
  }

  @Test func unterminatedFrontMatterIsText() {
    let (_, read) = MarkdownReaderTests.read("---\ntitle: never closed\n\nText of the article.\n")
    #expect(read.title == nil)
    #expect(read.blocks.map(\.text).contains("Text of the article."))
  }
}
