import ClaimLintCore

/// Tells apart, within one article, two figures that state one fact differently from two figures of
/// different facts that happen to count the same noun.
///
/// A published article gives many figures of one noun for different things: a recipe's minutes, a
/// game's points, each defendant's bond, two states' margins, this year's and a decade's deaths. The
/// same fact told twice is told in the same frame: the same subject, the same period, no sign that
/// another instance or a rate is meant. The checks here are general signs of a different fact; they
/// never look at particular figures.
struct SameArticleFigures {
  let claims: AlignedClaims

  /// Nouns that measure (durations, distances, temperatures, scores, weights, recipe amounts). One
  /// article measures many things with them; only a likely typo (the same digits in another order)
  /// is compared.
  static let measureNouns: Set<String> = [
    "second", "minute", "hour", "day", "week", "month", "year", "night", "time", "decade", "mile", "kilometre",
    "kilometer", "km", "metre", "meter", "foot", "feet", "inch", "yard", "degree", "point", "goal", "run", "rebound",
    "assist", "lap", "game", "match", "gram", "g", "kilogram", "kg", "pound", "lb", "ounce", "oz", "litre", "liter",
    "ml", "gallon", "calorie", "cup", "tablespoon", "teaspoon", "serving", "portion", "slice", "piece", "step",
    "page", "issue", "episode", "chapter", "count", "mph", "horsepower",
  ]

  /// Words right before a figure (or right after its noun) that make it a rate or one of several
  /// instances: "each", "per game", "apiece", "on average".
  static let distributiveWords: Set<String> = ["each", "every", "per", "apiece", "average", "averaging", "averaged"]

  /// Words before a figure that make it an increment of a total stated elsewhere ("adding five
  /// companies"), and modifiers that do ("five more", "14 new cases").
  static let incrementWords: Set<String> = ["add", "adds", "added", "adding", "another", "extra"]
  static let incrementModifiers: Set<String> = ["more", "additional", "new", "further", "extra", "other"]

  /// Capitalised words that do not name a subject: calendar words and sentence furniture.
  static let calendarWords: Set<String> = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "i", "mr", "mrs", "ms", "dr", "the", "a", "an",
  ]

  /// Whether `a` and `b`, in one article, count different things although their nouns agree.
  func differentFacts(_ a: ClaimRef, _ b: ClaimRef) -> Bool {
    let ca = claims.claim(a)
    let cb = claims.claim(b)
    guard let qa = ca.quantity, let qb = cb.quantity, let va = qa.value ?? qa.low ?? qa.high,
      let vb = qb.value ?? qb.low ?? qb.high
    else { return true }
    // "one study", "one count": "one" is mostly an article, not a figure.
    if min(va, vb) <= 1 { return true }
    let typo = Self.sameDigits(va, vb)
    if let noun = qa.counted, Self.measureNouns.contains(noun), !typo { return true }
    // A figure an order of magnitude off is another fact, unless it has the same digits ($4.2 million
    // for $4.2 billion).
    if max(va, vb) > 10 * min(va, vb), Self.mantissa(va) != Self.mantissa(vb) { return true }
    // Three or more values for one noun and action: a series (each defendant's bond, each study's sample).
    if distinctValues(ca, in: a.document) >= 3 { return true }
    // A sentence that lists many figures (an ingredient list, a stat line) gives each for another thing.
    if figuresInSentence(a) >= 4 || figuresInSentence(b) >= 4 { return true }
    let ta = Self.tokens(ca.sentence)
    let tb = Self.tokens(cb.sentence)
    if ta.contains("another") || tb.contains("another") { return true }
    if Self.isInstance(ca, ta) || Self.isInstance(cb, tb) { return true }
    if Self.isIncrement(ca, ta) != Self.isIncrement(cb, tb) { return true }
    // Different subjects or periods: each sentence names something the other does not (Kentucky and
    // Louisiana; "between 2009 and 2018" and "between 2010 and 2015"). A likely typo is kept.
    if !typo {
      let na = Self.identifiers(ca.sentence, figure: ca.span.text)
      let nb = Self.identifiers(cb.sentence, figure: cb.span.text)
      if !na.subtracting(nb).isEmpty, !nb.subtracting(na).isEmpty { return true }
    }
    return false
  }

  /// How many figures the sentence of `r` gives.
  func figuresInSentence(_ r: ClaimRef) -> Int {
    let s = claims.claim(r).sentenceIndex
    return claims.documents[r.document].claims.lazy.filter { $0.kind == .quantity && $0.sentenceIndex == s }.count
  }

  /// How many different values the article gives for the counted noun, unit and action of `c` ("17
  /// killed and 40 injured" are two facts, not a series).
  func distinctValues(_ c: Claim, in document: Int) -> Int {
    guard let q = c.quantity else { return 0 }
    var values = Set<Double>()
    for o in claims.documents[document].claims where o.kind == .quantity && o.layer == .reportage {
      guard let oq = o.quantity, !oq.superseded, oq.counted == q.counted, oq.unit == q.unit, oq.action == q.action,
        let v = oq.value ?? oq.low ?? oq.high
      else { continue }
      values.insert(v)
    }
    return values.count
  }

  /// Whether two values have the same digits in another order (148 and 184, 4,812 and 4,218): the
  /// commonest typo in a figure.
  static func sameDigits(_ a: Double, _ b: Double) -> Bool {
    let da = ClaimText.number(a).filter(\.isNumber)
    let db = ClaimText.number(b).filter(\.isNumber)
    return da != db && da.count == db.count && da.sorted() == db.sorted()
  }

  /// The significant digits of a value, to three places.
  static func mantissa(_ v: Double) -> Int { QuantityComparison.mantissa(v) }

  /// Lower-case words of a sentence, punctuation stripped.
  static func tokens(_ sentence: String) -> [String] {
    rawTokens(sentence).map { $0.lowercased() }
  }

  private static func rawTokens(_ sentence: String) -> [String] {
    sentence.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "—" || $0 == "/" }).map { word in
      var w = Substring(word)
      while let f = w.first, !f.isLetter, !f.isNumber { w = w.dropFirst() }
      while let l = w.last, !l.isLetter, !l.isNumber { w = w.dropLast() }
      for suffix in ["’s", "'s"] where w.hasSuffix(suffix) { w = w.dropLast(2) }
      return String(w)
    }.filter { !$0.isEmpty }
  }

  /// The words around the figure of `c`: up to three before it and three after it.
  private static func window(_ c: Claim, _ tokens: [String]) -> (before: [String], after: [String]) {
    let figure = Self.tokens(c.span.text)
    guard let last = figure.last, let end = tokens.firstIndex(where: { $0 == last }) else { return ([], []) }
    let start = max(0, end - figure.count + 1)
    return (Array(tokens[max(0, start - 3)..<start]), Array(tokens[(end + 1)..<min(tokens.count, end + 4)]))
  }

  /// "each of the 12 teams", "11 assists per game", "two goals apiece": a rate or one of several.
  static func isInstance(_ c: Claim, _ tokens: [String]) -> Bool {
    let w = window(c, tokens)
    return !distributiveWords.isDisjoint(with: w.before) || !distributiveWords.isDisjoint(with: w.after)
  }

  /// "adding five companies", "five more companies", "14 new cases": an increment, not a total.
  static func isIncrement(_ c: Claim, _ tokens: [String]) -> Bool {
    if let q = c.quantity, !incrementModifiers.isDisjoint(with: q.modifiers) { return true }
    let w = window(c, tokens)
    return !incrementWords.isDisjoint(with: w.before) || !incrementModifiers.isDisjoint(with: w.after.prefix(1))
  }

  /// What a sentence names: capitalised words that are not its first word, a calendar word or a
  /// speaker ("…, Lim said"), and years.
  static func identifiers(_ sentence: String, figure: String) -> Set<String> {
    let raw = rawTokens(sentence)
    let lower = raw.map { $0.lowercased() }
    var speaker = Set<Int>()
    for (i, w) in lower.enumerated() where ["said", "says", "told", "according", "added", "reported", "reports"].contains(w) {
      for k in max(0, i - 4)..<min(raw.count, i + 5) { speaker.insert(k) }
    }
    let figureWords = Set(tokens(figure))
    var out = Set<String>()
    for (i, w) in raw.enumerated() where i > 0 && !speaker.contains(i) {
      let l = lower[i]
      if figureWords.contains(l) { continue }
      if w.count == 4, w.allSatisfy(\.isNumber), w.hasPrefix("19") || w.hasPrefix("20") {
        out.insert(l)
        continue
      }
      guard let f = w.first, f.isUppercase, !calendarWords.contains(l) else { continue }
      // A capitalised word after a colon or a quote mark starts a sentence of its own.
      if sentenceBreak(before: i, in: sentence) { continue }
      out.insert(l)
    }
    return out
  }

  /// Whether the word at `i` follows a colon, a dash or an opening quote (a new sentence start).
  private static func sentenceBreak(before i: Int, in sentence: String) -> Bool {
    let pieces = sentence.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "—" || $0 == "/" })
    var k = -1
    for (p, piece) in pieces.enumerated() {
      if piece.contains(where: { $0.isLetter || $0.isNumber }) { k += 1 }
      if k == i {
        if piece.first.map({ "“\"‘(".contains($0) }) == true { return true }
        if p > 0, let l = pieces[p - 1].last, ":“\"".contains(l) { return true }
        return false
      }
    }
    return false
  }
}
