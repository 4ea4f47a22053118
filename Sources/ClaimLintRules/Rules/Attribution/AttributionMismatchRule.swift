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
    // Each claim is read in place, never copied, and its attribution is read once.
    var refList: [ClaimRef] = []
    var attrList: [Attribution] = []
    for d in claims.documents.indices {
      claims.documents[d].claims.withUnsafeBufferPointer { cs in
        for i in cs.indices where (cs[i].kind == .quote || cs[i].kind == .attribution) && cs[i].layer == .reportage {
          guard let a = cs[i].attribution else { continue }
          refList.append(ClaimRef(document: d, index: i))
          attrList.append(a)
        }
      }
    }
    guard refList.count > 1 else { return [] }
    let refs = refList
    // Content words as sorted hashes (the words of `Salience.words`, compared by merge passes); the
    // words themselves are built only for the fingerprints of findings.
    let attrs = attrList
    attrList = []
    let isQuote = attrs.map(\.isQuote)
    // The same words recur across a run (syndicated copies, one quote in many reports): each text's
    // words are computed once, for the first claim with the same bytes.
    // Texts are numbered by their bytes (`ExactTextNumbers`); `firstWithText[n]` is the first claim
    // of text number `n`.
    var textNumbers = ExactTextNumbers<ExactText>(capacity: attrs.count)
    var firstWithText: [Int] = []
    firstWithText.reserveCapacity(attrs.count)
    let same = attrs.indices.map { i -> Int in
      let n = textNumbers.number(ExactText(attrs[i].content))
      if n == firstWithText.count { firstWithText.append(i) }
      return firstWithText[n]
    }
    textNumbers = ExactTextNumbers(capacity: 0)
    firstWithText = []
    var wordLists: [[UInt64]] = []
    wordLists.reserveCapacity(attrs.count)
    for i in attrs.indices { wordLists.append(same[i] == i ? Salience.sortedWordHashes(attrs[i].content) : wordLists[same[i]]) }
    // Constants from here on: the closures below read them without exclusivity checks.
    let words = wordLists
    // Every word of a direct quote, stop words included: "He is the player we have wanted for three
    // years" has few content words but is still unmistakable.
    func quoteTokens(_ a: Attribution) -> [UInt64] {
      if let ascii = Self.asciiTokenHashes(a.content) { return ascii }
      return Self.hashedTokens(a.content.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }))
    }
    // A claim whose words were computed for an earlier claim that is not a quote computes its own.
    var quoteWordLists: [[UInt64]] = []
    quoteWordLists.reserveCapacity(attrs.count)
    for i in attrs.indices {
      if !attrs[i].isQuote {
        quoteWordLists.append([])
      } else {
        quoteWordLists.append(same[i] != i && attrs[same[i]].isQuote ? quoteWordLists[same[i]] : quoteTokens(attrs[i]))
      }
    }
    let quoteWords = quoteWordLists
    // Whether claim `i` says enough to be matched with another.
    func distinctive(_ i: Int) -> Bool { words[i].count >= 4 || quoteWords[i].count >= Self.minimumQuoteWords }
    // Whether claims `i` and `j` state the same words.
    // The counts are tested before the merge passes that count shared words (the same answer: every
    // test is a condition of it).
    func sameWords(_ i: Int, _ j: Int) -> Bool {
      let bothQuotes = isQuote[i] && isQuote[j]
      // Two claims of the same text (syndicated copies) have the same lists: no merge pass.
      if same[i] == same[j] {
        return Self.sameWordsOfOneText(wordCount: words[i].count, quoteWordCount: quoteWords[i].count, bothQuotes: bothQuotes)
      }
      if bothQuotes, min(quoteWords[i].count, quoteWords[j].count) >= Self.minimumQuoteWords,
        Salience.containment(quoteWords[i], quoteWords[j]) >= 0.9
      {
        return true
      }
      guard words[j].count >= 4 else { return false }
      let small = min(words[i].count, words[j].count)
      // A reported statement needs six content words, or five that are exactly the same on both sides.
      if bothQuotes {
        guard small >= 4 else { return false }
      } else {
        guard small >= 5, small >= 6 || words[i] == words[j] else { return false }
      }
      let threshold = bothQuotes ? 0.7 : 0.8
      return Salience.containment(words[i], words[j]) >= threshold
    }
    // The claims that state the same words as claim `i`, split into other speakers and the documents
    // that agree on the speaker.
    let hasSpeakerText = attrs.map { !$0.speakerText.isEmpty }
    // The syndication group of each claim's document: two claims of one group (one document, or near
    // copies) are never comparable (`AlignedClaims.comparable` tests this first, before any cached
    // answer), so their words are not compared either.
    let group = refs.map { claims.syndicationGroup[$0.document] }
    // The index, the comparable pairs and the candidate buffer change on every call of the recorder:
    // kept behind pointers (`withScratch`), not captured as checked variables.
    let scratch = Scratch(index: SortedStoryWordIndex(claims, refs: refs, words: words), comparable: ComparableDocuments(claims), candidates: [])
    return withScratch(scratch) { scratch in
      // Recorded straight into the shared storage of `MinoritySide` (no arrays per claim); the candidates
      // are listed into one buffer kept from claim to claim.
      var findings: [Finding] = []
      var sides = MinoritySide<Int>(claims, count: refs.count, document: { refs[$0].document }) { (i: Int, recorder: inout MinoritySide<Int>.Recorder) in
        scratch.pointee.index.candidates(of: i, into: &scratch.pointee.candidates)
        // The cheap tests first: one syndication group, same words, then whether the two documents
        // may be compared at all.
        for j in scratch.pointee.candidates {
          guard hasSpeakerText[j] && group[i] != group[j] && sameWords(i, j) else { continue }
          guard scratch.pointee.comparable(refs[i].document, refs[j].document) else { continue }
          if Self.sameSpeaker(attrs[i].speaker, attrs[j].speaker)
            || Self.speaksFor(claims.documents[refs[i].document].claims[refs[i].index], claims.documents[refs[j].document].claims[refs[j].index])
            || Self.speaksFor(claims.documents[refs[j].document].claims[refs[j].index], claims.documents[refs[i].document].claims[refs[i].index])
          {
            recorder.agree(refs[j].document)
          } else if Self.isNamed(attrs[i].speaker) && Self.isNamed(attrs[j].speaker) {
            // Two different named speakers; "the statement" against "officials" says little.
            recorder.conflict(j)
          }
        }
      }
      for i in refs.indices where claims.isDraftSide(refs[i]) {
        guard distinctive(i), hasSpeakerText[i], let noteIdx = sides.notes(for: i) else { continue }
        let attrA = attrs[i]
        let span = claims.documents[refs[i].document].claims[refs[i].index].span
        let what = attrA.isQuote ? "quote" : "statement"
        findings.append(
          Finding(
            ruleID: Self.description.identifier, severity: context.severity(of: Self.description),
            message: "\(what) attributed to \(ClaimText.quoted(attrA.speaker)) here but to a different speaker in \(ClaimText.sources(noteIdx.count))",
            span: span,
            notes: noteIdx.map { j in
              Note(span: claims.documents[refs[j].document].claims[refs[j].index].span, message: "source attributes these words to \(ClaimText.quoted(attrs[j].speaker))")
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

  /// What the recorder of `check` changes from call to call.
  private struct Scratch {
    var index: SortedStoryWordIndex
    var comparable: ComparableDocuments
    /// The candidates of the current claim, one buffer for every claim.
    var candidates: [Int]
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
    var text = text
    return text.withUTF8 { u -> [UInt64]? in
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

  /// Whether a speaker is a named person or organisation rather than a common phrase.
  static func isNamed(_ speaker: String) -> Bool { speaker.first?.isUppercase == true }

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
