import ClaimLintCore

/// Tells whether an article's reportage is written in English, the only language claimlint reads.
///
/// The extractors read English grammar: on a German page "die" is the verb "to die" and every figure
/// in a sentence about "die Polizei" becomes a death toll. A page in another language therefore gets
/// no claims, and the pipeline says so in a note instead of raising false alarms.
///
/// The guess counts the commonest function words of English and of the European languages most often
/// found in scraped news (German, French, Spanish, Portuguese, Italian, Polish, Dutch), and the share of letters
/// outside the Latin script (Cyrillic, Arabic, Thai, Chinese, …). Short texts (under 40 words) are
/// taken as English: there is too little to go by, and an English brief must never be skipped.
public enum LanguageGuess {
  /// The verdict on one text.
  public struct Verdict: Sendable, Equatable {
    public var isEnglish: Bool
    /// The language the text looks like when it is not English ("German", "a non-Latin script").
    public var language: String?

    public init(isEnglish: Bool, language: String?) {
      self.isEnglish = isEnglish
      self.language = language
    }
  }

  /// Function words that are frequent in one language and rare in English prose.
  static let stopWords: [(language: String, words: Set<String>)] = [
    ("English", ["the", "and", "of", "to", "is", "was", "were", "that", "with", "for", "said", "has", "have", "it", "on", "by", "are", "this", "from", "which"]),
    ("German", ["der", "die", "das", "und", "ist", "nicht", "mit", "sich", "auf", "dem", "den", "ein", "eine", "zu", "von", "wird", "auch", "für", "im", "werden"]),
    ("French", ["le", "la", "les", "des", "et", "est", "une", "dans", "du", "pour", "qui", "que", "sur", "pas", "au", "avec", "sont", "ce", "par", "il"]),
    ("Spanish", ["el", "los", "las", "del", "que", "por", "con", "una", "para", "es", "se", "lo", "como", "más", "su", "al", "fue", "ha", "pero", "sus"]),
    ("Portuguese", ["os", "das", "dos", "uma", "não", "para", "com", "que", "em", "por", "se", "mais", "foi", "ao", "como", "seu", "sua", "pela", "pelo", "são"]),
    ("Italian", ["il", "della", "che", "di", "per", "una", "sono", "con", "non", "del", "gli", "le", "nel", "alla", "è", "anche", "più", "dei", "come", "stato"]),
    ("Polish", ["się", "nie", "na", "że", "jest", "do", "od", "po", "przez", "dla", "jak", "ale", "już", "tak", "przy", "jego", "oraz", "także", "był", "była"]),
    ("Dutch", ["het", "een", "van", "niet", "dat", "op", "met", "voor", "zijn", "ook", "aan", "er", "door", "wordt", "naar", "bij", "werd", "hij", "zij", "deze"]),
  ]

  /// For each listed word, the languages (bit k = `stopWords[k]`) that list it.
  static let languagesOfWord: WordTable<UInt16> = {
    var out: [String: UInt16] = [:]
    for (k, entry) in stopWords.enumerated() {
      for w in entry.words { out[w, default: 0] |= 1 << k }
    }
    return WordTable(out)
  }()
  static let maxStopWordBytes = stopWords.flatMap(\.words).map(\.utf8.count).max() ?? 0

  /// Guesses the language of `texts` taken together.
  ///
  /// Reads UTF-8 bytes: ASCII letters are classified directly and only other characters are decoded.
  /// The reading stops early once no text still to be read could make the verdict anything but English.
  public static func guess<S: Sequence>(_ texts: S) -> Verdict where S.Element == String {
    var state = State()
    for text in texts where state.seen < State.limit {
      text.withUTF8Bytes { state.read($0) }
      state.flush()
      if state.certain || state.isCertainlyEnglish() { return Verdict(isEnglish: true, language: nil) }
    }
    return state.verdict
  }

  /// Guesses the language of `texts` taken together, knowing in advance how much text is left: the
  /// early exit then also counts on the text running out before the character limit.
  static func guess(all texts: [String]) -> Verdict {
    guess(count: texts.count, includes: { _ in true }, utf8Count: { texts[$0].utf8.count }) { k, state in
      texts[k].withUTF8Bytes { state.read($0) }
    }
  }

  /// `guess(all:)` over the texts `k` in `0..<count` that `includes(k)` accepts, each read by
  /// `read(k, &state)`: a caller can lend texts where they lie instead of gathering them in an array.
  @inline(__always)
  private static func guess(
    count: Int, includes: (Int) -> Bool, utf8Count: (Int) -> Int, read: (Int, inout State) -> Void
  ) -> Verdict {
    var state = State()
    var bytesAfter = 0
    var textsAfter = 0
    for k in 0..<count where includes(k) {
      bytesAfter += utf8Count(k)
      textsAfter += 1
    }
    for k in 0..<count where state.seen < State.limit && includes(k) {
      bytesAfter -= utf8Count(k)
      textsAfter -= 1
      state.bytesAfter = bytesAfter
      state.textsAfter = textsAfter
      read(k, &state)
      state.flush()
      if state.certain || state.isCertainlyEnglish() { return Verdict(isEnglish: true, language: nil) }
    }
    return state.verdict
  }

  /// The ASCII words of `languagesOfWord` packed as `packed(_:)` packs them, in an open-addressed
  /// table of `asciiSlots` slots: the key (0 when empty) and the languages' bits as `Tally` lanes.
  static let asciiWordTable: [(key: UInt64, tally: Tally)] = {
    precondition(stopWords.count <= 8, "a Tally has lanes for eight languages")
    var table = [(key: UInt64, tally: Tally)](repeating: (0, Tally()), count: asciiSlots)
    var masks: [String: UInt16] = [:]
    for (k, entry) in stopWords.enumerated() {
      for w in entry.words { masks[w, default: 0] |= 1 << k }
    }
    for (w, mask) in masks.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) })
    where w.utf8.count <= 8 && w.utf8.allSatisfy({ $0 < 0x80 }) {
      let key = packed(Array(w.utf8))
      var p = slot(key)
      while table[p].key != 0 { p = (p + 1) & (asciiSlots - 1) }
      table[p] = (key, Tally(mask: mask))
    }
    return table
  }()
  /// The size of `asciiWordTable`, a power of two well above the number of words.
  static let asciiSlots = 512

  /// Up to eight bytes packed into one integer, the first in the lowest byte.
  static func packed(_ bytes: [UInt8]) -> UInt64 {
    var key: UInt64 = 0
    for (k, b) in bytes.prefix(8).enumerated() { key |= UInt64(b) << (8 * UInt64(k)) }
    return key
  }

  /// The `count` (1...8) ASCII letters at `p` lower-cased and packed as `packed(_:)` packs them;
  /// the eight bytes at `p` must be readable.
  @inline(__always)
  static func packedLower(_ p: UnsafeRawPointer, _ count: Int) -> UInt64 {
    let word = UInt64(littleEndian: p.loadUnaligned(as: UInt64.self)) | 0x2020_2020_2020_2020
    return count >= 8 ? word : word & ((1 << (8 * UInt64(count))) &- 1)
  }

  /// The top bit of every byte of `v` that is not an ASCII letter (`(b | 0x20) &- 0x61 < 26` fails),
  /// and no other bit; exact byte by byte (no carry crosses a byte).
  @inline(__always)
  static func nonLetterBytes(_ v: UInt64) -> UInt64 {
    let highs: UInt64 = 0x8080_8080_8080_8080
    let low7 = (v | 0x2020_2020_2020_2020) & ~highs
    let atLeastA = (low7 &+ 0x1F1F_1F1F_1F1F_1F1F) & highs
    let pastZ = (low7 &+ 0x0505_0505_0505_0505) & highs
    let letters = atLeastA & ~pastZ & ~v
    return ~letters & highs
  }

  /// The first slot to probe for a packed key.
  static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 55) & (asciiSlots - 1) }

  /// Function words seen per language (`stopWords` order), one 16-bit lane each: languages 0-3 in
  /// `low`, 4-7 in `high`, language k in bits 16(k % 4)..<16(k % 4) + 16.
  ///
  /// A word adds one to each of its languages with two additions and no loop over its bits (a
  /// `SIMD8<Int>` indexed by a variable went through the stack for every increment). No lane
  /// overflows: a lane counts words, and a guess reads at most `State.limit` (6,000) characters.
  struct Tally: Equatable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    init() {}

    /// One for each language in `mask` (bit k = `stopWords[k]`).
    init(mask: UInt16) {
      for k in 0..<8 where mask & (1 << k) != 0 {
        if k < 4 { low |= 1 << UInt64(16 * k) } else { high |= 1 << UInt64(16 * (k - 4)) }
      }
    }

    /// The count of language `k` (0..<8).
    subscript(k: Int) -> Int {
      let lanes = k < 4 ? low : high
      return Int(truncatingIfNeeded: (lanes >> UInt64(16 * (k & 3))) & 0xFFFF)
    }

    @inline(__always)
    static func += (a: inout Tally, b: Tally) {
      a.low &+= b.low
      a.high &+= b.high
    }
  }

  /// The running counts of one guess.
  private struct State {
    /// The first few thousand characters decide; a whole archive page need not be read twice.
    static let limit = 6000
    /// Function words seen per language (`stopWords` order), kept inline (no heap buffer per guess).
    var counts = Tally()
    var words = 0
    var latinLetters = 0
    var otherLetters = 0
    /// Characters (Unicode scalars) read so far.
    var seen = 0
    /// The length in bytes of the word being read (lower-cased), its first eight bytes packed, and
    /// whether it is all ASCII so far.
    var wordLength = 0
    var wordKey: UInt64 = 0
    var wordIsASCII = true
    /// UTF-8 bytes of the texts after the one being read, and how many they are; unknown (nil) when
    /// the texts come from a sequence.
    var bytesAfter: Int?
    var textsAfter = 0
    /// Set when reading stopped early because the verdict can only be English.
    var certain = false
    /// `asciiWordTable` and `maxStopWordBytes`, fetched once.
    let table = asciiWordTable
    let maxBytes = min(maxStopWordBytes, 8)

    /// Adds one lower-cased byte to the word being read.
    @inline(__always)
    mutating func append(_ b: UInt8) {
      if wordLength < 8 { wordKey |= UInt64(b) << (8 * UInt64(wordLength)) }
      wordLength += 1
    }

    /// Counts a function word of the languages in `mask` (bit k = `stopWords[k]`).
    @inline(__always)
    mutating func count(mask: UInt16) {
      if mask != 0 { counts += Tally(mask: mask) }
    }

    /// Counts the all-ASCII word packed (lower-cased) in `key` if it is a listed word.
    @inline(__always)
    mutating func count(asciiKey key: UInt64) {
      var p = slot(key)
      while true {
        let e = table[p]
        if e.key == key {
          counts += e.tally
          return
        }
        if e.key == 0 { return }
        p = (p + 1) & (asciiSlots - 1)
      }
    }

    /// Counts the word read so far, if any, and starts a new one.
    @inline(__always)
    mutating func flush() {
      guard wordLength > 0 else { return }
      words += 1
      // Every listed word is short; longer words need no lookup.
      if wordLength <= maxBytes {
        if wordIsASCII {
          count(asciiKey: wordKey)
        } else {
          var bytes: [UInt8] = []
          for k in 0..<wordLength { bytes.append(UInt8(truncatingIfNeeded: wordKey >> (8 * UInt64(k)))) }
          count(mask: languagesOfWord[String(decoding: bytes, as: UTF8.self)] ?? 0)
        }
      }
      wordLength = 0
      wordKey = 0
      wordIsASCII = true
    }

    /// Reads one text's UTF-8 bytes, up to the character limit.
    ///
    /// Runs of ASCII letters are taken whole: their count, length and packed key are added at once,
    /// and the early-exit test runs once per word rather than once per character (when it runs does
    /// not change the verdict, only how soon it is known).
    mutating func read(_ u: UnsafeBufferPointer<UInt8>) {
      let n = u.count
      var i = 0
      while i < n {
        let b = u[i]
        if b < 0x80 {
          if (b | 0x20) &- 0x61 < 26 {
            // A run of ASCII letters, at most up to the character limit.
            // Indexes and counts are bounded by the buffer's size and the character limit: wrapping
            // arithmetic cannot wrap, and leaves out the overflow checks.
            let end = min(n, i &+ (Self.limit &- seen))
            var j = i &+ 1
            var ended = false
            if let base = u.baseAddress {
              // Eight bytes at a time while they are all letters; else to the first that is not.
              while j &+ 8 <= end {
                let other = LanguageGuess.nonLetterBytes(
                  UInt64(littleEndian: UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self)))
                if other == 0 {
                  j &+= 8
                  continue
                }
                j &+= other.trailingZeroBitCount &>> 3
                ended = true
                break
              }
            }
            if !ended {
              while j < end, (u[j] | 0x20) &- 0x61 < 26 { j += 1 }
            }
            let run = j &- i
            if wordLength == 0, j < n, u[j] < 0x80, seen &+ run < Self.limit {
              // The common case, a whole ASCII word followed by an ASCII non-letter (a space, a comma):
              // the word is counted and the character after it read here, exactly as the next round
              // would (`flush()`, the early-exit test at that character, then `seen += 1`), without
              // storing the word's key and length in between.
              words &+= 1
              if run <= maxBytes {
                var key: UInt64
                if i &+ 8 <= n, let base = u.baseAddress {
                  key = LanguageGuess.packedLower(UnsafeRawPointer(base + i), run)
                } else {
                  key = 0
                  for k in 0..<run { key |= UInt64(u[i + k] | 0x20) << (8 * UInt64(k)) }
                }
                count(asciiKey: key)
              }
              latinLetters &+= run
              seen &+= run
              if words & 15 == 0, isCertainlyEnglish(bytesInText: n &- j) {
                certain = true
                return
              }
              seen &+= 1
              i = j &+ 1
              if seen >= Self.limit { return }
              continue
            }
            // Only a word that can still be looked up (`maxBytes` or fewer bytes) needs its key.
            if wordLength == 0, run <= maxBytes, i + 8 <= n, let base = u.baseAddress {
              // A whole short word starting a key: its eight bytes read at once, lower-cased
              // (every byte of the run is a letter) and cut to the run.
              wordKey = LanguageGuess.packedLower(UnsafeRawPointer(base + i), run)
              wordLength = run
            } else if wordLength + run <= maxBytes {
              var k = i
              while k < j {
                wordKey |= UInt64(u[k] | 0x20) << (8 * UInt64(wordLength))
                wordLength += 1
                k += 1
              }
            } else {
              wordLength += run
            }
            latinLetters += run
            seen += run
            i = j
            if seen >= Self.limit { return }
            continue
          }
          // No ASCII character besides the letters above is alphabetic.
          if wordLength > 0 {
            flush()
            if words & 15 == 0, isCertainlyEnglish(bytesInText: n - i) {
              certain = true
              return
            }
          }
          i += 1
        } else {
          let len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
          var v = UInt32(b & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07))
          var k = 1
          while k < len, i + k < n {
            v = (v << 6) | UInt32(u[i + k] & 0x3F)
            k += 1
          }
          i += len
          if v >= 0xC0 && v <= 0x24F && v != 0xD7 && v != 0xF7, let scalar = Unicode.Scalar(v) {
            // Latin letters with diacritics belong to the word ("für", "è").
            latinLetters += 1
            wordIsASCII = false
            for c in String(scalar).lowercased().utf8 { append(c) }
          } else {
            if let scalar = Unicode.Scalar(v), scalar.properties.isAlphabetic { otherLetters += 1 }
            flush()
          }
        }
        seen += 1
        if seen >= Self.limit { return }
      }
    }

    /// Whether the verdict is English whatever the characters still to be read: at most `limit - seen`
    /// and, when the texts ahead are known, at most their bytes (`bytesInText` left in the text being
    /// read, at a word boundary, and `bytesAfter` in the texts after it).
    ///
    /// Every word still to come takes at least one of those characters, besides the word being read;
    /// two words in one text also take a character between them, so the words still to come number
    /// at most half the characters plus one per text. English function words are never taken away,
    /// so their share can fall no lower than over the most words there could be.
    func isCertainlyEnglish(bytesInText: Int = 0) -> Bool {
      var rest = Self.limit - seen
      var newWords = rest
      if let after = bytesAfter {
        rest = min(rest, bytesInText + after)
        newWords = min(rest, (rest + textsAfter + 1) / 2)
      }
      guard otherLetters + rest <= 200 || otherLetters + rest <= latinLetters else { return false }
      let most = words + (wordLength == 0 ? 0 : 1) + newWords
      guard most >= 40 else { return false }
      return Double(counts[0]) / Double(most) >= 0.08
    }

    /// The verdict on everything read.
    var verdict: Verdict {
      if otherLetters > 200, otherLetters > latinLetters {
        return Verdict(isEnglish: false, language: "a non-Latin script")
      }
      guard words >= 40 else { return Verdict(isEnglish: true, language: nil) }
      let english = counts[0]
      var best = 0
      for k in 1..<stopWords.count where counts[k] > counts[best] { best = k }
      // English function words make up a fifth or more of English prose; a page in another language
      // has few of them and many of its own.
      if best != 0, counts[best] >= 2 * max(english, 1), Double(english) / Double(words) < 0.08 {
        return Verdict(isEnglish: false, language: stopWords[best].language)
      }
      return Verdict(isEnglish: true, language: nil)
    }
  }

  /// Guesses the language of a document's reportage (headline and body).
  public static func guess(_ document: Document) -> Verdict {
    // The segments' texts are read where they lie: gathering them in an array allocated it and
    // retained (then released) every text.
    document.segments.withUnsafeBufferPointer { segments in
      guess(
        count: segments.count,
        includes: { segments[$0].kind == .reportage || segments[$0].kind == .headline || segments[$0].kind == .list },
        utf8Count: { segments[$0].text.utf8.count }
      ) { k, state in segments[k].text.withUTF8Bytes { state.read($0) } }
    }
  }
}
