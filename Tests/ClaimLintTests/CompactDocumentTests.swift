import ClaimLintCore
import ClaimLintTestSupport
import Testing

@testable import ClaimLint

/// A large run keeps its segmented documents compacted between its two passes; made again, each must
/// be the document it was, segment for segment.
@Suite struct CompactDocumentTests {
  static let pipeline = DocumentPipeline(configuration: TestSupport.configuration)

  static let plain = """
    Ministers meet in Chiang Mai over border scam centres
    2024-08-17

    The four countries have arrested more than 50,000 people since last year, the Thai foreign minister said on Friday.

    Officials from China, Laos and Myanmar attended the meeting, which lasted two days.

    Comments

    Somchai P.
    Fifty thousand is a lot of people. Where are they all held?

    Mekong Watcher
    The real number is much higher, everyone knows it.
    """

  static let markdown = """
    ---
    title: Ministers meet over scam centres
    date: 2024-08-18
    ---

    # Ministers meet over scam centres

    China has helped return **over 50,000** alleged criminals to face trial, a [ministry spokesman](https://example.org/a) said.

    - Laos and Myanmar sent deputy ministers.
    - Thailand hosted the talks in *Chiang Mai*.
    """

  static let html = """
    <!doctype html><html><head><title>Scam centres: ministers meet</title>
    <meta property="article:published_time" content="2024-08-19T08:00:00Z"></head>
    <body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
    <article><h1>Scam centres: ministers meet</h1>
    <p>More than 50,000 people were arrested, the minister said &amp; officials from Laos agreed.</p>
    <p>The talks in Chiang Mai lasted two days.</p></article>
    <aside><h2>Related News</h2><ul><li><a href="/x">Floods in the north</a></li></ul></aside>
    </body></html>
    """

  static func document(_ text: String, path: String) throws -> Document {
    try #require(pipeline.prepare(bytes: Array(text.utf8), displayPath: path).document)
  }

  static func expectSame(_ a: Document, _ b: Document) {
    #expect(a.path == b.path)
    #expect(a.source.bytes == b.source.bytes)
    #expect(a.format == b.format)
    #expect(a.title == b.title)
    #expect(a.author == b.author)
    #expect(a.date == b.date)
    #expect(a.dateEvidence == b.dateEvidence)
    #expect(a.remarks == b.remarks)
    #expect(a.segments == b.segments)
  }

  @Test(arguments: [(plain, "a.txt"), (markdown, "b.md"), (html, "c.html"), ("", "empty.txt")])
  func aCompactedDocumentIsMadeAgainExactly(text: String, path: String) throws {
    let document = try Self.document(text, path: path)
    let compact = CompactDocument(document)
    Self.expectSame(compact.document, document)
  }

  @Test func plainTextParagraphsAreKeptAsRangesAndCommentsWhole() throws {
    let document = try Self.document(Self.plain, path: "a.txt")
    let compact = CompactDocument(document)
    let prepared = DocumentPipeline.Prepared(document: document, problems: [])
    // Comments name their authors, so they are kept whole; the reportage is kept as ranges.
    let authored = document.segments.filter { $0.author != nil }.count
    #expect(authored > 0)
    #expect(compact.wholeSegmentCount >= authored)
    #expect(compact.wholeSegmentCount < document.segments.count)
    #expect(compact.approximateSize < prepared.approximateSize)
  }

  @Test func rewrittenTextIsKeptWhole() throws {
    // Markdown emphasis and links, and HTML entities, make text that differs from the file's bytes.
    for (text, path) in [(Self.markdown, "b.md"), (Self.html, "c.html")] {
      let document = try Self.document(text, path: path)
      let rewritten = document.segments.filter { !CompactDocument.isVerbatim($0, in: document.source.bytes) }
      #expect(!rewritten.isEmpty, "\(path)")
      #expect(CompactDocument(document).wholeSegmentCount == rewritten.count, "\(path)")
    }
  }

  @Test func aSegmentWhoseTextDiffersFromItsBytesIsNotVerbatim() throws {
    let document = try Self.document(Self.plain, path: "a.txt")
    let bytes = document.source.bytes
    var segment = try #require(document.segments.first { CompactDocument.isVerbatim($0, in: bytes) })
    // Same length and map, other text: must not be made again from the bytes.
    segment.text = String(repeating: "x", count: segment.text.utf8.count)
    #expect(!CompactDocument.isVerbatim(segment, in: bytes))
  }
}
