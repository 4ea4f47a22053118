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
    errors = report.findings.filter { $0.severity == .error }.count
    warnings = report.findings.filter { $0.severity == .warning }.count
    notes = report.findings.filter { $0.severity == .note }.count
    inputErrors = report.inputErrors.count
    claims = report.documents.reduce(0) { $0 + $1.claimCount }
    segments = report.documents.reduce(0) { $0 + $1.document.segments.count }
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
