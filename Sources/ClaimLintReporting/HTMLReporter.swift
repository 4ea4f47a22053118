import ClaimLintCore

/// One self-contained HTML page for editors: the claim matrix, the findings, and what was read of each
/// document.
///
/// The page has inline CSS, a few lines of optional inline JavaScript (a filter bar over the matrix;
/// everything is visible without it) and no network references at all: no fonts, scripts or images.
/// It holds, in order:
///
/// - the **claim matrix** (``ClaimMatrix``): one column per document (the draft first in a pre-publish
///   check), one row per finding and per group of corroborated claims. A cell shows the words as
///   written in that document and links to `path#L<line>` with `path:line:col` as its tooltip; the
///   finding's primary span and its notes carry the finding's severity colour, agreeing claims green;
/// - the **findings**, with the same content as the text reporter: location, severity, message, rule
///   id, the source line with the span marked (when `ReportOptions.snippets` is set and the report holds
///   the file), notes and help;
/// - each **document's segment map**: a bar over the file's lines coloured by segment kind (striped
///   where no segment was read), then one table row per segment with its line range, kind, comment
///   author, reason and the start of its text (all of it when `includeSegmentText`), then its claims;
/// - the **input problems** and the summary line of the text reporter.
///
/// Claims and segments reports show the agreeing rows (claims) and the documents, without finding rows.
/// Every string that comes from an article, a file name, a message or a rule file is escaped
/// (``HTMLText``); colour options are ignored; the same report always gives the same bytes.
public enum HTMLReporter: Reporter {
  public static let identifier = "html"
  public static let summary = "one self-contained HTML page: claim matrix, findings and segment maps"
  public static var showsEveryClaim: Bool { true }

  public static func render(_ report: Report, options: ReportOptions) -> String {
    var page = HTMLPage()
    let counts = ReportCounts(report)
    page.line("<!doctype html>")
    page.line("<html lang=\"en\">")
    page.line("<head>")
    page.line("<meta charset=\"utf-8\">")
    page.line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
    page.line("<meta name=\"generator\" content=\"\(e(report.tool.name + " " + report.tool.version))\">")
    page.line("<title>\(e(title(of: report)))</title>")
    page.line("<style>")
    page.raw(HTMLPageStyle.css)
    page.line("</style>")
    page.line("</head>")
    page.line("<body>")
    renderHeader(report, counts: counts, into: &page)
    page.line("<main>")
    switch report.kind {
    case .check:
      renderMatrix(report, includeFindings: true, into: &page)
      renderFindings(report, options: options, into: &page)
      renderDocuments(report, options: options, showClaims: true, claimsOpen: false, into: &page)
    case .claims:
      renderMatrix(report, includeFindings: false, into: &page)
      renderDocuments(report, options: options, showClaims: true, claimsOpen: true, into: &page)
    case .segments:
      renderDocuments(report, options: options, showClaims: false, claimsOpen: false, into: &page)
    }
    renderProblems(report, into: &page)
    page.line("</main>")
    page.line("<footer>\(e(report.tool.name)) \(e(report.tool.version)) · \(e(counts.summary(for: report.kind)))</footer>")
    page.line("<script>")
    page.raw(HTMLPageStyle.script)
    page.line("</script>")
    page.line("</body>")
    page.line("</html>")
    return page.text
  }

  /// Shorthand for ``HTMLText/escape(_:)``.
  static func e(_ s: String) -> String { HTMLText.escape(s) }

  /// "claimlint check: draft.md", "claimlint claims: 3 documents".
  static func title(of report: Report) -> String {
    let subject: String
    if let draft = report.draftPath {
      subject = HTMLText.fileName(draft)
    } else if report.documents.count == 1 {
      subject = HTMLText.fileName(report.documents[0].document.path)
    } else {
      subject = ReportCounts.count(report.documents.count, "document")
    }
    return "\(report.tool.name) \(report.kind.rawValue): \(subject)"
  }
}

// MARK: - Header

extension HTMLReporter {
  static func renderHeader(_ report: Report, counts: ReportCounts, into page: inout HTMLPage) {
    page.line("<header class=\"top\">")
    let heading: String
    switch report.kind {
    case .check: heading = "Claim report"
    case .claims: heading = "Claims"
    case .segments: heading = "Segment maps"
    }
    var sub = ""
    if let draft = report.draftPath {
      let sources = report.documents.filter { $0.document.path != draft }.count
      sub = e(draft) + " against " + ReportCounts.count(sources, "source")
    } else {
      sub = ReportCounts.count(report.documents.count, "document")
    }
    page.line("<h1>\(heading)<span class=\"sub\">\(sub)</span></h1>")
    page.line("<p class=\"summary\">\(e(counts.summary(for: report.kind)))</p>")
    var links: [String] = []
    if report.kind != .segments { links.append("<a href=\"#matrix\">Claim matrix</a>") }
    if report.kind == .check { links.append("<a href=\"#findings\">Findings (\(report.findings.count))</a>") }
    links.append("<a href=\"#documents\">Documents (\(report.documents.count))</a>")
    links.append("<a href=\"#problems\">Input problems (\(report.inputErrors.count))</a>")
    page.line("<nav>" + links.joined() + "</nav>")
    page.line("</header>")
  }
}

// MARK: - Claim matrix

extension HTMLReporter {
  static func renderMatrix(_ report: Report, includeFindings: Bool, into page: inout HTMLPage) {
    let matrix = ClaimMatrix(report, includeFindings: includeFindings)
    page.line("<section id=\"matrix\">")
    page.line("<h2>Claim matrix</h2>")
    page.line(
      "<p class=\"hint\">One row per fact, one column per document. Each cell shows the words as written in that "
        + "document and links to the file and line.</p>")
    var legend: [String] = []
    if includeFindings {
      for severity in [Severity.error, .warning, .note] {
        legend.append("<li><span class=\"swatch sev-\(severity.rawValue)\"></span>\(severity.rawValue): flagged span and its sources</li>")
      }
    }
    legend.append("<li><span class=\"swatch agree\"></span>agrees with another document</li>")
    legend.append("<li>— no span of this row in the document</li>")
    page.line("<ul class=\"legend\">" + legend.joined() + "</ul>")
    guard !matrix.rows.isEmpty, !matrix.columns.isEmpty else {
      page.line("<p class=\"empty\">no findings and no corroborated claims to compare</p>")
      page.line("</section>")
      return
    }
    let present = matrix.rows.map { rowGroup($0, report: report) }
    let groups = ["error", "warning", "note", "agree"].filter { present.contains($0) }
    var filters = "<div class=\"filters\" id=\"matrix-filters\" hidden>"
    for group in groups {
      let name = group == "agree" ? "agreeing" : group
      filters += "<label><input type=\"checkbox\" value=\"\(group)\" checked> \(name)</label>"
    }
    filters += "<input type=\"search\" id=\"matrix-search\" placeholder=\"filter rows by text\" aria-label=\"filter rows by text\"></div>"
    page.line(filters)
    page.line("<div class=\"matrix-wrap\">")
    page.line("<table id=\"claim-matrix\" class=\"matrix\">")
    var head = "<thead><tr><th scope=\"col\" class=\"fact-col\">Fact</th>"
    for column in matrix.columns {
      let role = column.isDraft ? "<span class=\"role\">draft</span>" : (report.draftPath != nil ? "<span class=\"role source\">source</span>" : "")
      var cell = "<th scope=\"col\" title=\"\(e(column.path))\">" + role
      cell += "<span class=\"file\">\(e(HTMLText.fileName(column.path)))</span>"
      let directory = HTMLText.directory(column.path)
      if !directory.isEmpty { cell += "<span class=\"dir\">\(e(directory))</span>" }
      if let date = column.date { cell += "<span class=\"date\">dated \(e(date.description))</span>" }
      head += cell + "</th>"
    }
    page.line(head + "</tr></thead>")
    page.line("<tbody>")
    for row in matrix.rows {
      page.line(renderRow(row, matrix: matrix, report: report))
    }
    page.line("</tbody>")
    page.line("</table>")
    page.line("</div>")
    page.line("</section>")
  }

  /// The filter group of a row: its finding's severity, or "agree".
  static func rowGroup(_ row: ClaimMatrix.Row, report: Report) -> String {
    switch row.fact {
    case .finding(let index): return index < report.findings.count ? report.findings[index].severity.rawValue : "note"
    case .agreement: return "agree"
    }
  }

  /// One `<tr>`: the fact's header cell, then one cell per column.
  static func renderRow(_ row: ClaimMatrix.Row, matrix: ClaimMatrix, report: Report) -> String {
    let group = rowGroup(row, report: report)
    var html = "<tr class=\"group-\(group)\" data-group=\"\(group)\"><th scope=\"row\">"
    var severity: Severity? = nil
    switch row.fact {
    case .finding(let index):
      guard index < report.findings.count else { break }
      let finding = report.findings[index]
      severity = finding.severity
      html += "<span class=\"badge sev-\(finding.severity.rawValue)\">\(finding.severity.rawValue)</span> "
      html += "<a class=\"rule\" href=\"#finding-\(index + 1)\">\(e(finding.ruleID))</a>"
      html += "<span class=\"msg\">\(e(finding.message))</span>"
    case .agreement(let kind, let value):
      html += "<span class=\"badge agree\">agrees</span> <span class=\"kind\">\(e(kind))</span>"
      html += "<span class=\"msg\">\(e(value))</span>"
    }
    html += "</th>"
    for entries in row.cells {
      html += renderCell(entries, severity: severity)
    }
    return html + "</tr>"
  }

  /// One matrix cell: its spans as links, coloured by the strongest role it holds.
  static func renderCell(_ entries: [ClaimMatrix.Entry], severity: Severity?) -> String {
    guard !entries.isEmpty else { return "<td class=\"cell empty\">—</td>" }
    let sev = (severity ?? .note).rawValue
    let cls: String
    if entries.contains(where: { $0.role == .primary }) {
      cls = "cell hl primary sev-\(sev)"
    } else if entries.contains(where: { if case .conflict = $0.role { return true } else { return false } }) {
      cls = "cell hl conflict sev-\(sev)"
    } else {
      cls = "cell agree"
    }
    var html = "<td class=\"\(cls)\">"
    for entry in entries {
      let span = entry.span
      let tag: String
      switch entry.role {
      case .primary: tag = "flagged"
      case .conflict: tag = "source"
      case .agrees: tag = "agrees"
      }
      var title = span.locationDescription
      if case .conflict(let message) = entry.role, !message.isEmpty { title += ": " + message }
      let text = HTMLText.singleLine(span.text)
      html += "<a class=\"span\" href=\"\(HTMLText.href(path: span.path, line: span.line))\" title=\"\(e(title))\">"
      html += "<span class=\"text\">\(e(text.isEmpty ? "(empty span)" : text))</span>"
      html += "<span class=\"loc\">\(tag) · line \(span.line), col \(span.column)</span></a>"
    }
    return html + "</td>"
  }
}

// MARK: - Findings

extension HTMLReporter {
  static func renderFindings(_ report: Report, options: ReportOptions, into page: inout HTMLPage) {
    page.line("<section id=\"findings\">")
    page.line("<h2>Findings</h2>")
    guard !report.findings.isEmpty else {
      page.line("<p class=\"empty\">no findings</p>")
      page.line("</section>")
      return
    }
    let sources = SourceLookup(report)
    var names: [(String, String)] = []
    for rule in report.rules { names.append((rule.identifier, rule.name)) }
    page.line("<ol class=\"findings\">")
    for (index, finding) in report.findings.enumerated() {
      let sev = finding.severity.rawValue
      page.line("<li class=\"finding sev-\(sev)\" id=\"finding-\(index + 1)\">")
      var head = "<div class=\"head\">"
      head += location(finding.span) + " "
      head += "<span class=\"badge sev-\(sev)\">\(sev)</span> "
      head += "<span class=\"msg\">\(e(finding.message))</span> "
      let name = names.first { $0.0 == finding.ruleID }?.1
      let ruleTitle = name.map { " title=\"\(e($0))\"" } ?? ""
      head += "<span class=\"rule\"\(ruleTitle)>[\(e(finding.ruleID))]</span></div>"
      page.line(head)
      if options.snippets, let snippet = snippet(for: finding, sources: sources) { page.line(snippet) }
      if !finding.notes.isEmpty {
        page.line("<ul class=\"notes\">")
        for note in finding.notes {
          let loc = note.span.map { location($0) + " " } ?? ""
          page.line("<li>\(loc)<span class=\"note-tag\">note:</span> \(e(note.message))</li>")
        }
        page.line("</ul>")
      }
      if let help = finding.help { page.line("<p class=\"help\"><b>help:</b> \(e(help))</p>") }
      page.line("</li>")
    }
    page.line("</ol>")
    page.line("</section>")
  }

  /// A link showing `path:line:col` that opens the file at the line.
  static func location(_ span: SourceSpan) -> String {
    "<a class=\"loc\" href=\"\(HTMLText.href(path: span.path, line: span.line))\">\(e(span.locationDescription))</a>"
  }

  /// The finding's first line from the user's file with the span marked, and its label; nil without
  /// the file or when the line is outside it.
  static func snippet(for finding: Finding, sources: SourceLookup) -> String? {
    let span = finding.span
    guard let source = sources.source(for: span.path), span.line >= 1, span.line <= source.lineIndex.lineStarts.count
    else { return nil }
    let scalars = Array(source.lineText(span.line).unicodeScalars)
    let start = max(0, min(span.column - 1, scalars.count))
    let end: Int
    if span.endLine == span.line {
      end = max(start, min(span.endColumn - 1, scalars.count))
    } else {
      end = scalars.count
    }
    func text(_ range: Range<Int>) -> String {
      var s = ""
      s.unicodeScalars.append(contentsOf: scalars[range])
      return e(s)
    }
    // A long line (minified HTML) is cut to a window around the span, as in the text output.
    let long = scalars.count > TextReporter.maxSnippetWidth
    let lo = long ? max(0, start - 60) : 0
    let hi = long ? min(scalars.count, max(end, start + 1) + 60) : scalars.count
    var html = "<pre class=\"snippet\"><span class=\"ln\">\(span.line)</span>"
    if lo > 0 { html += "…" }
    html += text(lo..<start)
    html += "<mark class=\"sev-\(finding.severity.rawValue)\">" + text(start..<end) + "</mark>"
    html += text(end..<max(end, hi))
    if hi < scalars.count { html += "…" }
    if let label = finding.label, !label.isEmpty { html += "<span class=\"label\">\(e(label))</span>" }
    return html + "</pre>"
  }
}

// MARK: - Documents

extension HTMLReporter {
  static func renderDocuments(
    _ report: Report, options: ReportOptions, showClaims: Bool, claimsOpen: Bool, into page: inout HTMLPage
  ) {
    page.line("<section id=\"documents\">")
    page.line("<h2>Documents</h2>")
    page.line(
      "<p class=\"hint\">What was read of each file: its segments by line, coloured by kind. "
        + "Only reportage, lists, headlines and comments are read for claims.</p>")
    var legend: [String] = []
    for kind in SegmentKind.allCases {
      legend.append("<li><span class=\"swatch k-\(kind.rawValue)\"></span>\(kind.rawValue)</li>")
    }
    legend.append("<li><span class=\"swatch unread\"></span>not in any segment</li>")
    page.line("<ul class=\"legend\">" + legend.joined() + "</ul>")
    if report.documents.isEmpty { page.line("<p class=\"empty\">no documents</p>") }
    for (index, entry) in report.documents.enumerated() {
      renderDocument(
        entry, number: index + 1, isDraft: entry.document.path == report.draftPath, options: options,
        showClaims: showClaims, claimsOpen: claimsOpen, into: &page)
    }
    page.line("</section>")
  }

  static func renderDocument(
    _ entry: DocumentReport, number: Int, isDraft: Bool, options: ReportOptions, showClaims: Bool, claimsOpen: Bool,
    into page: inout HTMLPage
  ) {
    let document = entry.document
    let path = document.path
    let lineCount = lineCount(of: document.source)
    page.line("<article class=\"document\" id=\"doc-\(number)\">")
    let role = isDraft ? " <span class=\"badge draft\">draft</span>" : ""
    page.line("<h3><a href=\"\(HTMLText.href(path: path, line: nil))\">\(e(path))</a>\(role)</h3>")
    var meta = [document.format.rawValue, ReportCounts.count(lineCount, "line")]
    if let date = document.date {
      var dated = "dated " + date.description
      if let evidence = document.dateEvidence, !evidence.isEmpty { dated += " (from " + evidence + ")" }
      meta.append(dated)
    } else {
      meta.append("no date")
    }
    if let title = document.title, !title.isEmpty { meta.append("title '" + HTMLText.singleLine(title) + "'") }
    if let author = document.author, !author.isEmpty { meta.append("by '" + HTMLText.singleLine(author) + "'") }
    page.line("<p class=\"meta\">\(e(meta.joined(separator: " · ")))</p>")
    if !document.remarks.isEmpty {
      page.line("<ul class=\"remarks\">" + document.remarks.map { "<li>note: \(e($0))</li>" }.joined() + "</ul>")
    }
    if document.segments.isEmpty {
      page.line("<p class=\"empty\">no segments</p>")
    } else {
      let ranges = document.segments.map { SegmentLines($0, in: document.source) }
      var bar = "<div class=\"segbar\" role=\"img\" aria-label=\"segment map of \(e(path))\">"
      for (segment, range) in zip(document.segments, ranges) {
        let left = HTMLText.percent(range.start - 1, of: lineCount)
        let width = HTMLText.percent(range.end - range.start + 1, of: lineCount)
        let kind = segment.kind.rawValue
        bar += "<a class=\"seg k-\(kind)\" style=\"left:\(left);width:\(width)\" href=\"\(HTMLText.href(path: path, line: range.start))\""
        bar += " title=\"\(e(segmentTitle(segment, range)))\"></a>"
      }
      page.line(bar + "</div>")
      page.line("<table class=\"plain segments\">")
      page.line("<thead><tr><th>Lines</th><th>Kind</th><th>Author</th><th>Reason</th><th>Text</th></tr></thead>")
      page.line("<tbody>")
      for (segment, range) in zip(document.segments, ranges) {
        let kind = segment.kind.rawValue
        var row = "<tr><td class=\"lines\"><a href=\"\(HTMLText.href(path: path, line: range.start))\">\(lineRange(range))</a></td>"
        row += "<td><span class=\"chip k-\(kind)\">\(kind)</span></td>"
        row += "<td>\(e(segment.author.map(HTMLText.singleLine) ?? ""))</td>"
        row += "<td>\(e(segment.reason.map(HTMLText.singleLine) ?? ""))</td>"
        row += "<td class=\"preview\">\(e(preview(segment.text)))"
        if options.includeSegmentText {
          row += "<details class=\"segtext\"><summary>full text</summary><pre>\(e(segment.text))</pre></details>"
        }
        page.line(row + "</td></tr>")
      }
      page.line("</tbody>")
      page.line("</table>")
    }
    if showClaims { renderClaims(entry, open: claimsOpen, into: &page) }
    page.line("</article>")
  }

  /// The number of lines of a file; a final line break ends the last line rather than starting one.
  static func lineCount(of source: SourceFile) -> Int {
    var count = source.lineIndex.lineStarts.count
    if source.bytes.last == 0x0A { count -= 1 }
    return max(1, count)
  }

  /// "7–8" or "5".
  static func lineRange(_ range: SegmentLines) -> String {
    range.start == range.end ? "\(range.start)" : "\(range.start)–\(range.end)"
  }

  /// "lines 7–8: comment by 'name' (reason)".
  static func segmentTitle(_ segment: Segment, _ range: SegmentLines) -> String {
    var title = (range.start == range.end ? "line " : "lines ") + lineRange(range) + ": " + segment.kind.rawValue
    if let author = segment.author { title += " by '" + HTMLText.singleLine(author) + "'" }
    if let reason = segment.reason, !reason.isEmpty { title += " (" + HTMLText.singleLine(reason) + ")" }
    return title
  }

  /// The first 90 characters of a segment's text on one line, with an ellipsis when cut.
  static func preview(_ text: String) -> String {
    let flat = HTMLText.singleLine(text).trimmingSpaces
    guard flat.count > 90 else { return flat }
    return String(flat.prefix(90)).trimmingSpaces + "…"
  }

  static func renderClaims(_ entry: DocumentReport, open: Bool, into page: inout HTMLPage) {
    let count = ReportCounts.count(entry.claims.count, "claim")
    guard !entry.claims.isEmpty else {
      page.line("<p class=\"empty\">no claims</p>")
      return
    }
    page.line("<details class=\"claims\"\(open ? " open" : "")><summary>\(count) read</summary>")
    page.line("<table class=\"plain claims\">")
    page.line("<thead><tr><th>Line</th><th>Kind</th><th>Layer</th><th>As written</th><th>Reading</th><th>Agreeing</th></tr></thead>")
    page.line("<tbody>")
    for (index, claim) in entry.claims.enumerated() {
      let span = claim.span
      var agreeing = ""
      if let counts = entry.corroboration, index < counts.count { agreeing = String(counts[index]) }
      var row = "<tr><td class=\"lines\"><a href=\"\(HTMLText.href(path: span.path, line: span.line))\" title=\"\(e(span.locationDescription))\">\(span.line):\(span.column)</a></td>"
      row += "<td>\(claim.kind.rawValue)</td><td>\(claim.layer.rawValue)</td>"
      row += "<td>\(e(HTMLText.singleLine(span.text)))</td>"
      row += "<td>\(e(reading(of: claim)))</td><td>\(agreeing)</td></tr>"
      page.line(row)
    }
    page.line("</tbody>")
    page.line("</table>")
    page.line("</details>")
  }

  /// How claimlint read a claim, in a few words ("more than 1200 resident, evacuate; hedged: 'alleged'").
  static func reading(of claim: Claim) -> String {
    var parts: [String] = []
    switch claim.kind {
    case .quantity:
      if let q = claim.quantity {
        var s = q.qualifier.map { $0 + " " } ?? ""
        if q.isRange, let low = q.low, let high = q.high {
          s += HTMLText.grouped(low) + "–" + HTMLText.grouped(high)
        } else if let value = q.value {
          s += HTMLText.grouped(value)
        }
        if let unit = q.unit { s += unit == "percent" ? "%" : " " + unit }
        if let counted = q.counted { s += " " + counted }
        if let action = q.action { s += ", " + action }
        parts.append(s.trimmingSpaces)
        if q.superseded { parts.append("superseded") }
      }
    case .date:
      if let d = claim.date {
        if let resolved = d.resolved {
          parts.append(d.resolvedEnd.map { resolved.description + " to " + $0.description } ?? resolved.description)
        } else {
          parts.append("not resolved")
        }
      }
    case .attribution, .quote:
      if let a = claim.attribution { parts.append(a.speaker + " (" + a.verb + ")") }
    case .title:
      if let t = claim.title { parts.append(t.person + ": " + t.title) }
    case .event:
      if let ev = claim.event {
        var s = ev.type
        if !ev.participants.isEmpty { s += " of " + ev.participants.joined(separator: ", ") }
        if let place = ev.place { s += " in " + place }
        if let date = ev.date { s += " on " + date.description }
        parts.append(s)
      }
    }
    if claim.hedged {
      parts.append(claim.hedges.isEmpty ? "hedged" : "hedged: " + claim.hedges.map { "'" + $0 + "'" }.joined(separator: ", "))
    }
    if let author = claim.commentAuthor { parts.append("comment by '" + author + "'") }
    return HTMLText.singleLine(parts.joined(separator: "; "))
  }
}

// MARK: - Input problems

extension HTMLReporter {
  static func renderProblems(_ report: Report, into page: inout HTMLPage) {
    page.line("<section id=\"problems\">")
    page.line("<h2>Input problems</h2>")
    if report.inputErrors.isEmpty {
      page.line("<p class=\"empty\">every file was read</p>")
    } else {
      page.line("<ul class=\"problems\">")
      for problem in report.inputErrors {
        let sev = problem.severity.rawValue
        page.line(
          "<li><span class=\"mono\">\(e(JUnitReporter.problemLocation(problem)))</span> "
            + "<span class=\"badge sev-\(sev)\">\(sev)</span> \(e(problem.message))</li>")
      }
      page.line("</ul>")
    }
    page.line("</section>")
  }
}

/// The page being written, line by line.
struct HTMLPage {
  private(set) var text = ""

  /// Appends `s` and a line break.
  mutating func line(_ s: String) {
    text += s
    text += "\n"
  }

  /// Appends `s` as it is (a block that already ends with a line break).
  mutating func raw(_ s: String) { text += s }
}

extension String {
  /// The string without leading and trailing spaces and line breaks (no Foundation needed).
  fileprivate var trimmingSpaces: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
