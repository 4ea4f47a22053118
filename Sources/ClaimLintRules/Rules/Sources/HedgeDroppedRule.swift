import ClaimLintCore

/// Flags a draft claim stated as fact when every source that gives it hedges it: a figure ("40 alleged
/// traffickers", "reportedly 300") or a statement without one ("the virus may have spread through a
/// sink drain", "the fire is believed to have started in the kitchen").
///
/// Runs only in pre-publish mode. A draft figure that keeps a hedge is not flagged; a draft statement
/// is not flagged when its sentence hedges or attributes it ("said", "according to"), or when any
/// source states it as fact. Known false alarms: a draft that attributes the claim in a neighbouring
/// sentence.
public struct HedgeDroppedRule: Rule {
  public static let description = RuleDescription(
    identifier: "hedge-dropped",
    name: "Hedge Dropped",
    summary: "A claim is stated as fact in the draft but hedged in every source",
    rationale: """
      Sources that say 'alleged criminals' or 'reportedly' have not established the fact. A draft that \
      drops the hedge makes a claim none of its sources make, which is a legal and a credibility risk.
      """,
    defaultSeverity: .warning,
    prePublishOnly: true,
    tags: ["hedge", "pre-publish"],
    nonTriggeringExamples: [
      RuleExample(
        [
          "draft.md": "Police say they detained 40 alleged traffickers at the border crossing.\n",
          "wire.txt": "Police reportedly detained 40 alleged traffickers at the border crossing.\n",
        ], draft: "draft.md"),
      RuleExample(
        [
          "draft.md": "Investigators said the fire started in the kitchen of the restaurant late on Friday.\n",
          "wire.txt": "The fire is believed to have started in the kitchen of the restaurant late on Friday.\n",
        ], draft: "draft.md"),
      RuleExample(
        [
          "draft.md": "The fire started in the kitchen of the restaurant late on Friday.\n",
          "wire.txt": "The fire is believed to have started in the kitchen of the restaurant late on Friday.\n",
          "daily.txt": "The fire started in the kitchen of the restaurant late on Friday, the fire service said.\n",
        ], draft: "draft.md"),
    ],
    triggeringExamples: [
      RuleExample(
        [
          "draft.md": "Police detained ↓40 traffickers at the border crossing on Sunday.\n",
          "wire.txt": "Police detained †40 alleged traffickers at the border crossing, the agency reported.\n",
        ], draft: "draft.md"),
      RuleExample(
        [
          "draft.md": "↓The fire started in the kitchen of the restaurant late on Friday.\n",
          "wire.txt": "†The fire is believed to have started in the kitchen of the restaurant late on Friday.\n",
        ], draft: "draft.md"),
    ]
  )

  public init() {}

  public func check(_ claims: AlignedClaims, in context: RuleContext) -> [Finding] {
    guard let draft = claims.draftIndex else { return [] }
    let support = FigureSupport(claims)
    let index = support.index()
    var findings: [Finding] = []
    for (i, c) in claims.documents[draft].claims.enumerated() where c.kind == .quantity && c.layer == .reportage && !c.hedged {
      guard let q = c.quantity, q.value != nil, !q.isVague else { continue }
      let r = ClaimRef(document: draft, index: i)
      let sources = support.supporting(r, in: index).filter { claims.claim($0).layer == .reportage }
      guard !sources.isEmpty, sources.allSatisfy({ claims.claim($0).hedged }) else { continue }
      var perDoc: [Int: ClaimRef] = [:]
      for o in sources.sorted() where perDoc[o.document] == nil { perDoc[o.document] = o }
      let notes = perDoc.keys.sorted().map { d -> Note in
        let o = claims.claim(perDoc[d]!)
        let words = o.hedges.map { "'\($0)'" }.joined(separator: ", ")
        return Note(span: o.span, message: "source says \(words): \(ClaimText.quoted(o.span.text))")
      }
      findings.append(
        Finding(
          ruleID: Self.description.identifier, severity: context.severity(of: Self.description),
          message: "\(ClaimText.quoted(c.span.text)) is stated as fact here but hedged in \(notes.count == 1 ? "its only source" : "all \(notes.count) sources")",
          span: c.span, notes: notes, help: "keep the sources' hedge or attribute the figure",
          label: "stated as fact",
          fingerprint: Fingerprint.fnv1a([Self.description.identifier, c.span.path, ClaimText.number(q.value), q.counted ?? ""]),
          properties: ["value": ClaimText.number(q.value), "counted": q.counted ?? ""]))
    }
    findings += statementFindings(claims, draft: draft, in: context)
    return findings
  }

  /// Statements without a figure: a draft sentence stated as fact ("the infection spread through a
  /// contaminated sink drain") when every source sentence that says the same thing hedges it ("may have
  /// spread", "is believed to have spread"). A draft sentence that hedges or attributes in any way, or
  /// that holds a figure (read above), is left alone; so is one that any source states as fact.
  func statementFindings(_ claims: AlignedClaims, draft: Int, in context: RuleContext) -> [Finding] {
    let drafted = HedgedStatements.sentences(of: draft, in: claims)
      .filter { $0.hedges.isEmpty && !$0.attributed && !$0.hasFigure && $0.words.count >= 4 }
    guard !drafted.isEmpty else { return [] }
    var sources: [(document: Int, sentences: [HedgedStatements.Sentence])] = []
    // Every source counts, a near copy of the draft too: it may be where the draft took the statement from.
    for d in claims.documents.indices where d != draft {
      sources.append((d, HedgedStatements.sentences(of: d, in: claims)))
    }
    var findings: [Finding] = []
    for s in drafted {
      var hedgedNotes: [Note] = []
      var statedAsFact = false
      for (_, sentences) in sources {
        let same = sentences.filter { HedgedStatements.sameStatement(s.words, $0.words) }
        guard !same.isEmpty else { continue }
        if same.contains(where: { $0.hedges.isEmpty }) {
          statedAsFact = true
          break
        }
        if let h = same.first(where: { !$0.hedges.isEmpty }) {
          let words = h.hedges.map { "'\($0)'" }.joined(separator: ", ")
          hedgedNotes.append(Note(span: h.span, message: "source says \(words): \(ClaimText.quoted(h.span.text))"))
        }
      }
      guard !statedAsFact, !hedgedNotes.isEmpty else { continue }
      findings.append(
        Finding(
          ruleID: Self.description.identifier, severity: context.severity(of: Self.description),
          message: "statement is made as fact here but hedged in \(hedgedNotes.count == 1 ? "its only source" : "all \(hedgedNotes.count) sources")",
          span: s.span, notes: hedgedNotes, help: "keep the sources' hedge or attribute the statement",
          label: "stated as fact",
          fingerprint: Fingerprint.fnv1a([Self.description.identifier, s.span.path] + s.words.sorted().prefix(8)),
          properties: ["statement": "true"]))
    }
    return findings
  }
}
