import ClaimLintCore

// The Codable structs of the JSON report, one per object of the schema documented on `JSONReporter`.
// They are built from the core model here and never decoded by claimlint itself.

/// The top-level object.
struct JSONReportDocument: Encodable {
  let schemaVersion: Int
  let kind: String
  let tool: JSONTool
  let mode: String
  let draft: Nullable<String>
  let documents: [JSONDocument]
  let findings: [JSONFinding]
  let inputErrors: [JSONInputError]
  let summary: JSONSummary
}

/// `tool`: the name and version that wrote the report.
struct JSONTool: Encodable {
  let name: String
  let version: String
}

/// One entry of `documents`.
struct JSONDocument: Encodable {
  let path: String
  let format: String
  let title: Nullable<String>
  let author: Nullable<String>
  let date: Nullable<String>
  let dateEvidence: Nullable<String>
  let remarks: [String]
  let segments: [JSONSegment]
  let claimCount: Int
  /// Present only in claims reports.
  let claims: [JSONClaim]?

  init(_ entry: DocumentReport, kind: Report.Kind, options: ReportOptions) {
    let document = entry.document
    path = document.path
    format = document.format.rawValue
    title = Nullable(document.title)
    author = Nullable(document.author)
    date = Nullable(document.date?.description)
    dateEvidence = Nullable(document.dateEvidence)
    remarks = document.remarks
    segments = document.segments.map { JSONSegment($0, in: document.source, includeText: options.includeSegmentText) }
    claimCount = entry.claimCount
    if kind == .claims {
      claims = entry.claims.enumerated().map { index, claim in
        var corroboration: Int? = nil
        if let counts = entry.corroboration, index < counts.count { corroboration = counts[index] }
        return JSONClaim(claim, corroboration: corroboration)
      }
    } else {
      claims = nil
    }
  }
}

/// One entry of a document's `segments`.
struct JSONSegment: Encodable {
  let kind: String
  let startLine: Int
  let endLine: Int
  let author: Nullable<String>
  let reason: Nullable<String>
  /// The extracted text; present only with `ReportOptions.includeSegmentText`.
  let text: String?

  init(_ segment: Segment, in source: SourceFile, includeText: Bool) {
    let lines = SegmentLines(segment, in: source)
    kind = segment.kind.rawValue
    startLine = lines.start
    endLine = lines.end
    author = Nullable(segment.author)
    reason = Nullable(segment.reason)
    text = includeText ? segment.text : nil
  }
}

/// One entry of `findings`.
struct JSONFinding: Encodable {
  let ruleId: String
  let severity: String
  let message: String
  let path: String
  let line: Int
  let column: Int
  let endLine: Int
  let endColumn: Int
  let text: String
  let label: Nullable<String>
  let notes: [JSONNote]
  let help: Nullable<String>
  let fingerprint: String
  let properties: [String: String]

  init(_ finding: Finding) {
    ruleId = finding.ruleID
    severity = finding.severity.rawValue
    message = finding.message
    path = finding.span.path
    line = finding.span.line
    column = finding.span.column
    endLine = finding.span.endLine
    endColumn = finding.span.endColumn
    text = finding.span.text
    label = Nullable(finding.label)
    notes = finding.notes.map(JSONNote.init)
    help = Nullable(finding.help)
    fingerprint = finding.fingerprint
    properties = finding.properties
  }
}

/// One entry of a finding's `notes`; the location keys are null for a note without a span.
struct JSONNote: Encodable {
  let path: Nullable<String>
  let line: Nullable<Int>
  let column: Nullable<Int>
  let endLine: Nullable<Int>
  let endColumn: Nullable<Int>
  let text: Nullable<String>
  let message: String

  init(_ note: Note) {
    path = Nullable(note.span?.path)
    line = Nullable(note.span?.line)
    column = Nullable(note.span?.column)
    endLine = Nullable(note.span?.endLine)
    endColumn = Nullable(note.span?.endColumn)
    text = Nullable(note.span?.text)
    message = note.message
  }
}

/// One entry of `inputErrors`.
struct JSONInputError: Encodable {
  let path: String
  let line: Nullable<Int>
  let column: Nullable<Int>
  let message: String
  let severity: String

  init(_ problem: InputProblem) {
    path = problem.path
    line = Nullable(problem.line)
    column = Nullable(problem.column)
    message = problem.message
    severity = problem.severity.rawValue
  }
}

/// `summary`: counts over the whole report.
struct JSONSummary: Encodable {
  let documents: Int
  let findings: Int
  let errors: Int
  let warnings: Int
  let notes: Int
  let inputErrors: Int

  init(_ counts: ReportCounts) {
    documents = counts.documents
    findings = counts.findings
    errors = counts.errors
    warnings = counts.warnings
    notes = counts.notes
    inputErrors = counts.inputErrors
  }
}

/// One entry of a document's `claims`: the common keys, then the keys of the claim's kind.
///
/// When a claim lacks the payload of its kind (a quantity claim without a `Quantity`), the kind's keys
/// are still written, all null.
struct JSONClaim: Encodable {
  let claim: Claim
  let corroboration: Int?

  init(_ claim: Claim, corroboration: Int?) {
    self.claim = claim
    self.corroboration = corroboration
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: JSONKey.self)
    func put<T: Encodable>(_ key: String, _ value: T?) throws { try c.encode(Nullable(value), forKey: JSONKey(key)) }
    func number(_ key: String, _ value: Double?) throws { try put(key, value.map(JSONNumber.init)) }

    try put("kind", claim.kind.rawValue)
    try put("layer", claim.layer.rawValue)
    try put("text", claim.span.text)
    try put("line", claim.span.line)
    try put("column", claim.span.column)
    try put("endLine", claim.span.endLine)
    try put("endColumn", claim.span.endColumn)
    try put("sentence", claim.sentence)
    try put("hedged", claim.hedged)
    try put("hedges", claim.hedges)
    try put("commentAuthor", claim.commentAuthor)
    try put("corroboration", corroboration)

    switch claim.kind {
    case .quantity:
      let q = claim.quantity
      try number("value", q?.value)
      try number("low", q?.low)
      try number("high", q?.high)
      try put("lowInclusive", q?.lowInclusive)
      try put("highInclusive", q?.highInclusive)
      try put("qualifier", q?.qualifier)
      try put("direction", q?.direction.rawValue)
      try put("unit", q?.unit)
      try put("counted", q?.counted)
      try put("countedFamily", q?.countedFamily)
      try put("modifiers", q?.modifiers)
      try put("action", q?.action)
      try put("actionText", q?.actionText)
      try put("actor", q?.actor)
      try put("isRange", q?.isRange)
      try put("isVague", q?.isVague)
      try put("superseded", q?.superseded)
    case .date:
      let d = claim.date
      try put("date", d?.resolved?.description)
      try put("dateEnd", d?.resolvedEnd?.description)
      try put("resolved", d.map { $0.resolved != nil })
      try put("relative", d?.isRelative)
      try put("evidence", d?.evidence)
      try put("statedWeekday", d?.statedWeekday)
      try put("granularity", d?.granularity)
    case .attribution, .quote:
      let a = claim.attribution
      try put("speaker", a?.speaker)
      try put("speakerText", a?.speakerText)
      try put("verb", a?.verb)
      try put("content", a?.content)
    case .title:
      let t = claim.title
      try put("person", t?.person)
      try put("title", t?.title)
      try put("roles", t?.roles)
    case .event:
      let e = claim.event
      try put("eventType", e?.type)
      try put("participants", e?.participants)
      try put("place", e?.place)
      try put("date", e?.date?.description)
    }
  }
}
