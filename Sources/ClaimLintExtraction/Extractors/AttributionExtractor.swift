import ClaimLintCore

/// Reads who said a reported statement or a direct quote: "Wang Yi said that …", "…, the statement
/// said", "according to Myanmar News Agency", "said Guo", and quotes with their speaker.
///
/// Speakers are resolved within the article: a pronoun takes the previous speaker, and a short name
/// ("Guo") takes the full name introduced earlier ("Guo Jiakun") when exactly one matches.
public struct AttributionExtractor: Sendable {
  public struct Match: Sendable, Hashable {
    /// The speaker as written in the sentence.
    public var speakerRange: Range<Int>
    /// The quoted words, when the statement is a direct quote.
    public var quoteRange: Optional<Range<Int>>
    public var attribution: Attribution
  }

  private let verbs: WordTable<String>
  /// A verb phrase's entry: whether its kind is "prefix" ("according to X"), and the index of the
  /// phrase itself in `verbTexts`, with whether it is ASCII. The entry holds no string, so a lookup
  /// that returns it retains nothing; the phrase is taken from `verbTexts` only when it is used.
  struct Verb: Sendable {
    let isPrefix: Bool
    let phrase: Int32
    let isASCII: Bool
  }
  private let verbPhrases: WordPhraseTable<Verb>
  /// The verb phrases, indexed by `Verb.phrase`.
  private let verbTexts: [String]
  private let maxVerbWords: Int
  private static let pronouns: WordSet = ["he", "she", "they", "it"]
  /// Common nouns that can stand alone as a speaker after the verb ("…, said officials").
  private static let speakerNouns: WordSet = [
    "officials", "police", "authorities", "witnesses", "residents", "analysts", "experts", "sources", "diplomats",
    "investigators", "prosecutors", "organisers", "organizers", "doctors", "rescuers", "spokesman", "spokeswoman",
  ]
  private static let stop: WordSet = [",", ".", ";", ":", "\"", "“", "”", "(", ")", "that", "and", "but", "—", "–"]

  /// Words that end the speaker of a "prefix" verb ("according to the report released …").
  private static let prefixEnds: WordSet = ["released", "issued", "published", "posted", "on", "at", "last", "this", "which", "who"]
  /// Words after a verb that never open its speaker ("said on Monday").
  private static let notSpeaker: WordSet = [
    "on", "in", "at", "to", "after", "before", "during", "last", "this", "yesterday",
    "today", "earlier", "later", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "it", "so",
  ]

  public init(lexicons: LexiconSet) {
    var v: [String: String] = [:]
    var m = 1
    for row in lexicons.table("attribution-verbs").rows {
      v[row[0].lowercased()] = row.count > 1 ? row[1] : "verb"
      m = max(m, row[0].split(separator: " ").count)
    }
    verbs = WordTable(v)
    maxVerbWords = m
    var table = WordPhraseTable<Verb>(caseSensitive: false)
    var texts: [String] = []
    for (k, kind) in v {
      table.add(k, Verb(isPrefix: kind == "prefix", phrase: Int32(texts.count), isASCII: k.utf8.allSatisfy { $0 < 0x80 }))
      texts.append(k)
    }
    verbPhrases = table.finished()
    verbTexts = texts
  }

  /// Attributions in one sentence.
  ///
  /// - Parameters:
  ///   - people: full names known in the article so far (for short-name resolution).
  ///   - previousSpeaker: the last resolved speaker, for pronouns and unattributed quote continuations.
  public func extract(
    from sentence: String, words ws: [Word], people: [String], previousSpeaker: String?,
    titled: [(title: String, person: String)] = []
  ) -> [Match] {
    extract(from: sentence, words: ws, quote: quoteRange(in: sentence), people: people, previousSpeaker: previousSpeaker, titled: titled)
  }

  /// The one person (as a set: equal strings count once, the first of them kept) among `people`
  /// that the sentence's first word names (`names`) when it is capitalised, or nil.
  static func subject(_ ws: [Word], people: [String]) -> String? {
    guard !ws.isEmpty, ws[0].isCapitalized else { return nil }
    // By index, the strings read in place: `for full in people` copied each name (a retain and a
    // release), and so did binding the word's text.
    var subject = -1
    for k in people.indices where Self.names(people[k], ws[0].text) {
      if subject >= 0 {
        if people[subject] != people[k] { return nil }
      } else {
        subject = k
      }
    }
    return subject >= 0 ? people[subject] : nil
  }

  /// Whether `word` is the whole of `full`, its first part or its last part (parts split at spaces,
  /// empty parts left out): `full.split(separator: " ")` read in place when `full` is ASCII, where every
  /// space is a character of its own.
  static func names(_ full: String, _ word: String) -> Bool {
    // ASCII text on both sides: equal strings are equal bytes, so the runs are compared in place.
    let answer: Bool?? = full.utf8.withContiguousStorageIfAvailable { f -> Bool? in
      word.utf8.withContiguousStorageIfAvailable { w -> Bool? in asciiNames(f, w) } ?? nil
    }
    if let a = answer, let b = a { return b }
    if full == word { return true }
    let u = full.utf8
    guard u.allSatisfy({ $0 < 0x80 }) else {
      let parts = full.split(separator: " ")
      return parts.first.map { String($0) } == word || parts.last.map { String($0) } == word
    }
    // The first and the last run of bytes other than spaces.
    guard let firstStart = u.firstIndex(where: { $0 != 0x20 }) else { return false }
    let firstEnd = u[firstStart...].firstIndex(of: 0x20) ?? u.endIndex
    if full[firstStart..<firstEnd] == word { return true }
    guard let lastByte = u.lastIndex(where: { $0 != 0x20 }) else { return false }
    let lastEnd = u.index(after: lastByte)
    let lastStart = u[..<lastEnd].lastIndex(of: 0x20).map { u.index(after: $0) } ?? u.startIndex
    return full[lastStart..<lastEnd] == word
  }

  /// `names(_:_:)` on the UTF-8 bytes of two strings, or nil when either is not ASCII.
  private static func asciiNames(_ f: UnsafeBufferPointer<UInt8>, _ w: UnsafeBufferPointer<UInt8>) -> Bool? {
    var any: UInt8 = 0
    for b in w { any |= b }
    for b in f { any |= b }
    guard any < 0x80 else { return nil }
    /// Whether `f[a..<e]` is `w`.
    func same(_ a: Int, _ e: Int) -> Bool {
      guard e - a == w.count else { return false }
      for k in 0..<w.count where f[a + k] != w[k] { return false }
      return true
    }
    if same(0, f.count) { return true }
    var firstStart = 0
    while firstStart < f.count, f[firstStart] == 0x20 { firstStart += 1 }
    guard firstStart < f.count else { return false }
    var firstEnd = firstStart
    while firstEnd < f.count, f[firstEnd] != 0x20 { firstEnd += 1 }
    if same(firstStart, firstEnd) { return true }
    var lastEnd = f.count
    while lastEnd > 0, f[lastEnd - 1] == 0x20 { lastEnd -= 1 }
    var lastStart = lastEnd
    while lastStart > 0, f[lastStart - 1] != 0x20 { lastStart -= 1 }
    return same(lastStart, lastEnd)
  }

  /// `extract(from:words:people:previousSpeaker:titled:)` with the sentence's quote (`quoteRange`) already found.
  func extract(
    from sentence: String, words ws: [Word], quote: Range<Int>?, people: [String], previousSpeaker: String?,
    titled: [(title: String, person: String)]
  ) -> [Match] {
    var out: [Match] = []
    extract(
      bytes: Array(sentence.utf8), words: ws, quote: quote, people: people, previousSpeaker: previousSpeaker,
      titled: titled, into: &out)
    return out
  }

  /// `extract(from:words:quote:people:previousSpeaker:titled:)` on the sentence's UTF-8 bytes,
  /// appended to `out`, which must be empty (it is read as the sentence's matches so far): a caller
  /// that reads many sentences keeps one buffer instead of an array allocated for every sentence
  /// with an attribution. The texts are sliced from the bytes, so that the caller need not make the
  /// sentence's string.
  func extract(
    bytes sentence: [UInt8], words ws: [Word], quote: Range<Int>?, people: [String], previousSpeaker: String?,
    titled: [(title: String, person: String)], into out: inout [Match]
  ) {
    precondition(out.isEmpty)
    // A pronoun refers to the sentence's own subject when it opens with a known person ("Liu visited
    // …, which he said …"); otherwise to the previous speaker. The subject (`subject`) is found only
    // before the first speaker is resolved or a quote continues (most sentences do neither).
    var previousSpeaker = previousSpeaker
    var subjectFound = false
    var i = 0
    while i < ws.count {
      // Words that start no verb phrase (most) are skipped by the phrase table's filter.
      i = verbPhrases.nextStart(ws, from: i)
      guard i < ws.count else { break }
      var matched: (String, Bool, Int)? = nil
      if let m = verbPhrases.longest(ws, i, maxWords: maxVerbWords) {
        // One word is its own lower-cased text; a phrase of ASCII words equal to an ASCII entry is
        // that entry's bytes (the entry is taken, shared); others are joined.
        let verb =
          m.count > 1 && m.value.isASCII && (i..<(i + m.count)).allSatisfy({ ws[$0].lowerHash != 0 })
          ? verbTexts[Int(m.value.phrase)] : ws.joinedLower(i, i + m.count)
        matched = (verb, m.value.isPrefix, m.count)
      }
      guard let (verb, isPrefix, n) = matched else {
        i += 1
        continue
      }
      // "the United States", "Reports Without Borders": a capitalised form inside the sentence is a name.
      if !isPrefix, i > 0, ws[i].isCapitalized, ws[i - 1].isCapitalized {
        i += n
        continue
      }
      // Ignore verbs inside the quote itself.
      if let q = quote, q.contains(ws[i].range.lowerBound) {
        i += n
        continue
      }
      var speakerWords: ArraySlice<Word> = []
      if isPrefix {
        var e = i + n
        while e < ws.count, !Self.stop.contains(lower: ws[e]), !Self.prefixEnds.contains(lower: ws[e]), e - (i + n) < 8 { e += 1 }
        speakerWords = ws[(i + n)..<e]
      } else {
        // "X said": the noun phrase before the verb, back to a stop word; a parenthesised acronym
        // right before the verb ("the World Health Organization (WHO) estimates") is skipped.
        var verbAt = i
        if i >= 3, ws[i - 1].text == ")", let open = ws[max(0, i - 5)..<i].lastIndex(where: { $0.text == "(" }) { verbAt = open }
        var s = verbAt
        while s > 0, !Self.stop.contains(lower: ws[s - 1]) || (ws[s - 1].lowerIs("and") && verbAt != i), verbAt - s < 9 { s -= 1 }
        speakerWords = ws[s..<verbAt]
        // "Arslan, the minister, said": the name before an appositive role is the speaker.
        if !speakerWords.isEmpty, ws[s].lowerIs("the") || ws[s].lowerIs("a") || ws[s].lowerIs("an"), s >= 2, ws[s - 1].text == ",",
          ws[s - 2].isCapitalized, speakerWords.dropFirst().allSatisfy({ !$0.isCapitalized })
        {
          var b = s - 2
          while b > 0, ws[b - 1].isCapitalized, s - 2 - b < 3 { b -= 1 }
          speakerWords = ws[b..<(s - 1)]
        }
        // "Amara Nwosu, writing for the majority, said": skip back over a comma-delimited aside.
        if speakerWords.isEmpty, s > 0, ws[s - 1].text == "," {
          var k = s - 2
          while k > 0, ws[k].text != ",", s - k < 10 { k -= 1 }
          if k >= 0, ws[k].text == "," {
            var b = k
            while b > 0, !Self.stop.contains(lower: ws[b - 1]), k - b < 8 { b -= 1 }
            if b < k, ws[b..<k].contains(where: { $0.isCapitalized }) { speakerWords = ws[b..<k] }
          }
        }
        // "…, said Guo" / "…, the statement said" after a comma or quote: the speaker follows the verb
        // and ends the clause.
        if speakerWords.isEmpty, i + n < ws.count {
          var e = i + n
          while e < ws.count, !Self.stop.contains(lower: ws[e]), e - (i + n) < 6 { e += 1 }
          let opener = ws[i + n].lower
          // "said Guo", "said the ministry", "said officials", and a role before a name: "said club
          // president Luis Ortega" (the phrase ends in a capitalised name).
          let endsInName = e - (i + n) >= 2 && ws[e - 1].isCapitalized && ws[e - 2].isCapitalized
          let plausible = ws[i + n].isCapitalized || ["the", "a", "an"].contains(opener) || Self.speakerNouns.contains(opener)
            || endsInName
          if e == ws.count || [",", ".", ";", "”", "\""].contains(ws[e].text), !Self.notSpeaker.contains(opener), plausible {
            speakerWords = ws[(i + n)..<e]
          }
        }
      }
      // Drop leading articles and adverbs like "also".
      // Drop leading clause words too ("in which he said" is the previous speaker's "he").
      // (The words are read in place: `first` and `last` would copy them.)
      while speakerWords.count > 1, Self.leadingNonSpeaker.contains(lower: speakerWords[speakerWords.startIndex]) {
        speakerWords = speakerWords.dropFirst()
      }
      while !speakerWords.isEmpty, Self.trailingNonSpeaker.contains(lower: speakerWords[speakerWords.endIndex - 1]) {
        speakerWords = speakerWords.dropLast()
      }
      // The writer ("I said", "I can't say") or the reader is not a reported source.
      if speakerWords.indices.contains(where: { Self.firstOrSecondPerson.contains(lower: ws[$0]) || Self.endsInNegation(ws[$0]) }) {
        speakerWords = []
      }
      guard !speakerWords.isEmpty else {
        i += n
        continue
      }
      let speakerRange = speakerWords[speakerWords.startIndex].range.lowerBound..<speakerWords[speakerWords.endIndex - 1].range.upperBound
      let written = sentence.utf8Slice(speakerRange.lowerBound, speakerRange.upperBound)
      if !subjectFound {
        subjectFound = true
        if let p = Self.subject(ws, people: people) { previousSpeaker = p }
      }
      guard let speaker = resolve(speakerWords, written: written, people: people, previous: previousSpeaker, titled: titled) else {
        i += n
        continue
      }
      let content: String
      if let q = quote {
        content = sentence.utf8Slice(q.lowerBound, q.upperBound)
      } else {
        // "…, according to Samuel Okello, who chaired the meeting": the clause about the speaker is
        // not part of what was said.
        // The aside is the words `e..<f`: those starting from the comma's start up to the start of
        // the word `f` that ends it (or to the end of the last word).
        // The first word starting at or after the speaker's end is the one after the speaker's last
        // word, as the words follow each other (`WordScanner`).
        var aside = 0..<0
        let e = speakerWords.endIndex
        if e < ws.count, ws[e].text == ",",
          e + 1 < ws.count, ws[e + 1].lowerIs("who") || ws[e + 1].lowerIs("whose")
        {
          var f = e + 1
          while f < ws.count, !(ws[f].text == "," || ws[f].text == "." || ws[f].text == ";") { f += 1 }
          aside = e..<f
        }
        // The kept words joined by spaces, built as bytes (the same text as `joined(separator: " ")`):
        // the words left out are the speaker's, the verb's `i..<(i + n)` and the aside's.
        content = Self.keptContent(
          sentence, ws, speakerWords: speakerWords.startIndex..<speakerWords.endIndex, verbWords: i..<(i + n),
          asideWords: aside)
      }
      out.append(
        Match(
          speakerRange: speakerRange, quoteRange: quote,
          attribution: Attribution(speaker: speaker, speakerText: written, verb: verb, content: content, isQuote: quote != nil)))
      i += n
      if out.count >= 2 { break }  // a sentence rarely names more than two speakers
    }
    // A sentence that is only a quote continues the previous speaker.
    if out.isEmpty, let q = quote, q.lowerBound <= 3, q.upperBound + 4 >= sentence.count {
      if !subjectFound, let p = Self.subject(ws, people: people) { previousSpeaker = p }
    }
    if out.isEmpty, let q = quote, let prev = previousSpeaker, q.lowerBound <= 3, q.upperBound + 4 >= sentence.count {
      out.append(
        Match(
          speakerRange: q, quoteRange: q,
          attribution: Attribution(
            speaker: prev, speakerText: "", verb: "", content: sentence.utf8Slice(q.lowerBound, q.upperBound), isQuote: true)))
    }
  }

  /// The lower-cased texts of the words of `ws` kept as a statement's content, joined by spaces: a
  /// word is left out when its range lies within `speaker` or within `verb`, or starts within `aside`.
  ///
  /// An ASCII word whose range is as long as its lower-cased text (`Word.lowerIsRangeBytes`) is the
  /// sentence's bytes there, lower-cased (the possessive "'s" read from "’s" is not: its range is
  /// longer): it is copied from the sentence, without touching its string; other words from their
  /// `lower`. Such words that
  /// follow each other with one space between them in the sentence are the sentence's bytes from the
  /// first one's start to the last one's end (the space included, as the separator written between
  /// them): the run is copied at once, eight bytes at a time.
  ///
  /// One pass: the string is made with room for the sentence's bytes and a separator per word, which
  /// holds every kept word copied from the sentence (their ranges do not overlap); a word from its
  /// `lower` is checked against the room left, and when it would not fit (never seen in text) the
  /// words are measured first and the string made again (`keptContentMeasured`).
  ///
  /// The words are those of the sentence in order (`WordScanner`): their ranges do not overlap and
  /// follow each other, so the words each exclusion leaves out are one stretch of indices, found by
  /// binary search (`keptStretches`), and the kept words are read stretch by stretch, without a
  /// range test per word.
  static func keptContent(_ sentence: String, _ ws: [Word], speaker: Range<Int>, verb: Range<Int>, aside: Range<Int>) -> String {
    let (from, to) = ws.withUnsafeBufferPointer { keptStretches($0, speaker: speaker, verb: verb, aside: aside) }
    return keptContent(Array(sentence.utf8), ws, from: from, to: to)
  }

  /// `keptContent(_:_:speaker:verb:aside:)` given the words each exclusion leaves out as indices: the
  /// words `speakerWords` and `verbWords` (a word lies within the byte range from the first one's
  /// start to the last one's end exactly when it is one of them, as the words follow each other and
  /// none is empty), and `asideWords`, the words starting within the aside. No search is needed.
  static func keptContent(
    _ sentence: String, _ ws: [Word], speakerWords: Range<Int>, verbWords: Range<Int>, asideWords: Range<Int>
  ) -> String {
    keptContent(Array(sentence.utf8), ws, speakerWords: speakerWords, verbWords: verbWords, asideWords: asideWords)
  }

  /// `keptContent(_:_:speakerWords:verbWords:asideWords:)` on the sentence's UTF-8 bytes.
  static func keptContent(
    _ sentence: [UInt8], _ ws: [Word], speakerWords: Range<Int>, verbWords: Range<Int>, asideWords: Range<Int>
  ) -> String {
    let (from, to) = orderedStretches(
      speakerWords.lowerBound, speakerWords.upperBound, verbWords.lowerBound, verbWords.upperBound,
      asideWords.lowerBound, asideWords.upperBound, count: ws.count)
    return keptContent(sentence, ws, from: from, to: to)
  }

  /// The kept words' `lower` joined by spaces, the kept words being the stretches `from[s]..<to[s]`
  /// made by `keptStretches` or `orderedStretches`.
  private static func keptContent(_ sentence: [UInt8], _ ws: [Word], from: SIMD4<Int>, to: SIMD4<Int>) -> String {
    var fits = true
    let content = sentence.withUnsafeBufferPointer { sb in
      let room = sb.count + ws.count
      // The words are read on their storage.
      return ws.withUnsafeBufferPointer { wb in
        return String(unsafeUninitializedCapacity: room) { out in
          var p = 0
          // The pending run of sentence bytes, `runStart..<runEnd`, not yet copied (none when `runEnd < 0`).
          var runStart = 0
          var runEnd = -1
          for s in 0..<4 {
            var k = from[s]
            let end = to[s]
            while k < end {
              // The words that continue the pending run (most) are passed over in a loop of their own.
              if runEnd > runStart {
                k = Self.runContinues(wb, from: k, to: end, runEnd: &runEnd, sb)
                guard k < end else { break }
              }
              let r = wb[k].range
              let lo = r.lowerBound
              let hi = r.upperBound
              let inPlace = wb[k].lowerIsRangeBytes && lo >= 0 && hi <= sb.count
              if runEnd >= 0 {
                guard p + (runEnd - runStart) <= room else {
                  fits = false
                  return 0
                }
                p = Self.copyLowered(sb, runStart, runEnd, to: out, at: p)
                runEnd = -1
              }
              // A word copied from the sentence is checked when its run is (above); here its separator.
              guard p + 1 + (inPlace ? 0 : wb[k].lower.utf8.count) <= room else {
                fits = false
                return 0
              }
              if p > 0 {
                out[p] = 0x20
                p += 1
              }
              if inPlace {
                runStart = lo
                runEnd = hi
              } else {
                p = Self.copy(wb[k].lower, to: out, at: p)
              }
              k += 1
            }
          }
          if runEnd >= 0 {
            guard p + (runEnd - runStart) <= room else {
              fits = false
              return 0
            }
            p = Self.copyLowered(sb, runStart, runEnd, to: out, at: p)
          }
          return p
        }
      }
    }
    if fits { return content }
    return keptContentMeasured(ws, isKept: { k in
      (from[0] <= k && k < to[0]) || (from[1] <= k && k < to[1]) || (from[2] <= k && k < to[2]) || (from[3] <= k && k < to[3])
    })
  }

  /// The first index from `k` on (at most `end`) whose word does not continue the run of sentence
  /// bytes ending at `runEnd` in place, `runEnd` moved to the end of the words that do: the words
  /// `keptContent` would add to the run one by one. A word continues it when it is in place (ASCII,
  /// within the sentence, its range as long as its lower-cased text) and starts one byte after the
  /// run, that byte being a space.
  @inline(__always)
  static func runContinues(
    _ wb: UnsafeBufferPointer<Word>, from k: Int, to end: Int, runEnd: inout Int, _ sb: UnsafeBufferPointer<UInt8>
  ) -> Int {
    var k = k
    var e = runEnd
    while k < end {
      let lo = wb[k].range.lowerBound
      // `e` is not negative, so neither is `lo`; and `e` (below `lo`, at most `hi`) is within the
      // sentence when `hi` is.
      guard lo == e &+ 1, wb[k].lowerIsRangeBytes else { break }
      let hi = wb[k].range.upperBound
      guard hi <= sb.count, sb[e] == 0x20 else { break }
      e = hi
      k += 1
    }
    runEnd = e
    return k
  }

  /// The words of `wb` that `keptContent` keeps, as four stretches of indices `from[s]..<to[s]` (a
  /// stretch with `to[s] <= from[s]` is empty), in order.
  ///
  /// A word is left out when its range lies within `speaker` or within `verb`, or starts within
  /// `aside`. As the words' ranges follow each other (both bounds grow from word to word), the words
  /// whose range starts at or after a bound are a suffix and those whose range ends at or before one
  /// a prefix: each exclusion is one stretch of indices, and what lies outside the three is kept.
  @inline(__always)
  static func keptStretches(
    _ wb: UnsafeBufferPointer<Word>, speaker: Range<Int>, verb: Range<Int>, aside: Range<Int>
  ) -> (from: SIMD4<Int>, to: SIMD4<Int>) {
    /// The first index whose word's range starts at or after `x` (`upper` false) or ends after `x`
    /// (`upper` true); `wb.count` when there is none.
    func first(_ x: Int, upper: Bool) -> Int {
      var lo = 0
      var hi = wb.count
      while lo < hi {
        let mid = (lo + hi) >> 1
        let r = wb[mid].range
        if upper ? r.upperBound > x : r.lowerBound >= x { hi = mid } else { lo = mid + 1 }
      }
      return lo
    }
    return orderedStretches(
      first(speaker.lowerBound, upper: false), first(speaker.upperBound, upper: true),
      first(verb.lowerBound, upper: false), first(verb.upperBound, upper: true),
      first(aside.lowerBound, upper: false), first(aside.upperBound, upper: false), count: wb.count)
  }

  /// The kept stretches of `count` words (as `keptStretches` answers) when the words `l0..<h0`,
  /// `l1..<h1` and `l2..<h2` are left out (a stretch with `h <= l` leaves out none).
  @inline(__always)
  static func orderedStretches(
    _ l0: Int, _ h0: Int, _ l1: Int, _ h1: Int, _ l2: Int, _ h2: Int, count: Int
  ) -> (from: SIMD4<Int>, to: SIMD4<Int>) {
    var l0 = l0
    var h0 = h0
    var l1 = l1
    var h1 = h1
    var l2 = l2
    var h2 = h2
    h0 = max(l0, h0)
    h1 = max(l1, h1)
    h2 = max(l2, h2)
    // Ordered by start.
    if l1 < l0 { swap(&l0, &l1); swap(&h0, &h1) }
    if l2 < l1 { swap(&l1, &l2); swap(&h1, &h2) }
    if l1 < l0 { swap(&l0, &l1); swap(&h0, &h1) }
    // What lies before each stretch and after the last one and was not left out by an earlier one.
    let m0 = h0
    let m1 = max(m0, h1)
    let m2 = max(m1, h2)
    return (SIMD4(0, m0, m1, m2), SIMD4(l0, l1, l2, count))
  }

  /// The kept words' `lower` joined by spaces, in a string made as long as they need.
  @inline(never)
  private static func keptContentMeasured(_ ws: [Word], isKept: (Int) -> Bool) -> String {
    var total = 0
    for k in ws.indices where isKept(k) { total += (total > 0 ? 1 : 0) + ws[k].lower.utf8.count }
    return String(unsafeUninitializedCapacity: total) { out in
      var p = 0
      for k in ws.indices where isKept(k) {
        if p > 0 {
          out[p] = 0x20
          p += 1
        }
        p = Self.copy(ws[k].lower, to: out, at: p)
      }
      return p
    }
  }

  /// Copies the UTF-8 bytes of `s` into `out` from `p` on; returns the offset after them.
  @inline(__always)
  static func copy(_ s: String, to out: UnsafeMutableBufferPointer<UInt8>, at p: Int) -> Int {
    var p = p
    let copied = s.utf8.withContiguousStorageIfAvailable { b -> Int in
      if let src = b.baseAddress, let dst = out.baseAddress { (dst + p).update(from: src, count: b.count) }
      return b.count
    }
    if let c = copied { return p + c }
    for b in s.utf8 {
      out[p] = b
      p += 1
    }
    return p
  }

  /// Copies the bytes `sb[from..<to]` into `out` from `p` on, ASCII capitals lower-cased (other bytes
  /// as they are); returns the offset after them. Eight bytes at a time: a byte below 0x80 whose low
  /// seven bits are at least 0x41 and at most 0x5A gets 0x20 added (its bit 5 set).
  @inline(__always)
  static func copyLowered(
    _ sb: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, to out: UnsafeMutableBufferPointer<UInt8>, at p: Int
  ) -> Int {
    guard let src = sb.baseAddress, let dst = out.baseAddress else { return p }
    var q = from
    var p = p
    let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let highs: UInt64 = 0x8080_8080_8080_8080
    while q + 8 <= to {
      let v = UnsafeRawPointer(src + q).loadUnaligned(as: UInt64.self)
      let h = v & lows
      // Per byte, no carry between bytes (h < 0x80): bit 7 of h + 0x3F is h >= 0x41, of h + 0x25 is h >= 0x5B.
      let upper = (h &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(h &+ 0x2525_2525_2525_2525) & ~v & highs
      UnsafeMutableRawPointer(dst + p).storeBytes(of: v | (upper >> 2), as: UInt64.self)
      q += 8
      p += 8
    }
    while q < to {
      let b = src[q]
      dst[p] = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
      q += 1
      p += 1
    }
    return p
  }

  /// Whether the word's lower-cased text ends in "n't" or "n’t" (`fastHasSuffix`): an ASCII word's
  /// bytes are read in place (it cannot end in "n’t"); other words take `fastHasSuffix`.
  @inline(__always)
  static func endsInNegation(_ w: Word) -> Bool {
    guard w.lowerHash != 0 else { return w.lower.fastHasSuffix("n't") || w.lower.fastHasSuffix("n\u{2019}t") }
    let u = w.lower.utf8
    guard u.count >= 3 else { return false }
    let answer = u.withContiguousStorageIfAvailable { b in b[b.count - 1] == 0x74 && b[b.count - 2] == 0x27 && b[b.count - 3] == 0x6E }
    return answer ?? w.lower.fastHasSuffix("n't")
  }

  /// Pronouns of the writer and the reader.
  static let firstOrSecondPerson: WordSet = ["i", "we", "you", "me", "us", "my", "our", "your"]

  /// Words before a speaker that are not part of it ("also", "in which", "when").
  static let leadingNonSpeaker: WordSet = [
    "a", "an", "also", "which", "who", "whom", "as", "so", "in", "that", "when", "where", "while", "because", "but",
    "and", "if", "after", "before", "then",
  ]
  /// Words after a speaker, before the verb, that are not part of it ("Volker later said").
  static let trailingNonSpeaker: WordSet = [
    "also", "has", "had", "have", "was", "were", "is", "previously", "later", "then", "earlier", "again", "recently",
    "now", "once", "further", "subsequently", "initially", "repeatedly", "publicly", "privately", "himself", "herself",
    "reportedly", "allegedly", "often", "always", "never", "still", "already", "had", "would", "will", "could", "might",
  ]

  /// The speaker's identity: a resolved person's full name, an organisation or document phrase, or nil
  /// when the phrase is not a speaker.
  private func resolve(
    _ ws: ArraySlice<Word>, written: String, people: [String], previous: String?, titled: [(title: String, person: String)]
  ) -> String? {
    // The words are a slice of the sentence's: `w0` is the first one's index.
    let w0 = ws.startIndex
    if ws.count == 1, Self.pronouns.contains(lower: ws[w0]) { return previous }
    // "the minister", "the Chief Justice": the one person the article gave that title.
    // With no titled person there is no role to look up ("the minister").
    if !titled.isEmpty, ws.count <= 4 {
      // `ws.map(\.lower).filter { $0 != "the" }.joined(separator: " ")`, without the arrays.
      let role = Self.joinedLower(ws, skippingArticles: false)
      if !role.isEmpty {
        // The distinct people titled `role` (or a title ending in it): one answers.
        // By index: `for entry in titled` copied each entry (both its strings retained and released).
        var match = -1
        var several = false
        for k in titled.indices where titled[k].title == role || Self.endsWithSpaced(titled[k].title, role) {
          if match >= 0 {
            if titled[match].person != titled[k].person {
              several = true
              break
            }
          } else {
            match = k
          }
        }
        if !several, match >= 0 { return titled[match].person }
      }
    }
    // The capitalised words: how many, and the last one (by index, so that no `Word` is copied).
    var capsCount = 0
    var lastCap = -1
    for k in ws.indices where ws[k].isCapitalized {
      capsCount += 1
      lastCap = k
    }
    // A known full name in the phrase ("coach Marco Bellini", "club president Luis Ortega"): the
    // longest (in characters; the first of equally long ones), as the first of `people` sorted stably
    // by decreasing length. The same search later in the former code ("a known full name that the
    // phrase ends with or contains") could only find what this one found, so it is not repeated.
    if let p = Self.longestContained(people, in: written) { return p }
    if !ws[w0].isCapitalized || (ws[w0].lower == "the" && ws.count > 1 && !ws[w0 + 1].isCapitalized) {
      // "a statement from the Chinese embassy", "the statement", "officials": keep the phrase, lower-case.
      if capsCount == 0 || ws.count <= 8 {
        if ws.count > 8 { return nil }
        let lowered = Self.joinedLower(ws, skippingArticles: true)
        return lowered.isEmpty ? nil : lowered
      }
    }
    if capsCount == 0 {
      // "the statement", "officials", "police": keep as written, lower-case.
      if ws.count > 4 { return nil }
      let lowered = Self.joinedLower(ws, skippingArticles: false)
      return lowered.isEmpty ? nil : lowered
    }
    // A short name: one capitalised word that is the first or last word of exactly one known full name.
    // (Words have distinct ranges, so the last word equals the last capitalised one only when it is it.)
    if lastCap >= 0, capsCount == 1 || lastCap == ws.endIndex - 1 {
      // The one distinct person among the candidates, if there is exactly one (by index, the names
      // read in place).
      var candidate = -1
      var several = false
      for k in people.indices where Self.firstOrLastPart(of: people[k], is: ws[lastCap].text) {
        if candidate >= 0 {
          if people[candidate] != people[k] {
            several = true
            break
          }
        } else {
          candidate = k
        }
      }
      if !several, candidate >= 0 { return people[candidate] }
    }
    // "The Myanmar government", "Junta-controlled newspapers": a capitalised modifier before a common
    // noun; the whole phrase is the speaker.
    if !ws.isEmpty, !ws[ws.endIndex - 1].isCapitalized, ws.count <= 4 {
      // `ws.filter { $0.lower != "the" && $0.lower != "a" }.map(\.text).joined(separator: " ")`.
      var phrase = ""
      var first = true
      for k in ws.indices where !ws[k].lowerIs("the") && !ws[k].lowerIs("a") {
        if !first { phrase += " " }
        phrase += ws[k].text
        first = false
      }
      return phrase.isEmpty ? nil : phrase
    }
    // Otherwise the capitalised run at the end of the phrase ("Myanmar News Agency", "Wang Yi"),
    // without the connectors and articles that open it; read by index.
    var start = ws.endIndex
    while start > ws.startIndex {
      let k = start - 1
      guard ws[k].isCapitalized || (start < ws.endIndex && (ws[k].lowerIs("of") || ws[k].lowerIs("for") || ws[k].lowerIs("and")))
      else { break }
      start = k
    }
    while start < ws.endIndex, ws[start].lowerIs("of") || ws[start].lowerIs("for") || ws[start].lowerIs("and")
      || ws[start].lowerIs("the") || ws[start].lowerIs("a") || ws[start].lowerIs("an")
    {
      start += 1
    }
    guard start < ws.endIndex else { return nil }
    if start == ws.endIndex - 1 { return ws[start].text }
    var run = ""
    for k in start..<ws.endIndex {
      if k > start { run += " " }
      run += ws[k].text
    }
    return run
  }

  /// `title.hasSuffix(" " + role)`, without making the suffix: when both are ASCII, compared as
  /// bytes. In ASCII text every character is one byte except CR LF, so a suffix that starts with a
  /// space ends the title as characters exactly when it ends it as bytes (`fastHasSuffix`).
  static func endsWithSpaced(_ title: String, _ role: String) -> Bool {
    let answer: Bool?? = title.utf8.withContiguousStorageIfAvailable { t -> Bool? in
      role.utf8.withContiguousStorageIfAvailable { r -> Bool? in
        var any: UInt8 = 0
        for b in t { any |= b }
        for b in r { any |= b }
        guard any < 0x80 else { return nil }
        guard t.count > r.count else { return false }
        let offset = t.count - r.count
        guard t[offset - 1] == 0x20 else { return false }
        for k in 0..<r.count where t[offset + k] != r[k] { return false }
        return true
      } ?? nil
    }
    if let a = answer, let b = a { return b }
    return title.hasSuffix(" " + role)
  }

  /// `ws.map(\.lower).filter { $0 != "the" }.joined(separator: " ")`, or with "a" and "an" also left
  /// out when `skippingArticles`, made as one string without the arrays: one word kept is its own
  /// `lower`; more are measured, then copied into a string made with room for them all.
  static func joinedLower(_ ws: ArraySlice<Word>, skippingArticles: Bool) -> String {
    @inline(__always) func skipped(_ k: Int) -> Bool {
      ws[k].lowerIs("the") || (skippingArticles && (ws[k].lowerIs("a") || ws[k].lowerIs("an")))
    }
    var kept = 0
    var last = 0
    var length = -1
    for k in ws.indices where !skipped(k) {
      kept += 1
      last = k
      length += 1 + ws[k].lower.utf8.count
    }
    if kept == 0 { return "" }
    if kept == 1 { return ws[last].lower }
    return String(unsafeUninitializedCapacity: length) { out in
      var p = 0
      var first = true
      for k in ws.indices where !skipped(k) {
        if !first {
          out[p] = 0x20
          p += 1
        }
        first = false
        p = Self.copy(ws[k].lower, to: out, at: p)
      }
      return p
    }
  }

  /// `parts.first == text || parts.last == text` for `parts = full.split(separator: " ")`: for an
  /// ASCII `full` and `text` the pieces are compared as bytes, with no array of parts.
  static func firstOrLastPart(of full: String, is text: String) -> Bool {
    let answer = full.utf8.withContiguousStorageIfAvailable { f -> Bool? in
      text.utf8.withContiguousStorageIfAvailable { t -> Bool? in
        for b in f where b >= 0x80 { return nil }
        for b in t where b >= 0x80 { return nil }
        // The first and last pieces between spaces that are not empty.
        var a = 0
        while a < f.count, f[a] == 0x20 { a += 1 }
        guard a < f.count else { return false }
        var e = a
        while e < f.count, f[e] != 0x20 { e += 1 }
        var z = f.count
        while z > 0, f[z - 1] == 0x20 { z -= 1 }
        var y = z
        while y > 0, f[y - 1] != 0x20 { y -= 1 }
        func equal(_ lo: Int, _ hi: Int) -> Bool {
          guard hi - lo == t.count else { return false }
          for k in 0..<t.count where f[lo + k] != t[k] { return false }
          return true
        }
        return equal(a, e) || equal(y, z)
      } ?? nil
    } ?? nil
    if let answer { return answer }
    let parts = full.split(separator: " ").map(String.init)
    return parts.first == text || parts.last == text
  }

  /// The first of `people` sorted stably by decreasing length in characters that `written` contains
  /// (`fastContains`), found without sorting: lengths are counted only for the names found.
  static func longestContained(_ people: [String], in written: String) -> String? {
    // By index, the names read in place (`for p in people` copied each one).
    var best = -1
    var bestCount = 0
    for k in people.indices where written.fastContains(people[k]) {
      let c = people[k].count
      if best < 0 || c > bestCount {
        best = k
        bestCount = c
      }
    }
    return best >= 0 ? people[best] : nil
  }

  /// The UTF-8 range of the first quoted passage of at least four words ("…" or “…”), without the marks.
  func quoteRange(in sentence: String) -> Range<Int>? {
    quoteRange(bytes: Array(sentence.utf8))
  }

  /// `quoteRange(in:)` on the sentence's UTF-8 bytes `b`, already at hand.
  func quoteRange(bytes b: [UInt8]) -> Range<Int>? {
    // Most sentences have no quotation mark at all.
    guard Self.hasQuoteByte(b) else { return nil }
    var i = 0
    var open: Int? = nil
    while i < b.count {
      // A byte other than 0x22 and 0xE2 changes nothing but `i`: skipped to the next one that may.
      i = Self.nextQuoteByte(b, from: i)
      guard i < b.count else { break }
      let isStraight = b[i] == UInt8(ascii: "\"")
      let isOpen = i + 2 < b.count && b[i] == 0xE2 && b[i + 1] == 0x80 && b[i + 2] == 0x9C
      let isClose = i + 2 < b.count && b[i] == 0xE2 && b[i + 1] == 0x80 && b[i + 2] == 0x9D
      if open == nil, isStraight || isOpen {
        open = i + (isStraight ? 1 : 3)
      } else if let o = open, isStraight || isClose {
        if Self.wordCount(b, o, i, stopAt: 4) >= 4 { return o..<i }
        open = nil
      }
      i += (isOpen || isClose) ? 3 : 1
    }
    if let o = open, b.count - o > 20 { return o..<b.count }
    return nil
  }

  /// Whether `b` holds a byte 0x22 (`"`) or 0xE2 (the first byte of “ and ”): eight bytes at a time,
  /// a word holding one of them has a zero byte after an exclusive or with that byte repeated.
  static func hasQuoteByte(_ b: [UInt8]) -> Bool {
    b.withUnsafeBufferPointer { buf -> Bool in
      guard let base = buf.baseAddress else { return false }
      let n = buf.count
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      var i = 0
      while i + 8 <= n {
        let v = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
        let a = v ^ (ones &* 0x22)
        let d = v ^ (ones &* 0xE2)
        if ((a &- ones) & ~a & highs) | ((d &- ones) & ~d & highs) != 0 { return true }
        i += 8
      }
      while i < n {
        if base[i] == 0x22 || base[i] == 0xE2 { return true }
        i += 1
      }
      return false
    }
  }

  /// The first offset from `i` on (at most `b.count`) of a byte 0x22 or 0xE2: eight bytes at a time
  /// as in `hasQuoteByte`, the lowest flagged byte of a word being the first such byte (a false flag
  /// can only sit above a true one).
  static func nextQuoteByte(_ b: [UInt8], from i: Int) -> Int {
    b.withUnsafeBufferPointer { buf -> Int in
      guard let base = buf.baseAddress else { return i }
      let n = buf.count
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      var i = i
      while i + 8 <= n {
        let v = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
        let a = v ^ (ones &* 0x22)
        let d = v ^ (ones &* 0xE2)
        let m = ((a &- ones) & ~a & highs) | ((d &- ones) & ~d & highs)
        if m != 0 { return i + (m.trailingZeroBitCount >> 3) }
        i += 8
      }
      while i < n {
        if base[i] == 0x22 || base[i] == 0xE2 { return i }
        i += 1
      }
      return n
    }
  }

  /// The number of space-separated words between two UTF-8 offsets of the sentence's bytes `b`, as
  /// `b.utf8Slice(from, to).split(separator: " ").count` counts them, or `stopAt` once that many are
  /// counted (the count is then at least `stopAt`). In ASCII text every space is a
  /// character of its own, so the bytes are counted directly; other text is sliced.
  ///
  /// Stopping early is exact: the bytes read so far are ASCII, and the first byte of the last word
  /// counted is neither a space nor one that joins a space to another character (only CR LF join in
  /// ASCII, and no character before the slice can join it); whatever follows can extend that word,
  /// but the spaces before it are characters of their own, so the slice splits into at least as
  /// many pieces.
  static func wordCount(_ b: [UInt8], _ from: Int, _ to: Int, stopAt: Int = .max) -> Int {
    var count = 0
    var inWord = false
    for k in from..<to {
      let c = b[k]
      if c >= 0x80 { return b.utf8Slice(from, to).split(separator: " ").count }
      if c == 0x20 {
        inWord = false
      } else if !inWord {
        inWord = true
        count += 1
        if count >= stopAt { return count }
      }
    }
    return count
  }
}

// MARK: - Substrings

extension String {
  /// `contains(other)`, compared byte by byte when both strings are ASCII.
  ///
  /// In ASCII text every character is one byte except CR LF, so when `other` is ASCII, not empty and
  /// holds neither CR nor LF, it occurs among the characters exactly where it occurs among the bytes.
  /// Any other case takes the general search.
  func fastContains(_ other: String) -> Bool {
    let answer: Bool?? = utf8.withContiguousStorageIfAvailable { s -> Bool? in
      other.utf8.withContiguousStorageIfAvailable { x -> Bool? in
        guard let first = x.first else { return nil }
        for b in x where b >= 0x80 || b == 0x0D || b == 0x0A { return nil }
        for b in s where b >= 0x80 { return nil }
        let m = x.count
        guard m <= s.count else { return false }
        var k = 0
        while k + m <= s.count {
          if s[k] == first {
            var j = 1
            while j < m, s[k + j] == x[j] { j += 1 }
            if j == m { return true }
          }
          k += 1
        }
        return false
      } ?? nil
    }
    if let a = answer, let b = a { return b }
    return contains(other)
  }
}
