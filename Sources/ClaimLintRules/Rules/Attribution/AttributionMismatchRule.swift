import ClaimLintCore
import Foundation

/// Flags the same quote or statement attributed to different speakers in different sources.
///
/// Quotes are matched by their words (most of the shorter quote's content words in the other, or, for a
/// short quote made of common words, nearly all of its words); reported statements need a closer match. Speakers are the same when one name contains the other ("Guo" and
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
      ]),
      RuleExample([
        "a.txt": "\"He is the player we have wanted for three years,\" ↓coach Marco Bellini said.\n",
        "b.txt": "\"He is the player we have wanted for three years,\" said †club president Luis Ortega.\n",
      ]),
    ]
  )

  public init() {}

  public func check(_ claims: AlignedClaims, in context: RuleContext) -> [Finding] {
    check(claims, in: context, leavingOutUnspoken: true)
  }

  /// `check(_:in:)`; with `leavingOutUnspoken` false, every claim without a speaker's text is kept
  /// in the lists (`leftOut` answers false: the straightforward computation, for the tests).
  func check(_ claims: AlignedClaims, in context: RuleContext, leavingOutUnspoken: Bool) -> [Finding] {
    // Each claim is read in place, never copied: its attribution is not copied either (copying one
    // retains and later releases its four strings), only its speaker is kept. Its content is read in
    // place, once, to number its text and, for the first claim of each text, to compute its words.
    var refList: [ClaimRef] = []
    var speakerList: [String] = []
    // What the tests before the merge passes read of each claim, side by side in one value: the
    // syndication group of its document (two claims of one group, one document or near copies, are
    // never comparable: `AlignedClaims.comparable` tests this first, before any cached answer, so
    // their words are not compared either), its text number, its word counts, whether it is a quote
    // and whether it has a speaker's text.
    var factList: [Facts] = []
    // The same words recur across a run (syndicated copies, one quote in many reports): each text's
    // words are computed once, for the first claim with the same bytes.
    // Texts are numbered by their bytes (`ExactTextNumbers`); `firstWithText[n]` is the first claim
    // of text number `n` (the text number of a claim, in its facts, is that first claim).
    var textNumbers = ExactTextNumbers<ExactText>(capacity: 0)
    var firstWithText: [Int] = []
    // Content words as sorted hashes (the words of `Salience.words`, compared by merge passes); the
    // words themselves are built only for the fingerprints of findings.
    var wordLists: [[UInt64]] = []
    // Every word of a direct quote, stop words included: "He is the player we have wanted for three
    // years" has few content words but is still unmistakable. Empty for a claim that is not a quote;
    // computed once per text (`quoteWordsOfText`, nil until a quote of the text needs them).
    var quoteWordLists: [[UInt64]] = []
    var quoteWordsOfText: [[UInt64]?] = []
    // The lists are sized once, for every quote and attribution of the run (not grown by doubling).
    var capacity = 0
    // The quotes and attributions of each story (by story number; a number outside the documents'
    // range, never made, counts as a large story), for `leftOut`.
    let documentCount = claims.documents.count
    var ofStory = [Int](repeating: 0, count: documentCount)
    for d in claims.documents.indices {
      let n = claims.documents[d].claims.withUnsafeBufferPointer { cs in
        var n = 0
        for i in cs.indices where cs[i].kind == .quote || cs[i].kind == .attribution { n += 1 }
        return n
      }
      capacity += n
      let s = claims.story[d]
      if s >= 0 && s < documentCount { ofStory[s] += n }
    }
    guard capacity > 1 else { return [] }
    // Whether the claims of document `d` without a speaker's text are left out of the lists.
    //
    // Such a claim (a quote that continues the previous speaker's: "speaker text" empty) takes part
    // in nothing: as a candidate it is passed over (`hasSpeakerText` is tested first), it is never
    // asked about, and it is never a conflict of another (a conflict is a candidate that passed).
    // Only the index counts it, in the size of its words' postings: a posting of `storyLimit` claims
    // of a story proposes no candidates. In a story of fewer quotes and attributions than that, no
    // posting reaches the limit with or without it, so leaving it out changes no candidate of the
    // others (the candidates come in claim order, and the others keep their order). Larger stories
    // keep it, so that their postings stay as they were.
    func leftOut(_ d: Int) -> Bool {
      guard leavingOutUnspoken else { return false }
      let s = claims.story[d]
      return s >= 0 && s < documentCount && ofStory[s] < SortedStoryWordIndex.storyLimit
    }
    textNumbers = ExactTextNumbers(capacity: capacity)
    refList.reserveCapacity(capacity)
    speakerList.reserveCapacity(capacity)
    factList.reserveCapacity(capacity)
    firstWithText.reserveCapacity(capacity)
    wordLists.reserveCapacity(capacity)
    quoteWordLists.reserveCapacity(capacity)
    quoteWordsOfText.reserveCapacity(capacity)
    for d in claims.documents.indices {
      let leavesOut = leftOut(d)
      claims.documents[d].claims.withUnsafeBufferPointer { cs in
        for i in cs.indices where (cs[i].kind == .quote || cs[i].kind == .attribution) && cs[i].layer == .reportage {
          let hasSpeakerText = cs[i].attribution?.speakerText.isEmpty == false
          if leavesOut && !hasSpeakerText { continue }
          // Each field through optional chaining, in place (binding the attribution would copy it).
          guard let speaker = cs[i].attribution?.speaker, let content = cs[i].attribution?.content else { continue }
          let k = refList.count
          refList.append(ClaimRef(document: d, index: i))
          speakerList.append(speaker)
          let isQuote = cs[i].attribution?.isQuote == true
          let n = textNumbers.number(ExactText(content))
          if n == firstWithText.count {
            firstWithText.append(k)
            wordLists.append(Salience.sortedWordHashes(content))
            quoteWordsOfText.append(nil)
          } else {
            wordLists.append(wordLists[firstWithText[n]])
          }
          if !isQuote {
            quoteWordLists.append([])
          } else if let known = quoteWordsOfText[n] {
            quoteWordLists.append(known)
          } else {
            let tokens = Self.quoteTokens(content)
            quoteWordsOfText[n] = tokens
            quoteWordLists.append(tokens)
          }
          factList.append(
            Facts(
              group: Int32(truncatingIfNeeded: claims.syndicationGroup[d]), text: Int32(truncatingIfNeeded: firstWithText[n]),
              wordCount: Int32(truncatingIfNeeded: wordLists[k].count), quoteWordCount: Int32(truncatingIfNeeded: quoteWordLists[k].count),
              isQuote: isQuote, hasSpeakerText: hasSpeakerText, isNamed: Self.isNamed(speaker)))
        }
      }
    }
    guard refList.count > 1 else { return [] }
    textNumbers = ExactTextNumbers(capacity: 0)
    firstWithText = []
    quoteWordsOfText = []
    let refs = refList
    let speakers = speakerList
    let facts = factList
    let quoteWords = quoteWordLists
    let words = wordLists
    // Whether claim `i` says enough to be matched with another.
    func distinctive(_ i: Int) -> Bool { facts[i].wordCount >= 4 || facts[i].quoteWordCount >= Self.minimumQuoteWords }
    // Whether claims `i` and `j` (with facts `a` and `b`) state the same words.
    // The counts are tested before the merge passes that count shared words (the same answer: every
    // test is a condition of it).
    func sameWords(_ i: Int, _ a: Facts, _ j: Int, _ b: Facts, answers: inout PairAnswers) -> Bool {
      let bothQuotes = a.isQuote && b.isQuote
      // Two claims of the same text (syndicated copies) have the same lists: no merge pass.
      if a.text == b.text {
        return Self.sameWordsOfOneText(wordCount: Int(a.wordCount), quoteWordCount: Int(a.quoteWordCount), bothQuotes: bothQuotes)
      }
      let quoteMerge = bothQuotes && min(a.quoteWordCount, b.quoteWordCount) >= Self.minimumQuoteWords
      let small = min(a.wordCount, b.wordCount)
      // A reported statement needs six content words, or five that are exactly the same on both sides.
      let wordMerge = b.wordCount >= 4 && (bothQuotes ? small >= 4 : small >= 5)
      guard quoteMerge || wordMerge else { return false }
      // The answer of a merge pass depends only on the two texts and on whether both are quotes, and
      // not on their order (see `PairAnswers`): each pair of texts is merged once, whichever claims
      // carry them and whichever side asks first.
      return answers.answer(a.text, b.text, bothQuotes: bothQuotes) {
        if quoteMerge, Salience.containment(quoteWords[i], quoteWords[j]) >= 0.9 { return true }
        guard wordMerge else { return false }
        if !bothQuotes { guard small >= 6 || words[i] == words[j] else { return false } }
        let threshold = bothQuotes ? 0.7 : 0.8
        return Salience.containment(words[i], words[j]) >= threshold
      }
    }
    // The claims that state the same words as claim `i`, split into other speakers and the documents
    // that agree on the speaker.
    // The index, the comparable pairs and the candidate buffer change on every call of the recorder:
    // kept behind pointers (`withScratch`), not captured as checked variables.
    let scratch = Scratch(
      index: SortedStoryWordIndex(claims, refs: refs, words: words), comparable: ComparableDocuments(claims), answers: PairAnswers())
    return withScratch(scratch) { scratch in
      // Recorded straight into the shared storage of `MinoritySide` (no arrays per claim); the candidates
      // are collected into the index's own buffer, kept from claim to claim.
      var findings: [Finding] = []
      var sides = MinoritySide<Int>(claims, count: refs.count, document: { refs[$0].document }) { (i: Int, recorder: inout MinoritySide<Int>.Recorder) in
        let candidateCount = scratch.pointee.index.collectCandidates(of: i)
        // The cheap tests first: one syndication group, same words, then whether the two documents
        // may be compared at all.
        let a = facts[i]
        for k in 0..<candidateCount {
          let j = scratch.pointee.index.candidate(k)
          let b = facts[j]
          guard b.hasSpeakerText && a.group != b.group && sameWords(i, a, j, b, answers: &scratch.pointee.answers) else { continue }
          guard scratch.pointee.comparable(refs[i].document, refs[j].document) else { continue }
          if Self.sameSpeaker(speakers[i], speakers[j])
            || Self.speaksFor(claims.documents[refs[i].document].claims[refs[i].index], claims.documents[refs[j].document].claims[refs[j].index])
            || Self.speaksFor(claims.documents[refs[j].document].claims[refs[j].index], claims.documents[refs[i].document].claims[refs[i].index])
          {
            recorder.agree(refs[j].document)
          } else if a.isNamed && b.isNamed {
            // Two different named speakers; "the statement" against "officials" says little.
            recorder.conflict(j)
          }
        }
      }
      // A claim whose speaker is not named ("officials", "the statement") conflicts with nothing (the
      // recorder records a conflict only between two named speakers), so it is never reported and
      // never a note: its relations, worked out, would only record agreement. It is not asked about
      // (`notes(for:)` answers nil for a claim without conflicts and covers nothing then); it still
      // agrees, as a candidate, with the named claims that are asked about.
      for i in refs.indices where claims.isDraftSide(refs[i]) {
        guard distinctive(i), facts[i].hasSpeakerText, facts[i].isNamed, let noteIdx = sides.notes(for: i) else { continue }
        let claimA = claims.documents[refs[i].document].claims[refs[i].index]
        let attrA = claimA.attribution!
        let span = claimA.span
        let what = attrA.isQuote ? "quote" : "statement"
        findings.append(
          Finding(
            ruleID: Self.description.identifier, severity: context.severity(of: Self.description),
            message: "\(what) attributed to \(ClaimText.quoted(attrA.speaker)) here but to a different speaker in \(ClaimText.sources(noteIdx.count))",
            span: span,
            notes: noteIdx.map { j in
              Note(span: claims.documents[refs[j].document].claims[refs[j].index].span, message: "source attributes these words to \(ClaimText.quoted(speakers[j]))")
            },
            help: "attribute the words to the speaker the original source names",
            label: "speaker here: \(attrA.speaker)",
            fingerprint: Fingerprint.fnv1a(
              [Self.description.identifier, attrA.speaker] + Salience.words(attrA.content).sorted().prefix(8)
                + ([span.path] + noteIdx.map { claims.documents[refs[$0].document].claims[refs[$0].index].span.path }).sorted()),
            properties: ["speaker": attrA.speaker]))
      }
      return findings
    }
  }

  /// What `check`'s test of the same words answers for two claims of the same text, whose word lists
  /// (`wordCount` content words; `quoteWordCount` words when both are quotes) are equal: every share
  /// is 1, so only the counts decide.
  static func sameWordsOfOneText(wordCount: Int, quoteWordCount: Int, bothQuotes: Bool) -> Bool {
    if bothQuotes && quoteWordCount >= minimumQuoteWords { return true }
    return wordCount >= (bothQuotes ? 4 : 5)
  }

  /// Every word of a direct quote, stop words included, as sorted hashes (`hashedTokens` of its
  /// lower-cased letter-and-digit runs).
  static func quoteTokens(_ content: String) -> [UInt64] {
    if let ascii = asciiTokenHashes(content) { return ascii }
    return hashedTokens(content.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }))
  }

  /// What `check` reads of a claim before comparing its words with another's.
  private struct Facts {
    var group: Int32
    var text: Int32
    var wordCount: Int32
    var quoteWordCount: Int32
    var isQuote: Bool
    var hasSpeakerText: Bool
    /// `isNamed` of the speaker, worked out once.
    var isNamed: Bool
  }

  /// What the recorder of `check` changes from call to call.
  private struct Scratch {
    var index: SortedStoryWordIndex
    var comparable: ComparableDocuments
    /// What the merge passes answered for each pair of texts.
    var answers: PairAnswers
  }

  /// The answers of `check`'s merge passes (whether two claims state the same words), by the pair of
  /// text numbers and whether both claims are quotes, in an open-addressing table.
  ///
  /// Every claim is compared with its candidates, so a pair of claims is compared twice (once from
  /// each side), and a pair of texts once for every pair of claims that carry them (one quote in many
  /// reports). The answer is the same every time: a claim's word lists are those of its text (equal
  /// texts have equal lists), only whether both are quotes decides which lists and thresholds count,
  /// and the tests are symmetric (the shares are of the smaller list; the count tests, on the smaller
  /// count, imply that both lists have four words).
  struct PairAnswers {
    /// Per slot 0 (empty) or `key << 1 | answer`, where `key` is `(low text << 32 | high text) << 1 |
    /// bothQuotes`; the two texts differ, so the high one is at least 1 and a used slot is never 0.
    private var slots = [UInt64](repeating: 0, count: 64)
    private var count = 0

    /// The answer for texts `a` and `b` (different), computed by `compute` the first time.
    mutating func answer(_ a: Int32, _ b: Int32, bothQuotes: Bool, _ compute: () -> Bool) -> Bool {
      let (lo, hi) = a < b ? (UInt64(UInt32(a)), UInt64(UInt32(b))) : (UInt64(UInt32(b)), UInt64(UInt32(a)))
      let key = (lo << 32 | hi) << 1 | (bothQuotes ? 1 : 0)
      let mask = slots.count - 1
      var s = Self.home(key, mask: mask)
      while true {
        let v = slots[s]
        if v == 0 { break }
        if v >> 1 == key { return v & 1 == 1 }
        s = (s + 1) & mask
      }
      let answer = compute()
      slots[s] = key << 1 | (answer ? 1 : 0)
      count += 1
      if 2 * count > slots.count { grow() }
      return answer
    }

    private static func home(_ key: UInt64, mask: Int) -> Int {
      Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// Doubles the slots and places every answer again.
    private mutating func grow() {
      let old = slots
      slots = [UInt64](repeating: 0, count: 2 * old.count)
      let mask = slots.count - 1
      for v in old where v != 0 {
        var s = Self.home(v >> 1, mask: mask)
        while slots[s] != 0 { s = (s + 1) & mask }
        slots[s] = v
      }
    }
  }

  /// Distinct tokens as sorted 64-bit hashes (FNV-1a of their bytes, in composed form when they hold
  /// non-ASCII letters, so that canonically equal tokens, which are equal strings, hash alike).
  static func hashedTokens(_ tokens: [Substring]) -> [UInt64] {
    var out: [UInt64] = []
    out.reserveCapacity(tokens.count)
    for t in tokens {
      var h: UInt64 = 0xcbf2_9ce4_8422_2325
      let bytes = t.utf8.contains(where: { $0 >= 0x80 }) ? Array(String(t).precomposedStringWithCanonicalMapping.utf8) : Array(t.utf8)
      for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
      out.append(h)
    }
    return Salience.sortedUnique(out)
  }

  /// `hashedTokens` of the lower-cased letter-and-digit runs of an ASCII text, read on its bytes (nil
  /// when the text is not ASCII). In ASCII text the letters and digits are the only characters that
  /// are letters or numbers, and a CR-LF pair, one character, separates as its two bytes do.
  static func asciiTokenHashes(_ text: String) -> [UInt64]? {
    // The bytes in place (`withUTF8Bytes`): a copy of the string to call `withUTF8` on retains it.
    return text.withUTF8Bytes { u -> [UInt64]? in
      var out: [UInt64] = []
      var h: UInt64 = 0xcbf2_9ce4_8422_2325
      var inToken = false
      for b in u {
        if b >= 0x80 { return nil }
        let lower = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
        if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
          h = (h ^ UInt64(lower)) &* 0x100_0000_01b3
          inToken = true
        } else if inToken {
          out.append(h)
          h = 0xcbf2_9ce4_8422_2325
          inToken = false
        }
      }
      if inToken { out.append(h) }
      return Salience.sortedUnique(out)
    }
  }

  /// A direct quote of fewer distinct words is matched by its content words only.
  static let minimumQuoteWords = 8

  /// Whether a speaker is a named person or organisation rather than a common phrase: its first
  /// character is upper-case (`isNamedByCharacter`).
  ///
  /// Read on the bytes when the first byte is ASCII and so is the next one (or there is none): an
  /// ASCII scalar followed by another is a character of its own (no ASCII scalar extends or
  /// prepends to a grapheme; the one exception, CR LF, is left to the general test), and a character
  /// of one ASCII scalar is upper-case exactly when it is a capital A to Z. Otherwise (a non-ASCII
  /// first letter, or one followed by a combining mark: "A\u{345}" is not upper-case) the general
  /// test. The general test finds the first character's boundary and looks up its properties:
  /// about 850 instructions a speaker, against a few here.
  static func isNamed(_ speaker: String) -> Bool {
    let quick = speaker.withUTF8Bytes { u -> Bool? in
      guard let b0 = u.first else { return false }
      guard b0 < 0x80, b0 != 0x0D, u.count == 1 || u[1] < 0x80 else { return nil }
      return b0 >= 0x41 && b0 <= 0x5A
    }
    return quick ?? isNamedByCharacter(speaker)
  }

  /// `isNamed` as the first character's property (the general test).
  static func isNamedByCharacter(_ speaker: String) -> Bool { speaker.first?.isUppercase == true }

  /// Whether `person` speaks for `body`: every word of the body's name is in the person's description
  /// ("The Foreign Office" and "Foreign Office spokesperson Mark Devlin"; "the Ministry of Health" and
  /// "health ministry spokeswoman Ilse Varga"). A ministry's words given to its spokesperson are
  /// the same statement.
  static func speaksFor(_ body: Claim, _ person: Claim) -> Bool {
    guard let b = body.attribution, let p = person.attribution else { return false }
    let function: Set<String> = ["the", "a", "an", "of", "for", "and", "its", "s"]
    func words(_ s: String) -> Set<String> {
      Set(s.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)).subtracting(function)
    }
    let bodyWords = words(b.speaker).union(words(b.speakerText))
    guard !bodyWords.isEmpty else { return false }
    let described = words(p.speaker).union(words(p.speakerText)).union(words(person.span.text))
    return bodyWords.isStrictSubset(of: described)
  }

  /// Whether two speaker names can be the same: equal, or one's words contained in the other's.
  static func sameSpeaker(_ a: String, _ b: String) -> Bool {
    if a == b { return true }
    let wa = Set(a.lowercased().split(separator: " ").map(String.init))
    let wb = Set(b.lowercased().split(separator: " ").map(String.init))
    if wa == wb { return true }
    return wa.isSubset(of: wb) || wb.isSubset(of: wa)
  }
}
