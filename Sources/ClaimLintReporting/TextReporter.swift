import ClaimLintCore

/// Human-readable output in the shape of a compiler's diagnostics (STYLE.md §5.1).
///
/// For a check report, each finding is printed as
///
/// ```
/// drafts/flood.md:3:16: warning: count of residents evacuated differs from 1 source [quantity-mismatch]
///   |
/// 3 | Officials said more than 1,200 residents were evacuated.
///   |                ^^^^^^^^^^^^^^^ this article: more than 1,200
///   |
/// sources/wire.txt:9:41: note: source reports about 900 residents evacuated
///   = help: use the sourced figure, or attribute the higher count to whoever gave it
/// ```
///
/// The header line stands alone; the snippet (the original line of the user's file, carets under the
/// span counted in code points, to the end of the line when the span runs on) is printed only when
/// `ReportOptions.snippets` is set and the report holds the file. Findings are separated by a blank line
/// when snippets are on. Input problems follow the findings as `path[:line[:col]]: severity: message`,
/// and a summary line ends the output ("1 error, 2 warnings in 5 documents"; "no findings in 1 document").
///
/// Claims and segments reports list each document with one line per claim or segment.
public enum TextReporter: Reporter {
  public static let identifier = "text"
  public static let summary = "diagnostics for people: header line, source snippet, notes and help"

  public static func render(_ report: Report, options: ReportOptions) -> String {
    let style = TextStyle(color: options.color)
    var blocks: [String] = []
    switch report.kind {
    case .check:
      let sources = SourceLookup(report)
      let findings = report.findings.map { renderFinding($0, sources: sources, options: options, style: style) }
      if !findings.isEmpty { blocks.append(findings.joined(separator: options.snippets ? "\n\n" : "\n")) }
    case .claims:
      let documents = report.documents.map { renderClaims(of: $0) }
      if !documents.isEmpty { blocks.append(documents.joined(separator: "\n\n")) }
    case .segments:
      let documents = report.documents.map { renderSegments(of: $0.document) }
      if !documents.isEmpty { blocks.append(documents.joined(separator: "\n\n")) }
    }
    if !report.inputErrors.isEmpty {
      blocks.append(report.inputErrors.map { renderProblem($0, style: style) }.joined(separator: "\n"))
    }
    blocks.append(ReportCounts(report).summary(for: report.kind))
    return blocks.joined(separator: "\n\n") + "\n"
  }
}

// MARK: - Findings

extension TextReporter {
  /// The header, snippet, notes and help of one finding, without a trailing newline.
  static func renderFinding(
    _ finding: Finding, sources: SourceLookup?, options: ReportOptions, style: TextStyle
  ) -> String {
    let color = severityColor(finding.severity)
    var lines: [String] = []
    lines.append(
      style.bold(finding.span.locationDescription + ":") + " "
        + style.severity(finding.severity.rawValue + ":", color) + " "
        + style.bold(finding.message + " [" + finding.ruleID + "]"))
    let gutterWidth = String(finding.span.line).count
    let blankGutter = String(repeating: " ", count: gutterWidth) + " |"
    var printedSnippet = false
    if options.snippets, let source = sources?.source(for: finding.span.path),
      finding.span.line >= 1, finding.span.line <= source.lineIndex.lineStarts.count
    {
      let shown = snippet(for: finding.span, lineText: source.lineText(finding.span.line))
      lines.append(blankGutter)
      lines.append(String(finding.span.line) + " | " + shown.text)
      var marker = (indent: shown.indent, carets: shown.carets)
      marker.carets = style.severity(marker.carets, color)
      var caretRow = blankGutter + " " + marker.indent + marker.carets
      if let label = finding.label, !label.isEmpty { caretRow += " " + style.severity(label, color) }
      lines.append(caretRow)
      printedSnippet = true
    }
    if printedSnippet, !finding.notes.isEmpty || finding.help != nil { lines.append(blankGutter) }
    for note in finding.notes {
      if let span = note.span {
        lines.append(style.bold(span.locationDescription + ":") + " " + style.severity("note:", .note) + " " + note.message)
      } else {
        lines.append(style.severity("note:", .note) + " " + note.message)
      }
    }
    if let help = finding.help {
      lines.append(String(repeating: " ", count: gutterWidth + 1) + "= " + style.bold("help:") + " " + help)
    }
    return lines.joined(separator: "\n")
  }

  /// The widest source line shown whole; a longer one (minified HTML, a page on one line) is cut to a
  /// window around the span, with "…" where it was cut.
  static let maxSnippetWidth = 160

  /// The source line to show for `span`, and the whitespace and carets under it. A line longer than
  /// `maxSnippetWidth` code points is cut to about 60 code points each side of the span, and the carets
  /// to at most 100.
  static func snippet(for span: SourceSpan, lineText: String) -> (text: String, indent: String, carets: String) {
    let scalars = Array(lineText.unicodeScalars)
    guard scalars.count > maxSnippetWidth else {
      let m = caretLine(for: span, lineText: lineText)
      return (lineText, m.indent, m.carets)
    }
    let full = caretLine(for: span, lineText: lineText)
    let start = max(0, min(span.column - 1, scalars.count))
    let width = min(full.carets.count, 100)
    let lo = max(0, start - 60)
    let hi = min(scalars.count, start + width + 60)
    var text = lo > 0 ? "…" : ""
    text.unicodeScalars.append(contentsOf: scalars[lo..<hi])
    if hi < scalars.count { text += "…" }
    let window = SourceSpan(
      path: span.path, startOffset: span.startOffset, endOffset: span.endOffset, line: 1, column: start - lo + 1 + (lo > 0 ? 1 : 0),
      endLine: 1, endColumn: start - lo + 1 + (lo > 0 ? 1 : 0) + width, text: span.text)
    let m = caretLine(for: window, lineText: text)
    return (text, m.indent, m.carets)
  }

  /// The whitespace before the carets and the carets themselves for `span` on its first line.
  ///
  /// Columns count code points. Tabs before the span are copied so the carets stay aligned in a terminal;
  /// a span that runs past the end of its line is marked to the end of the line. There is at least one caret.
  static func caretLine(for span: SourceSpan, lineText: String) -> (indent: String, carets: String) {
    let scalars = Array(lineText.unicodeScalars)
    let start = max(0, min(span.column - 1, scalars.count))
    var indent = ""
    for scalar in scalars[0..<start] { indent.append(scalar == "\t" ? "\t" : " ") }
    let width: Int
    if span.endLine == span.line {
      width = span.endColumn - span.column
    } else {
      width = scalars.count - start
    }
    return (indent, String(repeating: "^", count: max(1, width)))
  }

  static func severityColor(_ severity: Severity) -> TextStyle.SeverityColor {
    switch severity {
    case .error: return .error
    case .warning: return .warning
    case .note: return .note
    }
  }

  /// `path[:line[:col]]: severity: message`, with the severity coloured.
  static func renderProblem(_ problem: InputProblem, style: TextStyle) -> String {
    var location = problem.path
    if let line = problem.line {
      location += ":\(line)"
      if let column = problem.column { location += ":\(column)" }
    }
    return style.bold(location + ":") + " "
      + style.severity(problem.severity.rawValue + ":", severityColor(problem.severity)) + " " + problem.message
  }
}

// MARK: - Claims and segments

extension TextReporter {
  /// `path (date 2024-08-17 from dateline)`, then `  line:col kind layer 'text' key=value…` per claim.
  static func renderClaims(of entry: DocumentReport) -> String {
    let document = entry.document
    var lines = [document.path + " " + dateDescription(of: document)]
    lines += document.remarks.map { "  note: " + $0 }
    if entry.claims.isEmpty { lines.append("  no claims") }
    for (index, claim) in entry.claims.enumerated() {
      var corroboration: Int? = nil
      if let counts = entry.corroboration, index < counts.count { corroboration = counts[index] }
      lines.append("  " + claimLine(claim, corroboration: corroboration))
    }
    return lines.joined(separator: "\n")
  }

  /// "(date 2024-08-17 from dateline)", "(date 2024-08-17)" or "(no date)".
  static func dateDescription(of document: Document) -> String {
    guard let date = document.date else { return "(no date)" }
    if let evidence = document.dateEvidence, !evidence.isEmpty { return "(date \(date) from \(evidence))" }
    return "(date \(date))"
  }

  /// One claim: position, kind, layer, quoted text, then the fields of its kind as `key=value`.
  static func claimLine(_ claim: Claim, corroboration: Int?) -> String {
    var fields = ClaimFields()
    switch claim.kind {
    case .quantity:
      if let q = claim.quantity {
        fields.add("value", q.value.map(NumberText.format))
        fields.add("low", q.low.map(NumberText.format))
        fields.add("high", q.high.map(NumberText.format))
        fields.add("qualifier", q.qualifier)
        fields.add("unit", q.unit)
        fields.add("counted", q.counted)
        fields.add("action", q.action)
        fields.add("actor", q.actor)
        fields.flag("range", q.isRange)
        fields.flag("vague", q.isVague)
        fields.flag("superseded", q.superseded)
      }
    case .date:
      if let d = claim.date {
        fields.add("resolved", d.resolved.map { $0.description } ?? "none")
        fields.add("end", d.resolvedEnd.map { $0.description })
        fields.flag("relative", d.isRelative)
        fields.add("evidence", d.evidence)
      }
    case .attribution, .quote:
      if let a = claim.attribution {
        fields.add("speaker", a.speaker)
        fields.add("verb", a.verb)
      }
    case .title:
      if let t = claim.title {
        fields.add("person", t.person)
        fields.add("title", t.title)
      }
    case .event:
      if let e = claim.event {
        fields.add("type", e.type)
        fields.add("participants", e.participants.isEmpty ? nil : e.participants.joined(separator: ", "))
        fields.add("place", e.place)
        fields.add("date", e.date.map { $0.description })
      }
    }
    fields.flag("hedged", claim.hedged)
    fields.add("hedges", claim.hedges.isEmpty ? nil : claim.hedges.joined(separator: ", "))
    fields.add("author", claim.commentAuthor)
    fields.add("corroboration", corroboration.map(String.init))
    let head = "\(claim.span.line):\(claim.span.column) \(claim.kind.rawValue) \(claim.layer.rawValue) '"
      + singleLine(claim.span.text) + "'"
    return fields.items.isEmpty ? head : head + " " + fields.items.joined(separator: " ")
  }

  /// `path`, then `  startLine-endLine kind 'author' (reason)` per segment.
  static func renderSegments(of document: Document) -> String {
    var lines = [document.path]
    lines += document.remarks.map { "  note: " + $0 }
    if document.segments.isEmpty { lines.append("  no segments") }
    for segment in document.segments {
      let range = SegmentLines(segment, in: document.source)
      var line = "  \(range.start)-\(range.end) \(segment.kind.rawValue)"
      if let author = segment.author { line += " '" + singleLine(author) + "'" }
      if let reason = segment.reason, !reason.isEmpty { line += " (" + singleLine(reason) + ")" }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }

  /// Text with line breaks turned into spaces, so one claim or segment stays on one line.
  static func singleLine(_ s: String) -> String {
    guard s.contains(where: { $0.isNewline }) else { return s }
    return String(s.map { $0.isNewline ? " " : $0 })
  }
}

/// The `key=value` fields of one claim line, in the order they were added.
private struct ClaimFields {
  var items: [String] = []

  /// Adds `key=value` unless the value is nil; values other than plain words are single-quoted.
  mutating func add(_ key: String, _ value: String?) {
    guard let value else { return }
    items.append(key + "=" + Self.quoted(value))
  }

  /// Adds `key=true` when the flag is set.
  mutating func flag(_ key: String, _ value: Bool) {
    if value { items.append(key + "=true") }
  }

  static func quoted(_ value: String) -> String {
    let plain = !value.isEmpty && value.unicodeScalars.allSatisfy { s in
      (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || "._:/+-".unicodeScalars.contains(s)
    }
    return plain ? value : "'" + TextReporter.singleLine(value) + "'"
  }
}
