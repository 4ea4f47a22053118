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
    String(decoding: renderBytes(report, options: options), as: UTF8.self)
  }

  public static func renderBytes(_ report: Report, options: ReportOptions) -> [UInt8] {
    let style = TextStyle(color: options.color)
    var out = TextOutput(capacity: estimatedSize(of: report, options: options))
    var wroteBlock = false
    switch report.kind {
    case .check:
      if !report.findings.isEmpty {
        let sources = SourceLookup(report)
        for (index, finding) in report.findings.enumerated() {
          if index > 0 { out.append(options.snippets ? "\n\n" as StaticString : "\n") }
          writeFinding(finding, sources: sources, options: options, style: style, into: &out)
        }
        wroteBlock = true
      }
    case .claims:
      for (index, entry) in report.documents.enumerated() {
        if index > 0 { out.append("\n\n" as StaticString) }
        writeClaims(of: entry, into: &out)
      }
      wroteBlock = !report.documents.isEmpty
    case .segments:
      for (index, entry) in report.documents.enumerated() {
        if index > 0 { out.append("\n\n" as StaticString) }
        writeSegments(of: entry.document, into: &out)
      }
      wroteBlock = !report.documents.isEmpty
    }
    if !report.inputErrors.isEmpty {
      if wroteBlock { out.append("\n\n" as StaticString) }
      for (index, problem) in report.inputErrors.enumerated() {
        if index > 0 { out.append(byte: 0x0A) }
        out.append(renderProblem(problem, style: style))
      }
      wroteBlock = true
    }
    if wroteBlock { out.append("\n\n" as StaticString) }
    out.append(ReportCounts(report).summary(for: report.kind))
    out.append(byte: 0x0A)
    return out.bytes
  }

  /// A first guess at the size of the output in bytes, so the buffer rarely grows.
  static func estimatedSize(of report: Report, options: ReportOptions) -> Int {
    switch report.kind {
    case .check: return 4096 + (options.snippets ? 600 : 300) * report.findings.count + 200 * report.inputErrors.count
    case .claims: return 4096 + report.documents.reduce(0) { $0 + 100 + 160 * $1.claims.count }
    case .segments: return 4096 + report.documents.reduce(0) { $0 + 100 + 40 * $1.document.segments.count }
    }
  }
}

// MARK: - Findings

extension TextReporter {
  /// The header, snippet, notes and help of one finding, without a trailing newline.
  static func renderFinding(
    _ finding: Finding, sources: SourceLookup?, options: ReportOptions, style: TextStyle
  ) -> String {
    var out = TextOutput(capacity: 512)
    writeFinding(finding, sources: sources, options: options, style: style, into: &out)
    return out.text
  }

  /// Writes the header, snippet, notes and help of one finding, without a trailing newline.
  static func writeFinding(
    _ finding: Finding, sources: SourceLookup?, options: ReportOptions, style: TextStyle, into out: inout TextOutput
  ) {
    let color = severityColor(finding.severity)
    let span = finding.span
    writeLocation(span, style: style, into: &out)
    out.append(byte: 0x20)
    style.beginSeverity(color, &out)
    out.append(finding.severity.rawValue)
    out.append(byte: 0x3A)
    style.end(&out)
    out.append(byte: 0x20)
    style.beginBold(&out)
    out.append(finding.message)
    out.append(" [" as StaticString)
    out.append(finding.ruleID)
    out.append(byte: 0x5D)
    style.end(&out)

    let gutterWidth = String(span.line).utf8.count
    func blankGutter(_ out: inout TextOutput) {
      out.append(byte: 0x20, count: gutterWidth)
      out.append(" |" as StaticString)
    }
    var printedSnippet = false
    if options.snippets, let source = sources?.source(for: span.path),
      span.line >= 1, span.line <= source.lineIndex.lineStarts.count
    {
      var lineText = source.lineText(span.line)
      out.append(byte: 0x0A)
      blankGutter(&out)
      out.append(byte: 0x0A)
      out.append(span.line)
      out.append(" | " as StaticString)
      // `snippet(for:lineText:)`, written from the line's bytes: the line (or its window, with "…"
      // where it was cut), then the indent and carets under the span.
      lineText.withUTF8 { utf8 in
        let count = Self.scalarCount(utf8)
        let start = max(0, min(span.column - 1, count))
        var width = max(1, span.endLine == span.line ? span.endColumn - span.column : count - start)
        var lo = 0
        var loByte = 0
        var hiByte = utf8.count
        var cutAfter = false
        if count > maxSnippetWidth {
          width = min(width, 100)
          lo = max(0, start - 60)
          let hi = min(count, start + width + 60)
          loByte = Self.byteOffset(ofScalar: lo, in: utf8)
          hiByte = Self.byteOffset(ofScalar: hi, in: utf8)
          cutAfter = hi < count
        }
        if lo > 0 { out.append("…" as StaticString) }
        out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[loByte..<hiByte]))
        if cutAfter { out.append("…" as StaticString) }
        out.append(byte: 0x0A)
        blankGutter(&out)
        out.append(byte: 0x20)
        if lo > 0 { out.append(byte: 0x20) }
        Self.appendIndent(UnsafeBufferPointer(rebasing: utf8[loByte...]), scalars: start - lo, into: &out)
        style.beginSeverity(color, &out)
        out.append(byte: 0x5E, count: width)
        style.end(&out)
      }
      if let label = finding.label, !label.isEmpty {
        out.append(byte: 0x20)
        style.beginSeverity(color, &out)
        out.append(label)
        style.end(&out)
      }
      printedSnippet = true
    }
    if printedSnippet, !finding.notes.isEmpty || finding.help != nil {
      out.append(byte: 0x0A)
      blankGutter(&out)
    }
    for note in finding.notes {
      out.append(byte: 0x0A)
      if let span = note.span {
        writeLocation(span, style: style, into: &out)
        out.append(byte: 0x20)
      }
      style.beginSeverity(.note, &out)
      out.append("note:" as StaticString)
      style.end(&out)
      out.append(byte: 0x20)
      out.append(note.message)
    }
    if let help = finding.help {
      out.append(byte: 0x0A)
      out.append(byte: 0x20, count: gutterWidth + 1)
      out.append("= " as StaticString)
      style.beginBold(&out)
      out.append("help:" as StaticString)
      style.end(&out)
      out.append(byte: 0x20)
      out.append(help)
    }
  }

  /// The number of code points in valid UTF-8 (the bytes that do not continue a sequence).
  static func scalarCount(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    for byte in utf8 where byte & 0xC0 != 0x80 { count += 1 }
    return count
  }

  /// The byte offset of the code point with index `scalar` (the end when there are no more).
  static func byteOffset(ofScalar scalar: Int, in utf8: UnsafeBufferPointer<UInt8>) -> Int {
    var seen = 0
    for (offset, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 {
      if seen == scalar { return offset }
      seen += 1
    }
    return utf8.count
  }

  /// The whitespace under the first `scalars` code points of a line: a tab for a tab, else a space.
  static func appendIndent(_ utf8: UnsafeBufferPointer<UInt8>, scalars: Int, into out: inout TextOutput) {
    var seen = 0
    for byte in utf8 where byte & 0xC0 != 0x80 {
      if seen == scalars { break }
      out.append(byte: byte == 0x09 ? 0x09 : 0x20)
      seen += 1
    }
  }

  /// `path:line:col:` in bold (`SourceSpan.locationDescription` and a colon).
  static func writeLocation(_ span: SourceSpan, style: TextStyle, into out: inout TextOutput) {
    style.beginBold(&out)
    out.append(span.path)
    out.append(byte: 0x3A)
    out.append(span.line)
    out.append(byte: 0x3A)
    out.append(span.column)
    out.append(byte: 0x3A)
    style.end(&out)
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
  static func writeClaims(of entry: DocumentReport, into out: inout TextOutput) {
    let document = entry.document
    out.append(document.path)
    out.append(byte: 0x20)
    out.append(dateDescription(of: document))
    for remark in document.remarks {
      out.append("\n  note: " as StaticString)
      out.append(remark)
    }
    if entry.claims.isEmpty { out.append("\n  no claims" as StaticString) }
    for (index, claim) in entry.claims.enumerated() {
      var corroboration: Int? = nil
      if let counts = entry.corroboration, index < counts.count { corroboration = counts[index] }
      out.append("\n  " as StaticString)
      out.append(claimLine(claim, corroboration: corroboration))
    }
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
  static func writeSegments(of document: Document, into out: inout TextOutput) {
    out.append(document.path)
    for remark in document.remarks {
      out.append("\n  note: " as StaticString)
      out.append(remark)
    }
    if document.segments.isEmpty { out.append("\n  no segments" as StaticString) }
    for segment in document.segments {
      let range = SegmentLines(segment, in: document.source)
      out.append("\n  " as StaticString)
      out.append(range.start)
      out.append(byte: 0x2D)
      out.append(range.end)
      out.append(byte: 0x20)
      out.append(segment.kind.rawValue)
      if let author = segment.author {
        out.append(" '" as StaticString)
        out.append(singleLine(author))
        out.append(byte: 0x27)
      }
      if let reason = segment.reason, !reason.isEmpty {
        out.append(" (" as StaticString)
        out.append(singleLine(reason))
        out.append(byte: 0x29)
      }
    }
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
