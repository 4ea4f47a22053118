import ClaimLintCore

/// GitHub Actions workflow commands: one annotation per finding (CI-FORMATS.md §5).
///
/// ```
/// ::warning file=drafts/flood.md,line=3,col=16,endLine=3,endColumn=31,title=claimlint quantity-mismatch::count … differs from 1 source (see sources/wire.txt:9:41)%0Asources/wire.txt:9:41: note: …
/// ```
///
/// Severities map to `::error`, `::warning` and `::notice`. Annotations cannot carry related locations,
/// so the notes' locations are folded into the first line of the message and each note (and the help)
/// follows on its own line. Data is escaped as the Actions toolkit does (`%` → `%25`, CR → `%0D`,
/// LF → `%0A`; in properties also `:` → `%3A` and `,` → `%2C`). Input problems become annotations on
/// their file. A last plain line repeats the summary, and says where to look when a step has more
/// annotations of one severity than GitHub shows. Claims and segments reports print only the input
/// problems and the summary.
public enum GitHubActionsReporter: Reporter {
  public static let identifier = "github"
  public static let summary = "GitHub Actions workflow commands (annotations)"
  /// GitHub shows at most this many annotations of each of error and warning per step.
  static let annotationsShownPerStep = 10

  public static func render(_ report: Report, options: ReportOptions) -> String {
    let sources = SourceLookup(report)
    var lines: [String] = []
    for finding in report.findings { lines.append(command(for: finding, source: sources.source(for: finding.span.path))) }
    for problem in report.inputErrors { lines.append(command(for: problem)) }
    let counts = ReportCounts(report)
    var summary = "claimlint: " + counts.summary(for: report.kind)
    let errors = counts.errors + report.inputErrors.filter { $0.severity == .error }.count
    let warnings = counts.warnings + report.inputErrors.filter { $0.severity == .warning }.count
    if errors > annotationsShownPerStep || warnings > annotationsShownPerStep {
      summary += " (GitHub shows only \(annotationsShownPerStep) annotations of each severity per step; see the log or the SARIF report for the rest)"
    }
    lines.append(summary)
    return lines.joined(separator: "\n") + "\n"
  }

  /// The workflow command of one finding.
  ///
  /// With the finding's file at hand, a trailing line break is left out of the range (see `SpanRegion`).
  static func command(for finding: Finding, source: SourceFile? = nil) -> String {
    let span = finding.span
    let region = SpanRegion(span, source: source)
    let properties: [(String, String)] = [
      ("file", span.path), ("line", String(region.line)), ("col", String(region.column)),
      ("endLine", String(region.endLine)), ("endColumn", String(region.endColumn)),
      ("title", "claimlint " + finding.ruleID),
    ]
    var message = finding.message
    let located = finding.notes.compactMap { $0.span?.locationDescription }
    if !located.isEmpty { message += " (see " + located.joined(separator: ", ") + ")" }
    for note in finding.notes {
      message += "\n" + (note.span.map { $0.locationDescription + ": " } ?? "") + "note: " + note.message
    }
    if let help = finding.help { message += "\nhelp: " + help }
    return "::" + level(finding.severity) + " " + propertyList(properties) + "::" + escapeData(message)
  }

  /// The workflow command of one input problem.
  static func command(for problem: InputProblem) -> String {
    var properties: [(String, String)] = [("file", problem.path)]
    if let line = problem.line {
      properties.append(("line", String(line)))
      if let column = problem.column { properties.append(("col", String(column))) }
    }
    properties.append(("title", "claimlint"))
    return "::" + level(problem.severity) + " " + propertyList(properties) + "::" + escapeData(problem.message)
  }

  static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: return "error"
    case .warning: return "warning"
    case .note: return "notice"
    }
  }

  static func propertyList(_ properties: [(String, String)]) -> String {
    properties.map { $0.0 + "=" + escapeProperty($0.1) }.joined(separator: ",")
  }

  /// Message escaping of the Actions toolkit: `%`, CR and LF.
  public static func escapeData(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "%": out += "%25"
      case "\r": out += "%0D"
      case "\n": out += "%0A"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Property escaping of the Actions toolkit: as `escapeData`, plus `:` and `,`.
  public static func escapeProperty(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "%": out += "%25"
      case "\r": out += "%0D"
      case "\n": out += "%0A"
      case ":": out += "%3A"
      case ",": out += "%2C"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
