/// A number read from tokens: its value and which tokens it took.
struct ParsedNumber: Sendable, Hashable {
  /// First token of the number.
  var start: Int
  /// Token index after the number.
  var end: Int
  /// The value, scaled ("2.7 billion" → 2.7e9); for a vague figure, its low bound.
  var value: Double
  /// True for "dozens", "hundreds", "tens of thousands".
  var isVague: Bool
  /// The largest scale word applied (1 when none), so that "15 to 20 million" can scale the 15.
  var scale: Double
  /// True for one run of digits with no separator, decimal, scale or word ("2023", "737").
  var isPlainDigits: Bool
  /// True when the number starts with digits (not a word).
  var startsWithDigits: Bool
  /// Number of digits of a plain run.
  var digitCount: Int
}

/// What the parser found at a token.
enum NumberParse: Sendable {
  /// No number starts here.
  case none
  /// A number.
  case number(ParsedNumber)
  /// Digits that are not a figure (an ordinal "16th", a unit or name written on them "180ml", a
  /// version "1.2.3"); `end` is the token after them.
  case rejected(end: Int)
}

/// Reads numbers written in digits, in words, or both ("12,400", "4.5bn", "forty-two",
/// "a quarter of a million", "4 thousand 3 hundred and 21", "dozens").
struct NumberParser: Sendable {
  /// The lexicons behind one reference: a method that reads a table through it reads in place, where
  /// a parser holding the lexicons (some 960 bytes of tables) by value copies them all onto the stack
  /// before a call on one of them.
  private final class Shared: Sendable {
    let lexicons: ExtractionLexicons
    /// Every number word (`lexicons.numberWords`' keys), of any kind.
    let numberWordKeys: WordSet
    /// Whether some number word is a run of ASCII digits (none in the shipped lexicon): when none is,
    /// a run of digits is looked up as no number word.
    let digitsMayBeNumberWord: Bool
    init(_ lexicons: ExtractionLexicons) {
      self.lexicons = lexicons
      numberWordKeys = WordSet(lexicons.numberWords.keys)
      digitsMayBeNumberWord = lexicons.numberWords.keys.contains { k in
        !k.isEmpty && k.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
      }
    }
  }

  private let shared: Shared

  /// A parser reading the number words, vague figures and currencies of `lexicons`.
  init(lexicons: ExtractionLexicons) {
    shared = Shared(lexicons)
  }

  /// Reads the number that starts at token `i`, never reading at or past token `stop`.
  func parse(_ tokens: [Token], at i: Int, stop: Int) -> NumberParse {
    guard i < stop else { return .none }
    if let v = vague(tokens, at: i, stop: stop) { return .number(v) }
    // A word that is no number word, nor "a" or "an", starts neither a fraction ("a quarter", "half a
    // million") nor a compound: both read a number word there first ("and" and "point" only join
    // numbers already read).
    switch tokens[i].kind {
    case .word:
      if !Self.mayBeNumberWord(tokens[i]) || !shared.numberWordKeys.contains(token: tokens[i]) {
        guard tokens[i].isByte(0x61) || tokens[i].lowerIs("an") else { return .none }
        // "a" or "an" (no number word itself) starts a number only before a number word: a fraction
        // reads one right after it ("a quarter"), and so does a compound ("a million", "a hundred").
        guard i + 1 < stop, Self.mayBeNumberWord(tokens[i + 1]), shared.numberWordKeys.contains(token: tokens[i + 1])
        else { return .none }
      }
    case .digits:
      // A fraction starts with "a", "an" or a number word (`fraction`): digits that are none start a
      // compound, whose first atom they are.
      if !shared.digitsMayBeNumberWord { return digitsCompound(tokens, at: i, stop: stop) }
    case .symbol:
      // A symbol starts a number only as the point of ".08" (`literal`) or as a number word: the
      // fraction and the compound read nothing else at their first token ("and" and "point" are
      // words, and only a word is a number word's atom). Every sentence has a full stop.
      if !(tokens[i].isByte(0x2E) && Self.startsDecimal(tokens, at: i, stop: stop)),
        !Self.mayBeNumberWord(tokens[i]) || !shared.numberWordKeys.contains(token: tokens[i])
      {
        return .none
      }
    }
    if let f = fraction(tokens, at: i, stop: stop) { return .number(f) }
    return compound(tokens, at: i, stop: stop)
  }

  /// The vague figure ("hundreds", "dozens of") that starts at token `i` and ends by `stop`. ("hundreds"
  /// after a number is a multiplier, handled by the compound reader.)
  @inline(__always)
  private func vague(_ tokens: [Token], at i: Int, stop: Int) -> ParsedNumber? {
    guard let v = shared.lexicons.vague.match(tokens, at: i), v.end <= stop else { return nil }
    return ParsedNumber(
      start: i, end: v.end, value: v.payload, isVague: true, scale: 1, isPlainDigits: false,
      startsWithDigits: false, digitCount: 0)
  }

  /// `parse` without its shortcuts by token kind (every token that is no word goes through the
  /// fraction and the compound reader): the plain reading the shortcuts must agree with, for tests.
  func parseWithoutShortcuts(_ tokens: [Token], at i: Int, stop: Int) -> NumberParse {
    guard i < stop else { return .none }
    if let v = vague(tokens, at: i, stop: stop) { return .number(v) }
    if tokens[i].kind == .word, !Self.mayBeNumberWord(tokens[i]) || !shared.numberWordKeys.contains(token: tokens[i]) {
      guard tokens[i].isByte(0x61) || tokens[i].lowerIs("an") else { return .none }
      guard i + 1 < stop, Self.mayBeNumberWord(tokens[i + 1]), shared.numberWordKeys.contains(token: tokens[i + 1])
      else { return .none }
    }
    if let f = fraction(tokens, at: i, stop: stop) { return .number(f) }
    return compound(tokens, at: i, stop: stop)
  }

  // MARK: - Digits

  /// A run of digits with its separators, decimals and attached scale ("12,400", "12 400", "4.5bn").
  private struct Literal {
    var end: Int
    var value: Double
    var plain: Bool
    var digitCount: Int
    /// The attached scale ("bn" → 1e9), or nil.
    var suffixScale: Double?
  }

  private enum LiteralParse {
    case none
    case literal(Literal)
    case rejected(end: Int)
  }

  /// Whether the "." at token `i` starts a number written from its decimal point (".08"): digits
  /// attached after it, and nothing attached before it (or it starts the sentence).
  @inline(__always)
  static func startsDecimal(_ tokens: [Token], at i: Int, stop: Int) -> Bool {
    i + 1 < stop && tokens[i + 1].kind == .digits && tokens[i + 1].isAttached && (!tokens[i].isAttached || i == 0)
  }

  private func literal(_ tokens: [Token], at i: Int, stop: Int) -> LiteralParse {
    var j = i
    var plain = true
    // The digits are read from the tokens in place, not joined into strings (`intPart` and `frac`
    // below, each token's string retained and released): the integer part is the tokens
    // `intFirst`, `intFirst + intStep`, … before `intEnd` ("0" when `intFirst` is -1, for ".08"), the
    // decimals the token `fracAt` (none when -1).
    var intFirst = i
    var intStep = 1
    var intEnd = i + 1
    var fracAt = -1
    // ".08"
    if tokens[i].isByte(0x2E), Self.startsDecimal(tokens, at: i, stop: stop) {
      fracAt = i + 1
      intFirst = -1
      j = i + 2
      plain = false
    } else {
      guard tokens[i].kind == .digits else { return .none }
      j = i + 1
      let firstLength = tokens[i].length
      if firstLength <= 3 {
        // Comma groups: "12,400", "1,234,567".
        while j + 1 < stop, tokens[j].isByte(0x2C), tokens[j].isAttached, tokens[j + 1].kind == .digits,
          tokens[j + 1].isAttached, tokens[j + 1].length == 3
        {
          j += 2
          intStep = 2
          intEnd = j
          plain = false
        }
        // Space groups: "12 400", "1 414 021 100" (one space-like character between groups).
        if plain {
          while j < stop, tokens[j].kind == .digits, tokens[j].singleSpaceBefore, tokens[j].length == 3,
            !(j + 1 < stop && tokens[j + 1].isAttached && (tokens[j + 1].kind == .digits || tokens[j + 1].isByte(0x2C)))
          {
            j += 1
            intEnd = j
            plain = false
          }
        }
      }
      // Decimals: "2.7", "4.800".
      if j + 1 < stop, tokens[j].isByte(0x2E), tokens[j].isAttached, tokens[j + 1].kind == .digits,
        tokens[j + 1].isAttached
      {
        fracAt = j + 1
        j += 2
        plain = false
        // "1.2.3" or "192.168.1.2": a version or an address, not a figure.
        if j + 1 < stop, tokens[j].isByte(0x2E), tokens[j].isAttached, tokens[j + 1].kind == .digits,
          tokens[j + 1].isAttached
        {
          var k = j
          while k + 1 < tokens.count, tokens[k].isByte(0x2E), tokens[k].isAttached, tokens[k + 1].kind == .digits,
            tokens[k + 1].isAttached
          {
            k += 2
          }
          return .rejected(end: k)
        }
      }
    }
    let read = tokens.withUnsafeBufferPointer { b in
      Self.digitsValue(b, intFirst: intFirst, step: intStep, end: intEnd, fracAt: fracAt)
    }
    let digitCount = read.intDigits
    guard var value = read.value else { return .none }
    var suffixScale: Double? = nil
    // Something written on the digits: a scale ("9m"), an ordinal ("16th") or a unit or name ("180ml").
    if j < tokens.count, tokens[j].kind == .word, tokens[j].isAttached {
      if j < stop, let s = shared.lexicons.numberWord(tokens[j], .suffix, or: .shortScale) {
        value *= s.value
        suffixScale = s.value
        j += 1
        plain = false
        if j < tokens.count, tokens[j].kind == .word || tokens[j].kind == .digits, tokens[j].isAttached {
          return .rejected(end: j + 1)
        }
      } else if shared.lexicons.currencies.matchEnd(tokens, at: j) != nil {
        // "100元", "115USD": the currency is read by the caller.
      } else {
        return .rejected(end: j + 1)
      }
    }
    return .literal(Literal(end: j, value: value, plain: plain, digitCount: digitCount, suffixScale: suffixScale))
  }

  /// `Double(intPart + "." + frac)` for runs of ASCII digits with at most 15 digits in all, or nil
  /// (then the caller parses the string). The digits make an integer below 2^53 and 10^k is exact for
  /// k <= 15, so one division is correctly rounded, as the string parse is: the same value, without
  /// building a string.
  @inline(__always)
  static func exactValue(_ intPart: String, _ frac: String) -> Double? {
    let fracDigits = frac.utf8.count
    guard intPart.utf8.count + fracDigits <= 15 else { return nil }
    var m: UInt64 = 0
    guard accumulateDigits(intPart, into: &m), accumulateDigits(frac, into: &m) else { return nil }
    if fracDigits == 0 { return Double(m) }
    var scale = 1.0
    for _ in 0..<fracDigits { scale *= 10 }
    return Double(m) / scale
  }

  /// The integer digits and the value of a literal whose integer part is the tokens `intFirst`,
  /// `intFirst + step`, … before `end` ("0" when `intFirst` is -1) and whose decimals are the token
  /// `fracAt` (none when -1): what `literal` computed as `intPart.utf8.count` and
  /// `exactValue(intPart, frac) ?? Double(frac.isEmpty ? intPart : intPart + "." + frac)` from the
  /// tokens' strings joined, read from the tokens in place. The fast path accumulates the same digits
  /// in the same order as `exactValue` on the joined strings (whose bytes are the tokens' bytes one
  /// after the other) under the same conditions (at most 15 digits, all ASCII digits); otherwise the
  /// strings are joined and parsed as before.
  static func digitsValue(
    _ b: UnsafeBufferPointer<Token>, intFirst: Int, step: Int, end: Int, fracAt: Int
  ) -> (intDigits: Int, value: Double?) {
    var intDigits = 0
    if intFirst < 0 {
      intDigits = 1
    } else {
      var k = intFirst
      while k < end {
        intDigits += b[k].lower.utf8.count
        k += step
      }
    }
    let fracDigits = fracAt < 0 ? 0 : b[fracAt].lower.utf8.count
    if intDigits + fracDigits <= 15 {
      var m: UInt64 = 0
      var ok = true
      if intFirst >= 0 {
        var k = intFirst
        while ok, k < end {
          ok = b[k].lower.withUTF8Bytes { accumulate($0, into: &m) }
          k += step
        }
      }
      if ok, fracAt >= 0 { ok = b[fracAt].lower.withUTF8Bytes { accumulate($0, into: &m) } }
      if ok {
        if fracDigits == 0 { return (intDigits, Double(m)) }
        var scale = 1.0
        for _ in 0..<fracDigits { scale *= 10 }
        return (intDigits, Double(m) / scale)
      }
    }
    var intPart = intFirst < 0 ? "0" : ""
    if intFirst >= 0 {
      var k = intFirst
      while k < end {
        intPart += b[k].lower
        k += step
      }
    }
    let frac = fracAt < 0 ? "" : b[fracAt].lower
    return (intDigits, Double(frac.isEmpty ? intPart : intPart + "." + frac))
  }

  /// Appends the decimal digits of `u` to `m` (`m = m * 10 + digit` for each byte); false when a byte
  /// is no ASCII digit.
  @inline(__always)
  static func accumulate(_ u: UnsafeBufferPointer<UInt8>, into m: inout UInt64) -> Bool {
    var value = m
    for x in u {
      let d = x &- 0x30
      guard d < 10 else { return false }
      value = value &* 10 &+ UInt64(d)
    }
    m = value
    return true
  }

  /// Appends the decimal digits of `s` to `m` (`m = m * 10 + digit` for each byte); false when a byte
  /// is no ASCII digit. The bytes are read from the string's storage (a small string's too) when it
  /// gives it, else one by one.
  @inline(__always)
  static func accumulateDigits(_ s: String, into m: inout UInt64) -> Bool {
    var value = m
    let read = s.utf8.withContiguousStorageIfAvailable { u -> Bool in
      for b in u {
        let d = b &- 0x30
        guard d < 10 else { return false }
        value = value &* 10 &+ UInt64(d)
      }
      return true
    }
    if let ok = read {
      m = value
      return ok
    }
    for b in s.utf8 {
      let d = b &- 0x30
      guard d < 10 else { return false }
      m = m &* 10 &+ UInt64(d)
    }
    return true
  }

  // MARK: - Words

  /// A number word or a run of digits inside a compound.
  private struct Atom {
    var end: Int
    var value: Double
    var isTens: Bool
    var isDigits: Bool
    var literal: Literal?
  }

  private func wordAtom(_ tokens: [Token], at p: Int, stop: Int) -> Atom? {
    // Most tokens here are not words: look before copying.
    guard tokens[p].kind == .word else { return nil }
    let numberWord = Self.mayBeNumberWord(tokens[p])
    if numberWord, let u = shared.lexicons.numberWord(tokens[p], .unit) {
      return Atom(end: p + 1, value: u.value, isTens: false, isDigits: false)
    }
    if numberWord, let tens = shared.lexicons.numberWord(tokens[p], .tens) {
      // "forty-two", "fifty - two"
      if p + 2 < stop, isHyphen(tokens[p + 1]),
        tokens[p + 1].isAttached == tokens[p + 2].isAttached,
        let u = shared.lexicons.numberWord(tokens[p + 2], .unit), u.value >= 1, u.value <= 9
      {
        return Atom(end: p + 3, value: tens.value + u.value, isTens: false, isDigits: false)
      }
      return Atom(end: p + 1, value: tens.value, isTens: true, isDigits: false)
    }
    if tokens[p].isByte(0x61) || tokens[p].lowerIs("an"), p + 1 < stop {
      if shared.lexicons.numberWord(tokens[p + 1], .multiplier, or: .scale) != nil {
        return Atom(end: p + 1, value: 1, isTens: false, isDigits: false)
      }
    }
    return nil
  }

  /// "half a million", "a quarter of a million", "half a dozen", "quarter million".
  private func fraction(_ tokens: [Token], at i: Int, stop: Int) -> ParsedNumber? {
    var p = i
    if tokens[p].isByte(0x61) || tokens[p].lowerIs("an") { p += 1 }
    guard p < stop, let f = shared.lexicons.numberWord(tokens[p], .fraction) else { return nil }
    p += 1
    if p < stop, tokens[p].lowerIs("of") { p += 1 }
    if p < stop, tokens[p].isByte(0x61) || tokens[p].lowerIs("an") { p += 1 }
    guard p < stop else { return nil }
    guard let s = shared.lexicons.numberWord(tokens[p], .scale, or: .multiplier) else { return nil }
    return ParsedNumber(
      start: i, end: p + 1, value: f.value * s.value, isVague: false, scale: s.value, isPlainDigits: false,
      startsWithDigits: false, digitCount: 0)
  }

  /// `compound(tokens, at: i, stop: stop)` for a run of digits at `i` (no number word being digits):
  /// most figures are one literal followed by a word that cannot go on with it ("422 servers"), read
  /// here without the compound reader's loop.
  ///
  /// The compound reader's first step at digits reads the literal (`wordAtom` reads words only, and
  /// "and" and "point" are words); a literal rejected, with a scale ("4.5bn") or read as none is left
  /// to it. After a literal without a scale its state is one atom of digits (`small` set,
  /// no hundreds, no total, outside "and"), and its next step at token `p` changes nothing and stops
  /// unless `p` is "and" (a fraction may follow: "5 and a half million") or may be a number word (a
  /// multiplier or a scale: "5 hundred", "2 million"; every number word has the figure role, and so
  /// do digits): "point" needs a number not in digits, another atom (a word, digits or ".08") cannot
  /// follow digits, and a token without the figure role is no multiplier or scale. So when `p` is
  /// neither, the number is the literal: its value (`0 + 0 + value`), scale 1, plain when the literal
  /// is, starting with digits; otherwise (and for a literal that reads as none) the compound reader
  /// reads it.
  @inline(__always)
  private func digitsCompound(_ tokens: [Token], at i: Int, stop: Int) -> NumberParse {
    guard case .literal(let lit) = literal(tokens, at: i, stop: stop), lit.suffixScale == nil else {
      return compound(tokens, at: i, stop: stop)
    }
    let p = lit.end
    if p < stop, tokens[p].roles & TokenRoles.figure != 0 || tokens[p].lowerIs("and") {
      return compound(tokens, at: i, stop: stop)
    }
    return .number(
      ParsedNumber(
        start: i, end: p, value: lit.value, isVague: false, scale: 1, isPlainDigits: lit.plain, startsWithDigits: true,
        digitCount: lit.digitCount))
  }

  /// Numbers in words, digits, or both, with scales and "and" ("two hundred and two thousand").
  private func compound(_ tokens: [Token], at i: Int, stop: Int) -> NumberParse {
    var total = 0.0
    var lastScale = Double.infinity
    var scale = 1.0
    var hundreds: Double? = nil
    var small: Double? = nil
    var smallIsTens = false
    var smallIsDigits = false
    var atoms = 0
    var inAnd = false
    var committed: (end: Int, value: Double, scale: Double)? = nil
    var beforeAnd: (end: Int, value: Double, scale: Double)? = nil
    var firstLiteral: Literal? = nil
    var p = i

    func commit() { committed = (p, total + (hundreds ?? 0) + (small ?? 0), scale) }

    loop: while p < stop {
      if tokens[p].lowerIs("and") {
        // "five and a half million", "one million and a half"
        if p + 2 < stop, tokens[p + 1].isByte(0x61) || tokens[p + 1].lowerIs("one"),
          let f = shared.lexicons.numberWord(tokens[p + 2], .fraction)
        {
          if let s = small, hundreds == nil, total == 0 {
            small = s + f.value
            p += 3
            commit()
            continue
          }
          if small == nil, hundreds == nil, total > 0, lastScale.isFinite {
            // "one billion and a half million" or "one million and a half".
            if p + 3 < stop, let s = shared.lexicons.numberWord(tokens[p + 3], .scale), s.value < lastScale {
              total += f.value * s.value
              p += 4
            } else {
              total += f.value * lastScale
              p += 3
            }
            commit()
          }
          break
        }
        guard !inAnd, committed != nil,
          (hundreds != nil && small == nil) || (total > 0 && hundreds == nil && small == nil)
        else { break }
        inAnd = true
        beforeAnd = committed
        p += 1
        continue
      }
      // "four point two billion": a decimal read aloud, one digit word at a time.
      if tokens[p].lowerIs("point"), let s = small, !smallIsDigits, hundreds == nil, p + 1 < stop,
        let first = shared.lexicons.numberWord(tokens[p + 1], .unit), first.value <= 9
      {
        var fraction = 0.0
        var place = 0.1
        var q = p + 1
        while q < stop, let d = shared.lexicons.numberWord(tokens[q], .unit), d.value <= 9 {
          fraction += d.value * place
          place /= 10
          q += 1
        }
        small = s + fraction
        smallIsTens = false
        p = q
        commit()
        continue
      }
      // Only a word can be a number word (`wordAtom` gives nil for any other token).
      var atom = tokens[p].kind == .word ? wordAtom(tokens, at: p, stop: stop) : nil
      if atom == nil, tokens[p].kind == .digits || tokens[p].isByte(0x2E) {
        switch literal(tokens, at: p, stop: stop) {
        case .none: break
        case .rejected(let end):
          if atoms == 0 { return .rejected(end: end) }
          break loop
        case .literal(let lit):
          if lit.suffixScale != nil {
            // "4.5bn" is complete by itself.
            if atoms > 0 { break loop }
            return .number(
              ParsedNumber(
                start: i, end: lit.end, value: lit.value, isVague: false, scale: lit.suffixScale ?? 1,
                isPlainDigits: false, startsWithDigits: true, digitCount: lit.digitCount))
          }
          atom = Atom(end: lit.end, value: lit.value, isTens: false, isDigits: true, literal: lit)
        }
      }
      if let a = atom {
        if small == nil {
          if hundreds != nil, a.value >= 100 { break }
          if total > 0, hundreds == nil, a.value >= lastScale { break }
          if inAnd, a.value == 0 { break }
          // Digits join a compound only after a scale ("4 thousand 3 hundred").
          if a.isDigits, atoms > 0, !(total > 0 && hundreds == nil) && !(inAnd) { break }
          small = a.value
          smallIsTens = a.isTens
          smallIsDigits = a.isDigits
        } else if smallIsTens, !a.isDigits, !a.isTens, a.value >= 1, a.value <= 9 {
          small = (small ?? 0) + a.value
          smallIsTens = false
        } else {
          break
        }
        if atoms == 0 { firstLiteral = a.literal }
        atoms += 1
        p = a.end
        commit()
        continue
      }
      // Only a token that may be a number word is looked up (most tokens after a number are not).
      let numberWord = Self.mayBeNumberWord(tokens[p])
      if numberWord, let m = shared.lexicons.numberWord(tokens[p], .multiplier) {
        // "hundred thousand dollars": a bare "hundred" at the start counts one hundred.
        if small == nil, atoms == 0, m.value == 100, tokens[p].lowerIs("hundred") {
          small = 1
          atoms = 1
        }
        guard let s = small else { break }
        if m.value == 100 {
          guard hundreds == nil, s < 100 || smallIsDigits else { break }
          hundreds = s * 100
          small = nil
        } else {
          small = s * m.value
        }
        smallIsTens = false
        smallIsDigits = false
        p += 1
        commit()
        continue
      }
      if numberWord, let s = shared.lexicons.numberWord(tokens[p], .scale, or: .shortScale) {
        let segment = (hundreds ?? 0) + (small ?? 0)
        guard atoms > 0, segment > 0, s.value < lastScale else { break }
        total += segment * s.value
        lastScale = s.value
        scale = max(scale, s.value)
        hundreds = nil
        small = nil
        smallIsTens = false
        smallIsDigits = false
        inAnd = false
        p += 1
        commit()
        continue
      }
      break
    }
    // An "and" that led nowhere, or that joined something it should not have ("3 hundred and 2
    // hundred" is two numbers), falls back to the number before it.
    if inAnd, let b = beforeAnd {
      let stoppedOnMultiplier = p < stop && shared.lexicons.numberWord(tokens[p], .multiplier) != nil
      if committed.map({ $0.end <= b.end + 1 }) ?? true || stoppedOnMultiplier { committed = b }
    }
    guard let c = committed, atoms > 0 else { return .none }
    let plain = atoms == 1 && c.end == (firstLiteral?.end ?? -1) && (firstLiteral?.plain ?? false)
    return .number(
      ParsedNumber(
        start: i, end: c.end, value: c.value, isVague: false, scale: c.scale, isPlainDigits: plain,
        startsWithDigits: tokens[i].kind == .digits || tokens[i].isByte(0x2E),
        digitCount: firstLiteral?.digitCount ?? 0))
  }

  /// Whether `t` may be a number word: every number word has the figure role (`ExtractionLexicons.mark`
  /// gives it; a token not marked has every role), so a token without it has no number-word entry.
  @inline(__always)
  static func mayBeNumberWord(_ t: Token) -> Bool { t.roles & TokenRoles.figure != 0 }

  /// "-", "–" or "—".
  func isHyphen(_ s: String) -> Bool { Self.isHyphen(text: s) }

  /// "-", "–", "—" or "‑".
  static func isHyphen(text s: String) -> Bool { s == "-" || s == "–" || s == "—" || s == "‑" }

  /// `isHyphen(t.lower)`, from the token's length and hash: "-" is one ASCII byte, and the three
  /// dashes are three-byte symbols, the only ones whose text is compared.
  @inline(__always)
  func isHyphen(_ t: Token) -> Bool {
    if t.isByte(0x2D) { return true }
    return t.kind == .symbol && t.end - t.start == 3 && t.lowerHash == 0 && isHyphen(t.lower)
  }
}
