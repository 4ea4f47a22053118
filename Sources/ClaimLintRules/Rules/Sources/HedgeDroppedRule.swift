import ClaimLintCore

/// Flags a draft figure stated as fact when every source that gives it hedges it ("alleged",
/// "reportedly", "suspects", "according to").
///
/// Runs only in pre-publish mode. A draft that keeps any hedge or attribution in the sentence is not
/// flagged. Known false alarms: a draft that attributes the figure in a neighbouring sentence.
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
        ], draft: "draft.md")
    ],
    triggeringExamples: [
      RuleExample(
        [
          "draft.md": "Police detained ↓40 traffickers at the border crossing on Sunday.\n",
          "wire.txt": "Police detained †40 alleged traffickers at the border crossing, the agency reported.\n",
        ], draft: "draft.md")
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
    return findings
  }
}
