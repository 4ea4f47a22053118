import ClaimLintCore
import Testing

/// Hand-built reports over three small invented articles about a river flood.
///
/// The articles put multi-byte characters before the spans (Cyrillic, Hangul, curly quotes, an em
/// dash), so a column counted in bytes or UTF-16 instead of code points shows in the golden files, and
/// one source is HTML whose span covers an entity, so SARIF snippets must come from the file's bytes.
enum ReportFixture {
  static let tool = ToolInfo(version: "0.1.0", informationURI: "https://example.org/claimlint")

  static let draftText = """
    ---
    title: Sava flood reaches the old town
    date: 2024-08-17
    ---
    # Sava flood reaches the old town

    Officials in Sremska Mitrovica (Сремска Митровица) said “more than 1,200 residents” were evacuated on Tuesday night.
    Volunteers filled sandbags outside the 한빛마트 grocery, and deputy mayor Ana Ruiz said the levee “held for now”.

    The river crested at 6.4 metres on Friday, and the
    damage was caused by a breach upstream.

    """

  static let wireText = """
    SREMSKA MITROVICA, Aug 16 (Wire) — About 900 residents were evacuated overnight, the city’s emergency office said.
    The Sava crested at 6.4 metres on Thursday, officials said, and the damage was reportedly caused by a breach upstream.

    """

  static let portalText = """
    <!doctype html>
    <html><head><title>Sava flood</title></head><body>
    <article><p>Mayor Ana&nbsp;Ruiz visited the levee on Tuesday.</p></article>
    <section class="comments"><p><b>rečni_čuvar</b>: my cousin says 2,000 left — who knows.</p></section>
    </body></html>

    """

  static let draft = SourceFile(path: "drafts/river-flood.md", text: draftText)
  static let wire = SourceFile(path: "sources/wire-0412.txt", text: wireText)
  static let portal = SourceFile(path: "sources/portal.html", text: portalText)

  /// The span of the `occurrence`-th appearance of `needle` in `source` (quoting `quoted` if given).
  static func span(
    _ source: SourceFile, _ needle: String, occurrence: Int = 1, quoted: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> SourceSpan {
    guard let start = offset(of: needle, in: source, occurrence: occurrence) else {
      Issue.record("'\(needle)' not found in \(source.path)", sourceLocation: sourceLocation)
      return source.span(from: 0, to: 0)
    }
    return source.span(from: start, to: start + needle.utf8.count, text: quoted)
  }

  /// The byte offset of the `occurrence`-th appearance of `needle`.
  static func offset(of needle: String, in source: SourceFile, occurrence: Int = 1) -> Int? {
    let n = Array(needle.utf8)
    let bytes = source.bytes
    guard !n.isEmpty, n.count <= bytes.count else { return nil }
    var seen = 0
    for i in 0...(bytes.count - n.count) where bytes[i] == n[0] && Array(bytes[i..<(i + n.count)]) == n {
      seen += 1
      if seen == occurrence { return i }
    }
    return nil
  }

  /// A segment covering whole lines `first...last` of `source`, line breaks included.
  static func segment(
    _ kind: SegmentKind, _ source: SourceFile, lines first: Int, _ last: Int, author: String? = nil, reason: String? = nil
  ) -> Segment {
    let starts = source.lineIndex.lineStarts
    let start = starts[first - 1]
    let end = last < starts.count ? starts[last] : source.bytes.count
    let text = source.text(from: start, to: end)
    return Segment(kind: kind, text: text, map: .identity(sourceOffset: start, length: end - start), author: author, reason: reason)
  }

  // MARK: - Documents

  static var draftDocument: Document {
    Document(
      source: draft, format: .markdown, title: "Sava flood reaches the old town", date: CalendarDate(year: 2024, month: 8, day: 17),
      dateEvidence: "front matter",
      segments: [
        segment(.headline, draft, lines: 5, 5, reason: "markdown heading"),
        segment(.reportage, draft, lines: 7, 8),
        segment(.reportage, draft, lines: 10, 11),
      ])
  }

  static var wireDocument: Document {
    Document(
      source: wire, format: .text, date: CalendarDate(year: 2024, month: 8, day: 16), dateEvidence: "dateline",
      segments: [segment(.reportage, wire, lines: 1, 2)])
  }

  static var portalDocument: Document {
    Document(
      source: portal, format: .html, title: "Sava flood",
      segments: [
        segment(.reportage, portal, lines: 3, 3, reason: "<article>"),
        segment(.comment, portal, lines: 4, 4, author: "rečni_čuvar", reason: "section class 'comments'"),
      ],
      remarks: ["no publication date found; relative dates are not resolved"])
  }

  // MARK: - Rules

  static let rules: [RuleDescription] = [
    RuleDescription(
      identifier: "date-mismatch", name: "Date Mismatch", summary: "A date differs from the date a source gives for the same event",
      rationale: "A weekday resolved against the wrong article date moves an event by a day; editors need to see both readings.",
      defaultSeverity: .error, tags: ["claims", "date"],
      nonTriggeringExamples: [RuleExample(["draft.md": "The river crested on Thursday.", "wire.txt": "The river crested on Thursday."])],
      triggeringExamples: [
        RuleExample(["draft.md": "The river crested on ↓Friday.", "wire.txt": "The river crested on †Thursday, officials said."])
      ]),
    RuleDescription(
      identifier: "hedge-dropped", name: "Hedge Dropped", summary: "A claim is stated as fact but hedged in every source",
      rationale: "Dropping 'reportedly' or 'allegedly' turns a source's caution into the newsroom's own assertion.",
      defaultSeverity: .warning, tags: ["claims", "attribution"],
      nonTriggeringExamples: [RuleExample(["draft.md": "The breach was reportedly upstream.", "wire.txt": "The breach was reportedly upstream."])],
      triggeringExamples: [
        RuleExample(
          ["draft.md": "↓The damage was caused by a breach upstream.",
           "wire.txt": "The damage was †reportedly caused by a breach upstream.\nOfficials declined to comment."],
          draft: "draft.md")
      ]),
    RuleDescription(
      identifier: "quantity-mismatch", name: "Quantity Mismatch", summary: "A count differs from the same count in a source",
      rationale: "Editors need to know when a figure was changed, rounded up or taken from elsewhere.",
      defaultSeverity: .warning, tags: ["claims", "quantity"],
      nonTriggeringExamples: [RuleExample(["draft.md": "About 900 residents were evacuated.", "wire.txt": "Nearly 900 residents left."])],
      triggeringExamples: [
        RuleExample(["draft.md": "↓More than 1,200 residents were evacuated.", "wire.txt": "†About 900 residents were evacuated."])
      ]),
    RuleDescription(
      identifier: "title-mismatch", name: "Title Mismatch", summary: "A person's title differs from the title a source gives",
      rationale: "Titles change with reshuffles; a stale or inflated title is a common correction.",
      defaultSeverity: .note, tags: ["claims", "title"],
      nonTriggeringExamples: [RuleExample(["draft.md": "Mayor Ana Ruiz spoke.", "wire.txt": "Mayor Ana Ruiz spoke."])],
      triggeringExamples: [RuleExample(["draft.md": "↓Deputy mayor Ana Ruiz spoke.", "wire.txt": "†Mayor Ana Ruiz spoke."])]),
  ]

  // MARK: - Findings

  static var findings: [Finding] {
    let list = [
      Finding(
        ruleID: "quantity-mismatch", severity: .warning,
        message: "count of residents evacuated differs from 1 source: 'more than 1,200' here",
        span: span(draft, "more than 1,200 residents"),
        notes: [Note(span: span(wire, "About 900 residents"), message: "source reports 'About 900 residents' evacuated")],
        help: "use the sourced figure, or attribute the higher count to whoever gave it",
        label: "this article: more than 1,200",
        fingerprint: Fingerprint.fnv1a(["quantity-mismatch", "drafts/river-flood.md", "1200 resident evacuate", "sources/wire-0412.txt", "900 resident evacuate", "1"]),
        properties: ["value": "1200", "qualifier": "more than", "counted": "resident", "action": "evacuate", "sourceValue": "900"]),
      Finding(
        ruleID: "title-mismatch", severity: .note,
        message: "title of 'Ana Ruiz' differs from 1 source: 'deputy mayor' here",
        span: span(draft, "deputy mayor Ana Ruiz"),
        notes: [Note(span: span(portal, "Mayor Ana&nbsp;Ruiz", quoted: "Mayor Ana Ruiz"), message: "source calls her 'Mayor'")],
        fingerprint: Fingerprint.fnv1a(["title-mismatch", "drafts/river-flood.md", "ana ruiz deputy mayor", "sources/portal.html", "ana ruiz mayor", "1"]),
        properties: ["person": "Ana Ruiz", "title": "deputy mayor"]),
      Finding(
        ruleID: "date-mismatch", severity: .error,
        message: "date of the river's crest differs from 1 source",
        span: span(draft, "on Friday"),
        notes: [
          Note(span: span(wire, "on Thursday"), message: "source dates the crest to 15 August 2024 ('on Thursday', article dated 2024-08-16)"),
          Note(span: nil, message: "this article is dated 2024-08-17, so 'on Friday' reads as 16 August 2024"),
        ],
        label: "16 August 2024",
        fingerprint: Fingerprint.fnv1a(["date-mismatch", "drafts/river-flood.md", "crest 2024-08-16", "sources/wire-0412.txt", "crest 2024-08-15", "1"]),
        properties: ["date": "2024-08-16", "sourceDate": "2024-08-15"]),
      Finding(
        ruleID: "hedge-dropped", severity: .warning,
        message: "claim is stated as fact here but hedged in every source",
        span: span(draft, "the\ndamage was caused by a breach upstream"),
        notes: [Note(span: span(wire, "reportedly"), message: "source says 'reportedly'")],
        help: "keep the hedge, or name who established the cause",
        fingerprint: Fingerprint.fnv1a(["hedge-dropped", "drafts/river-flood.md", "damage caused breach upstream", "sources/wire-0412.txt", "reportedly", "1"])),
    ]
    return list.sorted(by: Finding.ordered)
  }

  static let inputErrors: [InputProblem] = [
    InputProblem(
      path: "sources/agency, late.txt",
      message: "file is not valid UTF-8 (first bad byte at offset 1532); read with replacement characters", severity: .warning),
    InputProblem(path: "sources/scan.pdf", message: "file looks binary; expected text, Markdown, or HTML"),
  ]

  // MARK: - Claims

  static var draftClaims: [Claim] {
    [
      Claim(
        kind: .quantity, layer: .reportage, span: span(draft, "more than 1,200 residents"),
        sentence: "Officials in Sremska Mitrovica (Сремска Митровица) said “more than 1,200 residents” were evacuated on Tuesday night.",
        quantity: Quantity(
          value: 1200, low: 1200, high: nil, lowInclusive: false, qualifier: "more than", direction: .above,
          counted: "resident", countedFamily: "person", action: "evacuate", actionText: "evacuated", actor: "officials")),
      Claim(
        kind: .date, layer: .reportage, span: span(draft, "on Tuesday night"),
        sentence: "Officials in Sremska Mitrovica (Сремска Митровица) said “more than 1,200 residents” were evacuated on Tuesday night.",
        date: DateMention(
          resolved: CalendarDate(year: 2024, month: 8, day: 13), isRelative: true,
          evidence: "weekday before the article date 2024-08-17")),
      Claim(
        kind: .title, layer: .reportage, span: span(draft, "deputy mayor Ana Ruiz"), sentence: "Volunteers filled sandbags outside the 한빛마트 grocery, and deputy mayor Ana Ruiz said the levee “held for now”.",
        sentenceIndex: 1, title: PersonTitle(person: "Ana Ruiz", title: "deputy mayor", roles: ["deputy mayor"])),
      Claim(
        kind: .quote, layer: .reportage, span: span(draft, "“held for now”"), sentence: "Volunteers filled sandbags outside the 한빛마트 grocery, and deputy mayor Ana Ruiz said the levee “held for now”.",
        sentenceIndex: 1,
        attribution: Attribution(speaker: "Ana Ruiz", speakerText: "Ana Ruiz", verb: "said", content: "held for now", isQuote: true)),
      Claim(
        kind: .quantity, layer: .reportage, span: span(draft, "6.4 metres"), sentence: "The river crested at 6.4 metres on Friday, and the damage was caused by a breach upstream.",
        sentenceIndex: 2, quantity: Quantity(value: 6.4, low: 6.4, high: 6.4, counted: "metre", action: "crest")),
    ]
  }

  static var portalClaims: [Claim] {
    [
      Claim(
        kind: .event, layer: .reportage, span: span(portal, "Mayor Ana&nbsp;Ruiz visited the levee", quoted: "Mayor Ana Ruiz visited the levee"),
        sentence: "Mayor Ana Ruiz visited the levee on Tuesday.",
        event: EventMention(type: "visit", participants: ["Ana Ruiz"], place: "the levee")),
      Claim(
        kind: .quantity, layer: .comment, span: span(portal, "2,000"), sentence: "my cousin says 2,000 left — who knows.",
        sentenceIndex: 1, hedged: true, hedges: ["who knows"], commentAuthor: "rečni_čuvar",
        quantity: Quantity(value: 2000, low: 2000, high: 2000, action: "leave", actionText: "left")),
    ]
  }

  // MARK: - Reports

  static func checkReport() -> Report {
    Report(
      kind: .check, tool: tool,
      documents: [
        DocumentReport(document: draftDocument, claims: draftClaims),
        DocumentReport(document: portalDocument, claims: portalClaims),
        DocumentReport(document: wireDocument, claims: []),
      ],
      findings: findings, inputErrors: inputErrors, rules: rules, exitStatus: 2)
  }

  static func claimsReport() -> Report {
    var report = checkReport()
    report.kind = .claims
    report.findings = []
    report.documents[0].corroboration = [0, 1, 0, 0, 1]
    return report
  }

  static func segmentsReport() -> Report {
    var report = checkReport()
    report.kind = .segments
    report.findings = []
    report.inputErrors = []
    report.exitStatus = 0
    return report
  }

  static func cleanReport() -> Report {
    Report(
      kind: .check, tool: tool, documents: [DocumentReport(document: wireDocument, claims: [])], rules: rules,
      exitStatus: 0, draftPath: "sources/wire-0412.txt")
  }
}
