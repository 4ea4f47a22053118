import ClaimLintCore

/// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers (CI-FORMATS.md §1).
///
/// The log has exactly one run, `automationDetails.id` "claimlint/" and `columnKind`
/// "unicodeCodePoints". `tool.driver.rules` lists every rule of the report (`Report.rules`) with the
/// metadata GitHub shows; a rule id used by a finding but missing from `Report.rules` gets a minimal
/// descriptor appended, so the log stays valid.
///
/// Each result has one location (the finding's span) and one related location per note that has a
/// span, linked from the message as `[path:line](n)`; notes without a span are appended to the message
/// as further sentences. Regions carry a `snippet` cut from the file's own bytes, so it matches the file
/// for HTML and Markdown too. URIs are relative to the repository root with `uriBaseId` "%SRCROOT%";
/// `originalUriBaseIds` is left out on purpose, so that GitHub and `validate-sarif --source-root`
/// resolve the paths against the checkout. `partialFingerprints` holds GitHub's
/// `primaryLocationLineHash` (computed from the file, see `GitHubLineHash`) and the finding's
/// line-independent `claimlint/claimPair/v1`.
///
/// `invocations[0]` records the exit status (`executionSuccessful` is false only for exit status 2) and
/// one `toolExecutionNotifications` entry per input problem. Claims and segments reports have no rule
/// results; their SARIF has an empty `results` array and the input problems as notifications.
public enum SARIFReporter: Reporter {
  public static let identifier = "sarif"
  public static let summary = "SARIF 2.1.0 for GitHub code scanning"

  /// The category GitHub groups uploads by; the trailing slash means "no run id".
  public static let automationID = "claimlint/"
  /// The fingerprint key under which the finding's own fingerprint is written.
  public static let fingerprintKey = "claimlint/claimPair/v1"
  /// The base id of every artifact URI: the repository root.
  public static let sourceRootID = "%SRCROOT%"
  /// GitHub limits rule descriptions to this many characters.
  static let descriptionLimit = 1024

  public static func render(_ report: Report, options: ReportOptions) -> String {
    String(decoding: renderBytes(report, options: options), as: UTF8.self)
  }

  public static func renderBytes(_ report: Report, options: ReportOptions) -> [UInt8] {
    var out = JSONOutput(pretty: true, capacity: 8192 + 3000 * report.findings.count + 500 * report.inputErrors.count)
    log(for: report).write(to: &out)
    out.appendByte(0x0A)
    return out.takeBytes()
  }

  /// The SARIF log of `report`.
  static func log(for report: Report) -> SARIFLog {
    var rules = report.rules.map { descriptor(for: $0, informationURI: report.tool.informationURI) }
    var ruleIndex: [String: Int] = [:]
    for (index, rule) in rules.enumerated() where ruleIndex[rule.id] == nil { ruleIndex[rule.id] = index }
    for finding in report.findings where ruleIndex[finding.ruleID] == nil {
      ruleIndex[finding.ruleID] = rules.count
      rules.append(minimalDescriptor(id: finding.ruleID, level: finding.severity, informationURI: report.tool.informationURI))
    }

    let sources = SourceLookup(report)
    var lineHashes = LineHashCache()
    let results = report.findings.map { finding in
      result(for: finding, ruleIndex: ruleIndex[finding.ruleID], sources: sources, lineHashes: &lineHashes)
    }
    let notifications = report.inputErrors.map(notification(for:))
    let informationURI = report.tool.informationURI.isEmpty ? nil : report.tool.informationURI
    let run = SARIFRun(
      tool: SARIFTool(
        driver: SARIFToolComponent(
          name: report.tool.name, semanticVersion: report.tool.version, informationUri: informationURI, rules: rules)),
      automationDetails: SARIFAutomationDetails(id: automationID),
      columnKind: "unicodeCodePoints",
      results: results,
      invocations: [
        SARIFInvocation(
          executionSuccessful: report.exitStatus != 2, exitCode: report.exitStatus,
          toolExecutionNotifications: notifications.isEmpty ? nil : notifications)
      ])
    return SARIFLog(runs: [run])
  }
}

// MARK: - Rules

extension SARIFReporter {
  /// The reporting descriptor of a rule: names, descriptions, help with one example, level and tags.
  static func descriptor(for rule: RuleDescription, informationURI: String) -> SARIFReportingDescriptor {
    let summary = rule.summary.isEmpty ? rule.name : rule.summary
    let rationale = rule.rationale.isEmpty ? summary : rule.rationale
    var helpText = rationale
    var helpMarkdown = rationale
    if let example = rule.triggeringExamples.first {
      helpText += "\n\n" + plainExample(example)
      helpMarkdown += "\n\n" + markdownExample(example)
    }
    return SARIFReportingDescriptor(
      id: rule.identifier,
      name: pascalName(rule.name, fallback: rule.identifier),
      shortDescription: SARIFMessage(text: truncated(summary.isEmpty ? rule.identifier : summary)),
      fullDescription: SARIFMessage(text: truncated(rationale.isEmpty ? rule.identifier : rationale)),
      help: SARIFMultiformatMessage(text: helpText.isEmpty ? rule.identifier : helpText, markdown: helpMarkdown),
      helpUri: helpURI(informationURI, rule.identifier),
      defaultConfiguration: SARIFConfiguration(level: rule.defaultSeverity.rawValue),
      properties: ruleProperties(tags: rule.tags, severity: rule.defaultSeverity))
  }

  /// A descriptor for a rule id the report has no description for.
  static func minimalDescriptor(id: String, level: Severity, informationURI: String) -> SARIFReportingDescriptor {
    SARIFReportingDescriptor(
      id: id, name: pascalName(id, fallback: id), shortDescription: SARIFMessage(text: id),
      fullDescription: SARIFMessage(text: id), help: SARIFMultiformatMessage(text: id, markdown: nil),
      helpUri: helpURI(informationURI, id), defaultConfiguration: SARIFConfiguration(level: level.rawValue),
      properties: ruleProperties(tags: [], severity: level))
  }

  static func ruleProperties(tags: [String], severity: Severity) -> SARIFRuleProperties {
    let problemSeverity: String
    switch severity {
    case .error: problemSeverity = "error"
    case .warning: problemSeverity = "warning"
    case .note: problemSeverity = "recommendation"
    }
    return SARIFRuleProperties(tags: tags, precision: severity == .error ? "high" : "medium", problemSeverity: problemSeverity)
  }

  /// `informationURI#rule-id`, the README anchor of the rule; nil without an information URI.
  static func helpURI(_ informationURI: String, _ id: String) -> String? {
    informationURI.isEmpty ? nil : informationURI + "#rule-" + id
  }

  /// "Quantity Mismatch" → "QuantityMismatch"; "quantity-mismatch" → "QuantityMismatch".
  static func pascalName(_ name: String, fallback: String) -> String {
    let words = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    let joined = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    return joined.isEmpty ? fallback : joined
  }

  /// Text cut to GitHub's limit at a word boundary, with an ellipsis when cut.
  static func truncated(_ text: String) -> String {
    guard text.count > descriptionLimit else { return text }
    var cut = String(text.prefix(descriptionLimit - 1))
    if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
    return cut + "…"
  }

  /// The example's articles without the `↓`/`†` markers, one per paragraph, for `help.text`.
  static func plainExample(_ example: RuleExample) -> String {
    var lines = ["Example that triggers this rule:"]
    for file in example.files {
      let body = stripMarkers(file.text).split(separator: "\n", omittingEmptySubsequences: false)
        .joined(separator: "\n    ")
      lines.append("  " + file.name + (example.draft == file.name ? " (draft)" : "") + ": " + body)
    }
    return lines.joined(separator: "\n")
  }

  /// The same example in Markdown: each article's name, then its text as a block quote.
  static func markdownExample(_ example: RuleExample) -> String {
    var parts = ["**Example that triggers this rule**"]
    for file in example.files {
      parts.append("`" + file.name + "`" + (example.draft == file.name ? " (draft)" : "") + ":")
      let quoted = stripMarkers(file.text).split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
      parts.append(quoted)
    }
    return parts.joined(separator: "\n\n")
  }

  /// The text with the example markers `↓` and `†` removed.
  static func stripMarkers(_ text: String) -> String {
    String(text.unicodeScalars.filter { $0 != "↓" && $0 != "†" }.map(Character.init))
  }
}

// MARK: - Results

extension SARIFReporter {
  /// One result: level, message with links, the primary location, related locations and fingerprints.
  static func result(
    for finding: Finding, ruleIndex: Int?, sources: SourceLookup, lineHashes: inout LineHashCache
  ) -> SARIFResult {
    let primarySource = sources.source(for: finding.span.path)
    var related: [SARIFLocation] = []
    var links: [String] = []
    var loose: [String] = []
    for note in finding.notes {
      guard let span = note.span else {
        loose.append(escapeBrackets(note.message))
        continue
      }
      let id = related.count + 1
      related.append(
        SARIFLocation(
          id: id, physicalLocation: physicalLocation(span, source: sources.source(for: span.path)),
          message: SARIFMessage(text: escapeBrackets(note.message))))
      links.append("[" + escapeBrackets("\(span.path):\(span.line)") + "](\(id))")
    }
    var text = escapeBrackets(finding.message)
    if !links.isEmpty { text += " (see " + links.joined(separator: ", ") + ")" }
    for sentence in loose { text += ". " + sentence }

    var fingerprints: [String: String] = [:]
    if let source = primarySource, let hash = lineHashes.hash(line: finding.span.line, in: source) {
      fingerprints["primaryLocationLineHash"] = hash
    }
    fingerprints[fingerprintKey] =
      finding.fingerprint.isEmpty
      ? Fingerprint.fnv1a([finding.ruleID, finding.span.path, finding.span.text]) : finding.fingerprint

    return SARIFResult(
      ruleId: finding.ruleID,
      ruleIndex: ruleIndex,
      level: finding.severity.rawValue,
      message: SARIFMessage(text: text),
      locations: [SARIFLocation(id: nil, physicalLocation: physicalLocation(finding.span, source: primarySource), message: nil)],
      relatedLocations: related.isEmpty ? nil : related,
      partialFingerprints: fingerprints,
      properties: finding.properties.isEmpty ? nil : finding.properties)
  }

  /// The file and region of a span; the snippet is cut from the file's bytes when the report holds it.
  ///
  /// A trailing line break is left out of the region (see `SpanRegion`).
  static func physicalLocation(_ span: SourceSpan, source: SourceFile?) -> SARIFPhysicalLocation {
    let r = SpanRegion(span, source: source)
    return SARIFPhysicalLocation(
      artifactLocation: SARIFArtifactLocation(uri: ArtifactURI.encode(span.path), uriBaseId: sourceRootID),
      region: SARIFRegion(
        startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn,
        snippet: source.map { SARIFArtifactContent(text: $0.text(from: r.startOffset, to: r.endOffset)) }))
  }

  /// An input problem as a tool execution notification pointing at the file.
  static func notification(for problem: InputProblem) -> SARIFNotification {
    let region = problem.line.map { SARIFRegion(startLine: $0, startColumn: problem.column, endLine: nil, endColumn: nil, snippet: nil) }
    let location = SARIFLocation(
      id: nil,
      physicalLocation: SARIFPhysicalLocation(
        artifactLocation: SARIFArtifactLocation(uri: ArtifactURI.encode(problem.path), uriBaseId: sourceRootID),
        region: region),
      message: nil)
    return SARIFNotification(level: problem.severity.rawValue, message: SARIFMessage(text: problem.message), locations: [location])
  }

  /// Literal brackets escaped as `\[` and `\]`, so that only our own links read as links (SARIF §3.11.6).
  static func escapeBrackets(_ text: String) -> String {
    // A bracket character always contains the byte of its bracket; most messages have none.
    guard text.utf8.contains(where: { $0 == 0x5B || $0 == 0x5D }),
      text.contains(where: { $0 == "[" || $0 == "]" })
    else { return text }
    var out = ""
    for ch in text {
      if ch == "[" || ch == "]" { out.append("\\") }
      out.append(ch)
    }
    return out
  }
}

/// Line hashes per file, computed at most once per file during one rendering.
struct LineHashCache {
  private var byPath: [String: GitHubLineHash.Lines] = [:]

  /// The GitHub line hash of the 1-based `line` of `source`.
  mutating func hash(line: Int, in source: SourceFile) -> String? {
    if let cached = byPath[source.path] { return cached.hash(ofLine: line) }
    let lines = GitHubLineHash.Lines(source: source)
    byPath[source.path] = lines
    return lines.hash(ofLine: line)
  }
}
