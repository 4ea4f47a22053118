import ClaimLintCore

/// A date found in a sentence, with its UTF-8 range.
public struct DateMatch: Sendable, Hashable {
  /// UTF-8 offsets of the date as written ("August 16", "on the 16th" → "the 16th").
  public var range: Range<Int>
  public var mention: DateMention

  public init(range: Range<Int>, mention: DateMention) {
    self.range = range
    self.mention = mention
  }
}

/// Finds dates in one sentence and resolves them against the article's own date.
///
/// Absolute forms: "August 16", "Aug. 16", "16 August 2024", "May 2 to 5" (a range), "Monday,
/// February 2, 2026" (the weekday is kept in `statedWeekday`), "2024-08-17", "March 2023" (a month),
/// "in 2023" (a year). Relative forms: "Friday", "last Sunday", "the 16th", "yesterday", "today",
/// "two weeks ago", "last year", "earlier this month", "since March".
///
/// Resolution never reads the clock; with no document date a relative or year-less date stays
/// unresolved and its evidence says what is known ("August 16, year unknown"). Conventions:
/// - a bare weekday ("on Monday") is the most recent such day on or before the article date (an
///   article dated Monday that says "on Monday" means that day), or, when the nearest verb form says
///   the future ("will resume on Saturday", "would return on Saturday"), the first such day on or
///   after it; with no tense to go by ("Work resumes on Saturday") the past reading is kept but marked
///   tentative; "last Monday" is strictly before;
///   "next Monday" strictly after; "this Monday" is the day in the article's week;
/// - "the 16th" is the 16th of the article's month, or of the month before when that is after the
///   article date;
/// - a month and day without a year take the article's year, or the year before when that would put
///   the date more than about two months after the article date;
/// - "two weeks ago" resolves to the day 14 days before (granularity "week"); "last month" and "last
///   year" resolve to the period's first day, with `resolvedEnd` its last day.
public struct DateExtractor: Sendable {
  /// Words that may follow the digits of a day ("16th", "16 night"), as sets for the token lookups.
  static let dayRunWords: WordSet = ["night", "morning", "evening", "afternoon", "th", "st", "nd", "rd", "."]
  /// Ordinal suffixes attached to a day ("16th").
  static let ordinalSuffixes: WordSet = ["st", "nd", "rd", "th"]
  /// Marks that may end a bare day ("on the 16.").
  static let dayEndMarks: WordSet = [".", "!", "?", ",", ";", ")"]

  /// The lexicons, held by reference: `ExtractionLexicons` is a large struct, and a call on one of
  /// its tables through a stored copy would copy all of it.
  private final class Shared: Sendable {
    let lexicons: ExtractionLexicons
    init(_ lexicons: ExtractionLexicons) { self.lexicons = lexicons }
  }

  private let shared: Shared

  public init(lexicons: ExtractionLexicons) {
    shared = Shared(lexicons)
  }

  /// The dates of `sentence`, in order, resolved against `documentDate` when it is known.
  public func extract(from sentence: String, documentDate: CalendarDate?) -> [DateMatch] {
    var tokens = Tokenizer.tokenize(Array(sentence.utf8))
    shared.lexicons.mark(&tokens)
    return extract(tokens: tokens, documentDate: documentDate)
  }

  /// The dates among the marked tokens of a sentence.
  func extract(tokens: [Token], documentDate: CalendarDate?) -> [DateMatch] {
    spans(tokens, documentDate: documentDate).map { s in
      DateMatch(range: tokens[s.tokens.lowerBound].start..<tokens[s.tokens.upperBound - 1].end, mention: s.mention)
    }
  }

  /// A date found over a range of tokens.
  struct Span: Sendable {
    var tokens: Range<Int>
    var mention: DateMention
  }

  /// The dates among `tokens`, as token ranges.
  func spans(_ tokens: [Token], documentDate: CalendarDate?) -> [Span] {
    var out: [Span] = []
    spans(tokens, documentDate: documentDate, into: &out)
    return out
  }

  /// `spans(_:documentDate:)` into `out`, whose old spans are removed and whose storage is kept: a
  /// caller that reads sentence after sentence reuses one buffer instead of allocating one for each
  /// sentence with a date.
  func spans(_ tokens: [Token], documentDate: CalendarDate?, into out: inout [Span]) {
    out.removeAllShort()
    var i = 0
    let n = tokens.count
    while i < n {
      guard tokens[i].roles & TokenRoles.date != 0, Self.mayStartDate(tokens, at: i) else {
        i += 1
        continue
      }
      // A date is appended to `out` where it is made (a `Span` is large, and is never copied).
      guard date(tokens, at: i, doc: documentDate, into: &out) else {
        i += 1
        continue
      }
      i = max(out[out.count - 1].tokens.upperBound, i + 1)
    }
  }

  /// Whether `date(_:at:doc:into:)` could find a date at token `i`, read from the token and the two
  /// after it: false only where it finds none. Most tokens with the date role ("the", "in", "a", a
  /// figure) open no date, and are told so here without the call and its tries of every form.
  ///
  /// Why false is safe, form by form (the forms of `date`):
  /// - a month or weekday name has no `notCalendarName` role; the other opening words ("this",
  ///   "last", "past", "next", "coming", "earlier", "later", "yesterday", "today", "tonight",
  ///   "tomorrow") are always tried;
  /// - "the" opens "the 16th" (digits next) or "the day before yesterday" ("day" next);
  /// - "on 22nd" and a year after a preposition ("in 2023", "mid-2020") need digits or "-" next;
  /// - "two weeks ago" needs "ago" two tokens on, for a word or for digits;
  /// - digits open "2024-08-17" (four digits, then "-") or "16 August", "4th of March" (at most two
  ///   digits, and a word that may be a month name within the next three tokens);
  /// - any other token (a symbol) opens nothing.
  @inline(__always)
  static func mayStartDate(_ t: [Token], at i: Int) -> Bool {
    let n = t.count
    if i + 2 < n, isWord(t[i + 2], Hashes.ago, "ago") { return true }
    switch t[i].kind {
    case .digits:
      let length = t[i].length
      if length == 4 { return i + 1 < n && t[i + 1].isByte(0x2D) }
      guard length <= 2 else { return false }
      var k = i + 1
      while k < n, k <= i + 3 {
        if t[k].kind == .word, t[k].roles & TokenRoles.notCalendarName == 0 { return true }
        k += 1
      }
      return false
    case .word:
      if t[i].roles & TokenRoles.notCalendarName == 0 { return true }
      if i + 1 < n, t[i + 1].kind == .digits || t[i + 1].isByte(0x2D) { return true }
      switch t[i].lowerHash {
      case Hashes.the: return i + 1 < n && isWord(t[i + 1], Hashes.day, "day")
      case Hashes.this, Hashes.last, Hashes.past, Hashes.next, Hashes.coming, Hashes.earlier, Hashes.later,
        Hashes.yesterday, Hashes.today, Hashes.tonight, Hashes.tomorrow:
        return true
      default: return false
      }
    case .symbol:
      return false
    }
  }

  /// Whether `date(_:at:doc:into:)` finds a date at token `i` (for tests of `mayStartDate`).
  func startsDate(_ t: [Token], at i: Int, doc: CalendarDate?) -> Bool {
    var out: [Span] = []
    return date(t, at: i, doc: doc, into: &out)
  }

  // MARK: - Grammar

  /// `WordTable.hashCode` of the words `date(_:at:doc:)` and its helpers test, so that a token is told
  /// apart by its hash before its text is compared. Literals, so that reading one costs nothing (a
  /// test checks each against `WordTable.hashCode`).
  enum Hashes {
    static let this: UInt64 = 0x2587bcef32493841
    static let last: UInt64 = 0x0456d2ad905847d9
    static let past: UInt64 = 0x03b42b0debc88fdd
    static let next: UInt64 = 0xe5316cbaa025f029
    static let coming: UInt64 = 0x9ecd097cb5f70c33
    static let earlier: UInt64 = 0xdf040ecda350ea5b
    static let later: UInt64 = 0x9ee71cec3834bb69
    static let the: UInt64 = 0x56f5c9194461d57d
    static let on: UInt64 = 0x08b05807b5566371
    static let ago: UInt64 = 0xe715be190539325b
    static let day: UInt64 = 0xca8d3918f4578f1d
    static let before: UInt64 = 0xd89aa06245afb2bf
    static let after: UInt64 = 0xbf82010f6f71eae9
    static let yesterday: UInt64 = 0xf945458585f62267
    static let today: UInt64 = 0xa411597d0674521f
    static let tonight: UInt64 = 0x06e79a213afafd4b
    static let tomorrow: UInt64 = 0x480b227ca618e527
    static let week: UInt64 = 0x3d80fff619edbfbd
    static let month: UInt64 = 0xf4bdc3936faf56a5
    static let year: UInt64 = 0x7c64634977425edd
  }

  /// `t.lower == s` for the ASCII word `s` whose hash is `hash`: a token of another hash is another
  /// text (an ASCII text's hash is its `lowerHash`; a token whose hash is 0 is not ASCII).
  @inline(__always)
  static func isWord(_ t: Token, _ hash: UInt64, _ s: String) -> Bool {
    t.lowerHash == hash && t.lower == s
  }

  /// The date starting at token `i`, appended to `out`: false, with `out` as it was, when there is
  /// none. Every form appends its own `Span` where it is made, so that no `Span` is copied.
  private func date(_ t: [Token], at i: Int, doc: CalendarDate?, into out: inout [Span]) -> Bool {
    if t[i].kind == .digits {
      return iso(t, at: i, into: &out) || dayLed(t, at: i, doc: doc, into: &out) || ago(t, at: i, doc: doc, into: &out)
    }
    guard t[i].kind == .word else { return false }
    // "this/last/past/next Friday", "last week/month/year", "this month".
    if Self.isWord(t[i], Hashes.this, "this") || Self.isWord(t[i], Hashes.last, "last") || Self.isWord(t[i], Hashes.past, "past")
      || Self.isWord(t[i], Hashes.next, "next") || Self.isWord(t[i], Hashes.coming, "coming"), i + 1 < t.count
    {
      if let wd = weekday(t, at: i + 1, allowAbbreviation: true) {
        let end = i + 1 + wd.length
        out.append(Span(tokens: i..<end, mention: relativeWeekday(wd.day, mode: t[i].lower, doc: doc)))
        return true
      }
      if period(t, at: i, doc: doc, into: &out) { return true }
    }
    if Self.isWord(t[i], Hashes.earlier, "earlier") || Self.isWord(t[i], Hashes.later, "later"), i + 2 < t.count,
      Self.isWord(t[i + 1], Hashes.this, "this")
    {
      if period(t, at: i + 1, doc: doc, into: &out) {
        out[out.count - 1].tokens = i..<out[out.count - 1].tokens.upperBound
        return true
      }
    }
    // Only "the", "yesterday", "today", "tonight" and "tomorrow" open a relative word.
    let h = t[i].lowerHash
    if h == Hashes.the || h == Hashes.yesterday || h == Hashes.today || h == Hashes.tonight || h == Hashes.tomorrow {
      if relativeWord(t, at: i, doc: doc, into: &out) { return true }
    }
    if ago(t, at: i, doc: doc, into: &out) { return true }
    if let wd = weekday(t, at: i, allowAbbreviation: i > 0 && Self.isWord(t[i - 1], Hashes.on, "on")) {
      weekdayLed(t, at: i, weekday: wd, doc: doc, into: &out)
      return true
    }
    if let m = month(t, at: i) {
      if monthLed(t, at: i, month: m, doc: doc, statedWeekday: nil, into: &out) { return true }
    }
    if Self.isWord(t[i], Hashes.the, "the") {
      if dayOfMonth(t, at: i, doc: doc, into: &out) { return true }
    }
    if Self.isWord(t[i], Hashes.on, "on"), i + 1 < t.count, t[i + 1].kind == .digits {
      if dayOfMonth(t, at: i + 1, doc: doc, needsSuffix: true, into: &out) { return true }
    }
    // A year follows its preposition at once or after a hyphen ("mid-2020").
    if i + 1 < t.count, t[i + 1].kind == .digits || t[i + 1].isByte(0x2D) { return year(t, at: i, into: &out) }
    return false
  }

  /// "2024-08-17".
  private func iso(_ t: [Token], at i: Int, into out: inout [Span]) -> Bool {
    guard t[i].length == 4, i + 4 < t.count, t[i + 1].isByte(0x2D), t[i + 1].isAttached, t[i + 2].kind == .digits,
      t[i + 2].isAttached, t[i + 2].length <= 2, t[i + 3].isByte(0x2D), t[i + 3].isAttached,
      t[i + 4].kind == .digits, t[i + 4].isAttached, t[i + 4].length <= 2,
      let y = Int(t[i].lower), let m = Int(t[i + 2].lower), let d = Int(t[i + 4].lower),
      let date = CalendarDate(year: y, month: m, day: d)
    else { return false }
    out.append(Span(tokens: i..<(i + 5), mention: DateMention(resolved: date, isRelative: false, evidence: "stated date")))
    return true
  }

  /// A weekday form at `i`: its number and how many tokens it takes ("Sat." → 1, the dot is left).
  private func weekday(_ t: [Token], at i: Int, allowAbbreviation: Bool) -> (day: Int, length: Int)? {
    guard i < t.count, t[i].kind == .word, t[i].roles & TokenRoles.notCalendarName == 0,
      let wd = shared.lexicons.weekdays[token: t[i]]
    else { return nil }
    switch wd.kind {
    case "abbr":
      let dotted = i + 1 < t.count && (t[i + 1].isByte(0x2E) || t[i + 1].isByte(0x2C)) && t[i + 1].isAttached
      guard allowAbbreviation || dotted, t[i].isCapitalized || allowAbbreviation || dotted else { return nil }
    default: break
    }
    return (wd.weekday, 1)
  }

  /// "Monday", "Monday, February 2, 2026", "Wednesday the 27th".
  /// Always appends a date to `out`.
  private func weekdayLed(
    _ t: [Token], at i: Int, weekday wd: (day: Int, length: Int), doc: CalendarDate?, into out: inout [Span]
  ) {
    var p = i + wd.length
    if p < t.count, t[p].isByte(0x2E) { p += 1 }
    var q = p
    if q < t.count, t[q].isByte(0x2C) { q += 1 }
    if q < t.count, monthLed(t, at: q, doc: doc, statedWeekday: wd.day, into: &out) {
      out[out.count - 1].tokens = i..<out[out.count - 1].tokens.upperBound
      return
    }
    if q < t.count, t[q].kind == .digits, dayLed(t, at: q, doc: doc, statedWeekday: wd.day, into: &out) {
      out[out.count - 1].tokens = i..<out[out.count - 1].tokens.upperBound
      return
    }
    if p < t.count, t[p].lowerIs("the"), dayOfMonth(t, at: p, doc: doc, into: &out) {
      out[out.count - 1].mention.statedWeekday = wd.day
      out[out.count - 1].tokens = i..<out[out.count - 1].tokens.upperBound
      return
    }
    switch Self.tense(t, around: i) {
    case .future:
      out.append(Span(tokens: i..<(i + wd.length), mention: relativeWeekday(wd.day, mode: "upcoming", doc: doc)))
    case .past:
      out.append(Span(tokens: i..<(i + wd.length), mention: relativeWeekday(wd.day, mode: "", doc: doc)))
    case .unknown:
      var m = relativeWeekday(wd.day, mode: "", doc: doc)
      m.isTentative = true
      out.append(Span(tokens: i..<(i + wd.length), mention: m))
    }
  }

  enum Tense { case past, future, unknown }

  /// Words that put what follows in the future ("will", "would", "is due to", "scheduled").
  static let futureWords: [String] = [
    "will", "'ll", "shall", "would", "due", "expected", "scheduled", "planned", "plans", "plan", "going", "set",
    "expect", "expects", "forecast", "forecasts", "predict", "predicts",
  ]
  /// Common irregular past forms.
  static let irregularPast: [String] = [
    "was", "were", "had", "did", "said", "told", "met", "held", "took", "gave", "came", "went", "began", "left",
    "brought", "made", "found", "saw", "got", "kept", "stood", "struck", "fell", "broke", "spoke", "wrote", "won",
    "lost", "paid", "sent", "spent", "built", "fought", "caught", "led", "fled", "rose", "shot", "hurt", "sank",
    "drove", "flew", "grew", "knew", "threw", "became", "sought", "thought", "bought", "felt", "heard", "sold",
    "taught", "woke", "chose", "froze", "stole", "shook", "rang", "swept", "slept", "withdrew", "overtook", "ago",
  ]
  /// Words ending in "-ed" that are not past forms.
  static let notPast: [String] = [
    "need", "indeed", "speed", "proceed", "exceed", "succeed", "hundred", "kindred", "sacred", "naked", "wicked",
    "seed", "feed", "breed", "bleed", "greed", "shed", "bed", "red", "wed",
  ]
  /// Words before a participle that make it passive or infinitive, not past ("will be suspended").
  static let participleHosts: [String] = [
    "be", "been", "being", "is", "are", "am", "to", "get", "gets", "has", "have",
  ]

  /// The four lists above as bits of one table (`TenseWord`), so that a word is looked up once,
  /// not once per list.
  static let tenseWords: WordTable<UInt8> = {
    var d: [String: UInt8] = [:]
    for w in futureWords { d[w, default: 0] |= TenseWord.future }
    for w in irregularPast { d[w, default: 0] |= TenseWord.irregularPast }
    for w in notPast { d[w, default: 0] |= TenseWord.notPast }
    for w in participleHosts { d[w, default: 0] |= TenseWord.participleHost }
    return WordTable(d)
  }()

  /// The lists a word of `tenseWords` is in.
  enum TenseWord {
    static let future: UInt8 = 1
    static let irregularPast: UInt8 = 2
    static let notPast: UInt8 = 4
    static let participleHost: UInt8 = 8
  }

  /// `w.hasSuffix("ed") && w.count >= 5` for `w = t[k].lower`: an ASCII word (its hash is not 0, and
  /// a word token holds no CR LF) has one character per byte.
  static func endsInEdWithFiveCharacters(_ t: [Token], _ k: Int) -> Bool {
    guard t[k].lowerHash != 0 else {
      let w = t[k].lower
      return w.hasSuffix("ed") && w.count >= 5
    }
    let answer = t[k].lower.utf8.withContiguousStorageIfAvailable { b in
      b.count >= 5 && b[b.count - 1] == 0x64 && b[b.count - 2] == 0x65
    }
    if let a = answer { return a }
    let w = t[k].lower
    return w.hasSuffix("ed") && w.count >= 5
  }

  /// The tense of the verb form nearest to token `i` in its sentence: a future marker ("will",
  /// "would", "due to") or a past form ("met", "were", "-ed" after no "be"). A verb before the date
  /// governs it ("was closed on Monday and will stay shut"); one after it only when none comes before
  /// ("On Saturday, crews will …"). Ties go to the past.
  static func tense(_ t: [Token], around i: Int) -> Tense {
    func cue(_ k: Int) -> Tense? {
      guard t[k].kind == .word else { return nil }
      // One lookup gives every list the word is in (by the token's hash; the text is read only for a
      // hit).
      let bits = tenseWords.value(hash: t[k].lowerHash, key: t[k].lower) ?? 0
      if bits & TenseWord.future != 0 {
        // "set" and "plan" only as "set to", "plan to"; "expected" and "scheduled" are future markers.
        let w = t[k]
        if w.lowerIs("set") || w.lowerIs("plans") || w.lowerIs("plan") || w.lowerIs("going") || w.lowerIs("due") {
          return k + 1 < t.count && t[k + 1].lowerIs("to") ? .future : nil
        }
        return .future
      }
      if bits & TenseWord.irregularPast != 0 { return .past }
      if endsInEdWithFiveCharacters(t, k), !t[k].isCapitalized || k == 0, bits & TenseWord.notPast == 0 {
        // A passive or perfect participle says nothing by itself: "will be suspended", "has warned of
        // rain until Friday".
        if k > 0, (tenseWords.value(hash: t[k - 1].lowerHash, key: t[k - 1].lower) ?? 0) & TenseWord.participleHost != 0 {
          return nil
        }
        return .past
      }
      return nil
    }
    // A verb right after the date phrase is its own ("after the court on Monday reduced his sentence").
    var j = i + 1
    while j < t.count, t[j].kind == .digits || Self.dayRunWords.contains(token: t[j]) {
      j += 1
    }
    if j < t.count, t[j].kind == .word, !t[j].isCapitalized, let c = cue(j) { return c }
    for k in stride(from: i - 1, through: 0, by: -1) {
      if let c = cue(k) { return c }
    }
    for k in (i + 1)..<max(i + 1, t.count) {
      if let c = cue(k) { return c }
    }
    return .unknown
  }

  /// A month form at `i` and the tokens it takes ("Aug." takes two).
  private func month(_ t: [Token], at i: Int) -> (month: Int, end: Int, abbreviation: Bool)? {
    guard i < t.count, t[i].kind == .word, t[i].roles & TokenRoles.notCalendarName == 0,
      let m = shared.lexicons.months[token: t[i]]
    else { return nil }
    var end = i + 1
    // "Aug." keeps its dot; "October. 2" is read through it.
    if end < t.count, t[end].isByte(0x2E), t[end].isAttached,
      m.abbreviation || (end + 1 < t.count && t[end + 1].kind == .digits)
    {
      end += 1
    }
    return (m.month, end, m.abbreviation)
  }

  /// A day number at `i` (1…31, optionally "16th"); returns the day and the token after.
  private func day(_ t: [Token], at i: Int) -> (day: Int, end: Int, hasSuffix: Bool)? {
    guard i < t.count, t[i].kind == .digits, t[i].length <= 2, let d = Int(t[i].lower), (1...31).contains(d) else {
      return nil
    }
    var end = i + 1
    var suffix = false
    if end < t.count, t[end].isAttached, Self.ordinalSuffixes.contains(token: t[end]) {
      end += 1
      suffix = true
    } else if end < t.count, t[end].isAttached, t[end].kind == .word || t[end].kind == .digits {
      return nil
    }
    return (d, end, suffix)
  }

  /// A four-digit year at `i` (1000…2999).
  private func yearNumber(_ t: [Token], at i: Int) -> Int? {
    guard i < t.count, t[i].kind == .digits, t[i].length == 4, let y = Int(t[i].lower), (1000...2999).contains(y)
    else { return nil }
    if i + 1 < t.count, t[i + 1].isAttached, t[i + 1].kind == .word || t[i + 1].kind == .digits { return nil }
    return y
  }

  /// "August 16", "Aug. 16, 2024", "January 12th of 2016", "May 2 to 5", "March 2023", "since March".
  @inline(__always)
  private func monthLed(_ t: [Token], at i: Int, doc: CalendarDate?, statedWeekday: Int?, into out: inout [Span]) -> Bool {
    guard let m = month(t, at: i) else { return false }
    return monthLed(t, at: i, month: m, doc: doc, statedWeekday: statedWeekday, into: &out)
  }

  /// `monthLed(_:at:doc:statedWeekday:)` with the month form at `i` already read.
  private func monthLed(
    _ t: [Token], at i: Int, month m: (month: Int, end: Int, abbreviation: Bool), doc: CalendarDate?, statedWeekday: Int?,
    into out: inout [Span]
  ) -> Bool {
    var p = m.end
    if p < t.count, t[p].isByte(0x2C) { p += 1 }
    if p < t.count, t[p].lowerIs("the") { p += 1 }
    if let d = day(t, at: p) {
      p = d.end
      var end = p
      var y: Int? = nil
      var endDay: Int? = nil
      // "May 2 to 5", "May 2-5"
      if end + 1 < t.count, t[end].lowerIs("to") || Self.isDash(t[end]), let d2 = day(t, at: end + 1), d2.day > d.day {
        endDay = d2.day
        end = d2.end
      }
      var q = end
      if q < t.count, t[q].isByte(0x2C) { q += 1 }
      if q < t.count, t[q].lowerIs("of") { q += 1 }
      if let yy = yearNumber(t, at: q) {
        y = yy
        end = q + 1
      }
      out.append(
        Span(
          tokens: i..<end,
          mention: monthDay(
            month: m.month, day: d.day, endDay: endDay, year: y, doc: doc, statedWeekday: statedWeekday,
            future: y == nil && doc != nil && Self.tense(t, around: i) == .future)))
      return true
    }
    // "March 2023"
    var q = m.end
    if q < t.count, t[q].isByte(0x2C) { q += 1 }
    if !m.abbreviation || t[i].isCapitalized, let y = yearNumber(t, at: q) {
      let first = CalendarDate(year: y, month: m.month, day: 1)
      let last = CalendarDate(year: y, month: m.month, day: CalendarDate.daysIn(month: m.month, year: y))
      out.append(
        Span(
          tokens: i..<(q + 1),
          mention: DateMention(
            resolved: first, resolvedEnd: last, isRelative: false, evidence: "stated month", granularity: "month")))
      return true
    }
    // "since March", "in May": a month with no year, read only after a preposition.
    if !m.abbreviation, t[i].isCapitalized, i > 0,
      Self.monthPrepositions.contains(token: t[i - 1])
    {
      let prep = t[i - 1]
      let last = prep.lowerIs("last")
      let future = prep.lowerIs("next") || (!last && !prep.lowerIs("since") && doc != nil && Self.tense(t, around: i) == .future)
      out.append(Span(tokens: i..<m.end, mention: bareMonth(m.month, doc: doc, last: last, future: future)))
      return true
    }
    return false
  }

  /// "16 August 2024", "1st Jan", "4th of March", "26th June of 2020".
  private func dayLed(_ t: [Token], at i: Int, doc: CalendarDate?, statedWeekday: Int? = nil, into out: inout [Span]) -> Bool {
    guard let d = day(t, at: i) else { return false }
    var p = d.end
    if p < t.count, t[p].lowerIs("of") { p += 1 }
    guard let m = month(t, at: p) else { return false }
    // An abbreviation after a plain number reads as a date only when written like one ("16 Aug").
    if m.abbreviation, !t[p].isCapitalized, !d.hasSuffix, !(m.end > p + 1), p == d.end { return false }
    var end = m.end
    var q = end
    if q < t.count, t[q].isByte(0x2C) { q += 1 }
    if q < t.count, t[q].lowerIs("of") { q += 1 }
    var y: Int? = nil
    if let yy = yearNumber(t, at: q) {
      y = yy
      end = q + 1
    }
    out.append(
      Span(
        tokens: i..<end,
        mention: monthDay(
          month: m.month, day: d.day, endDay: nil, year: y, doc: doc, statedWeekday: statedWeekday,
          future: y == nil && doc != nil && Self.tense(t, around: i) == .future)))
    return true
  }

  /// "the 16th", "the 27" at the end of a clause, "on 22nd".
  private func dayOfMonth(
    _ t: [Token], at i: Int, doc: CalendarDate?, needsSuffix: Bool = false, into out: inout [Span]
  ) -> Bool {
    let p = t[i].lowerIs("the") ? i + 1 : i
    guard let d = day(t, at: p) else { return false }
    if needsSuffix && !d.hasSuffix { return false }
    let end = d.end
    if end < t.count {
      let next = t[end]
      if month(t, at: end + (next.lowerIs("of") ? 1 : 0)) != nil {
        guard dayLed(t, at: p, doc: doc, into: &out) else { return false }
        out[out.count - 1].tokens = i..<out[out.count - 1].tokens.upperBound
        return true
      }
      if next.kind == .word {
        // "the 27th floor", "the 25th Anniversary": an ordinal before a noun is not a date.
        guard d.hasSuffix, !next.isCapitalized, EnglishFunctionWords.contains(token: next) || next.lowerIs("local")
        else { return false }
      } else if next.kind == .digits {
        return false
      } else if !d.hasSuffix {
        // "the 27." – a bare number is a day only at the end of a clause; not "the 5.6-magnitude quake"
        // or "the 5-year plan".
        guard Self.dayEndMarks.contains(token: next) else { return false }
        if next.isAttached, end + 1 < t.count, t[end + 1].isAttached, t[end + 1].kind == .digits || !next.isByte(0x2E) {
          return false
        }
      }
    } else if !d.hasSuffix && !t[i].lowerIs("the") {
      return false
    }
    out.append(Span(tokens: i..<end, mention: dayOfMonthMention(d.day, doc: doc)))
    return true
  }

  /// "in 2023", "since 2019": a year after a preposition.
  private func year(_ t: [Token], at i: Int, into out: inout [Span]) -> Bool {
    // The year follows at once, or after the hyphen of "mid-".
    guard i + 1 < t.count, t[i + 1].kind == .digits || t[i + 1].isByte(0x2D), Self.yearPrepositions.contains(token: t[i])
    else { return false }
    var p = i + 1
    if t[i].lowerIs("mid"), p < t.count, t[p].isByte(0x2D) { p += 1 }
    guard let y = yearNumber(t, at: p), (1900...2100).contains(y) else { return false }
    // "in 2023 people" is rare; "in 2,000 homes" has a comma and never reaches here.
    if p + 1 < t.count, t[p + 1].isByte(0x2D) || Self.isEnDash(t[p + 1]), p + 2 < t.count, t[p + 2].kind == .digits {
      return false
    }
    let first = CalendarDate(year: y, month: 1, day: 1)
    let last = CalendarDate(year: y, month: 12, day: 31)
    out.append(
      Span(
        tokens: p..<(p + 1),
        mention: DateMention(resolved: first, resolvedEnd: last, isRelative: false, evidence: "stated year", granularity: "year")))
    return true
  }

  private static let monthPrepositions: WordSet = [
    "in", "since", "until", "by", "early", "late", "mid", "last", "this", "from", "during", "before", "after",
  ]
  private static let yearPrepositions: WordSet = ["in", "since", "during", "until", "throughout", "early", "late", "mid"]

  /// "the day before yesterday" (-2), "the day after tomorrow" (2), "yesterday" (-1), "today" and
  /// "tonight" (0), "tomorrow" (1); the words are compared by hash first.
  private func relativeWord(_ t: [Token], at i: Int, doc: CalendarDate?, into out: inout [Span]) -> Bool {
    guard t[i].lowerHash != 0 else { return false }
    if Self.isWord(t[i], Hashes.the, "the") {
      guard i + 3 < t.count, Self.isWord(t[i + 1], Hashes.day, "day") else { return false }
      if Self.isWord(t[i + 2], Hashes.before, "before"), Self.isWord(t[i + 3], Hashes.yesterday, "yesterday") {
        out.append(Span(tokens: i..<(i + 4), mention: shifted(doc: doc, days: -2, what: "the day before yesterday")))
        return true
      }
      if Self.isWord(t[i + 2], Hashes.after, "after"), Self.isWord(t[i + 3], Hashes.tomorrow, "tomorrow") {
        out.append(Span(tokens: i..<(i + 4), mention: shifted(doc: doc, days: 2, what: "the day after tomorrow")))
        return true
      }
      return false
    }
    let days: Int
    let what: String
    if Self.isWord(t[i], Hashes.yesterday, "yesterday") {
      (days, what) = (-1, "yesterday")
    } else if Self.isWord(t[i], Hashes.today, "today") {
      (days, what) = (0, "today")
    } else if Self.isWord(t[i], Hashes.tonight, "tonight") {
      (days, what) = (0, "tonight")
    } else if Self.isWord(t[i], Hashes.tomorrow, "tomorrow") {
      (days, what) = (1, "tomorrow")
    } else {
      return false
    }
    out.append(Span(tokens: i..<(i + 1), mention: shifted(doc: doc, days: days, what: what)))
    return true
  }

  /// "two weeks ago", "a month ago", "3 days ago".
  @inline(__always)
  private func ago(_ t: [Token], at i: Int, doc: CalendarDate?, into out: inout [Span]) -> Bool {
    // Every form is one count word and one unit before "ago".
    guard i + 2 < t.count, Self.isWord(t[i + 2], Hashes.ago, "ago") else { return false }
    guard let s = agoForm(t, at: i, doc: doc) else { return false }
    out.append(s)
    return true
  }

  /// `ago(_:at:doc:)` once "ago" is known to follow.
  @inline(never)
  private func agoForm(_ t: [Token], at i: Int, doc: CalendarDate?) -> Span? {
    var p = i
    var count: Int
    if t[i].isByte(0x61) || t[i].lowerIs("an") || t[i].lowerIs("one") {
      count = 1
      p += 1
    } else if t[i].kind == .digits, t[i].length <= 3, let v = Int(t[i].lower) {
      count = v
      p += 1
    } else if let u = shared.lexicons.numberWord(t[i], .unit, or: .tens) {
      count = Int(u.value)
      p += 1
    } else {
      return nil
    }
    guard p + 1 < t.count, t[p + 1].lowerIs("ago") else { return nil }
    let unit = ExtractionLexicons.regularSingular(t[p].lower)
    let text = "\(count) \(unit)\(count == 1 ? "" : "s") ago"
    let end = p + 2
    switch unit {
    case "day": return Span(tokens: i..<end, mention: shifted(doc: doc, days: -count, what: text))
    case "week":
      var m = shifted(doc: doc, days: -7 * count, what: text)
      m.granularity = "week"
      return Span(tokens: i..<end, mention: m)
    case "month", "year":
      guard let doc else {
        return Span(
          tokens: i..<end, mention: DateMention(resolved: nil, isRelative: true, evidence: "\(text), article date unknown", granularity: unit))
      }
      let months = unit == "month" ? count : 12 * count
      let (y, m) = addMonths(doc.year, doc.month, -months)
      let first = CalendarDate(year: y, month: m, day: 1)
      let last = CalendarDate(year: y, month: m, day: CalendarDate.daysIn(month: m, year: y))
      if unit == "year" {
        return Span(
          tokens: i..<end,
          mention: DateMention(
            resolved: CalendarDate(year: y, month: 1, day: 1), resolvedEnd: CalendarDate(year: y, month: 12, day: 31),
            isRelative: true, evidence: "\(text) from the article date \(doc)", granularity: "year"))
      }
      return Span(
        tokens: i..<end,
        mention: DateMention(
          resolved: first, resolvedEnd: last, isRelative: true, evidence: "\(text) from the article date \(doc)", granularity: "month"))
    default: return nil
    }
  }

  /// "last week", "this month", "last year", "next month".
  private func period(_ t: [Token], at i: Int, doc: CalendarDate?, into out: inout [Span]) -> Bool {
    guard let s = periodForm(t, at: i, doc: doc) else { return false }
    out.append(s)
    return true
  }

  /// `period(_:at:doc:into:)`'s date (rare: the copy it costs is paid only for a date).
  private func periodForm(_ t: [Token], at i: Int, doc: CalendarDate?) -> Span? {
    guard i + 1 < t.count else { return nil }
    guard Self.isWord(t[i + 1], Hashes.week, "week") || Self.isWord(t[i + 1], Hashes.month, "month") || Self.isWord(t[i + 1], Hashes.year, "year"),
      Self.isWord(t[i], Hashes.this, "this") || Self.isWord(t[i], Hashes.last, "last") || Self.isWord(t[i], Hashes.past, "past")
        || Self.isWord(t[i], Hashes.next, "next")
    else { return nil }
    let mode = t[i].lower
    let unit = t[i + 1].lower
    let text = "\(mode) \(unit)"
    let end = i + 2
    guard let doc else {
      return Span(
        tokens: i..<end, mention: DateMention(resolved: nil, isRelative: true, evidence: "\(text), article date unknown", granularity: unit))
    }
    let step = mode == "this" ? 0 : (mode == "next" ? 1 : -1)
    switch unit {
    case "week":
      let monday = doc.adding(days: -(doc.weekday - 1) + 7 * step)
      return Span(
        tokens: i..<end,
        mention: DateMention(
          resolved: monday, resolvedEnd: monday.adding(days: 6), isRelative: true,
          evidence: "\(text) from the article date \(doc)", granularity: "week"))
    case "month":
      let (y, m) = addMonths(doc.year, doc.month, step)
      return Span(
        tokens: i..<end,
        mention: DateMention(
          resolved: CalendarDate(year: y, month: m, day: 1),
          resolvedEnd: CalendarDate(year: y, month: m, day: CalendarDate.daysIn(month: m, year: y)), isRelative: true,
          evidence: "\(text) from the article date \(doc)", granularity: "month"))
    default:
      let y = doc.year + step
      return Span(
        tokens: i..<end,
        mention: DateMention(
          resolved: CalendarDate(year: y, month: 1, day: 1), resolvedEnd: CalendarDate(year: y, month: 12, day: 31),
          isRelative: true, evidence: "\(text) from the article date \(doc)", granularity: "year"))
    }
  }

  // MARK: - Resolution

  /// A month and day, with the year stated or taken from the article date. `future` says the nearest
  /// verb puts the date ahead ("will meet on January 10", "is scheduled for May 20"): the first such
  /// day on or after the article date. Otherwise the article's year, or the year before when that would
  /// put the date more than about two months after the article date.
  private func monthDay(
    month: Int, day: Int, endDay: Int?, year: Int?, doc: CalendarDate?, statedWeekday: Int?, future: Bool = false
  ) -> DateMention {
    let name = CalendarDate.monthNames[month - 1]
    if let year {
      let date = CalendarDate(year: year, month: month, day: day)
      let end = endDay.flatMap { CalendarDate(year: year, month: month, day: $0) }
      var evidence = "stated date"
      if let wd = statedWeekday, let date, date.weekday != wd {
        evidence = "stated date; \(CalendarDate.weekdayNames[wd - 1]) does not match \(date) (a \(CalendarDate.weekdayNames[date.weekday - 1]))"
      }
      return DateMention(
        resolved: date, resolvedEnd: end, isRelative: false, evidence: date == nil ? "\(name) \(day), \(year) is not a real day" : evidence,
        statedWeekday: statedWeekday)
    }
    guard let doc else {
      let evidence = EvidenceText.make { w in
        w.add(name)
        w.add(literal: " ")
        w.add(day)
        if let endDay {
          w.add(literal: " to ")
          w.add(endDay)
        }
        w.add(literal: ", year unknown")
      }
      return DateMention(resolved: nil, isRelative: false, evidence: evidence, statedWeekday: statedWeekday)
    }
    var y = doc.year
    if let candidate = CalendarDate(year: y, month: month, day: day) {
      if future {
        if candidate.dayNumber < doc.dayNumber { y += 1 }
      } else if candidate.dayNumber - doc.dayNumber > 61 {
        y -= 1
      }
    }
    let date = CalendarDate(year: y, month: month, day: day)
    let end = endDay.flatMap { CalendarDate(year: y, month: month, day: $0) }
    let which: StaticString =
      y == doc.year ? " in the year of the article date " : y < doc.year ? " in the year before the article date " : " in the year after the article date "
    let evidence = EvidenceText.make { w in
      w.add(name)
      w.add(literal: " ")
      w.add(day)
      w.add(literal: which)
      w.add(doc)
      if future { w.add(literal: " (future tense)") }
    }
    return DateMention(resolved: date, resolvedEnd: end, isRelative: true, evidence: evidence, statedWeekday: statedWeekday)
  }

  /// A month without a year: the most recent such month up to the article date, or, in the future
  /// tense ("will start in September") or after "next", the first such month from the article date on.
  private func bareMonth(_ month: Int, doc: CalendarDate?, last: Bool, future: Bool = false) -> DateMention {
    let name = CalendarDate.monthNames[month - 1]
    guard let doc else {
      return DateMention(
        resolved: nil, isRelative: true, evidence: EvidenceText.make { w in
          w.add(name)
          w.add(literal: ", year unknown")
        }, granularity: "month")
    }
    var y = doc.year
    if future {
      if month < doc.month { y += 1 }
    } else if month > doc.month || (last && month == doc.month) {
      y -= 1
    }
    let evidence = EvidenceText.make { w in
      w.add(future ? "next " : "most recent ")
      w.add(name)
      w.add(future ? " from the article date " : " up to the article date ")
      w.add(doc)
      if future { w.add(literal: " (future tense)") }
    }
    return DateMention(
      resolved: CalendarDate(year: y, month: month, day: 1),
      resolvedEnd: CalendarDate(year: y, month: month, day: CalendarDate.daysIn(month: month, year: y)), isRelative: true,
      evidence: evidence, granularity: "month")
  }

  private func dayOfMonthMention(_ day: Int, doc: CalendarDate?) -> DateMention {
    guard let doc else {
      return DateMention(
        resolved: nil, isRelative: true, evidence: EvidenceText.make { w in
          w.add(literal: "day ")
          w.add(day)
          w.add(literal: " of an unknown month")
        })
    }
    var (y, m) = (doc.year, doc.month)
    if day > doc.day { (y, m) = addMonths(y, m, -1) }
    var date = CalendarDate(year: y, month: m, day: day)
    if date == nil {
      (y, m) = addMonths(y, m, -1)
      date = CalendarDate(year: y, month: m, day: day)
    }
    let evidence = EvidenceText.make { w in
      w.add(literal: "day ")
      w.add(day)
      w.add(literal: " on or before the article date ")
      w.add(doc)
    }
    return DateMention(resolved: date, isRelative: true, evidence: evidence)
  }

  private func relativeWeekday(_ wd: Int, mode: String, doc: CalendarDate?) -> DateMention {
    let name = CalendarDate.weekdayNames[wd - 1]
    guard let doc else {
      return DateMention(
        resolved: nil, isRelative: true, evidence: EvidenceText.make { w in
          w.add(name)
          w.add(literal: ", article date unknown")
        })
    }
    var back = (doc.weekday - wd + 7) % 7
    var relation = " on or before the article date "
    switch mode {
    case "last", "past":
      if back == 0 { back = 7 }
      relation = " before the article date "
    case "upcoming":
      back = -((wd - doc.weekday + 7) % 7)
      relation = " on or after the article date "
    case "next", "coming":
      var ahead = (wd - doc.weekday + 7) % 7
      if ahead == 0 { ahead = 7 }
      back = -ahead
      relation = " after the article date "
    case "this":
      back = doc.weekday - wd
      relation = " in the week of the article date "
    default: break
    }
    let evidence = EvidenceText.make { w in
      w.add(name)
      w.add(relation)
      w.add(doc)
    }
    return DateMention(resolved: doc.adding(days: -back), isRelative: true, evidence: evidence)
  }

  private func shifted(doc: CalendarDate?, days: Int, what: String) -> DateMention {
    guard let doc else {
      return DateMention(
        resolved: nil, isRelative: true, evidence: EvidenceText.make { w in
          w.add(what)
          w.add(literal: ", article date unknown")
        })
    }
    let evidence = EvidenceText.make { w in
      w.add(what)
      w.add(literal: " from the article date ")
      w.add(doc)
    }
    return DateMention(resolved: doc.adding(days: days), isRelative: true, evidence: evidence)
  }

  private func addMonths(_ y: Int, _ m: Int, _ delta: Int) -> (Int, Int) {
    let z = y * 12 + (m - 1) + delta
    let year = z >= 0 ? z / 12 : (z - 11) / 12
    return (year, z - year * 12 + 1)
  }

  /// `t.lower` is "-", "–" or "—" (a dash is one symbol token; the two long ones are three bytes).
  @inline(__always)
  static func isDash(_ t: Token) -> Bool {
    t.isByte(0x2D) || (t.kind == .symbol && t.end - t.start == 3 && (t.lower == "–" || t.lower == "—"))
  }

  /// `t.lower == "–"`.
  @inline(__always)
  static func isEnDash(_ t: Token) -> Bool {
    t.kind == .symbol && t.end - t.start == 3 && t.lower == "–"
  }
}

/// The evidence text of a date, written into one stack buffer and made into one string: the same
/// text as the interpolation it replaces, without a string per segment (a date is written as
/// `CalendarDate.description` writes it).
enum EvidenceText {
  /// The bytes written on the stack; longer text goes on in a string.
  static let capacity = 192

  /// The text `build` writes.
  static func make(_ build: (inout Writer) -> Void) -> String {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
      var w = Writer(buffer: buffer)
      build(&w)
      return w.text
    }
  }

  /// Appends text to a buffer, then to a string once the buffer is full.
  struct Writer {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    var count = 0
    /// Everything written, once it no longer fits the buffer.
    var spill: String? = nil

    init(buffer: UnsafeMutableBufferPointer<UInt8>) {
      self.buffer = buffer
    }

    /// The text written so far.
    var text: String {
      spill ?? String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
    }

    /// Moves the buffer's bytes into `spill`.
    private mutating func overflow() {
      if spill == nil { spill = String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self) }
    }

    mutating func add(_ s: String) {
      if spill == nil, count + s.utf8.count <= buffer.count {
        // The bytes are copied at once when the string has them in one piece (it always does here).
        let at = count
        let copied = s.utf8.withContiguousStorageIfAvailable { b -> Int in
          guard let to = buffer.baseAddress, let from = b.baseAddress else { return 0 }
          (to + at).update(from: from, count: b.count)
          return b.count
        }
        if let copied, copied == s.utf8.count {
          count += copied
          return
        }
        for b in s.utf8 {
          buffer[count] = b
          count += 1
        }
        return
      }
      overflow()
      spill?.append(s)
    }

    /// `add(String(describing: s))`: a literal's bytes copied from where they lie, with no string made.
    /// Inlined, so that the literal's length and form are known where it is written.
    @inline(__always)
    mutating func add(literal s: StaticString) {
      let n = s.utf8CodeUnitCount
      guard s.hasPointerRepresentation, spill == nil, count + n <= buffer.count, let to = buffer.baseAddress else {
        add(s.description)
        return
      }
      (to + count).update(from: s.utf8Start, count: n)
      count += n
    }

    /// `String(v)`, with zeros before it up to `width` characters (as `CalendarDate.description` pads).
    mutating func add(_ v: Int, width: Int = 0) {
      // The common cases (a day or a month, a four-digit year) written directly.
      if v >= 0, v < 100, width <= 2, spill == nil, count + 2 <= buffer.count {
        if v >= 10 || width == 2 {
          buffer[count] = 0x30 + UInt8(truncatingIfNeeded: v / 10)
          count += 1
        }
        buffer[count] = 0x30 + UInt8(truncatingIfNeeded: v % 10)
        count += 1
        return
      }
      if v >= 1000, v < 10000, width <= 4, spill == nil, count + 4 <= buffer.count {
        buffer[count] = 0x30 + UInt8(truncatingIfNeeded: v / 1000)
        buffer[count + 1] = 0x30 + UInt8(truncatingIfNeeded: v / 100 % 10)
        buffer[count + 2] = 0x30 + UInt8(truncatingIfNeeded: v / 10 % 10)
        buffer[count + 3] = 0x30 + UInt8(truncatingIfNeeded: v % 10)
        count += 4
        return
      }
      var digits = 1
      var rest = v.magnitude
      while rest >= 10 {
        rest /= 10
        digits += 1
      }
      let length = digits + (v < 0 ? 1 : 0)
      let zeros = max(0, width - length)
      guard spill == nil, count + zeros + length <= buffer.count else {
        overflow()
        spill?.append(String(repeating: "0", count: zeros) + String(v))
        return
      }
      for _ in 0..<zeros {
        buffer[count] = 0x30
        count += 1
      }
      if v < 0 {
        buffer[count] = 0x2D
        count += 1
      }
      var m = v.magnitude
      var k = count + digits - 1
      while k >= count {
        buffer[k] = 0x30 + UInt8(truncatingIfNeeded: m % 10)
        m /= 10
        k -= 1
      }
      count += digits
    }

    /// `date.description`: "2024-08-17".
    mutating func add(_ date: CalendarDate) {
      add(date.year, width: 4)
      add(literal: "-")
      add(date.month, width: 2)
      add(literal: "-")
      add(date.day, width: 2)
    }
  }
}
