import ClaimLintCore

/// A figure found in a sentence, with its UTF-8 range.
public struct QuantityMatch: Sendable, Hashable {
  /// UTF-8 offsets of the quantity phrase: qualifier, currency, number, unit ("more than $20 billion").
  /// The counted noun is not part of it.
  public var range: Range<Int>
  public var quantity: Quantity
  /// UTF-8 offset where the figure's noun phrase ends ("30 suspected traffickers" ends after
  /// "traffickers"); the end of `range` when no counted noun was read.
  public var nounEnd: Int

  public init(range: Range<Int>, quantity: Quantity, nounEnd: Int? = nil) {
    self.range = range
    self.quantity = quantity
    self.nounEnd = nounEnd ?? range.upperBound
  }
}

/// Field reads of one token of an array that never copy the token (a `Token` holds a string, so a
/// copy costs a retain and a release; a large function may call the array getter instead of reading
/// in place).
extension Array where Element == Token {
  /// `self[i].kind`.
  @inline(__always)
  fileprivate func kind(at i: Int) -> Token.Kind { self[i].kind }
  /// `self[i].length`.
  @inline(__always)
  fileprivate func length(at i: Int) -> Int { self[i].end - self[i].start }
  /// `self[i].isAttached`.
  @inline(__always)
  fileprivate func isAttached(at i: Int) -> Bool { self[i].spaceBefore == 0 }
  /// `self[i].lowerHash`.
  @inline(__always)
  fileprivate func hash(at i: Int) -> UInt64 { self[i].lowerHash }
  /// Whether `self[i].lower` is ASCII (it then has a hash).
  @inline(__always)
  fileprivate func isASCII(at i: Int) -> Bool { self[i].lowerHash != 0 }
  /// `set.contains(token: self[i])`, read on the storage (`self[i]` passed to a call is copied
  /// first, a retain and a release).
  @inline(__always)
  fileprivate func isIn(_ set: WordSet, at i: Int) -> Bool { withUnsafeBufferPointer { set.contains(token: $0[i]) } }
  /// `table[token: self[i]]`, read on the storage.
  @inline(__always)
  fileprivate func value<V>(in table: WordTable<V>, at i: Int) -> V? { withUnsafeBufferPointer { table[token: $0[i]] } }
  /// `EnglishFunctionWords.contains(token: self[i])`, through the extractor's copy of the set (the
  /// static one costs a `swift_once` call on every lookup).
  @inline(__always)
  fileprivate func isFunctionWord(at i: Int, _ shared: QuantityExtractor.Shared) -> Bool { isIn(shared.functionWords, at: i) }
  /// `self[i].lower`, read from the storage: only the string is retained (`self[i].lower` copies
  /// the whole token first).
  @inline(__always)
  fileprivate func lower(at i: Int) -> String { withUnsafeBufferPointer { $0[i].lower } }
  /// `self[i].lower.hasPrefix("0")`, read on the storage.
  @inline(__always)
  fileprivate func startsWithZero(at i: Int) -> Bool {
    withUnsafeBufferPointer { $0[i].lower.withUTF8Bytes { $0.first == 0x30 } }
  }
  /// `self[i].isCapitalized`.
  @inline(__always)
  fileprivate func isCapitalized(at i: Int) -> Bool { self[i].isCapitalized }
  /// `self[i].isByte(b)`.
  @inline(__always)
  fileprivate func isByte(_ b: UInt8, at i: Int) -> Bool { self[i].isByte(b) }
  /// `self[i].lowerIs(s)`.
  @inline(__always)
  fileprivate func lowerIs(_ s: String, at i: Int) -> Bool { self[i].lowerIs(s) }
  /// `self[r].contains(where: { $0.lowerIs(s) })`, read in place (a slice's iterator copies each token).
  fileprivate func anyLowerIs(_ s: String, in r: Range<Int>) -> Bool {
    for k in r where self[k].lowerIs(s) { return true }
    return false
  }
  /// `self[r].contains(where: { set.contains(token: $0) })`, read in place.
  fileprivate func anyIn(_ set: WordSet, in r: Range<Int>) -> Bool {
    withUnsafeBufferPointer { b in
      for k in r where set.contains(token: b[k]) { return true }
      return false
    }
  }
  /// Whether `self[i]`, a word of one token, ends a counted noun phrase: a function word, a number
  /// word, a month or a weekday.
  /// (The lexicons are reached through the extractor's reference: passed by value, they would be
  /// copied for the call.)
  @inline(__always)
  fileprivate func endsNounPhrase(at i: Int, _ shared: QuantityExtractor.Shared) -> Bool {
    withUnsafeBufferPointer { b in
      if shared.functionWords.contains(token: b[i]) { return true }
      // Every number word, month and weekday has the date role (`ExtractionLexicons.mark`; a token not
      // marked has every role): a word without it is none of them, and its tables are not looked up.
      guard b[i].roles & TokenRoles.date != 0 else { return false }
      return shared.lexicons.numberWord(b[i], .unit, or: .tens) != nil || shared.lexicons.months[token: b[i]] != nil
        || shared.lexicons.weekdays[token: b[i]] != nil
    }
  }
  /// `shared.lexicons.actions.match(self, at: i) != nil`: every action's first word has the action
  /// role (a token not marked has every role), so a word without it is not looked up.
  @inline(__always)
  fileprivate func startsAction(at i: Int, _ shared: QuantityExtractor.Shared) -> Bool {
    i < count && self[i].roles & TokenRoles.action != 0 && shared.lexicons.actions.matchEnd(self, at: i) != nil
  }
  /// `NumberParser.isHyphen(self[i])`.
  @inline(__always)
  fileprivate func isHyphen(at i: Int) -> Bool {
    if self[i].isByte(0x2D) { return true }
    return self[i].kind == .symbol && self[i].end - self[i].start == 3 && self[i].lowerHash == 0
      && NumberParser.isHyphen(text: self[i].lower)
  }
}

/// Finds the figures of one sentence: the number, its qualifier and interval, its unit, what it
/// counts, what happened to what it counts, and who did it.
///
/// Reads digits ("12,400", "12 400", "4.5bn"), words ("forty-two", "a quarter of a million"), vague
/// figures ("dozens of"), currencies ("£3m", "10 billion yuan", "US$ 5"), percentages and ranges
/// ("between $20 billion and $40 billion", "8,000-9,000"). Years, days of the month, clock times,
/// ordinals, list numbers, phone numbers, version numbers, names with digits ("Boeing 737", "H5N1",
/// "COVID-19") and page furniture ("6 Comments") are not figures. A number inside a date is left to
/// `DateExtractor`.
public struct QuantityExtractor: Sendable {
  /// The lexicons and the date reader behind one reference: a method that reads a table through it
  /// reads in place, where an extractor holding them by value (some 2 KB of tables) copies the
  /// lexicons onto the stack before a call on one of its tables, and a caller copies the extractor.
  fileprivate final class Shared: Sendable {
    let lexicons: ExtractionLexicons
    let dates: DateExtractor
    /// The set of `EnglishFunctionWords` (the same words, so the same answers), read through this
    /// reference: the static set costs a `swift_once` call on every lookup, and the token looked up
    /// is copied to live across it.
    let functionWords = WordSet(EnglishFunctionWords.list)
    /// The words that start a number by themselves (`NumberParser.parse`): the number words and the
    /// first words of the vague figures.
    let numberStarts: WordSet
    /// A figure starting at token `i` reads its first number at a token `p` with `p - i` at most the
    /// longest starter ("between", "from": one token) or qualifier before it, plus the longest currency
    /// before the number; that number starts with a token of `numberStarts` or digits at `p` or, after
    /// "a" or "an", at `p + 1`. So such a token lies before `i + figureReach`.
    let figureReach: Int
    /// The first words of the nouns of two words or more ("police" of "police officer"): the text
    /// before the first space of such a key.
    ///
    /// A word `w` (no space in it) followed by `second` can only make a noun `w + " " + second` when
    /// `w` is in this set: a key equal to it (canonically equivalent) has the same canonical
    /// decomposition, in which the first space (no canonical decomposition yields U+0020, and a space,
    /// a starter, is never reordered) follows the decomposition of `w`; so the key's text before its
    /// first space is equivalent to `w`, and `WordSet` answers as `Set<String>`.
    let pairFirstWords: WordSet
    /// `QuantityExtractor.copulaVerbs`, `.notNouns` and `.determinersAfterOf`, read through this
    /// reference by `completeNoun` (a static set costs a `swift_once` call on every lookup).
    let copulaVerbs = QuantityExtractor.copulaVerbs
    let notNouns = QuantityExtractor.notNouns
    let determinersAfterOf = QuantityExtractor.determinersAfterOf
    /// `QuantityExtractor.timeFamilies`, read through this reference for every figure.
    let timeFamilies = QuantityExtractor.timeFamilies
    /// The word sets `figure`, `attachAction`, `normaliseSeizure` and the extractor's loop read for
    /// every figure, read through this reference (a static set costs a `swift_once` call on every
    /// lookup): the same sets, so the same answers.
    let auxiliaries = EnglishFunctionWords.auxiliaries
    let listBreaks = QuantityExtractor.listBreaks
    let listBreaksWithComma = QuantityExtractor.listBreaksWithComma
    let phrasalOver = QuantityExtractor.phrasalOver
    let determinersBeforeOne = QuantityExtractor.determinersBeforeOne
    let changeVerbs = QuantityExtractor.changeVerbs
    let clockWords = QuantityExtractor.clockWords
    let moneyActions = QuantityExtractor.moneyActions
    let peopleFamilies = QuantityExtractor.peopleFamilies
    let figureLeadWords = QuantityExtractor.figureLeadWords
    let actionClauseBreaks = QuantityExtractor.actionClauseBreaks
    let adjacentOnlyClasses = QuantityExtractor.adjacentOnlyClasses
    let predicateBreaks = QuantityExtractor.predicateBreaks
    let actorSkipWords = QuantityExtractor.actorSkipWords
    let actorTimeWords = QuantityExtractor.actorTimeWords
    let actorTimeLeads = QuantityExtractor.actorTimeLeads
    /// The hashes (`WordTable.hashCode`) of the relative pronouns "who", "which" and "that", which
    /// `attachAction` asks about twice a figure.
    let relativeHashes = QuantityExtractor.relativeHashes
    init(_ lexicons: ExtractionLexicons) {
      self.lexicons = lexicons
      pairFirstWords = WordSet(
        lexicons.nouns.allKeys.compactMap { k in
          k.utf8.firstIndex(of: 0x20).map { String(decoding: k.utf8[..<$0], as: UTF8.self) }
        })
      dates = DateExtractor(lexicons: lexicons)
      numberStarts = WordSet(Array(lexicons.numberWords.keys) + Array(lexicons.vague.firstKeys))
      figureReach = max(1, lexicons.qualifiersBefore.longestPhrase) + lexicons.currencies.longestPhrase + 2
    }

    /// The first token from `i` on (at most `t.count`) that may be the first token of a number, or the
    /// one after "a" or "an" of one: digits, or a number word or the first word of a vague figure
    /// (every one of them has the figure role; a token not marked has every role). ".08" has digits
    /// after its point. The tokens are read on their storage.
    @inline(__always)
    func firstNumberStart(_ t: [Token], from i: Int) -> Int {
      t.withUnsafeBufferPointer { b in
        var k = i
        while k < b.count, b[k].kind != .digits, b[k].roles & TokenRoles.figure == 0 || !numberStarts.contains(token: b[k]) {
          k += 1
        }
        return k
      }
    }
  }

  private let shared: Shared
  private let numbers: NumberParser
  /// For tests: the extractor's loop steps one token at a time where the gate is shut, instead of
  /// jumping over such tokens (the same figures).
  private let oneByOne: Bool

  public init(lexicons: ExtractionLexicons) {
    self.init(lexicons: lexicons, oneByOne: false)
  }

  /// For tests: an extractor whose loop steps one token at a time (`oneByOne`).
  init(lexicons: ExtractionLexicons, oneByOne: Bool) {
    shared = Shared(lexicons)
    numbers = NumberParser(lexicons: lexicons)
    self.oneByOne = oneByOne
  }

  /// The figures of `sentence`, in order.
  public func extract(from sentence: String) -> [QuantityMatch] {
    let bytes = Array(sentence.utf8)
    var tokens = Tokenizer.tokenize(bytes)
    shared.lexicons.mark(&tokens)
    return extract(tokens: tokens, bytes: bytes)
  }

  /// The figures among the marked tokens of a sentence (`bytes` is the sentence).
  ///
  /// - Parameter dateTokens: the token ranges of the sentence's dates when the caller has already read
  ///   them (the claim extractor does), so that they are not read twice.
  func extract(tokens: [Token], bytes: [UInt8], dateTokens: [Range<Int>]? = nil) -> [QuantityMatch] {
    var out: [QuantityMatch] = []
    extract(tokens: tokens, bytes: bytes, dateTokens: dateTokens, into: &out)
    return out
  }

  /// `extract(tokens:bytes:dateTokens:)` into `out`, whose old matches are removed and whose storage
  /// is kept: a caller that reads sentence after sentence can reuse one buffer.
  func extract(tokens: [Token], bytes: [UInt8], dateTokens: [Range<Int>]?, into out: inout [QuantityMatch]) {
    out.removeAll(keepingCapacity: true)
    // The first token that may start a number (`Shared.firstNumberStart`). `figure` reads a number at
    // such a token or finds nothing, so a sentence without one (most sentences without digits) has no
    // figure and is not read further: its dates and links need not be blocked, nor its tokens walked.
    // The loop below starts from this token (it would find the same one at its first token with the
    // figure role). The extractor stepping one token at a time (`oneByOne`, for tests) reads every
    // sentence.
    let firstNumber = shared.firstNumberStart(tokens, from: 0)
    guard firstNumber < tokens.count || oneByOne else { return }
    // A figure needs a word or digits, and only a token with the figure role starts one: without them
    // there is nothing to block or read. (The tokens are read on their storage: `contains(where:)`
    // copied each token, its string retained and released.) Both are usually found in a sentence's
    // first few tokens.
    let mayHaveFigure = tokens.withUnsafeBufferPointer { b in
      var wordOrDigits = false
      var figureRole = false
      for k in b.indices {
        if b[k].kind == .digits || b[k].kind == .word { wordOrDigits = true }
        if b[k].roles & TokenRoles.figure != 0 { figureRole = true }
        if wordOrDigits && figureRole { return true }
      }
      return false
    }
    guard mayHaveFigure else { return }
    // One flag a token, and a slot a token for the actions' spans, in temporary (stack) memory for
    // all but very long sentences.
    withUnsafeTemporaryAllocation(of: Bool.self, capacity: tokens.count) { flags in
      withUnsafeTemporaryAllocation(of: ActionSpans.Span.self, capacity: tokens.count) { slots in
        var blocked = BlockedTokens(flags: flags)
        var actions = ActionSpans(slots: slots)
        extract(
          tokens: tokens, bytes: bytes, dateTokens: dateTokens, firstNumber: firstNumber, blocked: &blocked,
          actions: &actions, into: &out)
      }
    }
  }

  /// `extract(tokens:bytes:dateTokens:into:)` with the flags of the blocked tokens in `blocked`, and
  /// the first token that may start a number (`Shared.firstNumberStart` from token 0).
  private func extract(
    tokens: [Token], bytes: [UInt8], dateTokens: [Range<Int>]?, firstNumber: Int, blocked: inout BlockedTokens,
    actions: inout ActionSpans, into out: inout [QuantityMatch]
  ) {
    let n = tokens.count
    // Tokens no figure may use: dates and URL-like chunks.
    if let dateTokens {
      for r in dateTokens { blocked.block(r) }
    } else {
      for s in shared.dates.spans(tokens, documentDate: nil) { blocked.block(s.tokens) }
    }
    blockLinksAndPhoneNumbers(tokens, &blocked)
    // The first blocked token at or after `i`, found as `i` moves forward (it never moves back).
    var stopAt = -1

    // The first token at or after `i` that may start a number (`Shared.firstNumberStart`), found as `i`
    // moves forward (it never moves back). The first one is known (`i` starts at 0).
    var numberAt = firstNumber

    // The sentence's actions are read at its first figure (most sentences have none).
    var actionsRead = false
    var i = 0
    var previousEnd = 0
    while i < n {
      if tokens[i].roles & TokenRoles.figure == 0 || blocked.contains(i) {
        i += 1
        continue
      }
      if stopAt < i {
        stopAt = i
        if blocked.any {
          while stopAt < n, !blocked.flags[stopAt] { stopAt += 1 }
        } else {
          stopAt = n
        }
      }
      // Most tokens with the figure role ("a", "over", "in", the full stop) have no number within a
      // figure's reach before the next blocked token: `figure` would find none there (see
      // `Shared.figureReach`), and it is not called.
      if numberAt < i {
        numberAt = shared.firstNumberStart(tokens, from: i)
      }
      // The tokens skipped here would be skipped one by one: before `stopAt` (every token up to it has
      // the same `stopAt`), a token `i'` with no number start between `i` and `numberAt` has the same
      // `numberAt`, so the gate stays shut for every `i'` below `stopAt` when `numberAt >= stopAt`,
      // and for every `i'` up to `numberAt - figureReach` otherwise.
      if numberAt >= stopAt {
        i = oneByOne ? i + 1 : stopAt
        continue
      }
      if numberAt - i >= shared.figureReach {
        i = oneByOne ? i + 1 : numberAt - shared.figureReach + 1
        continue
      }
      switch figure(tokens, at: i, stop: stopAt, into: &out) {
      case .none:
        i += 1
      case .skip(let end):
        i = max(end, i + 1)
      case .figure(var f):
        // `figure` appended the figure's match; its quantity is completed in place.
        let cur = out.count - 1
        let prev = cur - 1
        if !actionsRead {
          actionMatches(tokens, into: &actions)
          actionsRead = true
        }
        completeNoun(&f, &out[cur].quantity, tokens)
        attachAction(f, &out[cur].quantity, tokens, bytes, actions: actions, previousEnd: previousEnd)
        normaliseSeizure(&out[cur].quantity)
        // "detained in the past 24 hours": a span of time is when it happened, not what it happened to.
        // (Every time family has three to six bytes: a longer family is not looked up.)
        if let family = out[cur].quantity.countedFamily, family.utf8.count <= 6, shared.timeFamilies.contains(family) {
          Self.dropAction(&out[cur].quantity)
        }
        // "300 people were killed and 430 injured": a bare figure with its own action, joined by "and"
        // to the previous figure, counts the same things.
        // (The previous figure's fields are read in place: a copy of its `Quantity` costs eight retains.)
        if out[cur].quantity.counted == nil, out[cur].quantity.unit == nil, out[cur].quantity.action != nil, prev >= 0,
          out[prev].quantity.counted != nil, out[prev].quantity.unit == nil, previousEnd > 0, previousEnd < f.start,
          tokens.anyLowerIs("and", in: previousEnd..<f.start),
          !tokens.anyIn(shared.listBreaksWithComma, in: previousEnd..<f.start)
        {
          out[cur].quantity.counted = out[prev].quantity.counted
          out[cur].quantity.countedFamily = out[prev].quantity.countedFamily
        }
        // "executed 11 individuals … and an additional 4 leaders": a figure joined by "and" to the
        // previous one shares its action.
        if out[cur].quantity.action == nil, prev >= 0, out[prev].quantity.action != nil, previousEnd > 0,
          tokens.anyLowerIs("and", in: previousEnd..<f.start),
          !tokens.anyIn(shared.listBreaks, in: previousEnd..<f.start)
        {
          out[cur].quantity.action = out[prev].quantity.action
          out[cur].quantity.actionText = out[prev].quantity.actionText
          out[cur].quantity.actionRange = out[prev].quantity.actionRange
        }
        out[cur].quantity.superseded = isSuperseded(f, tokens, previousEnd: previousEnd)
        let range = tokens[f.start].start..<tokens[f.end - 1].end
        out[cur].range = range
        out[cur].nounEnd = f.nounEnd > f.end ? tokens[f.nounEnd - 1].end : range.upperBound
        previousEnd = f.end
        i = f.end
      }
    }
  }

  // MARK: - The figure

  /// A figure being built: its token span. Its quantity is in the match `figure` appended to the
  /// output, completed there in place (a figure holding it would be copied into the match).
  private struct Figure {
    var start: Int
    var end: Int
    /// Token after the counted noun phrase.
    var nounEnd: Int
    /// The unit is a unit of measure ("tonnes"), not a currency or a percentage.
    var isMeasure = false
  }

  /// The word that opens a range ("between 300 and 400", "from 200 to 300"), or none.
  private enum RangeStarter {
    case none, between, from
  }

  private enum FigureParse {
    case none
    case skip(end: Int)
    case figure(Figure)
  }

  /// The hashes (`WordTable.hashCode`) of "who", "which" and "that", the relative pronouns
  /// `attachAction` looks for (read through `Shared`).
  static let relativeHashes = (
    WordTable<Bool>.hashCode(bytes: "who".utf8), WordTable<Bool>.hashCode(bytes: "which".utf8),
    WordTable<Bool>.hashCode(bytes: "that".utf8)
  )

  /// Verbs whose particle "over" is not a qualifier ("handed over 261 victims").
  static let phrasalOver: WordSet = [
    "hand", "hands", "handed", "handing", "turn", "turns", "turned", "turning", "take", "takes", "took", "taken",
    "taking", "sign", "signed", "pass", "passed", "give", "gave", "given", "won", "win",
  ]

  /// For tests: whether `token` is a number word or the first word of a vague figure (`Shared.numberStarts`).
  func isNumberStart(_ token: Token) -> Bool { shared.numberStarts.contains(token: token) }

  /// For tests: whether `figure` finds something (a figure or a skip) at token `i`, and whether the
  /// extractor's gate lets it be called there (a number may start within reach before `stop`).
  func figureAndGate(_ t: [Token], at i: Int, stop: Int) -> (found: Bool, gate: Bool) {
    var scratch: [QuantityMatch] = []
    let found: Bool
    if case .none = figure(t, at: i, stop: stop, into: &scratch) { found = false } else { found = true }
    let k = shared.firstNumberStart(t, from: i)
    return (found, k < stop && k - i < shared.figureReach)
  }

  /// The figure starting at token `i`, if any; a figure's match is appended to `out` (its range and
  /// noun end set by the caller once known).
  private func figure(_ t: [Token], at i: Int, stop: Int, into out: inout [QuantityMatch]) -> FigureParse {
    var p = i
    // The word that opens a range, if any: kept as a case, not as its text (a string compared twice
    // and released on every path).
    var starter = RangeStarter.none
    var qualifier: ExtractionLexicons.Qualifier? = nil
    // The byte length rules out most tokens before any string is read ("between" and "from" have no
    // apostrophe, so their tokens are as long as their text).
    let length = t.length(at: i)
    if (length == 7 || length == 4) && (t.lowerIs("between", at: i) || t.lowerIs("from", at: i)) {
      starter = length == 7 ? .between : .from
      p += 1
    } else if let q = shared.lexicons.qualifiersBefore.match(t, at: i), q.end < stop,
      !(t.lowerIs("over", at: i) && i > 0 && t.isIn(shared.phrasalOver, at: i - 1))
    {
      qualifier = q.payload
      p = q.end
    }
    guard p < stop else { return .none }
    var unit: String? = nil
    var prefixCurrency = false
    if let c = shared.lexicons.currencies.match(t, at: p), c.end < stop,
      c.payload.kind == .symbol || c.payload.kind == .code
    {
      unit = c.payload.code
      prefixCurrency = true
      p = c.end
    }
    let first: ParsedNumber
    switch numbers.parse(t, at: p, stop: stop) {
    case .none:
      return .none
    case .rejected(let end):
      return .skip(end: end)
    case .number(let n): first = n
    }
    p = first.end
    var isMeasure = false
    if unit == nil, let c = suffixUnit(t, at: p, stop: stop) {
      unit = c.code
      p = c.end
    } else if unit == nil, let m = measureUnit(t, at: p, stop: stop) {
      unit = m.unit
      isMeasure = true
      p = m.end
    } else if prefixCurrency, unit != nil, let c = suffixUnit(t, at: p, stop: stop), c.kind == .name || c.kind == .code {
      p = c.end  // "US$ 10 dollars"
    }

    // Ranges: "between 300 and 400", "from 200 to 300", "15 to 20", "8,000-9,000".
    var second: ParsedNumber? = nil
    var low = first.value
    if p < stop {
      let isDashSep = t.isHyphen(at: p)
      let allowed: Bool
      switch starter {
      case .between: allowed = t.lowerIs("and", at: p)
      case .from, .none: allowed = t.lowerIs("to", at: p) || isDashSep || t.lowerIs("through", at: p)
      }
      if allowed, !first.isVague, !followsChangeVerb(t, before: i) {
        var q = p + 1
        var unitB: String? = nil
        if let c = shared.lexicons.currencies.match(t, at: q), c.end < stop, c.payload.kind == .symbol || c.payload.kind == .code {
          unitB = c.payload.code
          q = c.end
        }
        if case .number(let b) = numbers.parse(t, at: q, stop: stop), !b.isVague {
          // (The tokens are read in place through the array's helpers: `t[p].isAttached` in this large
          // function copied the token, its string retained and released.)
          let spacingOK = !isDashSep || (t.isAttached(at: p) == t.isAttached(at: p + 1))
          var a = first.value
          if first.scale == 1, b.scale > 1, a < b.value / b.scale { a *= b.scale }
          let bothYears = first.isPlainDigits && b.isPlainDigits && isYear(first.value) && isYear(b.value)
          let phoneLike =
            isDashSep && b.end < t.count && t.isHyphen(at: b.end) && t.isAttached(at: b.end)
            && b.end + 1 < t.count && t.kind(at: b.end + 1) == .digits
          // A digits token is ASCII digits only (`Tokenizer`), so its text starts with the character
          // "0" exactly when its first byte is 0x30.
          let leadingZero = t.kind(at: q) == .digits && t.length(at: q) > 1 && t.startsWithZero(at: q)
          if phoneLike { return .skip(end: skipChain(t, from: b.end)) }
          if bothYears { return .skip(end: b.end) }
          // "ruled 7-4", "beat City 2-1": a score or a vote, not a range (a range rises).
          if isDashSep, t.isAttached(at: p), t.isAttached(at: q), unit == nil, unitB == nil, first.isPlainDigits, b.isPlainDigits,
            b.value <= a, a < 1000
          {
            return .skip(end: b.end)
          }
          let unitsAgree = unit == nil || unitB == nil || unit == unitB
          if spacingOK, unitsAgree, b.value > a, !leadingZero {
            second = b
            low = a
            p = b.end
            if let c = suffixUnit(t, at: p, stop: stop) {
              if unit == nil { unit = c.code }
              p = c.end
            } else if unit == nil || isMeasure, let m = measureUnit(t, at: p, stop: stop), unit == nil || unit == m.unit {
              unit = m.unit
              isMeasure = true
              p = m.end
            }
            if unit == nil { unit = unitB }
          }
        }
      }
    }
    if starter != .none && second == nil {
      // "from $63.45": the starter belongs to the sentence, not to a range.
      return .none
    }
    if qualifier == nil, let qa = shared.lexicons.qualifiersAfter.match(t, at: p), qa.end <= stop {
      qualifier = qa.payload
      p = qa.end
    }

    // Not figures.
    let numberStart = first.start
    if second == nil, unit == nil {
      if qualifier == nil, first.isPlainDigits, first.digitCount == 4, isYear(first.value) {
        return .skip(end: skipChain(t, from: first.end))
      }
      if qualifier == nil, isName(t, first) { return .skip(end: first.end) }
      if isClock(t, first) { return .skip(end: skipChain(t, from: first.end)) }
      if numberStart == 0, first.isPlainDigits, first.value < 100, first.end + 1 < t.count,
        t[first.end].isByte(0x2E) || t[first.end].isByte(0x29), t[first.end].isAttached
      {
        return .skip(end: first.end + 1)
      }
      if first.isPlainDigits, first.end < t.count, t.isCapitalized(at: first.end),
        shared.lexicons.numberWord(t[first.end], .furniture) != nil
      {
        return .skip(end: first.end + 1)
      }
      if t.kind(at: numberStart) == .word, first.end == numberStart + 1, t.lowerIs("one", at: numberStart),
        numberStart > 0, t.isIn(shared.determinersBeforeOne, at: numberStart - 1)
      {
        return .skip(end: first.end)
      }
    }
    if numberStart > 0, t.isByte(0x2B, at: numberStart - 1), t.isAttached(at: numberStart) { return .skip(end: skipChain(t, from: first.end)) }
    // An age: "Noel, 31, is charged", "Assange, 47, over", "at the age of 96", "aged 64".
    if second == nil, unit == nil, qualifier == nil, first.isPlainDigits, first.value < 125, isAge(t, first) {
      return .skip(end: first.end)
    }
    // "24/7", "9/11", "3/4": a slash between digits makes a name, a date or a fraction.
    if second == nil, first.isPlainDigits, first.end + 1 < t.count, t.isByte(0x2F, at: first.end), t.isAttached(at: first.end),
      t.isAttached(at: first.end + 1), t.kind(at: first.end + 1) == .digits
    {
      return .skip(end: skipChain(t, from: first.end))
    }
    // "1 in 5 adults", "one in four": a ratio, not two counts.
    if second == nil, unit == nil, qualifier == nil || qualifier?.direction == .approximate, first.end + 1 < t.count,
      t.lowerIs("in", at: first.end), case .number(let d) = numbers.parse(t, at: first.end + 1, stop: t.count), !d.isVague,
      d.value > first.value, first.value <= 10, !(d.isPlainDigits && isYear(d.value))
    {
      return .skip(end: d.end)
    }
    // "10-year-old", "12-cent", "six-month": a number inside a compound modifier.
    if second == nil, first.end + 1 < t.count, t.isHyphen(at: first.end), t.isAttached(at: first.end),
      t.isAttached(at: first.end + 1), t.kind(at: first.end + 1) == .word,
      shared.lexicons.numberWord(t[first.end + 1], .unit) == nil, shared.lexicons.numberWord(t[first.end + 1], .tens) == nil
    {
      return .skip(end: first.end + 2)
    }

    // The quantity is made in one call from its final fields: set field by field afterwards, it is
    // copied into the figure.
    let direction = qualifier?.direction ?? .exact
    var figureDirection = first.isVague && qualifier == nil ? .atLeast : direction
    let tol = shared.lexicons.tolerance
    var value: Double? = nil
    var lowBound: Double? = nil
    var highBound: Double? = nil
    var lowInclusive = true
    var highInclusive = true
    var isVague = false
    if let b = second {
      lowBound = direction == .approximate ? low * (1 - tol) : low
      highBound = direction == .approximate ? b.value * (1 + tol) : b.value
    } else if first.isVague {
      isVague = true
      lowBound = first.value
      if qualifier != nil { figureDirection = .atLeast }
    } else {
      let v = first.value
      value = v
      switch direction {
      case .exact:
        lowBound = v
        highBound = v
      case .above:
        lowBound = v
        lowInclusive = false
      case .atLeast:
        lowBound = v
      case .below:
        highBound = v
        highInclusive = false
      case .atMost:
        highBound = v
        if qualifier?.band == true { lowBound = v * (1 - tol) }
      case .approximate:
        lowBound = v * (1 - tol)
        highBound = v * (1 + tol)
      }
    }
    var family: String? = nil
    if let u = unit, u != "percent", u != "percentage point", !isMeasure { family = "money" }
    // Room for a few figures on the first (a sentence rarely has more), instead of growing one by one.
    if out.capacity == 0 { out.reserveCapacity(4) }
    out.append(
      QuantityMatch(
        range: p..<p,
        quantity: Quantity(
          value: value.map(Self.tidy), low: lowBound.map(Self.tidy), high: highBound.map(Self.tidy),
          lowInclusive: lowInclusive, highInclusive: highInclusive, qualifier: qualifier?.phrase,
          direction: figureDirection, unit: unit, countedFamily: family, isRange: second != nil, isVague: isVague)))
    return .figure(Figure(start: i, end: p, nounEnd: p, isMeasure: isMeasure))
  }

  /// A unit of measure written after the number, spaced ("4.5 tonnes", "120 km").
  private func measureUnit(_ t: [Token], at p: Int, stop: Int) -> (unit: String, end: Int)? {
    guard p < stop, !t[p].isAttached, t[p].kind == .word, let m = shared.lexicons.units.match(t, at: p), m.end <= stop else { return nil }
    return (m.payload, m.end)
  }

  /// Removes floating-point noise from a computed bound (1540000000.0000002 → 1540000000).
  static func tidy(_ x: Double) -> Double {
    guard x.isFinite else { return x }
    if abs(x) >= 1e6 { return (x * 1e3).rounded() / 1e3 }
    return (x * 1e9).rounded() / 1e9
  }

  /// A currency or percentage written after the number ("yuan", "%", "per cent", "€").
  private func suffixUnit(_ t: [Token], at p: Int, stop: Int) -> (code: String, kind: ExtractionLexicons.CurrencyKind, end: Int)? {
    guard p < stop, let c = shared.lexicons.currencies.match(t, at: p), c.end <= stop else { return nil }
    // "$ 20,000 $ 37,305": a symbol followed by a number belongs to that number.
    // "10 $ 30 $" reads as two postfix symbols.
    if c.payload.kind == .symbol, c.end < t.count, t[c.end].kind == .digits {
      guard case .number(let next) = numbers.parse(t, at: c.end, stop: t.count), next.end < t.count,
        let after = shared.lexicons.currencies.match(t, at: next.end), after.payload.code == c.payload.code
      else { return nil }
    }
    return (c.payload.code, c.payload.kind, c.end)
  }

  /// Whether a change verb comes just before ("rose 15% to $415.9 million", "increased from 200 to
  /// 300"): then "to" joins two figures, not the ends of a range.
  private func followsChangeVerb(_ t: [Token], before i: Int) -> Bool {
    for k in stride(from: i - 1, through: max(0, i - 3), by: -1) where t.isIn(shared.changeVerbs, at: k) { return true }
    return false
  }

  /// Verbs of change before "X to Y".
  private static let changeVerbs: WordSet = [
      "rose", "risen", "rise", "rises", "rising", "fell", "fallen", "fall", "falls", "falling", "increased", "increase",
      "increases", "decreased", "decrease", "grew", "grown", "grow", "jumped", "climbed", "dropped", "declined",
      "surged", "soared", "slumped", "plunged", "raised", "cut", "reduced", "lowered", "revised", "doubled", "up",
      "down", "shrank", "swelled", "widened", "narrowed", "changed", "went",
  ]

  private func isYear(_ v: Double) -> Bool { v >= 1900 && v <= 2100 && v == v.rounded() }

  /// "H5N1", "G20", "COVID-19", "A-10", "Boeing 737", "Route 66", "version 2".
  private func isName(_ t: [Token], _ n: ParsedNumber) -> Bool {
    let s = n.start
    guard n.startsWithDigits, s > 0 else { return false }
    // The token before is read in place through its index (a copy of it costs a retain and a release).
    let prev = s - 1
    let prevIsWord = t.kind(at: prev) == .word
    if prevIsWord, t.isAttached(at: s) { return true }
    if t.isHyphen(at: prev), t.isAttached(at: s), s >= 2, t.kind(at: s - 2) == .word, t.isAttached(at: prev) { return true }
    if t.isByte(0x23, at: prev) && t.isAttached(at: s) { return true }
    if prevIsWord, shared.lexicons.numberWord(t[prev], .designator) != nil { return true }
    if t.isByte(0x2E, at: prev), s >= 2, shared.lexicons.numberWord(t[s - 2], .designator) != nil { return true }
    // A capitalised word inside the sentence right before a bare number names something.
    if prevIsWord, t.isCapitalized(at: prev), s >= 2, n.isPlainDigits, n.value < 10000,
      !t.isFunctionWord(at: prev, shared), shared.lexicons.months[token: t[prev]] == nil,
      shared.lexicons.weekdays[token: t[prev]] == nil, shared.lexicons.qualifiersBefore.matchEnd(t, at: s - 1) == nil,
      !t.startsAction(at: s - 1, shared)
    {
      return true
    }
    return false
  }

  /// An age after a name between commas ("Noel, 31, is", "Braun, 38 –"), or after "aged" or "the age of".
  private func isAge(_ t: [Token], _ n: ParsedNumber) -> Bool {
    let s = n.start
    guard s >= 2 else { return false }
    if t[s - 1].lowerIs("aged") { return true }
    if s >= 3, t[s - 1].lowerIs("of"), t[s - 2].lowerIs("age") { return true }
    guard t[s - 1].isByte(0x2C), t[s - 2].kind == .word, t[s - 2].isCapitalized, n.end < t.count else { return false }
    let after = t[n.end]
    guard after.isByte(0x2C) || numbers.isHyphen(after) || after.isByte(0x29) || after.isByte(0x3B) else { return false }
    // Not a list of figures ("in Kentucky, 31, and in Ohio, 12"): a name ends the phrase before.
    return !t.isFunctionWord(at: s - 2, shared) && shared.lexicons.months[token: t[s - 2]] == nil
  }

  /// "10:30", "10 a.m.", "9pm", "10 o'clock".
  private func isClock(_ t: [Token], _ n: ParsedNumber) -> Bool {
    guard n.startsWithDigits, n.end < t.count else { return false }
    // The next token is read in place, not copied.
    let e = n.end
    if t.isByte(0x3A, at: e), t.isAttached(at: e), e + 1 < t.count, t.kind(at: e + 1) == .digits { return true }
    if t.isIn(shared.clockWords, at: e) { return true }
    if t.isByte(0x61, at: e) || t.isByte(0x70, at: e), e + 2 < t.count, t.isByte(0x2E, at: e + 1), t.isByte(0x6D, at: e + 2) {
      return true
    }
    return false
  }

  /// Words after a number that make it a time of day.
  static let clockWords: WordSet = ["am", "pm", "o'clock", "gmt", "utc", "hrs"]

  /// The token after a chain of attached digits and separators ("+1-222-2222", "10:30").
  private func skipChain(_ t: [Token], from i: Int) -> Int {
    var k = i
    while k < t.count, t[k].isAttached,
      t[k].kind == .digits || t[k].isByte(0x3A) || t[k].isByte(0x2D) || t[k].isByte(0x2F) || t[k].isByte(0x2E)
        || t[k].isByte(0x29) || t[k].isByte(0x28)
    {
      k += 1
    }
    return max(k, i)
  }

  /// Words that announce a phone number ("call 555-0199", "hotline: 1199").
  static let phoneCues: WordSet = [
    "call", "calls", "calling", "phone", "telephone", "tel", "hotline", "helpline", "fax", "dial", "whatsapp", "mobile",
    "cell", "sms", "text", "contact",
  ]

  /// Blocks digit groups that read as a phone number: "(555) 123-4567", "202-555-0147", "202 555 0147",
  /// "555-0199", "555-1234", or any run of seven or more digits in groups after a word such as "call"
  /// or "hotline". Figures are written with commas ("12,400") or as round ranges ("500-1000"), so a
  /// hyphenated pair is a phone number only when its second group has four digits that are not round.
  ///
  /// This reads the chain that may start at token `s` (digits, or "(") and returns the token from
  /// which to look for the next one; `blockLinksAndPhoneNumbers` calls it at every such token.
  @inline(never)
  private func phoneChain(_ t: [Token], at s: Int, _ blocked: inout BlockedTokens) -> Int {
    let n = t.count
    // One group and no more, the common case: a phone number only after a cue, with seven digits or more.
    let single: (end: Int, length: Int)
    if t[s].kind == .digits {
      single = (s + 1, t[s].length)
    } else if s + 2 < n, t[s + 1].kind == .digits, t[s + 1].isAttached, t[s + 2].isByte(0x29), t[s + 2].isAttached,
      t[s + 1].length == 3
    {
      single = (s + 3, 3)
    } else {
      return s + 1
    }
    // A word after the group (the common case) continues no chain.
    if single.end >= n || t[single.end].kind == .word || !continuesPhoneChain(t, at: single.end) {
      if single.length >= 7, hasPhoneCue(t, before: s) {
        let plus = s > 0 && t[s - 1].isByte(0x2B) && t[s].isAttached
        blocked.block((plus ? s - 1 : s)..<single.end)
      }
      return max(single.end, s + 1)
    }
    var k = s
    var groups: [Int] = []
    var values: [Int] = []
    var leadingZero: [Bool] = []
    var seps: [String] = []
    var paren = false
    func readGroup(_ at: Int) -> Int? {
      if t[at].kind == .digits {
        groups.append(t[at].length)
        values.append(Int(t[at].lower) ?? 0)
        leadingZero.append(t[at].lower.hasPrefix("0") && t[at].length > 1)
        return at + 1
      }
      if t[at].isByte(0x28), at + 2 < n, t[at + 1].kind == .digits, t[at + 1].isAttached, t[at + 2].isByte(0x29),
        t[at + 2].isAttached, t[at + 1].length == 3
      {
        groups.append(3)
        values.append(Int(t[at + 1].lower) ?? 0)
        leadingZero.append(false)
        paren = true
        return at + 3
      }
      return nil
    }
    guard let first = readGroup(s) else {
      return s + 1
    }
    k = first
    while k < n {
      if numbers.isHyphen(t[k]) || t[k].isByte(0x2E), t[k].isAttached, k + 1 < n,
        t[k + 1].kind == .digits, t[k + 1].isAttached
      {
        seps.append(t[k].isByte(0x2E) ? "." : "-")
        k = readGroup(k + 1) ?? k + 2
      } else if !t[k].isAttached, t[k].singleSpaceBefore, t[k].kind == .digits {
        seps.append(" ")
        k = readGroup(k) ?? k + 1
      } else {
        break
      }
    }
    // "1 234 567.89": a decimal part after the last group is not a phone group.
    if seps.last == ".", seps.filter({ $0 == "." }).count == 1, groups.count >= 3 {
      seps.removeLast()
      groups.removeLast()
      values.removeLast()
      leadingZero.removeLast()
    }
    let total = groups.reduce(0, +)
    var cue = false
    var b = s - 1
    var looked = 0
    while b >= 0, looked < 4 {
      if t.isIn(Self.phoneCues, at: b) {
        cue = true
        break
      }
      b -= 1
      looked += 1
    }
    let plus = s > 0 && t[s - 1].isByte(0x2B) && t[s].isAttached
    var phone = false
    if groups.count >= 2, total >= 7 {
      let thousands = seps.allSatisfy { $0 == " " } && groups.dropFirst().allSatisfy { $0 == 3 } && groups[0] <= 3
      let decimal = groups.count == 2 && seps == ["."]
      if cue || plus || paren {
        phone = !decimal
      } else if thousands || decimal {
        phone = false
      } else if groups.count >= 3 {
        phone = true
      } else if seps == ["-"], groups[1] == 4, groups[0] == 3 || groups[0] == 4 {
        let round = values[1] % 100 == 0 && (groups[0] == 3 || values[0] % 100 == 0)
        phone = leadingZero[1] || !round && !(isYear(Double(values[0])) && isYear(Double(values[1])))
      }
    } else if groups.count == 1, cue, total >= 7 {
      phone = true
    }
    if phone {
      let from = plus ? s - 1 : s
      blocked.block(from..<k)
    }
    return max(k, s + 1)
  }

  /// Whether a chain of digit groups goes on at token `k`: a hyphen or a period between attached
  /// digits, or digits after a single space.
  private func continuesPhoneChain(_ t: [Token], at k: Int) -> Bool {
    guard k < t.count else { return false }
    // The tokens are read on the array's storage: `numbers.isHyphen(t[k])` and `t[k].…` copied the
    // token (its string retained and released).
    // (`numbers.isHyphen(b[k])` inlined copied the token before its cheap tests, to keep its text for the
    // dash comparison: the comparison is made in a function of its own, called for three-byte symbols only.)
    return t.withUnsafeBufferPointer { b in
      let separator =
        b[k].isByte(0x2D) || b[k].isByte(0x2E)
        || (b[k].kind == .symbol && b[k].end - b[k].start == 3 && b[k].lowerHash == 0 && Self.isDash(b, k))
      if separator, b[k].isAttached, k + 1 < b.count, b[k + 1].kind == .digits, b[k + 1].isAttached {
        return true
      }
      return !b[k].isAttached && b[k].singleSpaceBefore && b[k].kind == .digits
    }
  }

  /// `NumberParser.isHyphen(text: t[k].lower)`, out of line.
  @inline(never)
  private static func isDash(_ t: UnsafeBufferPointer<Token>, _ k: Int) -> Bool { NumberParser.isHyphen(text: t[k].lower) }

  /// Whether one of the four tokens before `s` is a phone cue ("call", "hotline").
  private func hasPhoneCue(_ t: [Token], before s: Int) -> Bool {
    var b = s - 1
    var looked = 0
    while b >= 0, looked < 4 {
      if t.isIn(Self.phoneCues, at: b) { return true }
      b -= 1
      looked += 1
    }
    return false
  }


  /// Blocks chunks that look like links or addresses ("https://…", "www.…", "a@b.c"), and phone
  /// numbers (`phoneChain`).
  ///
  /// A chunk is a token and the attached tokens after it (up to the next token with white space
  /// before it); only chunks of three tokens or more are looked into. Two tight passes over the
  /// tokens' storage: the first finds the chunks, the second the tokens where a phone number's chain
  /// may start (digits, or "("; no other token can start one), from the token `phoneChain` returned
  /// on. The two kinds of blocks are independent (neither reads the blocked flags), so the order of
  /// the passes does not change the tokens blocked. (One pass doing both kept too many values live
  /// across the `phoneChain` call, reloaded from the stack at every token: about 21 instructions a
  /// token, against about 12 for the two passes, whose common case is one load and one test.)
  private func blockLinksAndPhoneNumbers(_ t: [Token], _ blocked: inout BlockedTokens) {
    t.withUnsafeBufferPointer { b in
      let n = b.count
      // Most tokens have white space before them and end the chunk before them: skipped one test
      // each. An attached token `e` found here belongs to the chunk that starts at `e - 1` (token 0,
      // a token with white space before it, or the token where the last chunk read ended).
      var e = 1
      while e < n {
        if b[e].spaceBefore != 0 {
          e &+= 1
          continue
        }
        let s = e &- 1
        var end = e &+ 1
        while end < n, b[end].spaceBefore == 0 { end &+= 1 }
        if end &- s > 2, Self.isLink(b, s..<end) { blocked.block(s..<end) }
        // `end` (if any) starts the next chunk.
        e = end &+ 1
      }
    }
    t.withUnsafeBufferPointer { b in
      let n = b.count
      var e = 0
      while e < n {
        if b[e].kind == .word {
          e &+= 1
          continue
        }
        if b[e].kind == .digits || (b[e].kind == .symbol && b[e].isByte(0x28)) {
          // `phoneChain` returns a token after `e`.
          e = max(phoneChain(t, at: e, &blocked), e &+ 1)
        } else {
          e &+= 1
        }
      }
    }
  }

  /// Whether the chunk of attached tokens `r` holds "@", "www", "://" or "%" before digits.
  private static func isLink(_ b: UnsafeBufferPointer<Token>, _ r: Range<Int>) -> Bool {
    let e = r.upperBound
    for k in r {
      if b[k].isByte(0x40) || b[k].lowerIs("www")
        || (b[k].isByte(0x3A) && k + 2 < e && b[k + 1].isByte(0x2F) && b[k + 2].isByte(0x2F))
        || (b[k].isByte(0x25) && k + 1 < e && b[k + 1].kind == .digits)
      {
        return true
      }
    }
    return false
  }

  // MARK: - Counted noun

  /// Reads the noun phrase after the figure: head noun (singular, lower-case), its modifiers, family.
  /// Verbs that can follow a figure with no noun and must not be read as the counted noun.
  static let copulaVerbs: WordSet = [
    "remain", "remained", "remains", "stay", "stayed", "stays", "appear", "appeared", "seem", "seemed", "die", "died",
    "survive", "survived", "return", "returned", "went", "came", "left", "got", "became", "belong", "belonged", "belongs",
    "live", "lived", "lives",
  ]
  /// Words after a figure that never name what it counts.
  static let notNouns: WordSet = [
    "first", "second", "third", "last", "next", "initially", "originally", "each", "apiece", "more", "less", "fewer",
    "earlier", "later", "altogether", "overall", "combined", "respectively",
  ]

  /// `WordTable.hashCode` of `a + " " + b`, without building the pair (0 when it is not ASCII).
  static func pairHash(_ a: String, _ b: String) -> UInt64 {
    guard var h = fold(0xcbf2_9ce4_8422_2325, a) else { return 0 }
    h = (h ^ 0x20) &* 0x0000_0100_0000_01B3
    guard let h2 = fold(h, b) else { return 0 }
    return h2 | 1
  }

  /// FNV-1a of `s`'s bytes continued from `h`, or nil when `s` is not ASCII. Reads the bytes from
  /// their storage (a short string's are copied out of it once), not through the UTF-8 iterator.
  @inline(__always)
  private static func fold(_ h: UInt64, _ s: String) -> UInt64? {
    if let r = s.utf8.withContiguousStorageIfAvailable({ buf -> UInt64? in
      var h = h
      for x in buf {
        if x >= 0x80 { return nil }
        h = (h ^ UInt64(x)) &* 0x0000_0100_0000_01B3
      }
      return h
    }) {
      return r
    }
    var h = h
    for x in s.utf8 {
      if x >= 0x80 { return nil }
      h = (h ^ UInt64(x)) &* 0x0000_0100_0000_01B3
    }
    return h
  }

  /// What the endings of a counted word tell, read once.
  private struct Endings {
    /// Ends in "'s" or "\u{2019}s", or in "s'" with more than two characters ("country's", "workers'").
    var possessive: Bool
    /// Ends in "ed", "ing" or "ly": a participle or an adverb, not a noun.
    var verbLike: Bool
    /// Ends in "s" but not in "ss" or "ous".
    var plural: Bool
  }

  /// The endings of the ASCII text `s` (bytes and characters agree, and it cannot end in
  /// "\u{2019}s"), from its last three bytes.
  @inline(__always)
  private static func asciiEndings(_ s: UnsafeBufferPointer<UInt8>) -> Endings {
    var tail: UInt32 = 0
    var k = s.count - 1
    var shift: UInt32 = 0
    while k >= 0, shift < 24 {
      tail |= UInt32(s[k]) << shift
      shift += 8
      k -= 1
    }
    let two = tail & 0xFFFF
    let three = tail & 0xFF_FFFF
    let last = tail & 0xFF
    return Endings(
      possessive: two == 0x2773 || (two == 0x7327 && s.count > 2),  // "'s", "s'"
      verbLike: two == 0x6564 || three == 0x696E67 || two == 0x6C79,  // "ed", "ing", "ly"
      plural: last == 0x73 && two != 0x7373 && three != 0x6F7573)  // "s", "ss", "ous"
  }

  /// `endings(b[k].lower, ascii: b[k].lowerHash != 0)`, the text read in place on the tokens' storage
  /// (passing `b[k].lower` to a call retains and releases it).
  @inline(never)
  private static func endings(_ b: UnsafeBufferPointer<Token>, _ k: Int) -> Endings {
    if b[k].lowerHash != 0, let e = b[k].lower.utf8.withContiguousStorageIfAvailable({ asciiEndings($0) }) { return e }
    return endings(b[k].lower, ascii: b[k].lowerHash != 0)
  }

  /// The endings of `w`, from its last three bytes when it is `ascii` (then bytes and characters
  /// agree, and it cannot end in "\u{2019}s"), else through `fastHasSuffix`.
  @inline(never)
  private static func endings(_ w: String, ascii: Bool) -> Endings {
    if ascii, let e = w.utf8.withContiguousStorageIfAvailable({ asciiEndings($0) }) { return e }
    let last = w.utf8.last
    return Endings(
      possessive: (last == 0x73 && (w.fastHasSuffix("'s") || w.fastHasSuffix("\u{2019}s")))
        || (last == 0x27 && w.fastHasSuffix("s'") && w.count > 2),
      verbLike: w.fastHasSuffix("ed") || w.fastHasSuffix("ing") || w.fastHasSuffix("ly"),
      plural: w.fastHasSuffix("s") && !w.fastHasSuffix("ss") && !w.fastHasSuffix("ous"))
  }

  private func completeNoun(_ f: inout Figure, _ qty: inout Quantity, _ t: [Token]) {
    if qty.unit == "percent" || qty.unit == "percentage point" {
      percentNoun(&f, &qty, t)
      return
    }
    if qty.unit != nil, !f.isMeasure {
      moneyNoun(&f, &qty, t)
      return
    }
    t.withUnsafeBufferPointer { countedNoun(&f, &qty, t, $0) }
  }

  /// The counted-noun part of `completeNoun`, with the tokens also passed as the array's storage `tb`:
  /// a token read there (`tb[q].kind`) is read in place, where `t[q].kind` in this large function
  /// copied the token (its string retained and released).
  private func countedNoun(_ f: inout Figure, _ qty: inout Quantity, _ t: [Token], _ tb: UnsafeBufferPointer<Token>) {
    var q = f.end
    // "4.5 tonnes of methamphetamine": a measure counts what follows "of", or nothing.
    if f.isMeasure, !(q < tb.count && tb[q].lowerIs("of")) { return }
    if q < tb.count, tb[q].lowerIs("of") {
      q += 1
      if q < t.count, t.isIn(shared.determinersAfterOf, at: q) { q += 1 }
    }
    // The words read (at most four), kept in place: their text and end, and what choosing the head
    // needs (the last word with a `nouns` entry and its entry, the last plural-looking word, whether
    // the first looks like a verb).
    // A word's text is kept as token indexes (`starts`, `joins`, `ends`; see `wordText`), not as a
    // string: most words are one token, and four strings would be released on every figure.
    var starts = InlineArray<4, Int>(repeating: 0)
    var joins = InlineArray<4, Int>(repeating: 0)
    var ends = InlineArray<4, Int>(repeating: 0)
    var count = 0
    var lastKnown = -1
    var knownNoun: ExtractionLexicons.Noun? = nil
    var lastPlural = -1
    var firstVerbLike = false
    var sawKnown = false
    while q < tb.count, count < 4, tb[q].kind == .word {
      // Whether the word is ASCII: every token in it has a hash.
      var ascii = t.isASCII(at: q)
      var next = q + 1
      // "scam-centre workers": keep a hyphenated compound as one word.
      while next + 1 < tb.count, tb[next].isByte(0x2D), tb[next].isAttached, tb[next + 1].isAttached,
        tb[next + 1].kind == .word
      {
        if !t.isASCII(at: next + 1) { ascii = false }
        next += 2
      }
      let joined = next
      // A word of one token (most words) is read on its token: it is looked up through the token's
      // hash (the same answers as its text), its endings are read on the token's text in place, and
      // its text is only made for a two-word noun's lookup. `w` is the word's text once made: a
      // hyphenated compound's from the start (joined by "-" as `wordText` joins it).
      let single = next == q + 1
      var w = single ? "" : Self.wordText(tb, q, joined, joined)
      var endings = single ? Self.endings(tb, q) : Self.endings(w, ascii: ascii)
      // "12 of the country's 77 districts", "300 of the company's workers": a possessive is not the
      // head; what follows it is. (The suffixes end in "s" or in an apostrophe, which a last byte tells.)
      if endings.possessive {
        q = next
        if count == 0 { continue }
        break
      }
      if single {
        if t.endsNounPhrase(at: q, shared) { break }
      } else if EnglishFunctionWords.contains(w) || shared.lexicons.numberWord(w, .unit) != nil
        || shared.lexicons.numberWord(w, .tens) != nil || shared.lexicons.months[w] != nil
        || shared.lexicons.weekdays[w] != nil
      {
        break
      }
      if t.startsAction(at: q, shared) { break }
      // Verbs that follow a bare figure ("seven remain missing", "three stay in hospital").
      if count == 0, single ? t.isIn(shared.copulaVerbs, at: q) : shared.copulaVerbs.contains(w) { break }
      // Ordinals and adverbs after a figure ("the 312 first reported", "200 more", "5 each").
      if single ? t.isIn(shared.notNouns, at: q) : shared.notNouns.contains(w) { break }
      // Two-word nouns ("police officers", "gang members"): looked up by hash, the pair built only on a hit.
      // (Only after a word that starts such a noun: most words start none, and the pair is not hashed.)
      if next < tb.count, tb[next].kind == .word,
        single ? t.isIn(shared.pairFirstWords, at: q) : shared.pairFirstWords.contains(w)
      {
        if single { w = t.lower(at: q) }
        let second = t.lower(at: next)
        if shared.lexicons.nouns.value(hash: Self.pairHash(w, second), makingKey: { w + " " + second }) != nil {
          w += " " + second
          next += 1
          if !t.isASCII(at: next - 1) { ascii = false }
          endings = Self.endings(w, ascii: ascii)
        }
      }
      // The word is still the one token `q` when no second word was added (then `w` may not be made).
      let oneToken = single && next == q + 1
      let noun = oneToken ? t.value(in: shared.lexicons.nouns, at: q) : shared.lexicons.nouns[w]
      let known = noun != nil
      if sawKnown && !known { break }
      if count > 0, !known, endings.verbLike { break }
      if count == 0 { firstVerbLike = endings.verbLike }
      // A plural noun ends the phrase ("criminal suspects", not "nationals home").
      let endsPhrase = noun.map { oneToken ? !tb[q].lowerIs($0.singular) : $0.singular != w } ?? false
      if known {
        lastKnown = count
        // Moved, not copied (a copy of a noun's entry retains its strings).
        knownNoun = consume noun
        sawKnown = true
      }
      if endings.plural && !endings.verbLike { lastPlural = count }
      starts[count] = q
      joins[count] = joined
      ends[count] = next
      q = next
      count += 1
      if endsPhrase { break }
    }
    guard count > 0 else { return }
    // The head: the last known noun; else the last plural-looking word; else a lone word.
    let headIndex: Int
    if f.isMeasure {
      // "tonnes of crystal methamphetamine": after a measure the head is the phrase's last word.
      headIndex = lastKnown >= 0 ? lastKnown : count - 1
    } else if lastKnown >= 0 {
      headIndex = lastKnown
    } else if lastPlural >= 0 {
      // English noun phrases end in their head: "United States service members" counts members.
      headIndex = lastPlural
    } else if count == 1, !firstVerbLike {
      headIndex = 0
    } else {
      return
    }
    // Only the last known word has an entry that a head can take (with none known, no word has one).
    let headNoun = headIndex == lastKnown ? consume knownNoun : nil
    f.nounEnd = ends[headIndex]
    // `lexicons.singular(head.lower)`, from the entry already found.
    let singular = headNoun?.singular ?? ExtractionLexicons.regularSingular(Self.wordText(tb, starts[headIndex], joins[headIndex], ends[headIndex]))
    // "40 others": more of what the sentence already counts; the noun comes from the previous figure.
    // (Five bytes first: most nouns are told apart by their length, without the string comparison.)
    if singular.utf8.count == 5, singular == "other" { return }
    qty.countedFamily = headNoun?.family ?? singular
    qty.counted = singular
    if headIndex > 0 {
      // One to three words (the head is one of the first four), made as an array literal: allocated
      // at its size, where `reserveCapacity` on an empty array costs some 260 instructions more.
      let first = Self.wordText(tb, starts[0], joins[0], ends[0])
      switch headIndex {
      case 1: qty.modifiers = [first]
      case 2: qty.modifiers = [first, Self.wordText(tb, starts[1], joins[1], ends[1])]
      default:
        qty.modifiers = [first, Self.wordText(tb, starts[1], joins[1], ends[1]), Self.wordText(tb, starts[2], joins[2], ends[2])]
      }
    }
  }

  /// The text `completeNoun` read for a word from its token indexes, built as it builds it: the
  /// tokens `start`, `start + 2`, … before `joined` (a hyphenated compound, joined by "-"), then, when
  /// `end > joined`, the second word of a two-word noun after a space.
  /// Read on the tokens' storage `tb`: through the array, this function inlined in `countedNoun` copied
  /// the whole token (its string retained and released) to read its `lower`.
  private static func wordText(_ tb: UnsafeBufferPointer<Token>, _ start: Int, _ joined: Int, _ end: Int) -> String {
    var w = tb[start].lower
    var k = start + 2
    while k < joined {
      w += "-" + tb[k].lower
      k += 2
    }
    if end > joined { w += " " + tb[joined].lower }
    return w
  }

  /// What a percentage is of: the noun right after it ("a 32 percent premium", "a 5 percent stake") or
  /// after "of" ("12 percent of voters"). Nothing when a verb, a preposition or a number follows ("rose
  /// 12 percent to", "closed up 26 percent at").
  private func percentNoun(_ f: inout Figure, _ qty: inout Quantity, _ t: [Token]) {
    func isNoun(_ k: Int) -> Bool {
      guard k >= 0, k < t.count, t[k].kind == .word, !t[k].isCapitalized else { return false }
      let w = t[k].lower
      return !EnglishFunctionWords.contains(w) && !Self.notNouns.contains(w) && !Self.copulaVerbs.contains(w)
        && !t.startsAction(at: k, shared) && shared.lexicons.months[w] == nil && shared.lexicons.weekdays[w] == nil
        && !w.hasSuffix("ed") && !w.hasSuffix("ly") && !w.hasSuffix("ing")
    }
    var k = f.end
    if k < t.count, t[k].lowerIs("of") {
      k += 1
      if k < t.count, t.isIn(Self.determinersAfterPercentOf, at: k) { k += 1 }
      // "61 percent of registered voters".
      if k + 1 < t.count, t[k].kind == .word, !isNoun(k), isNoun(k + 1) { k += 1 }
    } else if !isNoun(k), f.start >= 2, t[f.start - 1].lowerIs("of"), isNoun(f.start - 2) {
      // "a premium of 32%", "a stake of 5 percent".
      let singular = shared.lexicons.singular(t[f.start - 2].lower)
      qty.counted = singular
      qty.countedFamily = shared.lexicons.nouns[token: t[f.start - 2]]?.family ?? singular
      return
    }
    guard isNoun(k) else { return }
    // "a 5 percent voting stake": the last word of a short noun phrase.
    var head = k
    while head - k < 2, isNoun(head + 1) { head += 1 }
    let singular = shared.lexicons.singular(t[head].lower)
    qty.counted = singular
    qty.countedFamily = shared.lexicons.nouns[token: t[head]]?.family ?? singular
    f.nounEnd = head + 1
  }

  /// Words between a money noun and the figure it names ("a fine of", "losses estimated at", "raised
  /// the reward to").
  static let moneyNounLinks: WordSet = [
    "of", "at", "to", "estimated", "put", "valued", "totalling", "totaling", "totalled", "totaled", "worth", "was",
    "were", "is", "are", "amounted", "amounting", "reached", "reaching", "stood", "stands", "set", "some",
  ]

  /// What a sum of money is, from `money-nouns.tsv`: a noun right after the figure ("$5 million aid
  /// package", "3 billion baht in compensation", "$2 million of damage") or one that the figure
  /// completes ("a fine of 20,000 euros", "losses estimated at $3 million"). The family is both the
  /// counted thing and its family, so sums of different kinds are never compared. Nothing is set when
  /// no listed noun is found: an unnamed sum is compared with any sum in the same unit.
  private func moneyNoun(_ f: inout Figure, _ qty: inout Quantity, _ t: [Token]) {
    var k = f.end
    if k < t.count, t.isIn(Self.moneyNounPrepositions, at: k) { k += 1 }
    if k < t.count, t.isIn(Self.moneyNounDeterminers, at: k) { k += 1 }
    // Up to two describing words first ("emergency humanitarian aid").
    for skip in 0..<3 {
      let at = k + skip
      guard at < t.count, t[at].kind == .word else { break }
      if let m = shared.lexicons.moneyNouns.match(t, at: at) {
        qty.counted = m.payload
        qty.countedFamily = m.payload
        f.nounEnd = m.end
        return
      }
      if t.isFunctionWord(at: at, shared) || t.startsAction(at: at, shared) { break }
    }
    // Before the figure: the noun, then only linking words.
    var j = f.start - 1
    var links = 0
    while j >= 0, links <= 3, t[j].kind == .word, t.isIn(Self.moneyNounLinks, at: j) {
      j -= 1
      links += 1
    }
    guard links > 0, j >= 0 else { return }
    // The noun may be two words ("economic losses"); try the longer first.
    for start in [j - 1, j] where start >= 0 {
      if let m = shared.lexicons.moneyNouns.match(t, at: start), m.end == j + 1 {
        qty.counted = m.payload
        qty.countedFamily = m.payload
        return
      }
    }
  }

  // MARK: - Action

  /// Actions that take only the figure right after them ("cut 400 jobs", "added 300 jobs"): their
  /// object often comes first ("cut electricity to five areas").
  /// Words that end the clause an action before a figure can come from.
  static let actionClauseBreaks: WordSet = [
    ";", ":", "(", ")", "said", "says", "say", "told", "according", "reported", "estimated", "added", "stated",
  ]
  /// Words that end the search for a predicate after a figure's noun.
  static let predicateBreaks: WordSet = [";", ":", ".", "said", "says", "and"]
  /// Words between two figures that keep them out of one list.
  static let listBreaksWithComma: WordSet = [";", ":", ",", "said", "says", "but", "while"]
  static let listBreaks: WordSet = [";", ":", "said", "says", "but", "while"]
  /// Words before a figure that an action may sit behind ("the total of").
  static let figureLeadWords: WordSet = ["the", "a", "an", "some", "total", "of", "at", "least"]
  static let adjacentOnlyClasses: WordSet = ["cut", "create", "distribute"]

  /// Removes the action a figure was given, with its text, range and actor.
  private static func dropAction(_ qty: inout Quantity) {
    qty.action = nil
    qty.actionText = nil
    qty.actionRange = nil
    qty.actor = nil
  }

  /// Words before "one" that make it a pronoun, not a figure ("the one", "each one", "anyone").
  static let determinersBeforeOne: WordSet = [
    "the", "this", "that", "which", "each", "every", "any", "no", "another", "someone", "anyone",
  ]
  /// Determiners after "of" before a counted noun ("12 of the 40 victims").
  static let determinersAfterOf: WordSet = ["the", "these", "those", "their", "its", "his", "her"]
  /// Determiners after "percent of" ("12 percent of the voters").
  static let determinersAfterPercentOf: WordSet = ["the", "all", "its", "their", "those"]
  /// Prepositions and determiners between a sum and its money noun ("3 billion baht in compensation").
  static let moneyNounPrepositions: WordSet = ["in", "of", "for"]
  static let moneyNounDeterminers: WordSet = ["the", "its", "their"]
  /// Auxiliaries and adverbs between an actor and its active verb ("police have reportedly arrested").
  static let actorSkipWords: WordSet = [
    "has", "have", "had", "was", "were", "also", "reportedly", "allegedly", "jointly", "recently", "later",
  ]
  /// Time words between an actor and its verb ("border guards yesterday handed over"), and the words
  /// that lead them ("on Wednesday", "last week").
  static let actorTimeWords: WordSet = ["yesterday", "today", "earlier"]
  static let actorTimeLeads: WordSet = ["on", "last", "this"]
  /// The actions money and goods can take.
  static let moneyActions: WordSet = ["arrest", "seize", "release", "repatriate", "traffic", "distribute", "cut"]

  /// Families of counted nouns that are spans of time (`nouns.tsv`).
  static let timeFamilies: WordSet = ["year", "month", "week", "day", "hour", "minute"]

  /// Families of counted nouns that are people (`nouns.tsv`).
  static let peopleFamilies: WordSet = ["person", "offender", "leader", "victim", "worker", "national", "official"]

  /// "Seized" and "intercepted" mean an arrest when they count people ("seized 40 suspects") and a
  /// seizure when they count goods or money ("intercepted 6.8 tonnes of scales").
  private func normaliseSeizure(_ qty: inout Quantity) {
    guard let a = qty.action else { return }
    // Money and goods are seized, released, paid or returned; they are not killed, injured or
    // evacuated ("families of the dead will receive 200,000 taka each", "a hospital around 185 miles
    // away").
    if let u = qty.unit, u != "percent", u != "percentage point",
      !shared.moneyActions.contains(a)
    {
      Self.dropAction(&qty)
      return
    }
    if a == "seize", let family = qty.countedFamily, shared.peopleFamilies.contains(family) {
      qty.action = "arrest"
    } else if a == "arrest", let u = qty.unit, u != "percent", u != "percentage point" {
      qty.action = "seize"
    }
  }

  /// The sentence's action forms as token spans, in order and without overlaps, written into
  /// temporary storage with a slot per token (an action covers at least one token, so there are never
  /// more actions than tokens): no array is allocated and no class string is held. The class of an
  /// action is read again from the lexicon when needed (`actionClass`), for the few actions looked at.
  fileprivate struct ActionSpans {
    /// An action's first token and the token after its last.
    struct Span {
      var start: Int32
      var end: Int32
    }

    let slots: UnsafeMutableBufferPointer<Span>
    /// The actions found, in `slots[0..<count]`.
    private(set) var count = 0

    init(slots: UnsafeMutableBufferPointer<Span>) { self.slots = slots }

    /// The first token of action `x`.
    @inline(__always)
    func start(_ x: Int) -> Int { Int(slots[x].start) }
    /// The token after the last one of action `x`.
    @inline(__always)
    func end(_ x: Int) -> Int { Int(slots[x].end) }

    /// Adds the action `start..<end` after the others.
    @inline(__always)
    mutating func append(_ start: Int, _ end: Int) {
      slots[count] = Span(start: Int32(start), end: Int32(end))
      count += 1
    }

    var indices: Range<Int> { 0..<count }
  }

  /// The actions of the tokens `t`, into `actions` (empty before): at each token the longest action
  /// form starting there, the scan going on after it.
  private func actionMatches(_ t: [Token], into actions: inout ActionSpans) {
    var i = 0
    while i < t.count {
      if t[i].kind == .word, t[i].roles & TokenRoles.action != 0, let end = shared.lexicons.actions.matchEnd(t, at: i) {
        actions.append(i, end)
        i = end
      } else {
        i += 1
      }
    }
  }

  /// The class of action `x` of `actions`, found by `actionMatches` in the same tokens: the payload
  /// of the same lexicon match, made again (the match depends only on the tokens and the start).
  private func actionClass(_ t: [Token], _ actions: ActionSpans, _ x: Int) -> String {
    shared.lexicons.actions.match(t, at: actions.start(x))?.payload ?? ""
  }

  /// The index of the action that starts at token `k`, if any: `actions.firstIndex { $0.start == k }`.
  /// `actionMatches` gives the actions in token order without overlaps, so the scan stops at the
  /// first action starting after `k`.
  @inline(__always)
  private static func action(startingAt k: Int, in actions: ActionSpans) -> Int? {
    var x = 0
    while x < actions.count {
      let s = actions.start(x)
      if s == k { return x }
      if s > k { return nil }
      x += 1
    }
    return nil
  }

  /// Picks the action that governs the figure and, when stated, who performed it.
  ///
  /// Order: an action right before the figure ("the return of over 50,000", "arrested 40"); a passive
  /// after the noun ("40 people were arrested"); the nearest action before the figure in the same
  /// clause; a participle right after the noun ("261 victims rescued"). Purpose clauses ("to face
  /// trial") never decide.
  private func attachAction(_ f: Figure, _ qty: inout Quantity, _ t: [Token], _ bytes: [UInt8], actions: ActionSpans, previousEnd: Int) {
    func text(_ a: Int, _ b: Int) -> String { String(decoding: bytes[t[a].start..<t[b - 1].end], as: UTF8.self) }
    // The chosen action by index.
    var chosen: Int? = nil
    var passive = false
    // 1. Right before: the last action ending at or before the figure (ends grow with the index).
    var before = actions.count - 1
    while before >= 0, actions.end(before) > f.start { before -= 1 }
    if before >= 0 {
      var k = actions.end(before)
      while k < f.start, t.isIn(shared.figureLeadWords, at: k) { k += 1 }
      if k == f.start, actions.end(before) >= previousEnd { chosen = before }
    }
    // A relative clause right after the noun ("nationals who were trapped … have been repatriated"):
    // its verb is not the figure's predicate.
    // (An ASCII token's text is one of the three only when its hash is that word's: the text is
    // compared only then. A token that is not ASCII has no hash and is compared as before.)
    func isRelative(_ k: Int) -> Bool {
      guard k >= 0 && k < t.count else { return false }
      let h = t.hash(at: k)
      if h != 0, h != shared.relativeHashes.0, h != shared.relativeHashes.1, h != shared.relativeHashes.2 { return false }
      return t.lowerIs("who", at: k) || t.lowerIs("which", at: k) || t.lowerIs("that", at: k)
    }
    let relativeAt: Int? = isRelative(f.nounEnd - 1) ? f.nounEnd - 1 : isRelative(f.nounEnd) ? f.nounEnd : nil
    // 2. A passive after the noun.
    var k = f.nounEnd
    var aux = 0
    while k < t.count, aux < 4, t.isIn(shared.auxiliaries, at: k) {
      k += 1
      aux += 1
    }
    if chosen == nil, relativeAt == nil, aux > 0, let m = Self.action(startingAt: k, in: actions) {
      chosen = m
      passive = true
    }
    // A participle on the figure itself ("12 dead and 30 injured").
    if chosen == nil, f.nounEnd == f.end, let m = Self.action(startingAt: f.end, in: actions) {
      chosen = m
      passive = true
    }
    // A participle right after a named noun ("and 40 others injured") belongs to this figure, not the
    // verb of the previous clause.
    if chosen == nil, f.nounEnd > f.end, let m = Self.action(startingAt: f.nounEnd, in: actions),
      t[actions.start(m)].lower.hasSuffix("ed") || t[actions.start(m)].lowerIs("hurt")
        || t[actions.start(m)].lowerIs("dead")
    {
      chosen = m
      passive = true
    }
    // 3. The nearest before, in the same clause.
    if chosen == nil {
      // The clause starts after the last break before the figure. Only actions at or after
      // `previousEnd` can be taken, so the scan for a break stops at the earliest of them: a break
      // before it would let the same actions through.
      var earliest = Int.max
      for x in actions.indices
      where actions.end(x) <= f.start && actions.start(x) >= previousEnd && f.start - actions.end(x) <= 16 {
        earliest = min(earliest, actions.start(x))
      }
      if earliest != Int.max {
        var boundary = previousEnd
        var j = f.start - 1
        let floor = max(previousEnd, 0, earliest)
        while j >= floor {
          if t.isIn(shared.actionClauseBreaks, at: j) {
            boundary = j + 1
            break
          }
          j -= 1
        }
        // The last such action, not of a class taken only right before the figure.
        var x = actions.count - 1
        while x >= 0 {
          if actions.end(x) <= f.start && actions.start(x) >= boundary && f.start - actions.end(x) <= 16
            && !shared.adjacentOnlyClasses.contains(actionClass(t, actions, x))
          {
            // Not an infinitive of purpose after the figure's own verb ("to face trial").
            chosen = x
            break
          }
          x -= 1
        }
      }
    }
    // A predicate later in the clause ("48 nationals trapped in the compound have been rescued").
    if chosen == nil {
      // After a relative clause ("who were trapped in …"), the main predicate is the last one.
      let relative = relativeAt != nil
      var j = relativeAt ?? f.nounEnd
      let limit = min(t.count, f.nounEnd + 16)
      // Only an action that starts after `j`, at or before `limit` and right after an auxiliary can be
      // taken (the scan reaches it at the end of a run of auxiliaries): without one the scan is
      // skipped, and past the last one it can take nothing more, so it stops there.
      let from = j
      var lastStart = -1
      for x in actions.indices {
        let s = actions.start(x)
        if s > limit { break }
        if s > from, t.isIn(shared.auxiliaries, at: s - 1) { lastStart = s }
      }
      if lastStart < 0 { j = limit }
      while j < limit, j <= lastStart, !t.isIn(shared.predicateBreaks, at: j) {
        if t.isIn(shared.auxiliaries, at: j) {
          var a = j
          while a < limit, t.isIn(shared.auxiliaries, at: a) { a += 1 }
          if let m = Self.action(startingAt: a, in: actions) {
            chosen = m
            passive = true
            if !relative { break }
          }
          j = a
          continue
        }
        j += 1
      }
    }
    // 4. A participle right after the noun.
    if chosen == nil, let m = Self.action(startingAt: f.nounEnd, in: actions) {
      chosen = m
      passive = true
    }
    guard let chosenIndex = chosen else { return }
    let mStart = actions.start(chosenIndex)
    let mEnd = actions.end(chosenIndex)
    qty.action = actionClass(t, actions, chosenIndex)
    qty.actionText = text(mStart, mEnd)
    qty.actionRange = t[mStart].start..<t[mEnd - 1].end
    // Actor: "by Myanmar authorities" after a passive; the words before an active verb.
    if passive {
      var p = mEnd
      if p < t.count, t[p].lowerIs("by") {
        p += 1
        let s = p
        while p < t.count, p - s < 4, t[p].kind == .word, !t.isFunctionWord(at: p, shared) || t[p].lowerIs("the") && p == s {
          p += 1
        }
        var a = s
        if a < p, t[a].lowerIs("the") { a += 1 }
        if a < p { qty.actor = text(a, p) }
      }
    } else {
      var e = mStart
      while e > 0, t.isIn(shared.actorSkipWords, at: e - 1) {
        e -= 1
      }
      // "border guards on Wednesday handed over …": the actor stands before the time phrase.
      if e >= 2, shared.lexicons.weekdays[token: t[e - 1]] != nil || t.isIn(shared.actorTimeWords, at: e - 1) {
        e -= 1
        if e > 0, t.isIn(shared.actorTimeLeads, at: e - 1) { e -= 1 }
      }
      var s = e
      while s > 0, e - s < 3, t[s - 1].kind == .word, !t.isFunctionWord(at: s - 1, shared),
        !t.startsAction(at: s - 1, shared)
      {
        s -= 1
      }
      if s < e { qty.actor = text(s, e) }
    }
  }

  // MARK: - Superseded

  /// Whether the sentence marks the figure as an earlier one ("initially 40", "earlier reports said 40").
  private func isSuperseded(_ f: Figure, _ t: [Token], previousEnd: Int) -> Bool {
    let superseded = shared.lexicons.superseded
    let from = max(previousEnd, f.start - 8)
    var k = from
    while k < f.start {
      if superseded.mayStart(t, at: k), let end = superseded.matchEnd(t, at: k), end <= f.start { return true }
      k += 1
    }
    var j = f.nounEnd
    let limit = min(t.count, f.nounEnd + 4)
    while j < limit {
      // "61.4 percent, up from 55 percent": "up from" after a figure marks the next figure, not this one.
      if superseded.mayStart(t, at: j), let end = superseded.matchEnd(t, at: j), end <= limit,
        !t[end - 1].lowerIs("from")
      {
        return true
      }
      j += 1
    }
    return false
  }
}

/// Which tokens of a sentence no figure may use (dates, links, phone numbers), as one flag a token in
/// memory the caller provides; the flags are only written once a token is blocked (most sentences
/// block none).
private struct BlockedTokens {
  /// One flag a token; initialized only when `any` is true.
  let flags: UnsafeMutableBufferPointer<Bool>
  /// Whether some token is blocked (then every flag is initialized).
  private(set) var any = false

  init(flags: UnsafeMutableBufferPointer<Bool>) {
    self.flags = flags
  }

  /// Whether token `i` is blocked.
  @inline(__always)
  func contains(_ i: Int) -> Bool { any && flags[i] }

  /// Marks the tokens `r` (clamped to the sentence) as blocked.
  mutating func block(_ r: Range<Int>) {
    if !any {
      flags.initialize(repeating: false)
      any = true
    }
    for k in r.clamped(to: 0..<flags.count) { flags[k] = true }
  }
}
