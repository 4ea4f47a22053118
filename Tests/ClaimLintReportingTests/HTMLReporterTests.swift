import ClaimLintCore
import Testing

@testable import ClaimLintReporting

/// The HTML report: golden pages, the claim matrix, escaping of hostile text and names, determinism.
struct HTMLReporterTests {
  // MARK: Golden pages

  /// A report kind, the options and the golden page it must equal.
  struct GoldenCase: Sendable, CustomTestStringConvertible {
    let golden: String
    let report: @Sendable () -> Report
    let options: ReportOptions
    var testDescription: String { golden }
  }

  static let goldenCases: [GoldenCase] = [
    GoldenCase(golden: "check.html", report: HTMLReporterTests.draftCheckReport, options: ReportOptions()),
    GoldenCase(golden: "claims.html", report: ReportFixture.claimsReport, options: ReportOptions()),
    GoldenCase(golden: "segments.html", report: ReportFixture.segmentsReport, options: ReportOptions(includeSegmentText: true)),
  ]

  @Test(arguments: goldenCases)
  func matchesGoldenFile(_ c: GoldenCase) {
    Golden.check(HTMLReporter.render(c.report(), options: c.options), c.golden)
  }

  @Test(arguments: goldenCases)
  func renderingTwiceGivesIdenticalBytes(_ c: GoldenCase) {
    #expect(HTMLReporter.render(c.report(), options: c.options) == HTMLReporter.render(c.report(), options: c.options))
  }

  @Test func colourOptionIsIgnored() {
    let report = Self.draftCheckReport()
    #expect(HTMLReporter.render(report, options: ReportOptions(color: true)) == HTMLReporter.render(report, options: ReportOptions()))
    #expect(!HTMLReporter.render(report, options: ReportOptions(color: true)).contains("\u{1B}["))
  }

  /// The fixture's check report as a pre-publish check of the draft, with one corroborated figure in
  /// the draft and the wire story, so the matrix has an agreeing row next to the finding rows.
  @Sendable static func draftCheckReport() -> Report {
    var report = ReportFixture.checkReport()
    report.draftPath = ReportFixture.draft.path
    let crest = Claim(
      kind: .quantity, layer: .reportage, span: ReportFixture.span(ReportFixture.wire, "6.4 metres"),
      sentence: "The Sava crested at 6.4 metres on Thursday, officials said.", sentenceIndex: 1,
      quantity: Quantity(value: 6.4, low: 6.4, high: 6.4, counted: "metre", action: "crest"))
    report.documents[0].corroboration = [0, 0, 0, 0, 1]
    report.documents[1].corroboration = [0, 0]
    report.documents[2].claims = [crest]
    report.documents[2].corroboration = [1]
    return report
  }

  // MARK: Claim matrix

  @Test func draftIsTheFirstColumnAndEachFindingARow() {
    let matrix = ClaimMatrix(Self.draftCheckReport(), includeFindings: true)
    #expect(matrix.columns.map(\.path) == ["drafts/river-flood.md", "sources/portal.html", "sources/wire-0412.txt"])
    #expect(matrix.columns.map(\.isDraft) == [true, false, false])
    let findingRows = matrix.rows.filter { if case .finding = $0.fact { return true } else { return false } }
    #expect(findingRows.count == 4)
    // quantity-mismatch: the draft's figure flagged, the wire's figure as the conflicting source.
    let first = matrix.rows[0]
    #expect(first.fact == .finding(index: 0))
    #expect(first.cells[0].map(\.span.text) == ["more than 1,200 residents"])
    #expect(first.cells[0].map(\.role) == [.primary])
    #expect(first.cells[1].isEmpty)
    #expect(first.cells[2].map(\.span.text) == ["About 900 residents"])
    // title-mismatch: the portal's span is the decoded text, not the markup.
    #expect(matrix.rows[1].cells[1].map(\.span.text) == ["Mayor Ana Ruiz"])
  }

  @Test func corroboratedClaimsOfSeveralDocumentsFormOneRow() {
    let matrix = ClaimMatrix(Self.draftCheckReport(), includeFindings: true)
    let agreeing = matrix.rows.filter { if case .agreement = $0.fact { return true } else { return false } }
    #expect(agreeing.count == 1)
    #expect(agreeing[0].fact == .agreement(kind: "quantity", value: "6.4 metre, crest"))
    #expect(agreeing[0].cells.map { $0.map(\.span.text) } == [["6.4 metres"], [], ["6.4 metres"]])
    #expect(agreeing[0].cells[0].map(\.role) == [.agrees])
  }

  @Test func claimsWithoutCorroborationStayOutOfTheMatrix() {
    var report = Self.draftCheckReport()
    report.documents[2].corroboration = [0]
    report.documents[0].corroboration = nil
    let matrix = ClaimMatrix(report, includeFindings: true)
    #expect(matrix.rows.count == 4)
  }

  @Test func pathsOnlyInFindingsGetTheirOwnSortedColumns() {
    var report = Self.draftCheckReport()
    report.documents.removeLast()  // the wire story, which holds three notes
    let matrix = ClaimMatrix(report, includeFindings: true)
    #expect(matrix.columns.map(\.path) == ["drafts/river-flood.md", "sources/portal.html", "sources/wire-0412.txt"])
    #expect(matrix.columns[2].date == nil)
    #expect(matrix.rows[0].cells[2].map(\.span.text) == ["About 900 residents"])
  }

  struct KeyCase: Sendable, CustomTestStringConvertible {
    let id: String
    let a: Claim
    let b: Claim
    let sameRow: Bool
    var testDescription: String { id }
  }

  static func claim(_ kind: Claim.Kind, quantity: Quantity? = nil, date: DateMention? = nil, speaker: String? = nil,
                    title: PersonTitle? = nil, event: EventMention? = nil) -> Claim {
    let span = ReportFixture.span(ReportFixture.wire, "About 900 residents")
    return Claim(
      kind: kind, layer: .reportage, span: span, sentence: "", quantity: quantity, date: date,
      attribution: speaker.map { Attribution(speaker: $0, speakerText: $0, verb: "said", content: "", isQuote: kind == .quote) },
      title: title, event: event)
  }

  static let keyCases: [KeyCase] = [
    KeyCase(
      id: "'over 600' and 'more than 600' suspects arrested",
      a: claim(.quantity, quantity: Quantity(value: 600, low: 600, high: nil, qualifier: "over", counted: "suspect", action: "arrest")),
      b: claim(.quantity, quantity: Quantity(value: 600, low: 600, high: nil, qualifier: "more than", counted: "suspect", action: "arrest")),
      sameRow: true),
    KeyCase(
      id: "600 suspects arrested and 600 suspects deported",
      a: claim(.quantity, quantity: Quantity(value: 600, low: 600, high: 600, counted: "suspect", action: "arrest")),
      b: claim(.quantity, quantity: Quantity(value: 600, low: 600, high: 600, counted: "suspect", action: "deport")),
      sameRow: false),
    KeyCase(
      id: "'Friday' and 'the 16th' resolve to one day",
      a: claim(.date, date: DateMention(resolved: CalendarDate(year: 2024, month: 8, day: 16), isRelative: true)),
      b: claim(.date, date: DateMention(resolved: CalendarDate(year: 2024, month: 8, day: 16), isRelative: true)),
      sameRow: true),
    KeyCase(
      id: "a quote and a reported statement by the same speaker",
      a: claim(.quote, speaker: "Wang Yi"), b: claim(.attribution, speaker: "Wang Yi"), sameRow: true),
    KeyCase(
      id: "two titles of one person",
      a: claim(.title, title: PersonTitle(person: "Prasert Wongsakul", title: "Thai Foreign Ministry spokesman", roles: ["spokesman"])),
      b: claim(.title, title: PersonTitle(person: "Prasert Wongsakul", title: "Deputy Foreign Minister", roles: ["deputy foreign minister"])),
      sameRow: false),
    KeyCase(
      id: "one meeting with participants listed in another order",
      a: claim(.event, event: EventMention(type: "meeting", participants: ["Laos", "China", "Thailand"])),
      b: claim(.event, event: EventMention(type: "meeting", participants: ["China", "Laos", "Thailand"])),
      sameRow: true),
  ]

  @Test(arguments: keyCases)
  func agreementKeys(_ c: KeyCase) throws {
    let a = try #require(AgreementKey(c.a))
    let b = try #require(AgreementKey(c.b))
    #expect((a.id == b.id) == c.sameRow)
  }

  @Test func unresolvedDateHasNoKey() {
    #expect(AgreementKey(Self.claim(.date, date: DateMention(resolved: nil, isRelative: true))) == nil)
  }

  @Test func pageHoldsTheMatrixWithHighlightedCellsAndLineLinks() {
    let html = HTMLReporter.render(Self.draftCheckReport(), options: ReportOptions())
    #expect(html.contains("<table id=\"claim-matrix\" class=\"matrix\">"))
    #expect(html.contains("<td class=\"cell hl primary sev-error\">"))
    #expect(html.contains("<td class=\"cell hl conflict sev-warning\">"))
    #expect(html.contains("<td class=\"cell agree\">"))
    #expect(html.contains(
      "<a class=\"span\" href=\"sources/wire-0412.txt#L1\" title=\"sources/wire-0412.txt:1:36: source reports &#39;About 900 residents&#39; evacuated\">"))
    #expect(html.contains("<a class=\"span\" href=\"drafts/river-flood.md#L7\" title=\"drafts/river-flood.md:7:58\">"))
  }

  @Test func findingsListCarriesTheTextReportersContent() {
    let html = HTMLReporter.render(Self.draftCheckReport(), options: ReportOptions())
    #expect(html.contains(
      "<span class=\"msg\">count of residents evacuated differs from 1 source: &#39;more than 1,200&#39; here</span> "
        + "<span class=\"rule\" title=\"Quantity Mismatch\">[quantity-mismatch]</span>"))
    #expect(html.contains("<a class=\"loc\" href=\"drafts/river-flood.md#L10\">drafts/river-flood.md:10:33</a>"))
    #expect(html.contains("<li><span class=\"note-tag\">note:</span> this article is dated 2024-08-17, so &#39;on Friday&#39; reads as 16 August 2024</li>"))
    #expect(html.contains("<p class=\"help\"><b>help:</b> keep the hedge, or name who established the cause</p>"))
    // The snippet marks the span by code points, after Cyrillic and curly quotes.
    #expect(html.contains("said “<mark class=\"sev-warning\">more than 1,200 residents</mark>” were evacuated"))
    let plain = HTMLReporter.render(Self.draftCheckReport(), options: ReportOptions(snippets: false))
    #expect(!plain.contains("<pre class=\"snippet\">"))
  }

  /// A page on one line (minified HTML) shows a window around the span, as the text output does.
  @Test func longLineSnippetIsAWindowAroundTheSpan() throws {
    let before = String(repeating: "<li><a href=\"/x\">Menu</a></li>", count: 80)
    let page = SourceFile(path: "page.html", text: before + "<p>Comparable sales rose 3.6 percent.</p>" + String(repeating: "<i>ad</i>", count: 90) + "\n")
    let span = try #require(ReportFixture.span(page, "3.6 percent"))
    let document = Document(source: page, format: .html, segments: [ReportFixture.segment(.reportage, page, lines: 1, 1)])
    let finding = Finding(ruleID: "quantity-mismatch", severity: .error, message: "amount differs", span: span)
    let report = Report(
      kind: .check, tool: ReportFixture.tool, documents: [DocumentReport(document: document, claims: [])], findings: [finding],
      inputErrors: [], rules: ReportFixture.rules, exitStatus: 1)
    let html = HTMLReporter.render(report, options: ReportOptions())
    #expect(html.contains("Comparable sales rose <mark class=\"sev-error\">3.6 percent</mark>.&lt;/p&gt;"))
    #expect(html.contains("<span class=\"ln\">1</span>…"))
    #expect(!html.contains(String(repeating: "&lt;i&gt;ad&lt;/i&gt;", count: 20)))
  }

  @Test func segmentMapShowsKindsLinesAndAuthors() {
    let html = HTMLReporter.render(ReportFixture.segmentsReport(), options: ReportOptions())
    #expect(!html.contains("id=\"claim-matrix\""))
    #expect(html.contains("<td><span class=\"chip k-comment\">comment</span></td><td>rečni_čuvar</td><td>section class &#39;comments&#39;</td>"))
    #expect(html.contains("<a href=\"drafts/river-flood.md#L7\">7–8</a>"))
    #expect(html.contains("<li>note: no publication date found; relative dates are not resolved</li>"))
  }

  @Test func claimsReportHasNoFindingRows() {
    let html = HTMLReporter.render(ReportFixture.claimsReport(), options: ReportOptions())
    #expect(!html.contains("data-group=\"warning\""))
    #expect(!html.contains("id=\"findings\""))
    #expect(html.contains("<details class=\"claims\" open>"))
  }

  @Test func noNetworkReferences() {
    for report in [Self.draftCheckReport(), ReportFixture.claimsReport(), ReportFixture.segmentsReport()] {
      let html = HTMLReporter.render(report, options: ReportOptions())
      for banned in ["http://", "https://", "src=", "url(", "@import", "<link", "<img", "@font-face"] {
        #expect(!html.contains(banned), "\(banned)")
      }
    }
  }

  // MARK: Escaping

  static let hostilePath = "sources/\"><img src=x onerror=alert(1)>.txt"

  /// A check report whose article text, comment author and file name all carry markup.
  static func hostileReport() -> Report {
    let text = "Officials said <script>alert(1)</script> 40 boats & 'rafts' were lost.\nComment by the river:\n"
    let source = SourceFile(path: hostilePath, text: text)
    let span = ReportFixture.span(source, "<script>alert(1)</script> 40 boats")
    let comment = ReportFixture.segment(.comment, source, lines: 2, 2, author: "<script>alert('author')</script>", reason: "<b>marker</b>")
    let document = Document(
      source: source, format: .text, title: "<img src=x onerror=alert(2)>", author: "\"><script>x</script>",
      segments: [ReportFixture.segment(.reportage, source, lines: 1, 1), comment], remarks: ["<script>remark</script>"])
    let claim = Claim(
      kind: .quantity, layer: .comment, span: span, sentence: text, commentAuthor: "<script>alert('author')</script>",
      quantity: Quantity(value: 40, low: 40, high: 40, counted: "<i>boat</i>"))
    let finding = Finding(
      ruleID: "quantity-mismatch", severity: .warning, message: "count of '<script>boats</script>' differs from 1 source",
      span: span, notes: [Note(span: span, message: "source says '\"><img src=y>'")], help: "<script>help</script>",
      label: "<script>label</script>")
    return Report(
      kind: .check, tool: ToolInfo(name: "claimlint<script>", version: "0.1\"'", informationURI: ""),
      documents: [DocumentReport(document: document, claims: [claim], corroboration: [1])], findings: [finding],
      inputErrors: [InputProblem(path: "<script>bad</script>.pdf", message: "file looks binary <img src=z>")],
      draftPath: hostilePath)
  }

  @Test(arguments: [Report.Kind.check, .claims, .segments])
  func hostileTextIsEscapedEverywhere(_ kind: Report.Kind) {
    var report = Self.hostileReport()
    report.kind = kind
    let html = HTMLReporter.render(report, options: ReportOptions(includeSegmentText: true))
    #expect(!html.contains("<img"))
    #expect(!html.contains("<script>alert"))
    #expect(!html.contains("<b>marker"))
    #expect(!html.contains("<i>boat"))
    // The one script element is the page's own filter script.
    #expect(html.components(separatedBy: "<script").count == 2)
    #expect(html.contains("<script>\n(function(){var bar=document.getElementById('matrix-filters');"))
    #expect(html.contains("&lt;script&gt;alert(&#39;author&#39;)&lt;/script&gt;"))
    #expect(HTMLShape.problems(in: html).isEmpty, "\(HTMLShape.problems(in: html))")
  }

  @Test func hostileFileNameIsPercentEncodedInLinksAndEscapedInText() {
    let html = HTMLReporter.render(Self.hostileReport(), options: ReportOptions())
    #expect(html.contains("href=\"sources/%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.txt#L1\""))
    #expect(html.contains("sources/&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.txt:1:16"))
    #expect(html.contains("<td class=\"cell hl primary sev-warning\">"))
    #expect(html.contains("<span class=\"text\">&lt;script&gt;alert(1)&lt;/script&gt; 40 boats</span>"))
  }

  @Test func pathsCannotBecomeSchemes() {
    #expect(HTMLText.href(path: "javascript:alert(1)", line: 3) == "javascript%3Aalert%281%29#L3")
    #expect(HTMLText.href(path: "notes/a b#c?.md", line: nil) == "notes/a%20b%23c%3F.md")
    #expect(HTMLText.href(path: "sources/Київ.txt", line: 2) == "sources/%D0%9A%D0%B8%D1%97%D0%B2.txt#L2")
  }

  @Test func escapeCoversTheFiveCharactersAndControls() {
    #expect(HTMLText.escape("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&#39;f")
    #expect(HTMLText.escape("x\u{0}y\u{7F}z\u{1B}") == "x\u{FFFD}y\u{FFFD}z\u{FFFD}")
    #expect(HTMLText.escape("Київ — 한빛\n") == "Київ — 한빛\n")
  }

  @Test func percentagesAreLocaleFree() {
    #expect(HTMLText.percent(1, of: 3) == "33.33%")
    #expect(HTMLText.percent(3, of: 3) == "100.00%")
    #expect(HTMLText.percent(1, of: 200) == "0.50%")
    #expect(HTMLText.percent(1, of: 0) == "0%")
  }
}

/// A strict reading of the page's markup: every tag is known, and every attribute value is in double
/// quotes with no `<`, `>` or stray quote inside. Script and style bodies are skipped.
enum HTMLShape {
  static let allowedTags: Set<String> = [
    "!doctype", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "span", "p", "nav", "a",
    "main", "section", "ul", "li", "div", "label", "input", "table", "thead", "tbody", "tr", "th", "td", "ol", "pre",
    "mark", "b", "article", "details", "summary", "footer", "script",
  ]

  /// A description of each problem found; empty when the markup is well formed in this sense.
  static func problems(in html: String) -> [String] {
    let s = Array(html.unicodeScalars)
    var problems: [String] = []
    var i = 0
    func isNameScalar(_ c: Unicode.Scalar) -> Bool {
      (c >= "a" && c <= "z") || (c >= "0" && c <= "9") || c == "-" || c == "!"
    }
    while i < s.count {
      guard s[i] == "<" else {
        if s[i] == ">" { problems.append("bare '>' at \(i)") }
        i += 1
        continue
      }
      i += 1
      let closing = i < s.count && s[i] == "/"
      if closing { i += 1 }
      var name = ""
      while i < s.count, isNameScalar(s[i]) { name.unicodeScalars.append(s[i]); i += 1 }
      guard allowedTags.contains(name) else {
        problems.append("unknown tag '\(name)' at \(i)")
        continue
      }
      while i < s.count, s[i] != ">" {
        if s[i] == " " { i += 1; continue }
        var attribute = ""
        while i < s.count, isNameScalar(s[i]) { attribute.unicodeScalars.append(s[i]); i += 1 }
        if attribute.isEmpty {
          problems.append("unexpected '\(s[i])' in tag '\(name)' at \(i)")
          i += 1
          continue
        }
        guard i < s.count, s[i] == "=" else { continue }  // a boolean attribute
        i += 1
        guard i < s.count, s[i] == "\"" else {
          problems.append("unquoted value of '\(attribute)' in '\(name)' at \(i)")
          continue
        }
        i += 1
        while i < s.count, s[i] != "\"" {
          if s[i] == "<" || s[i] == ">" || s[i] == "'" { problems.append("'\(s[i])' inside '\(attribute)' at \(i)") }
          i += 1
        }
        i += 1
      }
      i += 1
      if !closing, name == "script" || name == "style" {
        let end = "</" + name + ">"
        let rest = String(String.UnicodeScalarView(s[i...]))
        guard let range = rest.range(of: end) else {
          problems.append("unclosed \(name)")
          break
        }
        let body = rest[..<range.lowerBound]
        if body.contains("<") { problems.append("'<' inside \(name)") }
        i += body.unicodeScalars.count
      }
    }
    return problems
  }
}

/// The markup checker itself must catch what it is there to catch.
struct HTMLShapeTests {
  @Test(arguments: [
    "<p><img src=x onerror=alert(1)></p>",
    "<a href=x>link</a>",
    "<a title=\"it's\">x</a>",
    "<p>1 > 0</p>",
    "<script>if(a<b){}</script>",
  ])
  func flagsBrokenMarkup(_ html: String) {
    #expect(!HTMLShape.problems(in: html).isEmpty)
  }

  @Test func acceptsWellFormedMarkup() {
    #expect(HTMLShape.problems(in: "<p class=\"a\"><a href=\"x#L1\" title=\"a &#39;b&#39;\">x &lt; y</a></p><input type=\"checkbox\" checked>").isEmpty)
  }
}

/// Numbers in row labels and readings.
struct HTMLNumberTests {
  @Test(arguments: [(50000.0, "50,000"), (1200, "1,200"), (600, "600"), (6.4, "6.4"), (-2_700_000_000, "-2,700,000,000"), (999, "999")])
  func groupedWithoutLocale(_ value: Double, _ expected: String) {
    #expect(HTMLText.grouped(value) == expected)
  }
}
