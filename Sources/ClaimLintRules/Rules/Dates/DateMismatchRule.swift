import ClaimLintCore

/// Flags the same event dated differently in two sources, after resolving relative dates ("on the
/// 16th", "on Friday") against each article's own date.
///
/// Two dates are taken to date the same event when their sentences name the same kind of event and
/// share the names around it (people, places, the event noun). Dates that cannot be resolved are not
/// compared. Known false alarms: two meetings of the same people in the same place on different days.
public struct DateMismatchRule: Rule {
  public static let description = RuleDescription(
    identifier: "date-mismatch",
    name: "Date Mismatch",
    summary: "The same event is dated differently than in another source",
    rationale: """
      A meeting dated the 16th in one report and the 15th in another cannot be both. Relative dates are \
      resolved against each article's own date before comparing, so 'on Friday' in an article of \
      Saturday 17 August and '16 August' agree.
      """,
    defaultSeverity: .warning,
    tags: ["date", "cross-source"],
    nonTriggeringExamples: [
      RuleExample([
        "a.txt": "2024-08-17\n\nThe foreign ministers of four countries met in Chiang Mai on Friday to discuss border crime.\n",
        "b.txt": "2024-08-18\n\nThe foreign ministers of four countries met in Chiang Mai on August 16 to discuss border crime.\n",
      ])
    ],
    triggeringExamples: [
      RuleExample([
        "a.txt": "2024-08-17\n\nThe foreign ministers of four countries met in Chiang Mai on ↓Friday to discuss border crime.\n",
        "b.txt": "2024-08-18\n\nThe foreign ministers of four countries met in Chiang Mai on †August 15 to discuss border crime.\n",
      ])
    ]
  )

  public init() {}

  public func check(_ claims: AlignedClaims, in context: RuleContext) -> [Finding] {
    let allRefs = claims.refs { $0.kind == .date && $0.layer == .reportage && $0.date?.resolved != nil && $0.date?.granularity == "day" && $0.date?.isDateline == false }
    guard allRefs.count > 1 else { return [] }
    let refs = allRefs.filter { !Self.isStatementDate(claims.claim($0)) }
    guard refs.count > 1 else { return [] }
    let salient = refs.map { Self.context(of: claims.claim($0)) }
    // Inverted index: salient word → positions in refs.
    // Inverted index of the words within each story; a word that many claims of the whole run share
    // (200 or more) says little about which event they date and proposes no candidates.
    var byWord: [StoryWord: [Int]] = [:]
    var runCount: [String: Int] = [:]
    for (i, s) in salient.enumerated() {
      let story = claims.story[refs[i].document]
      for w in s {
        byWord[StoryWord(story: story, word: w), default: []].append(i)
        runCount[w, default: 0] += 1
      }
    }
    var findings: [Finding] = []
    var covered = Set<Int>()
    for i in refs.indices where claims.isDraftSide(refs[i]) && !covered.contains(i) {
      var candidates = Set<Int>()
      let story = claims.story[refs[i].document]
      for w in salient[i] where runCount[w, default: 0] < 200 {
        if let posting = byWord[StoryWord(story: story, word: w)] { candidates.formUnion(posting) }
      }
      let a = claims.claim(refs[i])
      let da = a.date!
      var conflicts: [Int] = []
      var agrees = Set<Int>()
      for j in candidates.sorted() where claims.comparable(refs[i].document, refs[j].document) && !covered.contains(j) {
        let b = claims.claim(refs[j])
        let db = b.date!
        guard sameEvent(salient[i], salient[j]) else { continue }
        if overlaps(da, db) { agrees.insert(refs[j].document) } else { conflicts.append(j) }
      }
      conflicts = conflicts.filter { !agrees.contains(refs[$0].document) }
      guard !conflicts.isEmpty else { continue }
      // Outside pre-publish mode the finding goes on the minority side: a claim that more sources
      // share than contradict is reported as the note of the odd one out, not the other way round.
      if claims.draftIndex == nil, agrees.count > Set(conflicts.map { refs[$0].document }).count { continue }
      var perDoc: [Int: Int] = [:]
      for j in conflicts where perDoc[refs[j].document] == nil { perDoc[refs[j].document] = j }
      let noteIdx = perDoc.keys.sorted().map { perDoc[$0]! }
      covered.insert(i)
      if claims.draftIndex == nil { noteIdx.forEach { covered.insert($0) } }
      let natural: Severity = (!da.isRelative && noteIdx.allSatisfy { !claims.claim(refs[$0]).date!.isRelative }) ? .warning : .warning
      let notes = noteIdx.map { j -> Note in
        let b = claims.claim(refs[j])
        return Note(span: b.span, message: "source dates it to \(b.date!.resolved!) (\(ClaimText.quoted(b.span.text))\(evidence(b)))")
      }
      findings.append(
        Finding(
          ruleID: Self.description.identifier, severity: context.severity(of: Self.description, natural: natural),
          message: "date of the event differs from \(ClaimText.sources(notes.count)): \(ClaimText.quoted(a.span.text)) here is \(da.resolved!)",
          span: a.span, notes: notes, help: "check the date against the original source",
          label: "resolves to \(da.resolved!)",
          fingerprint: Fingerprint.fnv1a(
            [Self.description.identifier, da.resolved!.description] + salient[i].sorted().prefix(6)
              + ([a.span.path] + noteIdx.map { claims.claim(refs[$0]).span.path }).sorted()),
          properties: ["date": da.resolved!.description]))
    }
    return findings
  }

  static let sayingVerbs: Set<String> = ["said", "says", "told", "announced", "stated", "added", "reported", "confirmed", "declared", "wrote", "reporters"]

  /// A date that dates a statement ("the board said on Monday"), not the event: a saying verb among
  /// the three words before the date's first word.
  static func isStatementDate(_ c: Claim) -> Bool {
    let sentence = Array(c.sentence.utf8)
    let words = wordRanges(sentence) { $0 == 0x20 || $0 == 0x2C }
    let span = Array(c.span.text.utf8)
    guard let firstSpanWord = wordRanges(span, { $0 == 0x20 }).first else { return false }
    let first = lowered(span[firstSpanWord])
    guard let i = words.firstIndex(where: { lowered(sentence[$0]).starts(with: first) }) else { return false }
    return words[max(0, i - 3)..<i].contains { sayingVerbs.contains(String(decoding: lowered(sentence[$0]), as: UTF8.self)) }
  }

  /// Content words within twelve words of the date: what the date dates.
  static func context(of c: Claim) -> Set<String> {
    let sentence = Array(c.sentence.utf8)
    let words = wordRanges(sentence) { $0 == 0x20 }
    let span = Array(c.span.text.utf8)
    let first = wordRanges(span, { $0 == 0x20 }).first.map { Array(span[$0]) } ?? span
    guard let i = words.firstIndex(where: { ClaimText.containsBytes(sentence[$0], first) }) else { return Salience.words(c.sentence) }
    let from = words[max(0, i - 12)].lowerBound
    let to = words[min(words.count, i + 12) - 1].upperBound
    return Salience.words(String(decoding: sentence[from..<to], as: UTF8.self))
  }

  /// The byte ranges of the words of `bytes` between separator bytes (empty words omitted).
  private static func wordRanges(_ bytes: [UInt8], _ isSeparator: (UInt8) -> Bool) -> [Range<Int>] {
    var out: [Range<Int>] = []
    var start = -1
    for (k, b) in bytes.enumerated() {
      if isSeparator(b) {
        if start >= 0 { out.append(start..<k) }
        start = -1
      } else if start < 0 {
        start = k
      }
    }
    if start >= 0 { out.append(start..<bytes.count) }
    return out
  }

  /// ASCII letters lower-cased.
  private static func lowered(_ b: ArraySlice<UInt8>) -> [UInt8] { b.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 } }

  private func evidence(_ c: Claim) -> String {
    guard let m = c.date, m.isRelative, let e = m.evidence else { return "" }
    return ", \(e)"
  }

  private func overlaps(_ a: DateMention, _ b: DateMention) -> Bool {
    let a0 = a.resolved!.dayNumber
    let a1 = (a.resolvedEnd ?? a.resolved!).dayNumber
    let b0 = b.resolved!.dayNumber
    let b1 = (b.resolvedEnd ?? b.resolved!).dayNumber
    return a0 <= b1 && b0 <= a1
  }

  /// Same event: enough shared names and content words (stemmed) in the two sentences.
  private func sameEvent(_ a: Set<String>, _ b: Set<String>) -> Bool {
    return Salience.sharedCount(a, b) >= 4 && Salience.containment(a, b) >= 0.45
  }
}
