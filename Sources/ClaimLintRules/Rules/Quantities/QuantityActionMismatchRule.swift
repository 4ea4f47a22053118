import ClaimLintCore

/// Flags the same figure about the same kind of people or things attached to different actions in
/// different sources: "arrested more than 50,000 people" in one, "returned over 50,000 alleged
/// criminals to face trial" in another.
///
/// Figures are compared when their values are equal, their intervals overlap, they count compatible
/// nouns (people and alleged criminals are compatible; victims and suspects are not) and both
/// sentences attach an action from the lexicon. Actions of one class ("captured" and "apprehended"
/// are both arrests) never conflict. Known false alarms: one article may report two different
/// operations that happen to share a round figure; the note shows the other sentence so an editor
/// can tell at a glance.
public struct QuantityActionMismatchRule: Rule {
  public static let description = RuleDescription(
    identifier: "quantity-action-mismatch",
    name: "Quantity Action Mismatch",
    summary: "The same figure is attached to a different action than in another source",
    rationale: """
      When one outlet says 50,000 people were arrested and another says 50,000 were returned to face \
      trial, at least one of them changed what the figure measures. Editors need to know which action \
      the original source attached to the figure before repeating it.
      """,
    defaultSeverity: .warning,
    tags: ["quantity", "cross-source"],
    nonTriggeringExamples: [
      RuleExample([
        "wire.txt": "Police captured more than 600 suspects in the raid on Tuesday, officials said.\n",
        "paper.txt": "Officers apprehended over 600 suspects in Tuesday's raid, the ministry said.\n",
      ]),
      RuleExample([
        "wire.txt": "Rescuers evacuated 1,200 residents from the valley.\n",
        "paper.txt": "Authorities arrested 1,200 protesters in the capital last month.\n",
      ]),
    ],
    triggeringExamples: [
      RuleExample([
        "a.txt": "Since last year the two countries have worked together to ↓arrest more than 50,000 people involved in online fraud.\n",
        "b.txt": "China has helped secure the †return of over 50,000 alleged criminals to stand trial for fraud.\n",
      ])
    ]
  )

  public init() {}

  public func check(_ claims: AlignedClaims, in context: RuleContext) -> [Finding] {
    // Every finding compares blocks that span two documents (`blocks`): a run of one document has none.
    guard claims.documents.count > 1 else { return [] }
    var findings: [Finding] = []
    var reportedFigures = Set<String>()
    // Figures read in place from the run's table (`QuantityComparison.quantities`), not copied per claim.
    let cmp = QuantityComparison(claims)
    let figures = cmp.quantities
    for block in Self.blocks(claims, cmp) {
      // Partition by action class.
      var byAction: [String: [ClaimRef]] = [:]
      for r in block { byAction[figures[r.document][r.index]!.quantity.action!, default: []].append(r) }
      guard byAction.count > 1 else { continue }
      // Claims on the primary side: the draft's in pre-publish mode, else the minority action's.
      let actions = byAction.keys.sorted {
        let ca = Set(byAction[$0]!.map(\.document)).count
        let cb = Set(byAction[$1]!.map(\.document)).count
        return ca == cb ? byAction[$0]!.min()! < byAction[$1]!.min()! : ca < cb
      }
      var reported = Set<ClaimRef>()
      for action in actions {
        for r in byAction[action]!.sorted() where claims.isDraftSide(r) && !reported.contains(r) {
          let q = figures[r.document][r.index]!.quantity
          let conflicting = block.filter { o in
            guard claims.comparable(r.document, o.document) else { return false }
            let other = figures[o.document][o.index]!
            guard other.quantity.action != q.action else { return false }
            let oq = other.quantity
            return claims.nouns.compatible(q, oq) && q.overlaps(oq)
          }
          guard !conflicting.isEmpty else { continue }
          // One finding per primary document: skip others from the same document and its conflicts.
          let key = claims.documents[r.document].claims[r.index].span.path + "|" + ClaimText.number(q.value)
          if reportedFigures.contains(key) { continue }
          reportedFigures.insert(key)
          reported.insert(r)
          for o in conflicting where claims.draftIndex == nil { reported.insert(o) }
          findings.append(makeFinding(r, conflicting, claims, context))
        }
        if claims.draftIndex == nil { break }
      }
    }
    return findings
  }

  /// The reportage figures with a value and an action, neither vague nor superseded, grouped by
  /// story, counted thing (`NounFamilies.blockKey`) and value as `ClaimText.number` writes it, in the
  /// order of the names "s<story>|<block>|<value>" (as `AlignedClaims.blocks(of:layer:key:)` orders
  /// them); only the blocks that span two documents and give two actions (`check` finds nothing in
  /// the others). Claims and figures are read in place from the run's tables, and a name is joined
  /// into one string only for a block that is kept.
  ///
  /// A figure's group is found by numbers (`KeyNumbers`), not by hashing strings: the block key and
  /// the action by their numbers of the run (`QuantityComparison.figureKeys`, equal exactly when the
  /// strings are), the value by `Int64(v)` where `ClaimText.number` writes `String(Int64(v))` (a whole
  /// number below 10^18: equal texts exactly when the integers are), else by the number of its text.
  static func blocks(_ claims: AlignedClaims, _ cmp: QuantityComparison) -> [[ClaimRef]] {
    let figures = cmp.quantities
    var numbers = KeyNumbers(capacity: 32)
    // The values that are not whole numbers below 10^18, numbered by their text.
    var otherValues: [String: Int] = [:]
    // Per group, by number: its claims in the order met, its name's parts, whether it spans two
    // documents, its first action and whether another action follows.
    var members: [[ClaimRef]] = []
    var names: [(story: Int, block: Int32, value: Double)] = []
    var spansDocuments: [Bool] = []
    var firstAction: [Int32] = []
    var actionsDiffer: [Bool] = []
    for d in claims.documents.indices {
      let story = claims.story[d]
      let qs = figures[d]
      claims.documents[d].claims.withUnsafeBufferPointer { cs in
        for i in cs.indices where cs[i].kind == .quantity && cs[i].layer == .reportage {
          guard let f = qs[i], let v = f.quantity.value, f.quantity.action != nil, !f.quantity.isVague, !f.quantity.superseded
          else { continue }
          let r = ClaimRef(document: d, index: i)
          // A figure with an action has its number (`action >= 0`) whenever it has a block key.
          let keys = cmp.figureKeys(r)
          guard keys.block >= 0 else { continue }
          let tag: UInt64
          let value: UInt64
          if v == v.rounded(), abs(v) < 1e18 {
            tag = 0
            value = UInt64(bitPattern: Int64(v))
          } else {
            let text = ClaimText.number(v)
            let known = otherValues[text] ?? otherValues.count
            if known == otherValues.count { otherValues[text] = known }
            tag = 1
            value = UInt64(known)
          }
          let n = numbers.number(
            UInt64(bitPattern: Int64(story)), UInt64(UInt32(bitPattern: keys.block)) << 1 | tag, value, orAdd: members.count)
          if n == members.count {
            members.append([r])
            names.append((story, keys.block, v))
            spansDocuments.append(false)
            firstAction.append(keys.action)
            actionsDiffer.append(false)
          } else {
            if d != members[n][0].document { spansDocuments[n] = true }
            if keys.action != firstAction[n] { actionsDiffer[n] = true }
            members[n].append(r)
          }
        }
      }
    }
    var named: [(name: String, group: Int)] = []
    for n in members.indices where spansDocuments[n] && actionsDiffer[n] {
      named.append(("s\(names[n].story)|" + cmp.blockNames[Int(names[n].block)] + "|" + ClaimText.number(names[n].value), n))
    }
    // Distinct groups have distinct names: no ties.
    named.sort { $0.name < $1.name }
    return named.map { members[$0.group] }
  }

  /// The figure together with its action words when both sit on one line close together ("arrest
  /// more than 50,000", "48 nationals … have been repatriated"); otherwise the figure alone.
  static func figureAndAction(_ c: Claim) -> SourceSpan {
    guard let a = c.actionSpan, a.path == c.span.path else { return c.span }
    let start = min(a.startOffset, c.span.startOffset)
    let end = max(a.endOffset, c.span.endOffset)
    guard end - start <= 160 else { return c.span }
    let first = a.startOffset < c.span.startOffset ? a : c.span
    let last = a.endOffset > c.span.endOffset ? a : c.span
    // The quoted text is the sentence between the two, as written: the figure and the action words
    // lie in the same sentence, so their distance in the sentence is their distance in the text.
    let quoted = ClaimText.between(c.sentence, first.text, last.text) ?? c.span.text
    return SourceSpan(
      path: c.span.path, startOffset: start, endOffset: end, line: first.line, column: first.column,
      endLine: last.endLine, endColumn: last.endColumn, text: quoted)
  }

  private func makeFinding(
    _ r: ClaimRef, _ others: [ClaimRef], _ claims: AlignedClaims, _ context: RuleContext
  ) -> Finding {
    let mine = claims.claim(r)
    let q = mine.quantity!
    // One note per conflicting document (its first claim).
    var perDoc: [Int: ClaimRef] = [:]
    for o in others.sorted() where perDoc[o.document] == nil { perDoc[o.document] = o }
    let noteRefs = perDoc.keys.sorted().map { perDoc[$0]! }
    let notes = noteRefs.map { o -> Note in
      let c = claims.claim(o)
      return Note(span: Self.figureAndAction(c), message: .sourceSays(c))
    }
    let otherActions = Array(Set(noteRefs.map { claims.claim($0).quantity!.action! })).sorted()
    let finding = Finding(
      ruleID: Self.description.identifier,
      severity: context.severity(of: Self.description),
      message: .actionDiffers(mine, sourceCount: noteRefs.count),
      span: Self.figureAndAction(mine),
      notes: notes.sorted(),
      help: "check which action the original source attached to this figure",
      label: "here: \(q.actionText ?? q.action ?? "")",
      fingerprint: Fingerprint.fnv1a(
        [Self.description.identifier, q.unit ?? "", claims.nouns.blockKey(q) ?? "", ClaimText.number(q.value), q.action ?? ""]
          + otherActions + ([mine.span.path] + noteRefs.map { claims.claim($0).span.path }).sorted()),
      properties: [
        "value": ClaimText.number(q.value), "action": q.action ?? "", "counted": q.counted ?? "",
        "otherActions": otherActions.joined(separator: ","),
      ])
    return finding
  }
}

extension String {
  fileprivate static func actionDiffers(_ c: Claim, sourceCount: Int) -> String {
    let q = c.quantity!
    return "action attached to \(ClaimText.quoted(c.span.text)) \(ClaimText.countedPlural(q)) differs from "
      + "\(ClaimText.sources(sourceCount)): '\(q.actionText ?? q.action ?? "")' here"
  }

  fileprivate static func sourceSays(_ c: Claim) -> String {
    let q = c.quantity!
    return "source attaches '\(q.actionText ?? q.action ?? "")' to \(ClaimText.quoted(c.span.text)) \(ClaimText.countedPlural(q))"
  }
}
