import ClaimLintCore

/// Flags one article that gives the same figure two incompatible ways ("148 victims" in the lead,
/// "184 victims" further down), for the same counted thing and action.
///
/// A figure the article marks as superseded ("initially 40 … the toll rose to 57") and the parts of an
/// enumeration are not flagged.
public struct InternalQuantityConflictRule: Rule {
  public static let description = RuleDescription(
    identifier: "internal-quantity-conflict",
    name: "Internal Quantity Conflict",
    summary: "An article gives the same figure two incompatible ways",
    rationale: """
      A figure that changes between the lead and the body of one article is usually a typo or a \
      half-finished update. It can be caught before publication without any source.
      """,
    defaultSeverity: .warning,
    tags: ["quantity", "single-source"],
    nonTriggeringExamples: [
      RuleExample([
        "story.txt": """
          Rescuers initially recovered 40 bodies from the collapsed mine. By evening the toll had risen and rescuers recovered 57 bodies in all.

          """
      ]),
      RuleExample([
        "story.txt": "Police arrested 90 men and 12 women. In all, police arrested 102 people in the raids.\n"
      ]),
      // Different shares and small counts in one article are different facts.
      RuleExample([
        "story.txt": """
          Turnout in the district reached 44 percent this year, the election office said.

          In the district election of 2019, turnout reached 51 percent, the election office said.

          The district office has 2 polling clerks on duty. At the district office 3 polling clerks were on duty last time.

          """
      ]),
      // Two subjects: each sentence names a state the other does not.
      RuleExample([
        "story.txt": """
          The expansion in Oregon gave coverage to more than 400,000 residents, the state health authority said.

          In Nevada, where the measure was also on the ballot, an estimated 100,000 residents would qualify for coverage.

          """
      ]),
      // A series: each defendant's bond, one value each.
      RuleExample([
        "story.txt": """
          Dana R. Holt: possession of methamphetamine, held in jail in lieu of $70,000 bond.

          Kyle P. Ames: dealing in methamphetamine, held in jail in lieu of $268,500 bond.

          Owen T. Marsh: possession of heroin, held in jail in lieu of $72,500 bond.

          """
      ]),
      // Another instance, an increment and a total, and measures of different things.
      RuleExample([
        "story.txt": """
          One trial in 103 women found that regular exercise reduced binge eating, the review said.

          Another trial in 84 women found that regular exercise reduced binge eating when paired with therapy.

          The space agency said it was adding five companies to the lunar delivery contract.

          All 14 companies on the lunar delivery contract can now bid for future missions.

          The roof folds down in 15 seconds. The roof closes in 16 seconds at speeds up to 50 km/h.

          """
      ]),
    ],
    triggeringExamples: [
      // The same digits in another order: a typo, even though the sentences name different places.
      RuleExample([
        "story.txt": """
          Police in Yala province arrested †48 suspects in the overnight sweep, Colonel Anan Phrom said.

          The ↓84 suspects arrested in the overnight sweep were taken to Pattani for questioning.

          """
      ]),
      RuleExample([
        "story.txt": """
          Thai officials received †148 victims rescued from the compound on Friday.

          The ↓184 victims rescued from the compound were taken to a shelter in Mae Sot.

          """
      ])
    ]
  )

  public init() {}

  public func check(_ claims: AlignedClaims, in context: RuleContext) -> [Finding] {
    let cmp = QuantityComparison(claims)
    let facts = SameArticleFigures(claims: claims)
    var findings: [Finding] = []
    var reported = Set<ClaimRef>()
    for block in cmp.valueBlocks() {
      // The block's claims by document, in order: runs of one document once sorted.
      let sorted = block.sorted()
      var start = 0
      while start < sorted.count {
        var end = start + 1
        while end < sorted.count, sorted[end].document == sorted[start].document { end += 1 }
        defer { start = end }
        let d = sorted[start].document
        guard claims.draftIndex == nil || claims.draftIndex == d else { continue }
        let refs = sorted[start..<end]
        guard refs.count > 1 else { continue }
        // Sentence indexes read in place: no claim is copied per pair.
        let cs = claims.documents[d].claims
        for (i, a) in zip(refs.indices, refs) where !reported.contains(a) {
          for b in refs[(i + 1)...] where !reported.contains(b) && cs[a.index].sentenceIndex != cs[b.index].sentenceIndex {
            guard cmp.conflict(a, b, sameArticle: true), !facts.differentFacts(a, b) else { continue }
            reported.insert(b)
            reported.insert(a)
            let ca = claims.claim(a)
            let cb = claims.claim(b)
            let q = cb.quantity!
            findings.append(
              Finding(
                ruleID: Self.description.identifier,
                severity: context.severity(of: Self.description, natural: cmp.naturalSeverity(a, b) == .error ? .warning : .warning),
                message: "figure \(ClaimText.quoted(cb.span.text)) differs from \(ClaimText.quoted(ca.span.text)) earlier in the same article",
                span: cb.span,
                notes: [Note(span: ca.span, message: "the article first gives \(ClaimText.quoted(ca.span.text))")],
                help: "make the figures agree, or say which one is current",
                label: "here: \(cb.span.text)",
                fingerprint: Fingerprint.fnv1a(
                  [Self.description.identifier, cb.span.path, q.counted ?? "", q.action ?? "",
                   ClaimText.number(ca.quantity!.value), ClaimText.number(q.value)]),
                properties: ["value": ClaimText.number(q.value), "otherValue": ClaimText.number(ca.quantity!.value)]))
          }
        }
      }
    }
    findings += headlineConflicts(claims, context)
    return findings
  }

  /// A figure in the headline that the story itself gives differently ("destroys 46 homes" above
  /// "the 64 homes lost"). Headlines share few words with the body, so the closest body figure with
  /// the same counted noun (or currency) is compared, and only when no body figure agrees.
  private func headlineConflicts(_ claims: AlignedClaims, _ context: RuleContext) -> [Finding] {
    var findings: [Finding] = []
    // Documents and claims are read by index: iterating them would copy every document and claim.
    for d in claims.documents.indices where claims.draftIndex == nil || claims.draftIndex == d {
      let cs = claims.documents[d].claims
      for i in cs.indices where cs[i].isHeadline && cs[i].kind == .quantity {
        let h = cs[i]
        guard let hq = h.quantity, let hv = hq.value, !hq.isVague else { continue }
        guard hq.unit != nil || (hq.counted.map { !QuantityComparison.genericNouns.contains($0) } ?? false) else { continue }
        var candidates: [Int] = []
        var agrees = false
        for j in cs.indices where j != i && !cs[j].isHeadline && cs[j].kind == .quantity && cs[j].layer == .reportage {
          guard let bq = cs[j].quantity, bq.value != nil, bq.unit == hq.unit, !bq.superseded else { continue }
          if hq.unit == nil { guard bq.counted == hq.counted else { continue } }
          if let x = hq.action, let y = bq.action, x != y { continue }
          if hq.overlaps(bq) || bq.value == hv {
            agrees = true
            break
          }
          candidates.append(j)
        }
        guard !agrees, !candidates.isEmpty else { continue }
        let hw = Salience.words(h.sentence)
        let best = candidates.max { a, b in
          let sa = Salience.containment(hw, Salience.words(cs[a].sentence))
          let sb = Salience.containment(hw, Salience.words(cs[b].sentence))
          return sa == sb ? a > b : sa < sb
        }!
        let b = cs[best]
        // An amount without a counted noun ("£40") says what it pays for only through its sentence: the
        // story's figure must share a word with the headline ("council", "budget"), or it is another
        // price on the page.
        if hq.counted == nil {
          let shared = hw.intersection(Salience.words(b.sentence)).filter { !$0.contains(where: \.isNumber) }
          guard !shared.isEmpty else { continue }
        }
        findings.append(
          Finding(
            ruleID: Self.description.identifier,
            severity: context.severity(of: Self.description),
            message: "headline figure \(ClaimText.quoted(h.span.text)) differs from \(ClaimText.quoted(b.span.text)) in the story",
            span: h.span,
            notes: [Note(span: b.span, message: "the story gives \(ClaimText.quoted(b.span.text))")],
            help: "make the headline and the story agree",
            label: "headline: \(h.span.text)",
            fingerprint: Fingerprint.fnv1a(
              [Self.description.identifier, h.span.path, "headline", ClaimText.number(hv), ClaimText.number(b.quantity!.value)]),
            properties: ["value": ClaimText.number(hv), "otherValue": ClaimText.number(b.quantity!.value)]))
      }
    }
    return findings
  }
}
