import ClaimLintCore

/// Flags the same meeting or operation reported with a different set of participants.
///
/// Events are the same when they have the same type and the same place, or the same resolved date.
/// Only explicit enumerations of participants ("China, Laos, Myanmar and Thailand") are compared.
public struct ParticipantsMismatchRule: Rule {
  public static let description = RuleDescription(
    identifier: "participants-mismatch",
    name: "Participants Mismatch",
    summary: "A meeting or operation has different participants than in another source",
    rationale: """
      Leaving a country out of a four-way meeting, or adding one, changes the story. When sources list \
      the participants of the same event, the lists should agree.
      """,
    defaultSeverity: .warning,
    tags: ["event", "cross-source"],
    nonTriggeringExamples: [
      RuleExample([
        "a.txt": "China, Laos, Myanmar and Thailand held talks in Chiang Mai on border crime.\n",
        "b.txt": "Thailand, Myanmar, Laos and China held a meeting in Chiang Mai about scam centres.\n",
      ])
    ],
    triggeringExamples: [
      RuleExample([
        "a.txt": "↓China, Laos, Myanmar and Thailand held talks in Chiang Mai on border crime.\n",
        "b.txt": "†China, Myanmar and Thailand held a meeting in Chiang Mai about scam centres.\n",
      ])
    ]
  )

  public init() {}

  public func check(_ claims: AlignedClaims, in context: RuleContext) -> [Finding] {
    var findings: [Finding] = []
    let blocks = claims.blocks(of: .event) { c in
      guard let e = c.event, let place = e.place else { return nil }
      return e.type + "|" + place
    }
    for block in blocks {
      guard Set(block.map(\.document)).count > 1 else { continue }
      var covered = Set<ClaimRef>()
      func relations(_ r: ClaimRef) -> (conflicts: [ClaimRef], agreeing: Set<Int>) {
        let a = claims.claim(r).event!
        var agreeing = Set<Int>()
        var conflicts: [ClaimRef] = []
        for o in block where claims.comparable(r.document, o.document) {
          let b = claims.claim(o).event!
          if let da = a.date, let db = b.date, da != db { continue }
          if Set(a.participants) == Set(b.participants) { agreeing.insert(o.document) } else { conflicts.append(o) }
        }
        return (conflicts.filter { !agreeing.contains($0.document) }, agreeing)
      }
      for r in block where claims.isDraftSide(r) && !covered.contains(r) {
        let a = claims.claim(r).event!
        var (conflicts, agreeing) = relations(r)
        conflicts = conflicts.filter { !covered.contains($0) }
        guard !conflicts.isEmpty else { continue }
        // Outside pre-publish mode the finding goes on the minority side: the list fewer sources give
        // is reported, with the others as notes.
        if claims.draftIndex == nil {
          if conflicts.contains(where: { relations($0).agreeing.count < agreeing.count }) { continue }
          if agreeing.count > Set(conflicts.map(\.document)).count { continue }
        }
        var perDoc: [Int: ClaimRef] = [:]
        for o in conflicts.sorted() where perDoc[o.document] == nil { perDoc[o.document] = o }
        let noteRefs = perDoc.keys.sorted().map { perDoc[$0]! }
        covered.insert(r)
        if claims.draftIndex == nil { noteRefs.forEach { covered.insert($0) } }
        let c = claims.claim(r)
        findings.append(
          Finding(
            ruleID: Self.description.identifier, severity: context.severity(of: Self.description),
            message: "participants of the \(a.type) in \(a.place ?? "") differ from \(ClaimText.sources(noteRefs.count)): \(a.participants.joined(separator: ", ")) here",
            span: c.span,
            notes: noteRefs.map { o in
              let e = claims.claim(o).event!
              let sa = Set(a.participants)
              let sb = Set(e.participants)
              var diff: [String] = []
              let missing = sb.subtracting(sa).sorted()
              let extra = sa.subtracting(sb).sorted()
              if !missing.isEmpty { diff.append("also names \(missing.joined(separator: ", "))") }
              if !extra.isEmpty { diff.append("does not name \(extra.joined(separator: ", "))") }
              return Note(span: claims.claim(o).span, message: "source lists \(e.participants.joined(separator: ", ")) (\(diff.joined(separator: "; ")))")
            },
            help: "list the participants the original source names",
            label: "participants here",
            fingerprint: Fingerprint.fnv1a(
              [Self.description.identifier, a.type, a.place ?? ""] + a.participants
                + ([c.span.path] + noteRefs.map { claims.claim($0).span.path }).sorted()),
            properties: ["participants": a.participants.joined(separator: ",")]))
      }
    }
    return findings
  }
}
