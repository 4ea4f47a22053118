import ClaimLintCore

/// Flags the same meeting or operation reported with a different set of participants.
///
/// Events are the same when they have the same type, share at least one participant, are not dated to
/// different days or placed in different cities by their own sentences, and either take place in the
/// same city, on the same stated day, or are told in sentences that share at least three content words.
/// In the last case only a substitution is reported (each list names someone the other does not): a
/// shorter list inside a longer one is more often a smaller meeting than a slip. Only explicit
/// enumerations of participants are compared: countries ("China, Laos, Myanmar and Thailand"),
/// organisations ("the dockers' union and the port authority"), or people of the article.
/// Organisations are compared by their head noun, so "the union" and "the teachers' union" agree.
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
      ]),
      RuleExample([
        "a.txt": "The dockers' union and the port employers' association met in Brussels to discuss wages.\n",
        "b.txt": "Talks between the union and the employers' association were held in Brussels on wages.\n",
      ]),
    ],
    triggeringExamples: [
      RuleExample([
        "a.txt": "↓China, Laos, Myanmar and Thailand held talks in Chiang Mai on border crime.\n",
        "b.txt": "†China, Myanmar and Thailand held a meeting in Chiang Mai about scam centres.\n",
      ]),
      RuleExample([
        "a.txt": "↓The dockers' union and the port authority met in Brussels to discuss wages.\n",
        "b.txt": "†The dockers' union and the employers' association met in Brussels to discuss wages.\n",
      ]),
    ]
  )

  public init() {}

  public func check(_ claims: AlignedClaims, in context: RuleContext) -> [Finding] {
    var findings: [Finding] = []
    // The blocks of `claims.blocks(of: .event)` keyed by event type, each claim read in place (a
    // `Claim` is never copied): reportage events grouped by story and type, in the order of their keys.
    var byKey: [String: [ClaimRef]] = [:]
    for r in claims.claimRefs(where: { $0.pointee.kind == .event && $0.pointee.layer == .reportage && $0.pointee.event != nil }) {
      let type = claims.documents[r.document].claims.withUnsafeBufferPointer { $0[r.index].event!.type }
      byKey["s\(claims.story[r.document])|" + type, default: []].append(r)
    }
    let blocks = byKey.keys.sorted().map { byKey[$0]! }
    var comparable = ComparableDocuments(claims)
    for block in blocks {
      // More than one document: a block lists its claims in document order (`claimRefs`, appended in
      // order), so its first and last claims tell (no set of documents made per block).
      guard block[0].document != block[block.count - 1].document else { continue }
      // Items are positions in the block, whose order is the order of the claims (`claimRefs`): what
      // is known of each is kept in arrays, not hashed by claim.
      // Recorded straight into the shared storage of `MinoritySide` (no arrays per claim).
      // Each claim's event, read once in place (the claim is not copied).
      let events = block.map { r in claims.documents[r.document].claims.withUnsafeBufferPointer { $0[r.index].event! } }
      var sides = MinoritySide<Int>(claims, count: block.count, document: { block[$0].document }) { (x: Int, recorder: inout MinoritySide<Int>.Recorder) in
        let r = block[x]
        let a = events[x]
        for y in block.indices where comparable(r.document, block[y].document) {
          let o = block[y]
          let b = events[y]
          // The sentence words only when the wording is what ties the two events (a sentence's words
          // are hashed the first time a rule asks for them, and kept for the run: `askedWords`).
          guard let link = Self.link(a, b, sharedWords: { Salience.sharedCount(claims.askedWords(r), claims.askedWords(o)) }) else { continue }
          if Self.sameParticipants(a, b) {
            recorder.agree(o.document)
          } else if link == .sameTimeOrPlace || Self.isSubstitution(a, b) {
            // Tied only by their wording, a shorter list inside a longer one is more often a smaller
            // meeting of some of the same parties ("China and Myanmar held talks") than a slip.
            recorder.conflict(y)
          }
        }
      }
      for x in block.indices where claims.isDraftSide(block[x]) {
        guard let notePositions = sides.notes(for: x) else { continue }
        let r = block[x]
        let noteRefs = notePositions.map { block[$0] }
        let c = claims.claim(r)
        let a = c.event!
        let place = a.place.map { " in \($0)" } ?? ""
        findings.append(
          Finding(
            ruleID: Self.description.identifier, severity: context.severity(of: Self.description),
            message: "participants of the \(a.type)\(place) differ from \(ClaimText.sources(noteRefs.count)): \(a.participants.joined(separator: ", ")) here",
            span: c.span,
            notes: noteRefs.map { o in
              let e = claims.claim(o).event!
              var diff: [String] = []
              let missing = Self.unmatched(e, in: a)
              let extra = Self.unmatched(a, in: e)
              if !missing.isEmpty { diff.append("also names \(missing.joined(separator: ", "))") }
              if !extra.isEmpty { diff.append("does not name \(extra.joined(separator: ", "))") }
              return Note(span: claims.claim(o).span, message: "source lists \(e.participants.joined(separator: ", ")) (\(diff.joined(separator: "; ")))")
            },
            help: "list the participants the original source names",
            label: "participants here",
            fingerprint: Fingerprint.fnv1a(
              [Self.description.identifier, a.type, a.place ?? ""] + a.participantKeys.map { $0.first ?? "" }.sorted()
                + ([c.span.path] + noteRefs.map { claims.claim($0).span.path }).sorted()),
            properties: ["participants": a.participants.joined(separator: ",")]))
      }
    }
    return findings
  }

  /// What ties two mentions of an event together.
  enum Link { case sameTimeOrPlace, wording }

  /// Whether two mentions can be the same event, and on what evidence: no different days or stated
  /// cities, a participant in common, and the same city or day, or sentences about the same thing.
  static func link(_ a: EventMention, _ b: EventMention, _ wordsA: [UInt64], _ wordsB: [UInt64]) -> Link? {
    link(a, b) { Salience.sharedCount(wordsA, wordsB) }
  }

  /// `link(_:_:_:_:)` with the number of sentence words the two share given by `sharedWords`, asked
  /// only when neither time nor place ties the events (`check` then fetches the words).
  static func link(_ a: EventMention, _ b: EventMention, sharedWords: () -> Int) -> Link? {
    if let da = a.date, let db = b.date, da != db { return nil }
    if a.placeIsStated, b.placeIsStated, a.place != b.place { return nil }
    guard a.participantKeys.contains(where: { p in b.participantKeys.contains { q in matches(p, q) } }) else { return nil }
    if let pa = a.place, pa == b.place { return .sameTimeOrPlace }
    if a.date != nil, a.date == b.date { return .sameTimeOrPlace }
    return sharedWords() >= 3 ? .wording : nil
  }

  /// Whether each list names a participant the other does not (a substitution, not an omission).
  static func isSubstitution(_ a: EventMention, _ b: EventMention) -> Bool {
    !unmatched(a, in: b).isEmpty && !unmatched(b, in: a).isEmpty
  }

  /// Two participants are the same when their keys agree: the same country or person, or organisations
  /// with the same head noun, or one named after the other's ("the employers" and "the employers'
  /// association").
  static func matches(_ p: [String], _ q: [String]) -> Bool {
    guard let hp = p.first, let hq = q.first else { return false }
    return hp == hq || p.contains(hq) || q.contains(hp)
  }

  static func sameParticipants(_ a: EventMention, _ b: EventMention) -> Bool {
    unmatched(a, in: b).isEmpty && unmatched(b, in: a).isEmpty
  }

  /// The participants of `a`, as written, that `b` does not name.
  static func unmatched(_ a: EventMention, in b: EventMention) -> [String] {
    zip(a.participants, a.participantKeys).filter { _, p in !b.participantKeys.contains { matches(p, $0) } }.map(\.0).sorted()
  }
}
