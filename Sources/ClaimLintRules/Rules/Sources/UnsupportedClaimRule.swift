import ClaimLintCore

/// Notes a draft figure that no source states, in reportage or in comments.
///
/// Runs only in pre-publish mode, with severity note: the figure may come from the reporter's own
/// work; the note tells an editor which figures have no source among the ones given.
public struct UnsupportedClaimRule: Rule {
  public static let description = RuleDescription(
    identifier: "unsupported-claim",
    name: "Unsupported Claim",
    summary: "A draft figure is found in none of the sources",
    rationale: """
      A pre-publish check compares the draft with the material it was written from. A figure none of \
      them contains is either the reporter's own, which is fine, or a slip worth a second look.
      """,
    defaultSeverity: .note,
    prePublishOnly: true,
    tags: ["pre-publish"],
    nonTriggeringExamples: [
      RuleExample(
        [
          "draft.md": "Police arrested 25 suspects in the raid.\n",
          "wire.txt": "Officers arrested 25 suspects during the raid, police said.\n",
        ], draft: "draft.md")
    ],
    triggeringExamples: [
      RuleExample(
        [
          "draft.md": "Police arrested ↓25 suspects and seized 4 trucks in the raid.\n",
          "wire.txt": "Officers seized 4 trucks during the raid, police said.\n",
        ], draft: "draft.md")
    ]
  )

  public init() {}

  public func check(_ claims: AlignedClaims, in context: RuleContext) -> [Finding] {
    guard let draft = claims.draftIndex else { return [] }
    let support = FigureSupport(claims)
    let index = support.index()
    let cmp = QuantityComparison(claims)
    // Keys under which some source has a figure: a draft figure sharing one is a conflict, not unsupported.
    var sourceKeys = Set<String>()
    for r in claims.refs(where: { $0.kind == .quantity }) where r.document != draft {
      sourceKeys.formUnion(cmp.valueKeys(claims.claim(r)))
    }
    let conflictBlocks: Set<String>? = sourceKeys
    var sourceFigures: [Double: [Quantity]] = [:]
    for r in claims.refs(where: { $0.kind == .quantity }) where r.document != draft {
      if let q = claims.claim(r).quantity, let v = q.value { sourceFigures[v, default: []].append(q) }
    }
    var findings: [Finding] = []
    for (i, c) in claims.documents[draft].claims.enumerated() where c.kind == .quantity && c.layer == .reportage {
      guard let q = c.quantity, q.value != nil, q.counted != nil || q.unit != nil else { continue }
      let r = ClaimRef(document: draft, index: i)
      guard support.supporting(r, in: index).isEmpty else { continue }
      // A figure another rule already reports as conflicting is not also "unsupported".
      if let others = conflictBlocks, cmp.valueKeys(c).contains(where: { others.contains($0) }) { continue }
      // The same figure about the same kind of thing under another action is in a source (and is
      // quantity-action-mismatch's business).
      if let v = q.value, sourceFigures[v]?.contains(where: { claims.nouns.compatible($0, q) }) == true { continue }
      findings.append(
        Finding(
          ruleID: Self.description.identifier, severity: context.severity(of: Self.description),
          // "no source gives 'two' units": the figure as written, and what it counts when it counts something.
          message: "no source gives \(ClaimText.quoted(c.span.text))\(q.counted == nil ? "" : " " + ClaimText.countedPlural(q))",
          span: c.span, notes: [], label: "no source",
          fingerprint: Fingerprint.fnv1a([Self.description.identifier, c.span.path, ClaimText.number(q.value), q.counted ?? ""]),
          properties: ["value": ClaimText.number(q.value)]))
    }
    return findings
  }
}
