import ClaimLintCore

/// Flags a figure that cannot agree with the same figure in another source: same counted thing, same
/// action, intervals that do not overlap even after qualifiers ("148 victims" vs "184 victims";
/// "more than 600" vs "about 500").
///
/// "More than 300" and "312" are compatible, as are "12,000", "12 000" and "twelve thousand". A part of
/// an enumeration ("90 men and 12 women") is not compared with a total that it sums to ("102 people"),
/// and a figure the article marks as superseded ("initially 40") is not compared at all. Known false
/// alarms: tolls that changed between the publication times of two articles.
public struct QuantityMismatchRule: Rule {
  public static let description = RuleDescription(
    identifier: "quantity-mismatch",
    name: "Quantity Mismatch",
    summary: "A figure differs from the same figure in another source",
    rationale: """
      Editors need to know when a figure was changed, rounded up or taken from elsewhere. Figures are \
      compared as intervals: a qualifier such as 'more than' or 'about' widens what counts as agreement, \
      so only figures that cannot both be true are flagged. Two exact figures that differ are errors; a \
      disagreement that involves a qualifier is a warning.
      """,
    defaultSeverity: .error,
    tags: ["quantity", "cross-source"],
    nonTriggeringExamples: [
      RuleExample([
        "wire.txt": "Rescuers freed more than 300 workers from the compound on Friday.\n",
        "paper.txt": "Rescuers freed 312 workers from the compound, police said.\n",
      ]),
      RuleExample([
        "wire.txt": "Police detained 12,000 migrants at the border last year.\n",
        "paper.txt": "Police detained twelve thousand migrants at the border last year.\n",
      ]),
      RuleExample([
        "wire.txt": "Officials evacuated 1,200 residents on Monday.\n",
        "paper.txt": "Officials evacuated 900 cattle on Monday.\n",
      ]),
    ],
    triggeringExamples: [
      RuleExample([
        "a.txt": "Thai authorities received ↓148 victims rescued from the compound.\n",
        "b.txt": "Thai authorities received †184 victims rescued from the compound.\n",
      ])
    ]
  )

  public init() {}

  public func check(_ claims: AlignedClaims, in context: RuleContext) -> [Finding] {
    let cmp = QuantityComparison(claims)
    var findings: [Finding] = []
    var covered = Set<ClaimRef>()
    for block in QuantityBlocks.blocks(claims, keys: { cmp.valueKeys($0) }) {
      guard Set(block.map(\.document)).count > 1 else { continue }
      for r in block where claims.isDraftSide(r) && !covered.contains(r) {
        let conflicts = block.filter { o in
          claims.comparable(r.document, o.document) && !covered.contains(o) && cmp.conflict(r, o)
        }
        guard !conflicts.isEmpty else { continue }
        // Agreeing sources are not conflicts: a document that also states this figure (in any block:
        // "23 of the 51 seats" agrees with "23 seats") is not a conflicting source.
        let mineQ = claims.claim(r).quantity!
        let conflictDocs = Set(conflicts.map(\.document))
        let agreeingDocs = Set(conflictDocs.filter { d in
          claims.documents[d].claims.contains { c in
            guard c.kind == .quantity, c.layer == .reportage, let q = c.quantity, q.unit == mineQ.unit else { return false }
            guard q.counted == nil || mineQ.counted == nil || claims.nouns.compatible(q, mineQ) else { return false }
            if let v = q.value, let w = mineQ.value, v == w { return true }
            return false
          }
        })
        // One note per document: the conflicting claim whose sentence is closest to this one.
        var perDoc: [Int: ClaimRef] = [:]
        let mineWords = claims.words(r)
        func closeness(_ o: ClaimRef) -> Double { Salience.containment(mineWords, claims.words(o)) }
        for o in conflicts.sorted() where !agreeingDocs.contains(o.document) {
          if let current = perDoc[o.document], closeness(current) >= closeness(o) { continue }
          perDoc[o.document] = o
        }
        guard !perDoc.isEmpty else { continue }
        let noteRefs = perDoc.keys.sorted().map { perDoc[$0]! }
        covered.insert(r)
        if claims.draftIndex == nil { noteRefs.forEach { covered.insert($0) } }
        let natural = noteRefs.map { cmp.naturalSeverity(r, $0) }.max() ?? .warning
        let mine = claims.claim(r)
        let q = mine.quantity!
        findings.append(
          Finding(
            ruleID: Self.description.identifier,
            severity: context.severity(of: Self.description, natural: natural),
            message: .figureDiffers(mine, count: noteRefs.count),
            span: mine.span,
            notes: noteRefs.map { Note(span: claims.claim($0).span, message: .sourceReports(claims.claim($0))) }.sorted(),
            help: "use the sourced figure, or attribute this one to whoever gave it",
            label: "this article: \(mine.span.text)",
            fingerprint: Fingerprint.fnv1a(
              [Self.description.identifier, q.unit ?? "", q.counted ?? "", q.action ?? "", ClaimText.number(q.value)]
                + noteRefs.map { ClaimText.number(claims.claim($0).quantity!.value) }.sorted()
                + ([mine.span.path] + noteRefs.map { claims.claim($0).span.path }).sorted()),
            properties: [
              "value": ClaimText.number(q.value), "low": ClaimText.number(q.low), "high": ClaimText.number(q.high),
              "counted": q.counted ?? "", "action": q.action ?? "",
            ]))
      }
    }
    return findings
  }
}

extension String {
  fileprivate static func subject(_ c: Claim) -> String {
    let q = c.quantity!
    var s = q.unit != nil ? "amount" : "count of \(ClaimText.countedPlural(q))"
    if let a = q.actionText { s += " \(a)" }
    return s
  }

  fileprivate static func figureDiffers(_ c: Claim, count: Int) -> String {
    "\(subject(c)) differs from \(ClaimText.sources(count)): \(ClaimText.quoted(c.span.text)) here"
  }

  fileprivate static func sourceReports(_ c: Claim) -> String {
    "source reports \(ClaimText.quoted(c.span.text))"
  }
}
