import ClaimLintCore

/// Flags the same event dated differently in two sources, after resolving relative dates ("on the
/// 16th", "on Friday") against each article's own date.
///
/// Two dates are taken to date the same event when their sentences name the same kind of event and
/// share the names around it (people, places, the event noun, and any figure such as "$1.35 billion").
/// Dates that cannot be resolved are not compared, nor are a statement's date ("said on Monday"; but
/// "announced on Wednesday a plan" dates the announcement), two dates that differ only in a year
/// neither article writes, or each article's own "today". In a sentence with two dates (a start and an
/// end), a date is not compared with the counterpart of the other. Known false alarms: two meetings
/// of the same people in the same place on different days.
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
      ]),
      // The old date of a rescheduled event is not when it happens.
      RuleExample([
        "a.txt": "2019-11-19\n\nThe company said its all-hands meeting with staff in London would be postponed from Tuesday to Friday.\n",
        "b.txt": "2019-11-20\n\nThe company's all-hands meeting with staff in London will now take place on Friday, November 22.\n",
      ]),
      // A weekday after "will" is the coming one: Saturday 12 April for an article of Friday 11 April.
      RuleExample([
        "a.txt": "2025-04-11\n\nUnion negotiators said the dockworkers will return to work on Saturday after a four-day strike.\n",
        "b.txt": "2025-04-12\n\nUnion negotiators said the dockworkers will return to work on April 12 after a four-day strike.\n",
      ]),
      // Month and day agree; only a year that neither article writes differs.
      RuleExample([
        "a.txt": "2019-11-19\n\nThe band will close its anniversary tour at the Houston pavilion on Oct. 10.\n",
        "b.txt": "2019-11-19\n\nThe band closed its anniversary tour at the Houston pavilion on October 10.\n",
      ]),
      // A start and an end in one sentence: each is compared with its own counterpart.
      RuleExample([
        "a.txt": "2019-11-19\n\nThe anniversary tour opens on June 9, 2020 in West Palm Beach and closes on October 10, 2020 in Houston.\n",
        "b.txt": "2019-11-20\n\nThe anniversary tour opens in West Palm Beach, Florida, on June 9, 2020, the promoter said.\n",
      ]),
    ],
    triggeringExamples: [
      RuleExample([
        "a.txt": "2024-08-17\n\nThe foreign ministers of four countries met in Chiang Mai on ↓Friday to discuss border crime.\n",
        "b.txt": "2024-08-18\n\nThe foreign ministers of four countries met in Chiang Mai on †August 15 to discuss border crime.\n",
      ]),
      // The same deaths and injuries told in other words: what happened to the people counted is shared.
      RuleExample([
        "a.txt": "2025-03-17\n\nEleven people died and 140 were hurt in the stampede at Harmon Arena on ↓Saturday night, the health ministry says.\n",
        "b.txt": "2025-03-15\n\nEight people were killed and about 150 injured when fans pushed through a barrier at Harmon Arena on †Friday night before a concert, police said.\n",
      ]),
      // Announcing a plan is the event: the date of the announcement is compared.
      RuleExample([
        "a.txt": "2025-05-23\n\nThe government of Lusavia announced on ↓Wednesday a $1.35 billion plan to add hospital beds across the country.\n",
        "b.txt": "2025-05-22\n\nThe government of Lusavia approved on †Thursday a $1.35 billion plan to add 2,400 beds to public hospitals.\n",
      ]),
    ]
  )

  public init() {}

  public func check(_ claims: AlignedClaims, in context: RuleContext) -> [Finding] {
    // The dates to compare, each claim read in place (a `Claim` is never copied): a day of the
    // reportage that is resolved, not a dateline and not tentative, and neither a statement's date
    // nor the old date of a rescheduled event.
    // The same sentence and date recur across a run (syndicated copies): each distinct pair of
    // sentence and date text gets a number, by one look-up, and is read once: whether its date is
    // kept, and later the words of its clause. `pairOf` is the number of each kept claim's pair.
    // At most one pair per date claim of the run (sized once, not grown by doubling).
    var dateCount = 0
    for d in claims.documents.indices {
      claims.documents[d].claims.withUnsafeBufferPointer { cs in
        for k in cs.indices where cs[k].kind == .date { dateCount += 1 }
      }
    }
    // Each pair is known by the digests of its two texts (`DigestNumbers`): `pairClaim[p]` is the first
    // claim of pair `p`, whose texts are compared in place with a claim's whose digest is the same (no
    // key holds a copy of the two strings, each retained and released).
    var pairs = DigestNumbers(capacity: dateCount)
    var pairClaim: [ClaimRef] = []
    var pairKept: [Bool] = []
    var pairOf: [Int] = []
    var refList: [ClaimRef] = []
    pairClaim.reserveCapacity(dateCount)
    pairKept.reserveCapacity(dateCount)
    pairOf.reserveCapacity(dateCount)
    refList.reserveCapacity(dateCount)
    for d in claims.documents.indices {
      claims.documents[d].claims.withUnsafeBufferPointer { cs in
        for i in cs.indices {
          // The date's fields read one by one in its box (binding the whole `DateMention` copies it).
          guard cs[i].kind == .date, cs[i].layer == .reportage, cs[i].date?.resolved != nil, cs[i].date?.granularity == "day",
            cs[i].date?.isDateline == false, cs[i].date?.isTentative == false
          else { continue }
          let kept = cs[i].sentence.withUTF8Bytes { s in
            cs[i].span.text.withUTF8Bytes { t -> Bool in
              // (Reusing the digest of the last date's sentence when the sentence is the same never
              // applied on the 1,000-article benchmark: no two kept dates there share a sentence.)
              let p = pairs.number(digest: ExactTextPair.digest(ExactText.digest(s), ExactText.digest(t))) { n in
                let r = pairClaim[n]
                return claims.documents[r.document].claims.withUnsafeBufferPointer { other in
                  other[r.index].sentence.withUTF8Bytes { ExactText.sameBytes($0, s) }
                    && other[r.index].span.text.withUTF8Bytes { ExactText.sameBytes($0, t) }
                }
              }
              if p == pairKept.count {
                pairClaim.append(ClaimRef(document: d, index: i))
                pairKept.append(!Self.isStatementDate(sentence: s, span: t) && !Self.isReplacedDate(sentence: cs[i].sentence, span: cs[i].span.text))
              }
              guard pairKept[p] else { return false }
              pairOf.append(p)
              return true
            }
          }
          if kept { refList.append(ClaimRef(document: d, index: i)) }
        }
      }
    }
    pairs = DigestNumbers(capacity: 0)
    pairClaim = []
    let refs = refList
    refList = []
    guard refs.count > 1 else { return [] }
    // Context words as sorted hashes: computed once per claim, compared by merge passes. The words of
    // a previous sentence are hashed once per sentence.
    // The words of a date's clause are read once per sentence and date text.
    // Each date's own words are its clause's (`clauses[pairOf[i]]`), kept there: only the whole
    // context is listed per date (no tuple of two arrays per date, each retained at every copy).
    // The claims are lent per document (`forEachClaim`), and `refs` come in document order.
    var previousWords: [Int: [UInt64]] = [:]
    var clauses = [(words: [UInt64], found: Bool)?](repeating: nil, count: pairKept.count)
    var contexts: [[UInt64]] = []
    contexts.reserveCapacity(refs.count)
    claims.forEachClaim(of: refs) { cs, i in
      contexts.append(Self.hashedContext(of: refs[i], in: cs, previousWords: &previousWords, clause: &clauses[pairOf[i]]))
    }
    // The figures of a date's sentence are as telling as its names: two sentences that give the same
    // "$1.35 billion plan" speak of the same thing.
    // A figure that differs is the very discrepancy other rules look for, so figures only ever add to
    // what two sentences share.
    let salient = contexts
    contexts = []
    // Whether each date's context borrowed the words of the sentence before (more words than its own).
    let borrowed = refs.indices.map { clauses[pairOf[$0]]!.words.count < salient[$0].count }
    let clauseList = clauses
    clauses = []
    // The index of the context words; a date that shares no indexed word with another date
    // (`hasOtherCandidate`: most of them, whose words are the run's common words) is compared with
    // nothing and is no other date's candidate, so it records no relation and has no notes: what
    // only the comparisons read (its sentence's claims, its sibling dates, its days and text) is not
    // worked out for it, and `MinoritySide` is not asked about it.
    let index = SortedStoryWordIndex(claims, refs: refs, words: salient)
    let compared = refs.indices.map { index.hasOtherCandidate(of: $0) }
    // The claims of each date's sentence, found by one pass over each document with dates; in a
    // document whose claims come in sentence order (checked once), the run of claims around the date.
    // They are listed one date after the other in one flat list, `sentenceMembers[sentenceOf[i]]` for
    // date `i` (no array per date, each made and freed on every call), and read in place.
    var sentenceClaims: [Int: [Int: [Int]]] = [:]
    // Per document: 0 not checked yet, 1 not in sentence order, 2 in sentence order.
    var inSentenceOrder = [UInt8](repeating: 0, count: claims.documents.count)
    var memberList: [Int] = []
    memberList.reserveCapacity(3 * refs.count)
    var rangeList: [Range<Int>] = []
    rangeList.reserveCapacity(refs.count)
    claims.forEachClaim(of: refs) { cs, p in
      let r = refs[p]
      guard compared[p] else {
        rangeList.append(memberList.count..<memberList.count)
        return
      }
      if inSentenceOrder[r.document] == 0 {
        inSentenceOrder[r.document] = cs.indices.dropFirst().allSatisfy { cs[$0 - 1].sentenceIndex <= cs[$0].sentenceIndex } ? 2 : 1
      }
      let start = memberList.count
      if inSentenceOrder[r.document] == 2 {
        let sentence = cs[r.index].sentenceIndex
        var lo = r.index
        while lo > 0, cs[lo - 1].sentenceIndex == sentence { lo -= 1 }
        var hi = r.index + 1
        while hi < cs.count, cs[hi].sentenceIndex == sentence { hi += 1 }
        // One index at a time: `append(contentsOf:)` of a range takes the generic path for sequences
        // (about 200 instructions a call for the two or three claims of a sentence).
        for k in lo..<hi { memberList.append(k) }
      } else {
        if sentenceClaims[r.document] == nil {
          var bySentence: [Int: [Int]] = [:]
          for k in cs.indices { bySentence[cs[k].sentenceIndex, default: []].append(k) }
          sentenceClaims[r.document] = bySentence
        }
        memberList.append(contentsOf: sentenceClaims[r.document]![cs[r.index].sentenceIndex] ?? [])
      }
      rangeList.append(start..<memberList.count)
    }
    sentenceClaims = [:]
    let sentenceMembers = memberList
    memberList = []
    let sentenceOf = rangeList
    // The figures of each date's sentence, read when a pair of dates first needs them: two contexts
    // that already share enough words are the same event whatever figures they give.
    // The cache, the index, the comparable pairs and the candidate buffer change on every call of the
    // recorder: kept behind a pointer (`withScratch`), not captured as checked variables.
    let scratch = Scratch(
      figureCache: Array(repeating: nil, count: refs.count), index: index,
      comparable: ComparableDocuments(claims))
    return withScratch(scratch) { scratch in
      func figures(_ i: Int) -> [String] {
        if let known = scratch.pointee.figureCache[i] { return known }
        let f = Self.figureList(of: refs[i], in: claims, sentenceClaims: sentenceMembers[sentenceOf[i]])
        scratch.pointee.figureCache[i] = f
        return f
      }
      // A short sentence borrowed the words of the sentence before it; its own words must still speak of
      // the same thing as the other side ("walked out on Monday" is not "suspended on Friday").
      // The shares by `SharedWords` (`sameEventByMerge`), whose merge passes stop once the answer is known.
      func sameEvent(_ i: Int, _ j: Int) -> Bool {
        if !Self.sameEventByMerge(salient[i], salient[j]) {
          let sharedFigures = Self.sharedCount(figures(i), figures(j))
          guard sharedFigures > 0, Self.sameEventByMerge(salient[i], salient[j], sharedFigures: sharedFigures) else { return false }
        }
        if borrowed[i], !SharedWords.sharesAtLeast(clauseList[pairOf[i]]!.words, salient[j], 2) { return false }
        if borrowed[j], !SharedWords.sharesAtLeast(clauseList[pairOf[j]]!.words, salient[i], 2) { return false }
        return true
      }
      // The days of each date and of the other dates of its sentence, worked out once (`overlaps` on them).
      let siblings = refs.indices.map {
        compared[$0] ? Self.siblingDays(of: refs[$0], in: claims, sentenceClaims: sentenceMembers[sentenceOf[$0]]) : []
      }
      var findings: [Finding] = []
      // Each date's text, whether it is its article's own day, its days and what
      // `differInInferredYearOnly` reads of it, read once. Each claim and its date are read in place
      // through its document's buffer, never copied (a `DateMention`'s strings are retained and
      // released at every copy): the recorder reads plain values.
      var textList: [String] = []
      var ownDayList: [Bool] = []
      var dayList: [(first: Int, last: Int)] = []
      var resolvedDayList: [(resolved: CalendarDate?, hasEnd: Bool)] = []
      textList.reserveCapacity(refs.count)
      ownDayList.reserveCapacity(refs.count)
      dayList.reserveCapacity(refs.count)
      resolvedDayList.reserveCapacity(refs.count)
      claims.forEachClaim(of: refs) { cs, p in
        guard compared[p] else {
          // Never read (the date is compared with nothing).
          textList.append("")
          ownDayList.append(false)
          dayList.append((0, 0))
          resolvedDayList.append((resolved: nil, hasEnd: false))
          return
        }
        let r = refs[p]
        textList.append(cs[r.index].span.text)
        ownDayList.append(Self.isOwnDay(cs[r.index].span.text))
        // `days(of:)`, on the fields.
        let resolved = cs[r.index].date!.resolved
        let end = cs[r.index].date!.resolvedEnd
        dayList.append((resolved!.dayNumber, (end ?? resolved!).dayNumber))
        resolvedDayList.append((resolved: resolved, hasEnd: end != nil))
      }
      // Constants from here on: the recorder reads them without exclusivity checks.
      let texts = textList
      let ownDay = ownDayList
      let days = dayList
      let resolvedDays = resolvedDayList
      // Recorded straight into the shared storage of `MinoritySide` (no arrays per claim); the candidates
      // are collected into the index's own buffer, kept from claim to claim.
      var sides = MinoritySide<Int>(claims, count: refs.count, document: { refs[$0].document }) { (i: Int, recorder: inout MinoritySide<Int>.Recorder) in
        let daysA = days[i]
        let candidateCount = scratch.pointee.index.collectCandidates(of: i)
        for k in 0..<candidateCount {
          let j = scratch.pointee.index.candidate(k)
          guard scratch.pointee.comparable(refs[i].document, refs[j].document), sameEvent(i, j) else { continue }
          let daysB = days[j]
          let overlap = Self.overlaps(daysA, daysB)
          // "kicks off June 9th … and concludes October 10th": a date that matches the other date of this
          // sentence is that date's counterpart, not this one's.
          if !overlap && siblings[i].contains(where: { Self.overlaps($0, daysB) }) { continue }
          // Both dates each article's own day (`bothOwnDay`).
          if ownDay[i] && ownDay[j] { continue }
          if overlap
            || Self.differInInferredYearOnly(
              resolvedDays[i].resolved, hasEndA: resolvedDays[i].hasEnd, texts[i], resolvedDays[j].resolved, hasEndB: resolvedDays[j].hasEnd, texts[j])
          {
            recorder.agree(refs[j].document)
          } else {
            recorder.conflict(j)
          }
        }
      }
      for i in refs.indices where compared[i] && claims.isDraftSide(refs[i]) {
        guard let noteIdx = sides.notes(for: i) else { continue }
        let a = claims.documents[refs[i].document].claims[refs[i].index].span
        let resolved = resolvedDays[i].resolved!.description
        var paths = [a.path]
        let notes = noteIdx.map { j -> Note in
          let b = claims.documents[refs[j].document].claims[refs[j].index].span
          let dateB = claims.documents[refs[j].document].claims[refs[j].index].date!
          paths.append(b.path)
          return Note(span: b, message: "source dates it to \(dateB.resolved!) (\(ClaimText.quoted(b.text))\(evidence(dateB)))")
        }
        findings.append(
          Finding(
            ruleID: Self.description.identifier, severity: context.severity(of: Self.description),
            message: "date of the event differs from \(ClaimText.sources(notes.count)): \(ClaimText.quoted(a.text)) here is \(resolved)",
            span: a, notes: notes, help: "check the date against the original source",
            label: "resolves to \(resolved)",
            fingerprint: Fingerprint.fnv1a(
              [Self.description.identifier, resolved] + Self.sortedContextWords(of: refs[i], in: claims).prefix(6)
                + paths.sorted()),
            properties: ["date": resolved]))
      }
      return findings
    }
  }

  /// What the recorder of `check` changes from call to call.
  private struct Scratch {
    /// The figures of each date's sentence, once read.
    var figureCache: [[String]?]
    var index: SortedStoryWordIndex
    var comparable: ComparableDocuments
  }

  static let sayingVerbs: Set<String> = [
    "said", "says", "told", "announced", "unveiled", "stated", "added", "reported", "confirmed", "declared", "wrote", "reporters",
  ]

  /// A date that dates a statement ("the board said on Monday"), not the event.
  ///
  /// Read on the bytes in one pass that stops at the date (`isStatementDateBySplitting` gives the
  /// same answer by splitting the whole sentence into words first).
  static func isStatementDate(_ c: Claim) -> Bool { isStatementDate(sentence: c.sentence, span: c.span.text) }

  /// `isStatementDate(_:)` given the claim's sentence and the text of its span.
  static func isStatementDate(sentence: String, span: String) -> Bool {
    span.withUTF8Bytes { span in sentence.withUTF8Bytes { isStatementDate(sentence: $0, span: span) } }
  }

  /// `isStatementDate(_:)` on the bytes of the sentence and of the date's text.
  private static func isStatementDate(sentence s: UnsafeBufferPointer<UInt8>, span: UnsafeBufferPointer<UInt8>) -> Bool {
    // The first word of the date (up to the first space) and the number of its words.
    var firstStart = -1
    var firstEnd = -1
    var spanWords = 0
    var inWord = false
    for k in 0..<span.count {
      if span[k] == 0x20 {
        if inWord, firstEnd < 0 { firstEnd = k }
        inWord = false
      } else if !inWord {
        inWord = true
        spanWords += 1
        if firstStart < 0 { firstStart = k }
      }
    }
    guard firstStart >= 0 else { return false }
    if firstEnd < 0 { firstEnd = span.count }
    let firstCount = firstEnd - firstStart
    @inline(__always) func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
    // The next word (between spaces and commas) at or after `p`.
    func nextWord(from p: Int) -> Range<Int>? {
      var a = p
      while a < s.count, s[a] == 0x20 || s[a] == 0x2C { a += 1 }
      guard a < s.count else { return nil }
      var b = a + 1
      while b < s.count, s[b] != 0x20, s[b] != 0x2C { b += 1 }
      return a..<b
    }
    // The date's word: the first word that starts with the date's first word. Words hold no space or
    // comma, so a first word with a comma starts none; one without is searched for where it starts a
    // word (at the sentence's start or after a space or comma), each candidate found by its first
    // byte in either case, then compared in full.
    for k in firstStart..<firstEnd where span[k] == 0x2C { return false }
    let head = lower(span[firstStart])
    var found: Range<Int>?
    var from = 0
    while let k = ClaimText.firstByte(head | 0x20, fold: 0x20, in: s, from: from), k &+ firstCount <= s.count {
      from = k &+ 1
      guard k == 0 || s[k &- 1] == 0x20 || s[k &- 1] == 0x2C else { continue }
      var j = 0
      while j < firstCount, lower(s[k &+ j]) == lower(span[firstStart &+ j]) { j &+= 1 }
      guard j == firstCount else { continue }
      var e = k &+ firstCount
      while e < s.count, s[e] != 0x20, s[e] != 0x2C { e &+= 1 }
      found = k..<e
      break
    }
    guard let date = found else { return false }
    // The three words before the date's word: back0 just before it (locals, not an array).
    func previousWord(before p: Int) -> Range<Int>? {
      var b = p
      while b > 0, s[b &- 1] == 0x20 || s[b &- 1] == 0x2C { b &-= 1 }
      guard b > 0 else { return nil }
      var a = b &- 1
      while a > 0, s[a &- 1] != 0x20, s[a &- 1] != 0x2C { a &-= 1 }
      return a..<b
    }
    let back0 = previousWord(before: date.lowerBound)
    let back1 = back0.flatMap { previousWord(before: $0.lowerBound) }
    let back2 = back1.flatMap { previousWord(before: $0.lowerBound) }

    // Whether the word at `r`, lower-cased, is `word` (ASCII).
    func isWord(_ r: Range<Int>, _ word: StaticString) -> Bool {
      guard r.count == word.utf8CodeUnitCount else { return false }
      let w = word.utf8Start
      for j in 0..<r.count where lower(s[r.lowerBound + j]) != w[j] { return false }
      return true
    }
    // A saying verb by one switch on its lower-cased letters (`isPackedSayingVerb`) instead of a
    // comparison with each of the twelve.
    func isSaying(_ r: Range<Int>?) -> Bool {
      guard let r, r.count >= 4, r.count <= 9 else { return false }
      var packed: UInt64 = 0
      for j in 0..<min(r.count, 8) { packed = packed << 8 | UInt64(lower(s[r.lowerBound &+ j])) }
      return isPackedSayingVerb(packed, count: r.count, ninth: r.count == 9 ? lower(s[r.lowerBound &+ 8]) : 0)
    }
    let v: Int
    let verb: Range<Int>
    if isSaying(back0), let w = back0 {
      (v, verb) = (0, w)
    } else if isSaying(back1), let w = back1 {
      (v, verb) = (1, w)
    } else if isSaying(back2), let w = back2 {
      (v, verb) = (2, w)
    } else {
      return false
    }
    // "announced on Wednesday a $1.35 billion plan", "announced the plan on Wednesday": what is
    // announced is a thing, not a statement, and the announcement is the event the date dates.
    if announcingVerbBytes.contains(where: { isWord(verb, $0) }) {
      // The words between the verb and the date: back1 (when v is 2) and back0.
      if v > 0 {
        let that = back0.map { isWord($0, "that") } == true || (v > 1 && back1.map { isWord($0, "that") } == true)
        if !that { return false }
      } else {
        // The word after the date's words.
        var after: Range<Int>? = nextWord(from: date.upperBound)
        for _ in 1..<max(1, spanWords) { after = after.flatMap { nextWord(from: $0.upperBound) } }
        if let after, objectStartBytes.contains(where: { isWord(after, $0) }) { return false }
      }
    }
    return true
  }

  /// Whether a word of `count` bytes is a saying verb (`sayingVerbs`), given its first eight bytes
  /// (ASCII letters lower-cased, packed first byte highest) and its ninth byte (0 when it has none).
  /// The count is compared too: zero bytes in front do not change a packed value. A test checks it
  /// against `sayingVerbs`.
  static func isPackedSayingVerb(_ packed: UInt64, count: Int, ninth: UInt8) -> Bool {
    switch packed {
    case 0x7361_6964,  // said
      0x7361_7973,  // says
      0x746F_6C64:  // told
      return count == 4
    case 0x7772_6F74_65,  // wrote
      0x6164_6465_64:  // added
      return count == 5
    case 0x7374_6174_6564:  // stated
      return count == 6
    case 0x756E_7665_696C_6564,  // unveiled
      0x7265_706F_7274_6564,  // reported
      0x6465_636C_6172_6564:  // declared
      return count == 8
    case 0x616E_6E6F_756E_6365,  // announce-d
      0x636F_6E66_6972_6D65:  // confirme-d
      return count == 9 && ninth == 0x64
    case 0x7265_706F_7274_6572:  // reporter-s
      return count == 9 && ninth == 0x73
    default:
      return false
    }
  }

  /// `announcingVerbs` and `objectStarts` as static strings, compared on bytes.
  private static let announcingVerbBytes: [StaticString] = ["announced", "unveiled", "declared"]
  private static let objectStartBytes: [StaticString] = ["a", "an", "the", "its", "their", "his", "her", "plans", "new"]

  /// `isStatementDate(_:)` by splitting the whole sentence into words (the reference for tests).
  static func isStatementDateBySplitting(_ c: Claim) -> Bool {
    let sentence = Array(c.sentence.utf8)
    let words = wordRanges(sentence) { $0 == 0x20 || $0 == 0x2C }
    let span = Array(c.span.text.utf8)
    guard let firstSpanWord = wordRanges(span, { $0 == 0x20 }).first else { return false }
    let first = lowered(span[firstSpanWord])
    // Whether the word at `r`, lower-cased, starts with `first` (compared byte by byte, no copy).
    func startsWithFirst(_ r: Range<Int>) -> Bool {
      guard r.count >= first.count else { return false }
      for j in first.indices {
        let b = sentence[r.lowerBound + j]
        if (b >= 0x41 && b <= 0x5A ? b + 0x20 : b) != first[j] { return false }
      }
      return true
    }
    guard let i = words.firstIndex(where: startsWithFirst) else { return false }
    let word = { (k: Int) in String(decoding: lowered(sentence[words[k]]), as: UTF8.self) }
    guard let v = (max(0, i - 3)..<i).last(where: { sayingVerbs.contains(word($0)) }) else { return false }
    // "announced on Wednesday a $1.35 billion plan", "announced the plan on Wednesday": what is
    // announced is a thing, not a statement, and the announcement is the event the date dates.
    if announcingVerbs.contains(word(v)) {
      let spanWords = wordRanges(span, { $0 == 0x20 }).count
      let between = ((v + 1)..<i).map(word)
      let after = (i + spanWords) < words.count ? word(i + spanWords) : ""
      if !between.isEmpty, !between.contains("that") { return false }
      if between.isEmpty, objectStarts.contains(after) { return false }
    }
    return true
  }

  /// Saying verbs that also take a thing as their object ("announced a plan", "unveiled a budget").
  static let announcingVerbs: Set<String> = ["announced", "unveiled", "declared"]

  /// Words that open a noun phrase after a date ("announced on Wednesday a plan"), as opposed to "that"
  /// or a quote, which open a statement.
  static let objectStarts: Set<String> = ["a", "an", "the", "its", "their", "his", "her", "plans", "new"]

  /// The byte ranges of the words of `bytes` between separator bytes (empty words omitted).
  private static func wordRanges<Bytes: RandomAccessCollection>(_ bytes: Bytes, _ isSeparator: (UInt8) -> Bool) -> [Range<Int>]
  where Bytes.Element == UInt8, Bytes.Index == Int {
    var out: [Range<Int>] = []
    // Words of news copy average about six bytes with their separator: one allocation for most sentences.
    out.reserveCapacity(bytes.count / 4 + 4)
    var start = -1
    for k in bytes.indices {
      if isSeparator(bytes[k]) {
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

  static let reschedulingVerbs: Set<String> = [
    "postponed", "delayed", "moved", "rescheduled", "pushed", "brought", "shifted", "changed", "put",
  ]

  /// The old date of a rescheduled event ("postponed from Tuesday to Friday"): not when it happens.
  static func isReplacedDate(_ c: Claim) -> Bool { isReplacedDate(sentence: c.sentence, span: c.span.text) }

  /// `isReplacedDate(_:)` given the claim's sentence and the text of its span.
  static func isReplacedDate(sentence text: String, span: String) -> Bool {
    // The word before the date must be "from": most sentences have none, and are not split into words.
    // (No character but the ASCII letters lower-cases to "from".)
    guard containsFrom(text) else { return false }
    if let ascii = span.withUTF8Bytes({ span in text.withUTF8Bytes { isReplacedDateASCII(sentence: $0, span: span) } }) { return ascii }
    return isReplacedDateByCharacters(sentence: text, span: span)
  }

  /// `isReplacedDate(_:)` on the words as strings of characters (for text that is not ASCII, and the
  /// reference for tests).
  static func isReplacedDateByCharacters(_ c: Claim) -> Bool { isReplacedDateByCharacters(sentence: c.sentence, span: c.span.text) }

  /// `isReplacedDateByCharacters(_:)` given the claim's sentence and the text of its span.
  static func isReplacedDateByCharacters(sentence: String, span: String) -> Bool {
    guard containsFrom(sentence) else { return false }
    let words = sentence.split(whereSeparator: { $0 == " " || $0 == "," }).map { $0.lowercased() }
    let dateWords = span.lowercased().split(separator: " ").map(String.init)
    guard let first = dateWords.first, let i = words.firstIndex(where: { $0.hasPrefix(first) }), i > 0, words[i - 1] == "from"
    else { return false }
    return words[max(0, i - 6)..<(i - 1)].contains { reschedulingVerbs.contains($0) }
      && words[i..<min(words.count, i + dateWords.count + 3)].contains("to")
  }

  /// `isReplacedDate(_:)` on the bytes of a plain sentence and date text (`isPlain`; nil otherwise).
  /// There a character is one scalar, lower-casing is ASCII lower-casing and a prefix of characters is
  /// a prefix of bytes.
  private static func isReplacedDateASCII(sentence s: UnsafeBufferPointer<UInt8>, span: UnsafeBufferPointer<UInt8>) -> Bool? {
    guard isPlain(s), isPlain(span) else { return nil }
    @inline(__always) func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
    // The date's word and the word before it, found word by word up to the date's word without
    // listing the sentence's words: most sentences with "from" have it elsewhere, and are done here.
    // (The words listed below are these words, found the same way.)
    do {
      var a = 0
      while a < span.count, span[a] == 0x20 { a &+= 1 }
      guard a < span.count else { return false }
      var b = a &+ 1
      while b < span.count, span[b] != 0x20 { b &+= 1 }
      let firstCount = b &- a
      var previous: Range<Int>? = nil
      var k = 0
      while true {
        while k < s.count, s[k] == 0x20 || s[k] == 0x2C { k &+= 1 }
        guard k < s.count else { return false }
        var e = k &+ 1
        while e < s.count, s[e] != 0x20, s[e] != 0x2C { e &+= 1 }
        if e &- k >= firstCount {
          var j = 0
          while j < firstCount, lower(s[k &+ j]) == lower(span[a &+ j]) { j &+= 1 }
          if j == firstCount { break }
        }
        previous = k..<e
        k = e
      }
      guard let previous, previous.count == 4, lower(s[previous.lowerBound]) == 0x66, lower(s[previous.lowerBound &+ 1]) == 0x72,
        lower(s[previous.lowerBound &+ 2]) == 0x6F, lower(s[previous.lowerBound &+ 3]) == 0x6D
      else { return false }
    }
    let words = wordRanges(s) { $0 == 0x20 || $0 == 0x2C }
    let dateWords = wordRanges(span) { $0 == 0x20 }
    guard let first = dateWords.first else { return false }
    func hasFirst(_ r: Range<Int>) -> Bool {
      guard r.count >= first.count else { return false }
      for j in 0..<first.count where lower(s[r.lowerBound + j]) != lower(span[first.lowerBound + j]) { return false }
      return true
    }
    func isWord(_ r: Range<Int>, _ word: StaticString) -> Bool {
      guard r.count == word.utf8CodeUnitCount else { return false }
      let w = word.utf8Start
      for j in 0..<r.count where lower(s[r.lowerBound + j]) != w[j] { return false }
      return true
    }
    guard let i = words.firstIndex(where: hasFirst), i > 0, isWord(words[i - 1], "from") else { return false }
    return words[max(0, i - 6)..<(i - 1)].contains { w in reschedulingVerbBytes.contains { isWord(w, $0) } }
      && words[i..<min(words.count, i + dateWords.count + 3)].contains { isWord($0, "to") }
  }

  /// Whether `text` holds only ASCII without CR and the punctuation of news copy (curly quotes and
  /// apostrophes, en and em dashes, the ellipsis, the no-break space). Each such character is one
  /// scalar that joins no neighbour into one character, has no canonical decomposition and does not
  /// change case; a CR is left out because "\r\n" is one character.
  static func isPlain(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = text.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let crs: UInt64 = 0x0D0D_0D0D_0D0D_0D0D
    var k = 0
    while k < text.count {
      // Eight ASCII bytes without a CR at a time (no high bit set, no byte equal to 0x0D); any other
      // byte is read one at a time below.
      if k &+ 8 <= text.count {
        let w = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
        let x = w ^ crs
        if w & highs == 0, (x &- ones) & ~x & highs == 0 {
          k &+= 8
          continue
        }
      }
      let b = text[k]
      if b < 0x80, b != 0x0D {
        k += 1
      } else if b == 0xE2, k + 2 < text.count, text[k + 1] == 0x80, [0x93, 0x94, 0x98, 0x99, 0x9C, 0x9D, 0xA6].contains(text[k + 2]) {
        k += 3
      } else if b == 0xC2, k + 1 < text.count, text[k + 1] == 0xA0 {
        k += 2
      } else {
        return false
      }
    }
    return true
  }

  /// `reschedulingVerbs` as static strings, compared on bytes.
  private static let reschedulingVerbBytes: [StaticString] = [
    "postponed", "delayed", "moved", "rescheduled", "pushed", "brought", "shifted", "changed", "put",
  ]

  /// Whether `text` contains "from" in any ASCII case.
  static func containsFrom(_ text: String) -> Bool {
    text.withUTF8Bytes { u in
      guard u.count >= 4 else { return false }
      // Each "f" in either case, found eight bytes at a time, then the three letters after it.
      var from = 0
      while let k = ClaimText.firstByte(0x66, fold: 0x20, in: u, from: from), k <= u.count - 4 {
        if u[k + 1] | 0x20 == 0x72 && u[k + 2] | 0x20 == 0x6F && u[k + 3] | 0x20 == 0x6D { return true }
        from = k + 1
      }
      return false
    }
  }

  /// Content words within twelve words of the date: what the date dates. A short sentence ("The
  /// talks were held on Thursday.") says what it dates in the sentence before it, whose words are added.
  static func context(of r: ClaimRef, in claims: AlignedClaims) -> (own: Set<String>, all: Set<String>) {
    let c = claims.claim(r)
    let words = c.sentence.split(separator: " ").map(String.init)
    let first = c.span.text.split(separator: " ").first.map(String.init) ?? c.span.text
    guard let i = words.firstIndex(where: { ClaimText.containsBytes($0, first) }) else {
      let w = Salience.words(c.sentence)
      return (w, w)
    }
    // The clause of the date: up to twelve words each side, not past a word that opens another clause
    // ("suspended the strike on Friday after the union agreed to talks": the talks are not dated).
    var lo = i
    while lo > max(0, i - 12), !(lo - 1 < i - 1 && clauseBreaks.contains(bare(words[lo - 1]))) { lo -= 1 }
    var hi = i + 1
    while hi < min(words.count, i + 12), !clauseBreaks.contains(bare(words[hi])) { hi += 1 }
    let own = Salience.words(words[lo..<hi].joined(separator: " "))
    var all = own
    if own.count < minimumContext, c.sentenceIndex > 0,
      let previous = claims.documents[r.document].claims.first(where: { $0.sentenceIndex == c.sentenceIndex - 1 })
    {
      all.formUnion(Salience.words(previous.sentence))
    }
    return (own, all)
  }

  /// `context(of:in:)` as sorted word hashes (`Salience.sortedWordHashes`): the same words, found on
  /// the sentence's bytes without building strings. `previousWords` caches the words of the sentences
  /// before short contexts, keyed by document and sentence.
  ///
  /// Words are the runs of bytes between spaces; `String.split` splits between characters instead,
  /// which differs only where a space carries a combining mark.
  static func hashedContext(of r: ClaimRef, in claims: AlignedClaims, previousWords: inout [Int: [UInt64]]) -> (
    own: [UInt64], all: [UInt64]
  ) {
    var clause: (words: [UInt64], found: Bool)?
    return hashedContext(of: r, in: claims, previousWords: &previousWords, clause: &clause)
  }

  /// `hashedContext(of:in:previousWords:)` where `clause` caches the words of the date's clause for
  /// every claim with the same sentence and date text (computed here when nil).
  static func hashedContext(
    of r: ClaimRef, in claims: AlignedClaims, previousWords: inout [Int: [UInt64]], clause: inout (words: [UInt64], found: Bool)?
  ) -> (own: [UInt64], all: [UInt64]) {
    let all = claims.documents[r.document].claims.withUnsafeBufferPointer { cs in
      hashedContext(of: r, in: cs, previousWords: &previousWords, clause: &clause)
    }
    return (clause!.words, all)
  }

  /// `hashedContext(of:in:previousWords:clause:)` with the claims of the document of `r` lent by the
  /// caller, giving the whole context only: the own words are left in `clause` (never nil on return).
  static func hashedContext(
    of r: ClaimRef, in cs: UnsafeBufferPointer<Claim>, previousWords: inout [Int: [UInt64]], clause: inout (words: [UInt64], found: Bool)?
  ) -> [UInt64] {
    let sentenceIndex = cs[r.index].sentenceIndex
    if clause == nil { clause = clauseWords(sentence: cs[r.index].sentence, span: cs[r.index].span.text) }
    guard clause!.found, clause!.words.count < minimumContext, sentenceIndex > 0 else { return clause!.words }
    let previousKey = r.document << 32 | (sentenceIndex - 1)
    if let previous = previousWords[previousKey] { return Salience.union(clause!.words, previous) }
    // By index, each claim's field read in place (`firstIndex(where:)` hands the predicate a copy
    // of each claim: every string and box of it retained and released).
    var p = 0
    while p < cs.count, cs[p].sentenceIndex != sentenceIndex - 1 { p += 1 }
    guard p < cs.count else { return clause!.words }
    let words = Salience.sortedWordHashes(cs[p].sentence)
    previousWords[previousKey] = words
    return Salience.union(clause!.words, words)
  }

  /// The words of a date's clause as sorted hashes, and whether the date was found among the
  /// sentence's words (if not, the whole sentence is its context and nothing is borrowed from the
  /// sentence before).
  static func clauseWords(sentence text: String, span: String) -> (words: [UInt64], found: Bool) {
    span.withUTF8Bytes { span in
      // The date's first word (its bytes up to the first space), or the whole text when it has none.
      var a = 0
      while a < span.count, span[a] == 0x20 { a += 1 }
      var b = a
      while b < span.count, span[b] != 0x20 { b += 1 }
      let first = a < span.count ? UnsafeBufferPointer(rebasing: span[a..<b]) : span
      return text.withUTF8Bytes { bytes in
        // The words are the runs of bytes between spaces; the date's word is the first that holds the
        // date's first word. The clause is read back and forward from it on the bytes, as
        // `clauseWords(around:count:isBreak:)` reads it on a list of the words.
        let count = bytes.count
        var start = 0
        var end = 0
        var found = false
        if a < span.count {
          // The date's first word holds no space, so each of its occurrences lies inside one word: the
          // first word that holds it is the word around its first occurrence in the sentence.
          if let at = ClaimText.firstOccurrence(of: first, in: bytes) {
            start = at
            while start > 0, bytes[start &- 1] != 0x20 { start &-= 1 }
            end = at &+ first.count
            while end < count, bytes[end] != 0x20 { end &+= 1 }
            found = true
          }
        } else {
          // A date text of spaces only, or empty (which every word holds): word by word.
          while true {
            while start < count, bytes[start] == 0x20 { start &+= 1 }
            if start == count { break }
            end = start &+ 1
            while end < count, bytes[end] != 0x20 { end &+= 1 }
            if ClaimText.containsBytes(UnsafeBufferPointer(rebasing: bytes[start..<end]), first) {
              found = true
              break
            }
            start = end
          }
        }
        guard found else { return (Salience.sortedWordHashes(bytes), false) }
        // Back: the word before the date's always belongs to the clause; each earlier one unless it
        // is a clause break; at most twelve words.
        var lo = start
        var cursor = start
        for step in 1...12 {
          var j = cursor
          while j > 0, bytes[j &- 1] == 0x20 { j &-= 1 }
          if j == 0 { break }
          let wordEnd = j
          // The word's start: after the last space before it (eight bytes at a time).
          j = (ClaimText.lastByte(0x20, in: bytes, before: j) ?? -1) &+ 1
          if step > 1, isClauseBreak(bytes[j..<wordEnd]) { break }
          lo = j
          cursor = j
        }
        // Forward: up to eleven more words, until a clause break.
        var hi = end
        cursor = end
        for _ in 1...11 {
          var j = cursor
          while j < count, bytes[j] == 0x20 { j &+= 1 }
          if j == count { break }
          let wordStart = j
          j = ClaimText.firstByte(0x20, in: bytes, from: j) ?? count
          if isClauseBreak(bytes[wordStart..<j]) { break }
          hi = j
          cursor = j
        }
        return (Salience.sortedWordHashes(UnsafeBufferPointer(rebasing: bytes[lo..<hi])), true)
      }
    }
  }

  /// The words of the clause around word `i` of `count` (as word indexes): back to the word after a
  /// clause break and forward to the next break, at most 12 words each way.
  static func clauseWords(around i: Int, count: Int, isBreak: (Int) -> Bool) -> Range<Int> {
    var lo = i
    while lo > max(0, i - 12), !(lo - 1 < i - 1 && isBreak(lo - 1)) { lo -= 1 }
    var hi = i + 1
    while hi < min(count, i + 12), !isBreak(hi) { hi += 1 }
    return lo..<hi
  }

  /// The sorted words of `context(of:in:).all`, the same words found on the bytes when the sentence
  /// and the date are plain text (`isPlain`): there each character is one scalar, so splitting the
  /// characters at spaces splits the bytes at spaces, and the words of a clause are the words of its
  /// bytes from its first word to its last (spaces only end words). Other text goes through `context`.
  static func sortedContextWords(of r: ClaimRef, in claims: AlignedClaims) -> [String] {
    let cs = claims.documents[r.document].claims
    let text = cs[r.index].sentence
    var sentence = text
    var spanText = cs[r.index].span.text
    let sentenceIndex = cs[r.index].sentenceIndex
    // Plain text has only ASCII words (its punctuation outside ASCII ends words), whose strings
    // compare as their bytes: the words are listed, sorted and each kept once (`Salience.appendWords`,
    // `sortUnique`), the sorted set's words without hashing a string.
    let own: [String]? = spanText.withUTF8 { span in
      sentence.withUTF8 { bytes -> [String]? in
        guard isPlain(span), isPlain(bytes) else { return nil }
        let spanWords = wordRanges(span) { $0 == 0x20 }
        let first = spanWords.first.map { UnsafeBufferPointer(rebasing: span[$0]) } ?? span
        let words = wordRanges(bytes) { $0 == 0x20 }
        var all: [String] = []
        guard let i = words.firstIndex(where: { ClaimText.containsBytes(UnsafeBufferPointer(rebasing: bytes[$0]), first) }) else {
          Salience.appendWords(text, to: &all)
          all.sortUnique()
          return all
        }
        let window = clauseWords(around: i, count: words.count) { isClauseBreak(bytes[words[$0]]) }
        let clause = UnsafeBufferPointer(rebasing: bytes[words[window.lowerBound].lowerBound..<words[window.upperBound - 1].upperBound])
        Salience.appendWords(String(decoding: clause, as: UTF8.self), to: &all)
        all.sortUnique()
        if all.count < minimumContext, sentenceIndex > 0, let p = cs.firstIndex(where: { $0.sentenceIndex == sentenceIndex - 1 }) {
          var previous = cs[p].sentence
          guard previous.withUTF8({ isPlain($0) }) else {
            // Words outside ASCII: the set's union keeps the first of canonically equal words.
            var set = Set(all)
            set.formUnion(Salience.words(cs[p].sentence))
            return set.sorted()
          }
          Salience.appendWords(previous, to: &all)
          all.sortUnique()
        }
        return all
      }
    }
    return own ?? context(of: r, in: claims).all.sorted()
  }

  /// Whether the bytes of `needle` occur in `haystack`.
  private static func containsBytes(_ haystack: Slice<UnsafeBufferPointer<UInt8>>, _ needle: [UInt8]) -> Bool {
    if needle.isEmpty { return true }
    guard needle.count <= haystack.count else { return false }
    let base = haystack.startIndex
    outer: for s in base...(haystack.endIndex - needle.count) where haystack[s] == needle[0] {
      for k in 1..<needle.count where haystack[s + k] != needle[k] { continue outer }
      return true
    }
    return false
  }

  /// `clauseBreaks.contains(bare(word))` on a word's bytes: ASCII words are stripped and lower-cased
  /// byte by byte; others go through `bare`.
  ///
  /// Most words are told apart here, where the word is read, without a call: every clause break starts
  /// with a, b, s, u or w, so a word whose first byte is another letter is none; and a word whose first
  /// two bytes are ASCII letters is none unless they are, lower-cased, the first two letters of a clause
  /// break (`isClauseBreakHead`). Two ASCII letters are two characters of their own, each its letter,
  /// which `bare` keeps lower-cased in front: a word that `bare` makes a clause break starts with them.
  @inline(__always)
  private static func isClauseBreak(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    let start = word.startIndex
    if start < word.endIndex {
      let a = word.base[start] | 0x20
      if a &- 0x61 < 26 {
        if clauseBreakInitials & (1 << UInt32(a &- 0x61)) == 0 { return false }
        if start &+ 1 < word.endIndex {
          let b = word.base[start &+ 1] | 0x20
          if b &- 0x61 < 26, !isClauseBreakHead(UInt16(a) << 8 | UInt16(b)) { return false }
        }
      }
    }
    return isClauseBreakByLetters(word)
  }

  /// Whether two lower-cased ASCII letters (the first in the high byte) begin a clause break: "af",
  /// "as", "be", "bu", "si", "un", "wh" (a test checks them against `clauseBreaks`).
  @inline(__always)
  static func isClauseBreakHead(_ pair: UInt16) -> Bool {
    switch pair {
    case 0x6166, 0x6173, 0x6265, 0x6275, 0x7369, 0x756E, 0x7768: return true
    default: return false
    }
  }

  /// `isClauseBreak(_:)` past its test of the first letter.
  private static func isClauseBreakByLetters(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    // The letters, lower-cased, packed into one integer (a clause break has at most 7 letters). A word
    // with more than 7 ASCII letters is none, whatever else it holds (lower-casing keeps them all).
    let slice = word
    let word = UnsafeBufferPointer(rebasing: slice)
    var letters: UInt64 = 0
    var count = 0
    var k = 0
    while k < word.count {
      let b = word[k]
      if b >= 0x80 {
        // The punctuation of news copy (curly quotes, dashes, the ellipsis, the no-break space; see
        // `isPlain`) is no letter and joins no neighbour into one character: `bare` drops it as it
        // drops ASCII punctuation. Other text goes through `bare`.
        if b == 0xE2, k &+ 2 < word.count, word[k &+ 1] == 0x80, isNewsPunctuation(word[k &+ 2]) {
          k &+= 3
          continue
        }
        if b == 0xC2, k &+ 1 < word.count, word[k &+ 1] == 0xA0 {
          k &+= 2
          continue
        }
        return clauseBreaks.contains(bare(String(decoding: slice, as: UTF8.self)))
      }
      let lower = b | 0x20
      if lower &- 0x61 < 26 {
        letters = letters << 8 | UInt64(lower)
        count += 1
        if count > 7 { return false }
      }
      k &+= 1
    }
    return isPackedClauseBreak(letters)
  }

  /// The first letters of `clauseBreaks`, one bit each (bit 0 for "a"): a, b, s, u and w. A constant
  /// (a global computed from the set is read through a one-time initialisation check at every call);
  /// a test checks it against `clauseBreaks`.
  static let clauseBreakInitials: UInt32 = 1 << 0 | 1 << 1 | 1 << 18 | 1 << 20 | 1 << 22

  /// The last byte of the news punctuation written E2 80 xx (`isPlain`).
  @inline(__always)
  private static func isNewsPunctuation(_ b: UInt8) -> Bool {
    switch b {
    case 0x93, 0x94, 0x98, 0x99, 0x9C, 0x9D, 0xA6: return true
    default: return false
    }
  }

  /// `clauseBreakPacked.contains(letters)` as one switch over the packed words (a test checks that
  /// the two agree).
  static func isPackedClauseBreak(_ letters: UInt64) -> Bool {
    switch letters {
    case 0x6166_7465_72,  // after
      0x6265_666F_7265,  // before
      0x7768_656E,  // when
      0x7768_696C_65,  // while
      0x6173,  // as
      0x7369_6E63_65,  // since
      0x756E_7469_6C,  // until
      0x6265_6361_7573_65,  // because
      0x6275_74,  // but
      0x7768_6963_68,  // which
      0x7768_6F,  // who
      0x7768_6572_6561_73:  // whereas
      return true
    default:
      return false
    }
  }

  /// `clauseBreaks` with their letters packed as in `isClauseBreak` (the reference for
  /// `isPackedClauseBreak` in tests).
  static let clauseBreakPacked: [UInt64] = clauseBreaks.map { w in w.utf8.reduce(0) { $0 << 8 | UInt64($1) } }

  /// Words that open another clause, whose event a date does not date.
  static let clauseBreaks: Set<String> = ["after", "before", "when", "while", "as", "since", "until", "because", "but", "which", "who", "whereas"]

  /// A word without the punctuation around it, lower-cased.
  static func bare(_ w: String) -> String {
    // ASCII words (nearly all): the lower-cased ASCII letters, read on the bytes. In ASCII text the
    // letters a-z and A-Z are the only characters that are letters.
    if w.utf8.allSatisfy({ $0 < 0x80 }) {
      var letters: [UInt8] = []
      letters.reserveCapacity(w.utf8.count)
      for b in w.utf8 {
        if b >= 0x61 && b <= 0x7A {
          letters.append(b)
        } else if b >= 0x41 && b <= 0x5A {
          letters.append(b + 0x20)
        }
      }
      return String(decoding: letters, as: UTF8.self)
    }
    return String(w.lowercased().filter { $0.isLetter })
  }

  /// Fewer content words than this around a date do not say which event it dates.
  static let minimumContext = 5

  private func evidence(_ m: DateMention) -> String {
    guard m.isRelative, let e = m.evidence else { return "" }
    return ", \(e)"
  }

  static func overlaps(_ a: DateMention, _ b: DateMention) -> Bool { overlaps(days(of: a), days(of: b)) }

  /// The day numbers of a resolved date's first and last day (not a range: a last day before the
  /// first is kept as given).
  static func days(of d: DateMention) -> (first: Int, last: Int) {
    (d.resolved!.dayNumber, (d.resolvedEnd ?? d.resolved!).dayNumber)
  }

  /// `overlaps(_:_:)` on the days of the two dates.
  static func overlaps(_ a: (first: Int, last: Int), _ b: (first: Int, last: Int)) -> Bool {
    a.first <= b.last && b.first <= a.last
  }

  /// The distinctive figures of the sentence of `r` as pseudo-words ("#USD:1350000000"): amounts, and
  /// counts of ten or more (small counts recur for unrelated things); and what happened to the people
  /// it counts ("#kill", "#injure"): "twelve died and 297 were hurt in the crush" and "nine were killed
  /// and nearly 300 injured when fans surged" tell of the same deaths and injuries in other words.
  static func figureWords(of r: ClaimRef, in claims: AlignedClaims) -> Set<String> {
    let cs = claims.documents[r.document].claims
    let sentence = cs[r.index].sentenceIndex
    return figureWords(of: r, in: claims, sentenceClaims: cs.indices.filter { cs[$0].sentenceIndex == sentence })
  }

  /// `figureWords(of:in:)` given the indexes of the claims of the sentence of `r`, in order.
  static func figureWords(of r: ClaimRef, in claims: AlignedClaims, sentenceClaims: [Int]) -> Set<String> {
    Set(figureList(of: r, in: claims, sentenceClaims: sentenceClaims))
  }

  /// `figureWords(of:in:sentenceClaims:)` as a list without repeats, in the order of the claims: a
  /// sentence has few figures, and most none, so no set is built.
  static func figureList<Members: Collection<Int>>(of r: ClaimRef, in claims: AlignedClaims, sentenceClaims: Members) -> [String] {
    let cs = claims.documents[r.document].claims
    var out: [String] = []
    func add(_ w: String) { if !out.contains(w) { out.append(w) } }
    for k in sentenceClaims where cs[k].kind == .quantity {
      guard let q = cs[k].quantity else { continue }
      if let a = q.action, q.unit == nil { add("#" + a) }
      guard let v = q.value, v >= 10 || q.unit != nil else { continue }
      add("#\(q.unit ?? "count"):\(ClaimText.number(v))")
    }
    return out
  }

  /// The number of words two lists without repeats share (`Salience.sharedCount` of their sets).
  static func sharedCount(_ a: [String], _ b: [String]) -> Int {
    if a.isEmpty || b.isEmpty { return 0 }
    var n = 0
    for w in a where b.contains(w) { n += 1 }
    return n
  }

  /// Words that date something to the article's own day.
  static let ownDayWords: Set<String> = ["today", "tonight", "this morning", "this afternoon", "this evening"]

  /// Whether both dates are each article's own day ("today" in two articles of different days): each
  /// article tells what happened on its own day, so the two rarely date one event.
  static func bothOwnDay(_ a: Claim, _ b: Claim) -> Bool {
    ownDayWords.contains(a.span.text.lowercased()) && ownDayWords.contains(b.span.text.lowercased())
  }

  /// `ownDayWords.contains(text.lowercased())`, compared on the bytes: the words are ASCII without
  /// "k", and the only character outside ASCII that lower-cases into ASCII is the Kelvin sign ("k"),
  /// so a text with other bytes is none of them; ASCII text is lower-cased byte by byte.
  static func isOwnDay(_ text: String) -> Bool {
    // The bytes in place (`withUTF8Bytes`): a copy of the string to call `withUTF8` on retains it.
    return text.withUTF8Bytes { u in
      guard u.count >= 5, u.count <= 15 else { return false }
      return ownDayBytes.contains { w in
        guard w.utf8CodeUnitCount == u.count else { return false }
        let p = w.utf8Start
        for k in 0..<u.count {
          let b = u[k]
          if (b >= 0x41 && b <= 0x5A ? b + 0x20 : b) != p[k] { return false }
        }
        return true
      }
    }
  }

  /// `ownDayWords` as static strings.
  private static let ownDayBytes: [StaticString] = ["today", "tonight", "this morning", "this afternoon", "this evening"]

  /// The other resolved dates of the sentence of `r` (a start and an end, two hearings).
  static func siblingDates(of r: ClaimRef, in claims: AlignedClaims) -> [DateMention] {
    let cs = claims.documents[r.document].claims
    let sentence = cs[r.index].sentenceIndex
    return siblingDates(of: r, in: claims, sentenceClaims: cs.indices.filter { cs[$0].sentenceIndex == sentence })
  }

  /// `siblingDates(of:in:)` given the indexes of the claims of the sentence of `r`, in order.
  static func siblingDates(of r: ClaimRef, in claims: AlignedClaims, sentenceClaims: [Int]) -> [DateMention] {
    let cs = claims.documents[r.document].claims
    var out: [DateMention] = []
    for k in sentenceClaims where k != r.index && cs[k].kind == .date {
      if let d = cs[k].date, d.resolved != nil { out.append(d) }
    }
    return out
  }

  /// `siblingDates(of:in:sentenceClaims:)` as their days (`days(of:)`), each claim read in place.
  static func siblingDays<Members: Collection<Int>>(of r: ClaimRef, in claims: AlignedClaims, sentenceClaims: Members) -> [(first: Int, last: Int)] {
    claims.documents[r.document].claims.withUnsafeBufferPointer { cs in
      var out: [(first: Int, last: Int)] = []
      for k in sentenceClaims where k != r.index && cs[k].kind == .date && cs[k].date?.resolved != nil {
        out.append(days(of: cs[k].date!))
      }
      return out
    }
  }

  /// Whether two dates give the same month and day and differ only in a year that at least one of them
  /// leaves unwritten ("September 12" in a tour list read as this year, "Sept. 12" after "will" read as
  /// next year): the year was inferred, and an inferred year is no evidence of a conflict.
  static func differInInferredYearOnly(_ a: Claim, _ b: Claim) -> Bool {
    guard let da = a.date, let db = b.date else { return false }
    return differInInferredYearOnly(da, a.span.text, db, b.span.text)
  }

  /// `differInInferredYearOnly(_:_:)` given each claim's date and the text of its span.
  static func differInInferredYearOnly(_ a: DateMention, _ textA: String, _ b: DateMention, _ textB: String) -> Bool {
    differInInferredYearOnly(a.resolved, hasEndA: a.resolvedEnd != nil, textA, b.resolved, hasEndB: b.resolvedEnd != nil, textB)
  }

  /// `differInInferredYearOnly(_:_:_:_:)` given each date's resolved day and whether it has an end.
  static func differInInferredYearOnly(
    _ a: CalendarDate?, hasEndA: Bool, _ textA: String, _ b: CalendarDate?, hasEndB: Bool, _ textB: String
  ) -> Bool {
    guard let x = a, let y = b, x.year != y.year else { return false }
    guard x.month == y.month, x.day == y.day, !hasEndA, !hasEndB else { return false }
    return !statesYear(textA) || !statesYear(textB)
  }

  /// Whether a date's text writes a year ("June 9, 2020", "2020-06-09").
  static func statesYear(_ text: String) -> Bool {
    var run = 0
    for ch in text.unicodeScalars {
      if ch.properties.numericType != nil, ch.isASCII {
        run += 1
        if run == 4 { return true }
      } else {
        run = 0
      }
    }
    return false
  }

  /// Same event: enough shared names and content words (stemmed) in the two sentences.
  static func sameEvent(_ a: Set<String>, _ b: Set<String>, sharedFigures: Int = 0) -> Bool {
    let shared = Salience.sharedCount(a, b) + sharedFigures
    let small = min(a.count, b.count)
    return shared >= 4 && small > 0 && Double(shared) / Double(small) >= 0.45
  }

  /// `sameEvent` on sorted word hashes.
  static func sameEvent(_ a: [UInt64], _ b: [UInt64], sharedFigures: Int = 0) -> Bool {
    let shared = Salience.sharedCount(a, b) + sharedFigures
    let small = min(a.count, b.count)
    return shared >= 4 && small > 0 && Double(shared) / Double(small) >= 0.45
  }

  /// `sameEvent(_:_:sharedFigures:)` on sorted word hashes by `SharedWords.sharesAtLeast`: the test
  /// passes exactly when the shared words and figures reach the larger of 4 and the fewest that make
  /// 45% of the smaller list (the quotient grows with the count), so the words must reach that less
  /// the shared figures.
  static func sameEventByMerge(_ a: [UInt64], _ b: [UInt64], sharedFigures: Int = 0) -> Bool {
    let small = min(a.count, b.count)
    guard small > 0 else { return false }
    return SharedWords.sharesAtLeast(a, b, max(4, SharedWords.needed(small: small, threshold: 0.45)) - sharedFigures)
  }
}
