import ClaimLintCore

/// The statements of a pre-publish run, sentence by sentence, for the part of `hedge-dropped` that
/// reads claims without a figure: "the infection may have spread through a sink drain" in every
/// source, "the infection spread through a contaminated sink drain" in the draft.
///
/// Only reportage is read. Sentences are cut at a full stop, question or exclamation mark followed by
/// white space, which is enough to compare what they say: the rule needs their words, not their
/// grammar. Pre-publish runs hold one draft and a handful of sources, so reading them again costs little.
struct HedgedStatements {
  /// One sentence of reportage, with where it is and what it says.
  struct Sentence {
    var span: SourceSpan
    var words: Set<String>
    /// The hedges it contains, as written ("may have", "is believed to").
    var hedges: [String]
    /// Whether it attributes what it says ("said", "according to"): then it is not stated as fact.
    var attributed: Bool
    /// Whether a figure of the sentence is a claim of its own (the figure rule reads those).
    var hasFigure: Bool
  }

  /// Phrases that make a statement tentative. Matched on lower-case words.
  static let hedgePhrases: [[String]] = [
    ["may", "have"], ["might", "have"], ["could", "have"], ["may", "be"], ["might", "be"], ["possibly"], ["probably"],
    ["likely"], ["unlikely"], ["believed", "to"], ["thought", "to"], ["suspected", "to"], ["said", "to", "be"],
    ["said", "to", "have"], ["appears", "to"], ["appeared", "to"], ["seems", "to"], ["seemed", "to"], ["reportedly"],
    ["allegedly"], ["apparently"], ["purportedly"], ["presumably"], ["unconfirmed"], ["unverified"], ["preliminary"],
    ["suspected"], ["alleged"], ["suggests"], ["suggested"], ["could", "be"],
  ]

  /// Words that attribute a statement to someone.
  static let attributionWords: Set<String> = [
    "said", "says", "say", "told", "according", "stated", "claimed", "claims", "announced", "reported", "reports",
    "confirmed", "denied", "insisted", "added", "noted", "wrote", "argued", "warned", "estimated", "believes", "believe",
    "suspect", "suspects", "alleges", "alleged",
  ]

  /// The reportage sentences of document `d`.
  static func sentences(of d: Int, in claims: AlignedClaims) -> [Sentence] {
    let doc = claims.documents[d]
    let figureSentences = Set(doc.claims.lazy.filter { $0.kind == .quantity }.map(\.sentence))
    var out: [Sentence] = []
    for segment in doc.document.segments where segment.kind == .reportage {
      let bytes = Array(segment.text.utf8)
      var start = 0
      var k = 0
      func emit(_ end: Int) {
        var s = start
        while s < end, bytes[s] == 0x20 || bytes[s] == 0x0A { s += 1 }
        guard end - s >= 20 else { return }
        let text = Segment.slice(segment.text, s, end)
        let lower = words(of: text)
        out.append(
          Sentence(
            span: doc.document.span(segment: segment, textStart: s, textEnd: end), words: Salience.words(text),
            hedges: hedges(in: lower), attributed: lower.contains { attributionWords.contains($0) },
            hasFigure: figureSentences.contains { $0.contains(text) || text.contains($0) }))
      }
      while k < bytes.count {
        let b = bytes[k]
        if b == 0x2E || b == 0x3F || b == 0x21, k + 1 == bytes.count || bytes[k + 1] == 0x20 || bytes[k + 1] == 0x0A {
          // Not after a single capital ("J. Smith") or a short abbreviation ("Dr.", "U.S.").
          var w = k
          while w > start, bytes[w - 1] != 0x20 { w -= 1 }
          if k - w <= 2 && k > w && bytes[w] >= 0x41 && bytes[w] <= 0x5A {
            k += 1
            continue
          }
          emit(k + 1)
          start = k + 1
        }
        k += 1
      }
      emit(bytes.count)
    }
    return out
  }

  /// Lower-case words of a text, without the punctuation around them.
  static func words(of text: String) -> [String] {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map { w in
      String(w.lowercased().filter { $0.isLetter || $0 == "'" || $0 == "\u{2019}" })
    }.filter { !$0.isEmpty }
  }

  /// The hedge phrases among `words`, in order, each once.
  static func hedges(in words: [String]) -> [String] {
    var found: [String] = []
    var i = 0
    while i < words.count {
      if let p = hedgePhrases.first(where: { p in i + p.count <= words.count && Array(words[i..<(i + p.count)]) == p }) {
        let text = p.joined(separator: " ")
        if !found.contains(text) { found.append(text) }
        i += p.count
      } else {
        i += 1
      }
    }
    return found
  }

  /// Whether two sentences state the same thing: half or more of the shorter one's content words are in the
  /// other, and at least four of them.
  static func sameStatement(_ a: Set<String>, _ b: Set<String>) -> Bool {
    let shared = Salience.sharedCount(a, b)
    return shared >= 4 && Double(shared) >= 0.5 * Double(min(a.count, b.count))
  }
}
