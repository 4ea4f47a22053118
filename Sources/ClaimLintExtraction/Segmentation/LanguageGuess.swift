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
  public static func guess<S: Sequence>(_ texts: S) -> Verdict where S.Element == String {
    var counts = [Int](repeating: 0, count: stopWords.count)
    var words = 0
    var latinLetters = 0
    var otherLetters = 0
    // The first few thousand characters decide; a whole archive page need not be read twice.
    let limit = 6000
    var seen = 0
    for text in texts where seen < limit {
      var word: [UInt8] = []
      func flush() {
        guard !word.isEmpty else { return }
        words += 1
        // Every listed word is short; longer words need no lookup.
        if word.count <= maxStopWordBytes, let mask = languagesOfWord[String(decoding: word, as: UTF8.self)] {
          for k in counts.indices where mask & (1 << k) != 0 { counts[k] += 1 }
        }
        word.removeAll(keepingCapacity: true)
      }
      for scalar in text.unicodeScalars {
        let v = scalar.value
        if (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) {
          latinLetters += 1
          word.append(UInt8(v | 0x20))
        } else if v >= 0xC0 && v <= 0x24F && v != 0xD7 && v != 0xF7 {
          // Latin letters with diacritics belong to the word ("für", "è").
          latinLetters += 1
          word.append(contentsOf: String(scalar).lowercased().utf8)
        } else {
          // No ASCII character besides the letters above is alphabetic.
          if v >= 0x80, scalar.properties.isAlphabetic { otherLetters += 1 }
          flush()
        }
        seen += 1
        if seen >= limit { break }
      }
      flush()
    }
    if otherLetters > 200, otherLetters > latinLetters {
      return Verdict(isEnglish: false, language: "a non-Latin script")
    }
    guard words >= 40 else { return Verdict(isEnglish: true, language: nil) }
    let english = counts[0]
    var best = 0
    for k in 1..<counts.count where counts[k] > counts[best] { best = k }
    // English function words make up a fifth or more of English prose; a page in another language
    // has few of them and many of its own.
    if best != 0, counts[best] >= 2 * max(english, 1), Double(english) / Double(words) < 0.08 {
      return Verdict(isEnglish: false, language: stopWords[best].language)
    }
    return Verdict(isEnglish: true, language: nil)
  }

  /// Guesses the language of a document's reportage (headline and body).
  public static func guess(_ document: Document) -> Verdict {
    guess(document.segments.lazy.filter { $0.kind == .reportage || $0.kind == .headline || $0.kind == .list }.map(\.text))
  }
}
