import ClaimLintCore

/// How many documents, findings per severity and input problems a report holds, and the summary line
/// the text and GitHub reporters print.
struct ReportCounts: Equatable {
  var documents: Int
  var findings: Int
  var errors: Int
  var warnings: Int
  var notes: Int
  var inputErrors: Int
  var claims: Int
  var segments: Int

  /// Counts the contents of `report`.
  init(_ report: Report) {
    documents = report.documents.count
    findings = report.findings.count
    // Counted in place: filtering or reducing the arrays would copy every finding or document.
    var bySeverity = (error: 0, warning: 0, note: 0)
    for i in report.findings.indices {
      switch report.findings[i].severity {
      case .error: bySeverity.error += 1
      case .warning: bySeverity.warning += 1
      case .note: bySeverity.note += 1
      }
    }
    errors = bySeverity.error
    warnings = bySeverity.warning
    notes = bySeverity.note
    inputErrors = report.inputErrors.count
    var claims = 0
    var segments = 0
    for i in report.documents.indices {
      claims += report.documents[i].claimCount
      segments += report.documents[i].document.segments.count
    }
    self.claims = claims
    self.segments = segments
  }

  /// The last line of a check report: "1 error, 2 warnings in 5 documents", "no findings in 1 document",
  /// with "; 1 input problem" appended when files could not be read cleanly.
  ///
  /// Severities are listed from most to least severe, and only those that occur.
  var checkSummary: String {
    var parts: [String] = []
    if errors > 0 { parts.append(Self.count(errors, "error")) }
    if warnings > 0 { parts.append(Self.count(warnings, "warning")) }
    if notes > 0 { parts.append(Self.count(notes, "note")) }
    let what = parts.isEmpty ? "no findings" : parts.joined(separator: ", ")
    return what + " in " + Self.count(documents, "document") + inputSuffix
  }

  /// The last line of a claims report: "14 claims in 3 documents".
  var claimsSummary: String {
    Self.count(claims, "claim") + " in " + Self.count(documents, "document") + inputSuffix
  }

  /// The last line of a segments report: "9 segments in 2 documents".
  var segmentsSummary: String {
    Self.count(segments, "segment") + " in " + Self.count(documents, "document") + inputSuffix
  }

  /// The summary line for the report's kind.
  func summary(for kind: Report.Kind) -> String {
    switch kind {
    case .check: return checkSummary
    case .claims: return claimsSummary
    case .segments: return segmentsSummary
    }
  }

  private var inputSuffix: String {
    inputErrors == 0 ? "" : "; " + Self.count(inputErrors, "input problem")
  }

  /// "1 error", "2 errors".
  static func count(_ n: Int, _ noun: String) -> String {
    "\(n) \(noun)\(n == 1 ? "" : "s")"
  }
}
