import ClaimLintCore
import Testing

@testable import ClaimLintExtraction

/// One expected segment: the start of its text, its kind and, for comments, its author.
struct ExpectedSegment: Sendable {
  var prefix: String
  var kind: SegmentKind
  var author: String?

  init(_ prefix: String, _ kind: SegmentKind, author: String? = nil) {
    self.prefix = prefix
    self.kind = kind
    self.author = author
  }
}

/// An article and what the segmenter must make of it.
struct SegmenterCase: Sendable, CustomTestStringConvertible {
  var id: String
  var text: String
  var format: DocumentFormat = .text
  /// Every segment, in order.
  var segments: [ExpectedSegment]
  var date: String?
  var dateEvidence: String?
  var testDescription: String { id }
}

@Suite("Segmenter")
struct SegmenterTests {
  static let cases: [SegmenterCase] = [
    SegmenterCase(
      id: "agency copy with section label, date line and language menu",
      text: SegmentationArticles.agencyWithMenu,
      segments: [
        ExpectedSegment("world", .boilerplate),
        ExpectedSegment("Thailand and Cambodia agree", .headline),
        ExpectedSegment("2025-06-21", .dateline),
        ExpectedSegment("EnglishEspañol", .boilerplate),
        ExpectedSegment("Mekong Wire, Aranyaprathet, June 20", .reportage),
        ExpectedSegment("The two delegations", .reportage),
        ExpectedSegment("A joint committee", .reportage),
      ],
      date: "2025-06-21", dateEvidence: "date line '2025-06-21'"),
    SegmenterCase(
      id: "one paragraph per line with trailing credits",
      text: SegmentationArticles.linesWithCredits,
      segments: [
        ExpectedSegment("Vietnam and Laos", .reportage),
        ExpectedSegment("The deal follows", .reportage),
        ExpectedSegment("Officials said the gauges", .reportage),
        ExpectedSegment("\"A warning", .reportage),
        ExpectedSegment("The ministry said", .reportage),
        ExpectedSegment("Linh Pham\nThe Saigon Ledger\nAsia News Network", .byline),
      ]),
    SegmenterCase(
      id: "feature with takeaways list and related news",
      text: SegmentationArticles.featureWithTakeaways,
      segments: [
        ExpectedSegment("A New Chapter for River Safety", .headline),
        ExpectedSegment("In the riverside city", .reportage),
        ExpectedSegment("Key Takeaways:", .subheading),
        ExpectedSegment("Faster Warnings:", .list),
        ExpectedSegment("Shared Channel:", .list),
        ExpectedSegment("Next Steps:", .list),
        ExpectedSegment("Why It Matters", .subheading),
        ExpectedSegment("Late warnings", .reportage),
        ExpectedSegment("Looking Ahead", .subheading),
        ExpectedSegment("The ministries plan", .reportage),
        ExpectedSegment("Related News\nFloodwater recedes", .related),
      ]),
    SegmenterCase(
      id: "story with comments section",
      text: SegmentationArticles.storyWithComments,
      segments: [
        ExpectedSegment("Port Authority Confirms", .headline),
        ExpectedSegment("The regional port authority", .reportage),
        ExpectedSegment("Growth Driven by New Berth", .subheading),
        ExpectedSegment("The berth, opened", .reportage),
        ExpectedSegment("Average waiting time", .list),
        ExpectedSegment("Rail links", .list),
        ExpectedSegment("Two new shipping lines", .list),
        ExpectedSegment("What Comes Next", .subheading),
        ExpectedSegment("A second berth", .reportage),
        ExpectedSegment("5 Comments", .commentsHeader),
        ExpectedSegment("Good news for exporters.", .comment, author: "Minh Tran"),
        ExpectedSegment("Waiting times are still", .comment, author: "harbourwatch"),
        ExpectedSegment("Impressive figures.", .comment, author: "Ana Lopes"),
        ExpectedSegment("Record volumes", .comment, author: "DockerDan"),
        ExpectedSegment("Any word on whether", .comment, author: "Quynh"),
      ],
      date: "2025-03-04", dateEvidence: "date in lead paragraph 'Tuesday, March 4, 2025'"),
    SegmenterCase(
      id: "short subheadings without a comments section",
      text: SegmentationArticles.shortSubheadingsNoComments,
      segments: [
        ExpectedSegment("Night Market Reopens", .headline),
        ExpectedSegment("Vendors returned", .reportage),
        ExpectedSegment("New Stalls", .subheading),
        ExpectedSegment("Most of the new stalls", .reportage),
        ExpectedSegment("Parking", .subheading),
        ExpectedSegment("The council has opened", .reportage),
        ExpectedSegment("Visitors", .subheading),
        ExpectedSegment("Tourism officials", .reportage),
      ]),
    SegmenterCase(
      id: "comments header count decides between splits",
      text: SegmentationArticles.countHeaderDecides,
      segments: [
        ExpectedSegment("Flood Barrier Plan Approved", .headline),
        ExpectedSegment("The provincial council", .reportage),
        ExpectedSegment("3 Comments", .commentsHeader),
        ExpectedSegment("The barrier is welcome.\nWell said\nThough the route", .comment, author: "riverwatch"),
        ExpectedSegment("Who pays for maintenance?", .comment, author: "Kanya S."),
        ExpectedSegment("About time.", .comment, author: "Mark Ellis"),
      ]),
    SegmenterCase(
      id: "wrapped wire copy with masthead date, byline and page furniture",
      text: SegmentationArticles.wrappedWire,
      segments: [
        ExpectedSegment("RIVER HERALD -- Saturday, 8 March 2025", .dateline),
        ExpectedSegment("Dam operators lower reservoir", .headline),
        ExpectedSegment("By Malee Chanthavong", .byline),
        ExpectedSegment("VIENTIANE -- Operators of the Nam Ngum dam began releasing water on Friday to make room for heavy rain", .reportage),
        ExpectedSegment("The reservoir stood at 91 percent of capacity on Thursday evening. Officials said releases would continue", .reportage),
        ExpectedSegment("Share this article", .boilerplate),
        ExpectedSegment("Advertisement", .boilerplate),
      ],
      date: "2025-03-08", dateEvidence: "date line 'RIVER HERALD -- Saturday, 8 March 2025'"),
  ]

  @Test("segments match the layout", arguments: cases)
  func segmentsMatchLayout(_ c: SegmenterCase) {
    let doc = segmentArticle(c.text, format: c.format)
    #expect(doc.segments.count == c.segments.count, "segments: \(doc.segments.map { "\($0.kind): \($0.text.prefix(30))" })")
    for (got, want) in zip(doc.segments, c.segments) {
      #expect(got.text.hasPrefix(want.prefix), "expected '\(want.prefix)', got '\(got.text.prefix(60))'")
      #expect(got.kind == want.kind, "'\(want.prefix)' is \(got.kind), expected \(want.kind)")
      #expect(got.author == want.author, "'\(want.prefix)' author")
      if got.kind != .reportage { #expect(got.reason != nil, "'\(want.prefix)' has no reason") }
    }
    #expect(doc.date.map { "\($0)" } == c.date)
    if let evidence = c.dateEvidence { #expect(doc.dateEvidence == evidence) }
    expectExactMaps(doc.segments.map { ($0.text, $0.map) }, in: doc.source)
  }

  @Test func commentsSectionStartsAtTheHeader() throws {
    let doc = segmentArticle(SegmentationArticles.storyWithComments)
    let header = try #require(doc.segments.firstIndex { $0.kind == .commentsHeader })
    let firstComment = try #require(doc.segments.firstIndex { $0.kind == .comment })
    #expect(header < firstComment)
    #expect(doc.segments.filter { $0.kind == .comment }.count == 5)
    #expect(Set(doc.segments.compactMap(\.author)).count == 5)
    // The author line is not part of the comment text, and the comment maps to its own line.
    let comment = try #require(doc.segments.first { $0.author == "harbourwatch" })
    let span = doc.span(segment: comment, textStart: 0, textEnd: 7)
    #expect(span.line == 14 && span.column == 1 && span.text == "Waiting")
  }

  @Test func countHeaderThatDisagreesIsReported() {
    let doc = segmentArticle(SegmentationArticles.countHeaderTooHigh)
    let comments = doc.segments.filter { $0.kind == .comment }
    #expect(comments.map(\.author) == ["LaoTraveller", "Somchai P."])
    #expect(doc.remarks.contains("comments header '12 Comments' states 12, found 2 comments"))
  }

  @Test func commentsLinkAboveTheStoryStartsNoSection() {
    let text = """
      Comments
      Ferry Service Resumes on the Upper River
      Ferries resumed regular crossings at Chiang Khong on Monday after water levels rose enough for the larger boats to dock safely.
      Timetable
      Boats leave every two hours from the new pier, the operator said on its website.
      """
    let doc = segmentArticle(text)
    #expect(!doc.segments.contains { $0.kind == .comment || $0.kind == .commentsHeader })
    #expect(kinds(doc) == [.boilerplate, .headline, .reportage, .subheading, .reportage])
  }

  @Test func shortSubheadingsAreNeverCommentAuthors() {
    let doc = segmentArticle(SegmentationArticles.shortSubheadingsNoComments)
    #expect(!doc.segments.contains { $0.kind == .comment || $0.kind == .commentsHeader || $0.author != nil })
  }

  @Test func leadDatelineWithoutYearGivesNoDocumentDate() {
    let text = """
      Harbour Times, Da Nang, July 2 (Reporter Ngo Bao) Dredging of the inner channel began on the 2nd and will take about six weeks, the port said.

      The work is expected to allow ships of up to 50,000 tonnes to berth.
      """
    let doc = segmentArticle(text)
    #expect(doc.date == nil)
    #expect(doc.segments.first?.kind == .reportage)
    #expect(doc.segments.first?.reason == "opens with dateline 'Harbour Times, Da Nang, July 2'")
    #expect(doc.remarks.contains("dateline 'Harbour Times, Da Nang, July 2' has no year; document date unknown"))
  }

  @Test func leadDatelineYearComesFromTheLeadParagraph() {
    let text = """
      Harbour Times, Da Nang, July 2 (Reporter Ngo Bao) Dredging of the inner channel, announced on Wednesday, July 2, 2025, will take about six weeks.
      """
    let doc = segmentArticle(text)
    #expect(doc.date.map { "\($0)" } == "2025-07-02")
    #expect(doc.dateEvidence == "dateline 'Harbour Times, Da Nang, July 2' with the year of 'Wednesday, July 2, 2025'")
  }

  @Test func metadataDateWinsOverDateLine() {
    let text = """
      ---
      date: 2025-06-22
      ---

      Published: June 21, 2025

      The checkpoints reopened at dawn on Saturday.
      """
    let doc = segmentArticle(text, format: .markdown, path: "a.md")
    #expect(doc.date.map { "\($0)" } == "2025-06-22")
    #expect(doc.dateEvidence == "front matter 'date'")
    #expect(doc.segments.first?.kind == .dateline)
  }

  @Test(arguments: ["", "\n\n   \n", "\r\n"])
  func emptyInputHasNoSegments(_ text: String) {
    for format in [DocumentFormat.text, .markdown] {
      let doc = segmentArticle(text, format: format)
      #expect(doc.segments.isEmpty)
      #expect(doc.date == nil)
      #expect(doc.remarks.contains("no text found"))
    }
  }

  @Test func crlfInputSegmentsLikeLF() {
    let lf = SegmentationArticles.storyWithComments
    let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
    let a = segmentArticle(lf)
    let b = segmentArticle(crlf)
    #expect(a.segments.map(\.kind) == b.segments.map(\.kind))
    #expect(a.segments.map(\.text) == b.segments.map(\.text))
    #expect(a.segments.map(\.author) == b.segments.map(\.author))
    for (x, y) in zip(a.segments, b.segments) {
      let sx = a.span(segment: x, textStart: 0, textEnd: x.text.utf8.count)
      let sy = b.span(segment: y, textStart: 0, textEnd: y.text.utf8.count)
      #expect(sx.line == sy.line && sx.column == sy.column && sx.endLine == sy.endLine && sx.endColumn == sy.endColumn)
    }
    expectExactMaps(b.segments.map { ($0.text, $0.map) }, in: b.source)
  }

  @Test func spanAfterALineOfManyScripts() throws {
    let doc = segmentArticle(SegmentationArticles.agencyWithMenu)
    let lead = try #require(segment(doc, startingWith: "Mekong Wire"))
    let offset = try #require(utf8Offset(of: "Officials from Thailand", in: lead.text))
    let span = doc.span(segment: lead, textStart: offset, textEnd: offset + "Officials".utf8.count)
    #expect(span.line == 9)
    #expect(span.column == 57)
    #expect(span.text == "Officials")
    #expect(doc.source.text(from: span.startOffset, to: span.endOffset) == "Officials")
  }

  @Test func languageNamesInASentenceAreReportage() {
    let text = """
      Leaflets in English, French, German and Thai were handed to visitors at the crossing on Monday, officials said.
      """
    let doc = segmentArticle(text)
    #expect(kinds(doc) == [.reportage])
  }

  @Test func mastheadAboveDateLineIsNotTheHeadline() {
    let text = """
      Border Notes -- a river blog

      Friday, 7 March 2025

      Boats return: the crossing is busy again

      I counted forty long-tail boats at the pier before eight this morning, twice as many as last week.
      """
    let doc = segmentArticle(text)
    #expect(kinds(doc) == [.boilerplate, .dateline, .headline, .reportage])
    #expect(doc.title == "Boats return: the crossing is busy again")
    #expect(doc.date.map { "\($0)" } == "2025-03-07")
  }

  /// Blocks as an HTML reader delivers them: some with hints, some without.
  static func htmlRead(_ source: SourceFile) -> ReadResult {
    let text = source.text
    func block(_ piece: String, role: Block.Role = .paragraph, level: Int = 0, hint: SegmentKind? = nil,
               author: String? = nil, group: Int? = nil, reason: String? = nil) -> Block {
      let start = utf8Offset(of: piece, in: text) ?? 0
      return Block(text: piece, map: .identity(sourceOffset: start, length: piece.utf8.count), role: role, level: level,
                   hint: hint, author: author, group: group, reason: reason)
    }
    return ReadResult(blocks: [
      block("Home", hint: .boilerplate, reason: "inside <nav>"),
      block("Ferries resume on the upper river", role: .heading, level: 1, hint: .reportage),
      block("Ferries resumed regular crossings at Chiang Khong on Monday.", hint: .reportage),
      block("Timetable", role: .heading, level: 2, hint: .reportage),
      block("Boats leave every two hours.", role: .listItem, hint: .reportage),
      block("Comments", role: .heading, level: 2, hint: .commentsHeader, reason: "comment section heading"),
      block("Took the morning boat today.", hint: .comment, author: "LaoTraveller", group: 7),
      block("It left on time.", hint: .comment, author: "LaoTraveller", group: 7),
      block("Somchai P.", hint: .comment),
      block("Good to hear. The detour added two hours.", hint: .comment),
    ])
  }

  @Test func htmlHintsAreHonouredAndRefined() {
    let html = """
      <nav>Home</nav>
      <h1>Ferries resume on the upper river</h1>
      <p>Ferries resumed regular crossings at Chiang Khong on Monday.</p>
      <h2>Timetable</h2><ul><li>Boats leave every two hours.</li></ul>
      <section id="comments"><h2>Comments</h2>
      <div class="c"><b>LaoTraveller</b><p>Took the morning boat today.</p><p>It left on time.</p></div>
      <div class="c"><p>Somchai P.</p><p>Good to hear. The detour added two hours.</p></div>
      </section>
      """
    let source = SourceFile(path: "page.html", text: html)
    let doc = Segmenter(lexicons: .builtIn).segment(Self.htmlRead(source), source: source, format: .html)
    #expect(kinds(doc) == [.boilerplate, .headline, .reportage, .subheading, .list, .commentsHeader, .comment, .comment])
    #expect(doc.segments[0].reason == "inside <nav>")
    #expect(doc.segments[6].text == "Took the morning boat today.\nIt left on time.")
    #expect(doc.segments[6].author == "LaoTraveller")
    #expect(doc.segments[7].author == "Somchai P.")
    #expect(doc.segments[7].text == "Good to hear. The detour added two hours.")
    expectExactMaps(doc.segments.map { ($0.text, $0.map) }, in: source)
    let merged = doc.segments[6]
    let offset = utf8Offset(of: "It left", in: merged.text) ?? 0
    #expect(doc.span(segment: merged, textStart: offset, textEnd: offset + 2).line == 6)
  }

  @Test(arguments: [
    String(repeating: "[", count: 5000) + "x" + String(repeating: "]", count: 5000),
    String(repeating: "*a ", count: 5000), String(repeating: "`x`` ", count: 3000),
    String(repeating: "**", count: 4000), "<!--", "---\n", "```\nnever closed", "> ", "#", "- ", "1.",
    String(repeating: "\n", count: 1000), String(repeating: "6 Comments\n", count: 50),
  ])
  func awkwardInputNeverCrashes(_ text: String) {
    for format in [DocumentFormat.markdown, .text] {
      let doc = segmentArticle(text, format: format)
      for s in doc.segments {
        let span = doc.span(segment: s, textStart: 0, textEnd: s.text.utf8.count)
        #expect(span.startOffset <= span.endOffset && span.endOffset <= doc.source.bytes.count)
      }
    }
  }
}
