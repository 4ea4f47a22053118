import ClaimLintCore

/// Flags the same quote or statement attributed to different speakers in different sources.
///
/// Quotes are matched by their words (most of the shorter quote's content words in the other); reported
/// statements need a closer match. Speakers are the same when one name contains the other ("Guo" and
/// "Guo Jiakun"). Known false alarms: two officials repeating the same official line.
public struct AttributionMismatchRule: Rule {
  public static let description = RuleDescription(
    identifier: "attribution-mismatch",
    name: "Attribution Mismatch",
    summary: "A quote or statement is attributed to a different speaker than in another source",
    rationale: """
      Words put in the wrong mouth are among the most damaging corrections a newsroom publishes. When \
      one source gives a quote to a spokesman and another to a minister, the draft must follow the \
      original.
      """,
    defaultSeverity: .warning,
    tags: ["attribution", "cross-source"],
    nonTriggeringExamples: [
      RuleExample([
        "a.txt": "\"We will not tolerate these criminal networks on our border,\" Foreign Minister Ana Ruiz said.\n",
        "b.txt": "\"We will not tolerate these criminal networks on our border,\" Ruiz told reporters.\n",
      ])
    ],
    triggeringExamples: [
      RuleExample([
        "a.txt": "\"We will not tolerate these criminal networks on our border,\" ↓Ana Ruiz said.\n",
        "b.txt": "\"We will not tolerate these criminal networks on our border,\" †Tomas Vidal said.\n",
      ])
    ]
  )

  public init() {}

  public func check(_ claims: AlignedClaims, in context: RuleContext) -> [Finding] {
    let refs = claims.refs { ($0.kind == .quote || $0.kind == .attribution) && $0.layer == .reportage && $0.attribution != nil }
    guard refs.count > 1 else { return [] }
    let words = refs.map { Salience.words(claims.claim($0).attribution!.content) }
    // Inverted index of the words within each story; a word that many claims of the whole run share
    // (200 or more) says little about which event they date and proposes no candidates.
    var byWord: [StoryWord: [Int]] = [:]
    var runCount: [String: Int] = [:]
    for (i, s) in words.enumerated() {
      let story = claims.story[refs[i].document]
      for w in s {
        byWord[StoryWord(story: story, word: w), default: []].append(i)
        runCount[w, default: 0] += 1
      }
    }
    var findings: [Finding] = []
    var covered = Set<Int>()
    /// The claims that state the same words as claim `i`, split into other speakers and the documents
    /// that agree on the speaker.
    var memo: [Int: (conflicts: [Int], agreeing: Set<Int>)] = [:]
    func relations(_ i: Int) -> (conflicts: [Int], agreeing: Set<Int>) {
      if let known = memo[i] { return known }
      let found = computeRelations(i)
      memo[i] = found
      return found
    }
    func computeRelations(_ i: Int) -> (conflicts: [Int], agreeing: Set<Int>) {
      let attrA = claims.claim(refs[i]).attribution!
      var candidates = Set<Int>()
      let story = claims.story[refs[i].document]
      for w in words[i] where runCount[w, default: 0] < 200 {
        if let posting = byWord[StoryWord(story: story, word: w)] { candidates.formUnion(posting) }
      }
      var conflicts: [Int] = []
      var agreeing = Set<Int>()
      for j in candidates.sorted() where claims.comparable(refs[i].document, refs[j].document) {
        let attrB = claims.claim(refs[j]).attribution!
        guard !attrB.speakerText.isEmpty, words[j].count >= 4 else { continue }
        let threshold = (attrA.isQuote && attrB.isQuote) ? 0.7 : 0.8
        guard Salience.containment(words[i], words[j]) >= threshold,
          min(words[i].count, words[j].count) >= (attrA.isQuote && attrB.isQuote ? 4 : 6)
        else { continue }
        if sameSpeaker(attrA.speaker, attrB.speaker) {
          agreeing.insert(refs[j].document)
        } else if Self.isNamed(attrA.speaker) && Self.isNamed(attrB.speaker) {
          // Two different named speakers; "the statement" against "officials" says little.
          conflicts.append(j)
        }
      }
      return (conflicts, agreeing)
    }
    for i in refs.indices where claims.isDraftSide(refs[i]) && !covered.contains(i) {
      let a = claims.claim(refs[i])
      let attrA = a.attribution!
      guard words[i].count >= 4, !attrA.speakerText.isEmpty else { continue }
      var (conflicts, agreeing) = relations(i)
      conflicts = conflicts.filter { !agreeing.contains(refs[$0].document) && !covered.contains($0) }
      guard !conflicts.isEmpty else { continue }
      // Outside pre-publish mode the finding goes on the minority side: the speaker fewer sources give
      // is reported, with the others as notes.
      if claims.draftIndex == nil {
        let mine = agreeing.count + 1
        if conflicts.contains(where: { relations($0).agreeing.count + 1 < mine }) { continue }
        if agreeing.count > Set(conflicts.map { refs[$0].document }).count { continue }
      }
      var perDoc: [Int: Int] = [:]
      for j in conflicts where perDoc[refs[j].document] == nil { perDoc[refs[j].document] = j }
      let noteIdx = perDoc.keys.sorted().map { perDoc[$0]! }
      covered.insert(i)
      if claims.draftIndex == nil { noteIdx.forEach { covered.insert($0) } }
      let what = attrA.isQuote ? "quote" : "statement"
      findings.append(
        Finding(
          ruleID: Self.description.identifier, severity: context.severity(of: Self.description),
          message: "\(what) attributed to \(ClaimText.quoted(attrA.speaker)) here but to a different speaker in \(ClaimText.sources(noteIdx.count))",
          span: a.span,
          notes: noteIdx.map { j in
            let b = claims.claim(refs[j])
            return Note(span: b.span, message: "source attributes these words to \(ClaimText.quoted(b.attribution!.speaker))")
          },
          help: "attribute the words to the speaker the original source names",
          label: "speaker here: \(attrA.speaker)",
          fingerprint: Fingerprint.fnv1a(
            [Self.description.identifier, attrA.speaker] + words[i].sorted().prefix(8)
              + ([a.span.path] + noteIdx.map { claims.claim(refs[$0]).span.path }).sorted()),
          properties: ["speaker": attrA.speaker]))
    }
    return findings
  }

  /// Whether a speaker is a named person or organisation rather than a common phrase.
  static func isNamed(_ speaker: String) -> Bool { speaker.first?.isUppercase == true }

  /// Whether two speaker names can be the same: equal, or one's words contained in the other's.
  func sameSpeaker(_ a: String, _ b: String) -> Bool {
    let wa = Set(a.lowercased().split(separator: " ").map(String.init))
    let wb = Set(b.lowercased().split(separator: " ").map(String.init))
    if wa == wb { return true }
    return wa.isSubset(of: wb) || wb.isSubset(of: wa)
  }
}
