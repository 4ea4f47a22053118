import ClaimLintCore

/// reviewdog's rdjsonl: one `Diagnostic` JSON object per line (CI-FORMATS.md §3).
///
/// Columns count UTF-8 bytes, as reviewdog requires; they are recounted from the span's byte offsets and
/// the file's line starts (a curly quote before the span shifts them by two against the code-point
/// columns of the other formats). `end` is exclusive. When the report does not hold the file, the
/// code-point columns are used as they are. A trailing line break is left out of the range (see `SpanRegion`). Notes with a span become `related_locations`; notes
/// without one are appended to the message. Input problems are diagnostics without a rule code, with a
/// range only when they have a line. Claims and segments reports print only the input problems.
public enum RDJSONLReporter: Reporter {
  public static let identifier = "rdjsonl"
  public static let summary = "reviewdog diagnostics, one JSON object per line (columns in UTF-8 bytes)"

  public static func render(_ report: Report, options: ReportOptions) -> String {
    String(decoding: renderBytes(report, options: options), as: UTF8.self)
  }

  public static func renderBytes(_ report: Report, options: ReportOptions) -> [UInt8] {
    let sources = SourceLookup(report)
    let source = RDSource(name: report.tool.name, url: report.tool.informationURI.isEmpty ? nil : report.tool.informationURI)
    var out = JSONOutput(pretty: false, capacity: 4096 + 1000 * report.findings.count + 300 * report.inputErrors.count)
    for finding in report.findings {
      var message = finding.message
      var related: [RDRelatedLocation] = []
      for note in finding.notes {
        if let span = note.span {
          related.append(RDRelatedLocation(message: note.message, location: location(span, sources: sources)))
        } else {
          message += "\nnote: " + note.message
        }
      }
      if let help = finding.help { message += "\nhelp: " + help }
      let diagnostic = RDDiagnostic(
        message: message, location: location(finding.span, sources: sources), severity: severity(finding.severity),
        source: source,
        code: RDCode(value: finding.ruleID, url: SARIFReporter.helpURI(report.tool.informationURI, finding.ruleID)),
        relatedLocations: related.isEmpty ? nil : related)
      diagnostic.write(to: &out)
      out.appendByte(0x0A)
    }
    for problem in report.inputErrors {
      var range: RDRange? = nil
      if let line = problem.line {
        let start = RDPosition(line: line, column: problem.column)
        range = RDRange(start: start, end: nil)
      }
      let diagnostic = RDDiagnostic(
        message: problem.message, location: RDLocation(path: problem.path, range: range),
        severity: severity(problem.severity), source: source, code: nil, relatedLocations: nil)
      diagnostic.write(to: &out)
      out.appendByte(0x0A)
    }
    return out.takeBytes()
  }

  static func severity(_ severity: Severity) -> String {
    switch severity {
    case .error: return "ERROR"
    case .warning: return "WARNING"
    case .note: return "INFO"
    }
  }

  /// The span's path and range with columns in UTF-8 bytes.
  static func location(_ span: SourceSpan, sources: SourceLookup) -> RDLocation {
    guard let source = sources.source(for: span.path) else {
      return RDLocation(
        path: span.path,
        range: RDRange(
          start: RDPosition(line: span.line, column: span.column),
          end: RDPosition(line: span.endLine, column: span.endColumn)))
    }
    let region = SpanRegion(span, source: source)
    return RDLocation(
      path: span.path,
      range: RDRange(start: bytePosition(region.startOffset, in: source), end: bytePosition(region.endOffset, in: source)))
  }

  /// The 1-based line and 1-based UTF-8 byte column of a byte offset.
  static func bytePosition(_ offset: Int, in source: SourceFile) -> RDPosition {
    let clamped = max(0, min(offset, source.bytes.count))
    let line = source.lineIndex.line(of: clamped)
    let lineStart = source.lineIndex.lineStarts[line - 1]
    return RDPosition(line: line, column: clamped - lineStart + 1)
  }
}

// MARK: - Model (reviewdog proto/rdf, JSON field names as in its JSON Schema)

/// One reviewdog `Diagnostic`.
struct RDDiagnostic: Encodable {
  let message: String
  let location: RDLocation
  let severity: String
  let source: RDSource
  let code: RDCode?
  let relatedLocations: [RDRelatedLocation]?

  enum CodingKeys: String, CodingKey {
    case message, location, severity, source, code
    case relatedLocations = "related_locations"
  }
}

/// `location`: a path and an optional range.
struct RDLocation: Encodable {
  let path: String
  let range: RDRange?
}

/// `range`: start and exclusive end.
struct RDRange: Encodable {
  let start: RDPosition
  let end: RDPosition?
}

/// A 1-based line and 1-based UTF-8 byte column.
struct RDPosition: Encodable {
  let line: Int
  let column: Int?
}

/// `source`: the tool.
struct RDSource: Encodable {
  let name: String
  let url: String?
}

/// `code`: the rule id and its documentation.
struct RDCode: Encodable {
  let value: String
  let url: String?
}

/// `related_locations[]`.
struct RDRelatedLocation: Encodable {
  let message: String
  let location: RDLocation
}

// MARK: - Writing (keys sorted, nil properties left out, as `JSONEncoder` prints the model)

extension RDDiagnostic: JSONWritable {
  func write(to out: inout JSONOutput) {
    out.beginObject()
    if let code {
      out.key("code")
      code.write(to: &out)
    }
    out.key("location")
    location.write(to: &out)
    out.key("message")
    out.string(message)
    if let relatedLocations {
      out.key("related_locations")
      relatedLocations.write(to: &out)
    }
    out.key("severity")
    out.string(severity)
    out.key("source")
    source.write(to: &out)
    out.endObject()
  }
}

extension RDLocation: JSONWritable {
  func write(to out: inout JSONOutput) {
    out.beginObject()
    out.key("path")
    out.string(path)
    if let range {
      out.key("range")
      range.write(to: &out)
    }
    out.endObject()
  }
}

extension RDRange: JSONWritable {
  func write(to out: inout JSONOutput) {
    out.beginObject()
    if let end {
      out.key("end")
      end.write(to: &out)
    }
    out.key("start")
    start.write(to: &out)
    out.endObject()
  }
}

extension RDPosition: JSONWritable {
  func write(to out: inout JSONOutput) {
    out.beginObject()
    if let column {
      out.key("column")
      out.int(column)
    }
    out.key("line")
    out.int(line)
    out.endObject()
  }
}

extension RDSource: JSONWritable {
  func write(to out: inout JSONOutput) {
    out.beginObject()
    out.key("name")
    out.string(name)
    if let url {
      out.key("url")
      out.string(url)
    }
    out.endObject()
  }
}

extension RDCode: JSONWritable {
  func write(to out: inout JSONOutput) {
    out.beginObject()
    if let url {
      out.key("url")
      out.string(url)
    }
    out.key("value")
    out.string(value)
    out.endObject()
  }
}

extension RDRelatedLocation: JSONWritable {
  func write(to out: inout JSONOutput) {
    out.beginObject()
    out.key("location")
    location.write(to: &out)
    out.key("message")
    out.string(message)
    out.endObject()
  }
}
