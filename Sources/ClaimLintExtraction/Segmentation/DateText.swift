import ClaimLintCore

/// Recognises the few date layouts segmentation cares about: a line that is only a date, a dateline
/// at the start of a lead paragraph, and a weekday-anchored date inside a lead paragraph.
///
/// Works on a short token list built from UTF-8 bytes; it never looks past a caller-given limit, so
/// it stays cheap on long paragraphs.
enum DateText {
  /// The bytes of a token of at most `Spelling.maxLength` bytes, ASCII letters lower-cased, packed
  /// into two integers; a longer token has the empty spelling.
  ///
  /// Tokens are compared with the date, label and punctuation words through their spellings instead
  /// of Strings, so no String is made per token. Two spellings are equal exactly when their bytes are.
  /// For the keys (all ASCII, or the punctuation `–`, `—`, `·`) that is the same as String equality of
  /// `lower`: a token whose lower-cased bytes differ from a key's could only equal it as a String by
  /// canonical equivalence, and no sequence of non-ASCII scalars is canonically equivalent to an ASCII
  /// key (the only singleton decomposing to an ASCII letter is the Kelvin sign, to upper-case `K`);
  /// `–`, `—` and `·` are matched only by punctuation tokens, which are exactly those bytes.
  struct Spelling: Hashable {
    /// Bytes 0..<8, byte k in bits 8k..<8k+8.
    var low: UInt64
    /// Bytes 8..<12 in the low 32 bits, the length in bits 56..<64.
    var high: UInt64

    static let maxLength = 12

    /// The spelling of `bytes[start..<end]`.
    @inline(__always)
    init(_ bytes: [UInt8], _ start: Int, _ end: Int) {
      self = bytes.withUnsafeBufferPointer { Spelling($0, start, end) }
    }

    /// The spelling of `bytes[start..<end]`, read in place.
    @inline(__always)
    init(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
      low = 0
      high = 0
      let n = end - start
      guard n <= Self.maxLength else { return }
      precondition(start >= 0 && end <= b.count)
      // Packed from the last byte back: one shift and one or per byte, no bounds checks.
      func lowered(_ c: UInt8) -> UInt64 { UInt64(c >= 0x41 && c <= 0x5A ? c + 32 : c) }
      var l: UInt64 = 0
      var h: UInt64 = 0
      var k = end
      while k > start + 8 {
        k -= 1
        h = h << 8 | lowered(b[k])
      }
      while k > start {
        k -= 1
        l = l << 8 | lowered(b[k])
      }
      low = l
      high = h | UInt64(n) << 56
    }

    /// The spelling of a key; keys have at most `maxLength` bytes.
    init(_ key: String) {
      let bytes = Array(key.utf8)
      precondition(bytes.count <= Self.maxLength, "date word '\(key)' is too long for a spelling")
      self.init(bytes, 0, bytes.count)
    }

    /// Length in UTF-8 bytes (0 for a token longer than `maxLength`).
    var count: Int { Int(high >> 56) }
    /// The first byte, or 0 when empty.
    var first: UInt8 { UInt8(truncatingIfNeeded: low) }
    var isASCII: Bool { low & 0x8080_8080_8080_8080 == 0 && high & 0x8080_8080 == 0 }
    var bytes: [UInt8] {
      (0..<count).map { (k: Int) -> UInt8 in
        let word: UInt64 = k < 8 ? low : high
        let shift = UInt64(8 * (k % 8))
        return UInt8(truncatingIfNeeded: word >> shift)
      }
    }
    /// The bytes as a String (ill-formed UTF-8 repaired, as `String(decoding:as:)` does).
    var string: String { String(decoding: bytes, as: UTF8.self) }
  }

  /// A word, number or punctuation mark with its UTF-8 range in the scanned text.
  struct Token {
    enum Kind { case word, number, punct }
    var kind: Kind
    var start: Int
    var end: Int
    /// Lower-cased ASCII spelling of a word, the digits of a number, or the punctuation itself
    /// (empty for tokens of more than 12 bytes).
    var spelling: Spelling
    /// True when the word starts with an upper-case letter or a letter without case.
    var capitalized: Bool
    /// `spelling` as a String.
    var lower: String { spelling.string }
    /// The number's value (`Int(lower)` for at most 9 digits), or -1.
    var value: Int {
      guard kind == .number && length <= 9 else { return -1 }
      var v = 0
      for k in 0..<length {
        let digit = UInt8(truncatingIfNeeded: spelling.low >> UInt64(8 * k)) &- 0x30
        v = v * 10 + Int(digit)
      }
      return v
    }
    /// Length in UTF-8 bytes.
    var length: Int { end - start }
  }

  /// A calendar date as written: year may be missing ("August 16").
  struct Match {
    var year: Int?
    var month: Int
    var day: Int
    var weekday: Int?
    /// Token index just past the date.
    var endToken: Int
    var date: CalendarDate? { year.flatMap { CalendarDate(year: $0, month: month, day: day) } }
  }

  /// Tokens of `bytes[0..<limit]`.
  static func tokens(_ bytes: [UInt8], limit: Int = Int.max) -> [Token] {
    bytes.withUnsafeBufferPointer { tokens($0, limit: limit) }
  }

  /// Tokens of `bytes[0..<limit]`, read in place (a string's bytes need no array).
  static func tokens(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int = Int.max) -> [Token] {
    var out: [Token] = []
    out.reserveCapacity(min(bytes.count, limit) / 5 + 4)
    var position = 0
    appendTokens(bytes, limit: limit, position: &position, into: &out)
    return out
  }

  /// Appends the tokens of `bytes[position..<limit]` to `out` until it holds `count` tokens, and
  /// leaves `position` after the last token read.
  ///
  /// Each token depends only on the bytes and the limit, so tokens made a few at a time are the
  /// same as those of `tokens(_:limit:)`.
  static func appendTokens(
    _ bytes: UnsafeBufferPointer<UInt8>, limit: Int, position: inout Int, into out: inout [Token],
    upTo count: Int = Int.max
  ) {
    let n = min(bytes.count, limit)
    var i = position
    defer { position = i }
    func isLetterByte(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
    func nonASCIIPunctLength(_ i: Int) -> Int {
      // – — • … and the middle dot are punctuation; a no-break space is a space.
      if i + 2 < bytes.count, bytes[i] == 0xE2, bytes[i + 1] == 0x80,
        [0x93, 0x94, 0xA2, 0xA6].contains(bytes[i + 2])
      {
        return 3
      }
      if i + 1 < bytes.count, bytes[i] == 0xC2, bytes[i + 1] == 0xB7 { return 2 }
      return 0
    }
    while i < n, out.count < count {
      let b = bytes[i]
      if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
        i += 1
        continue
      }
      if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 {
        i += 2
        continue
      }
      if b >= 0x30 && b <= 0x39 {
        let s = i
        while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
        out.append(Token(kind: .number, start: s, end: i, spelling: Spelling(bytes, s, i), capitalized: false))
        continue
      }
      let punctLength = b >= 0x80 ? nonASCIIPunctLength(i) : 0
      if isLetterByte(b) || (b >= 0x80 && punctLength == 0) {
        let s = i
        while i < n {
          let c = bytes[i]
          if isLetterByte(c) {
            i += 1
          } else if c >= 0x80 {
            if nonASCIIPunctLength(i) > 0 { break }
            if c == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 { break }
            i += 1
          } else if (c == 0x27 || c == 0x2D) && i + 1 < n && isLetterByte(bytes[i + 1]) && i > s {
            i += 1
          } else {
            break
          }
        }
        // Month, weekday and label words are short; longer words keep no spelling.
        let first = bytes[s]
        out.append(
          Token(
            kind: .word, start: s, end: i, spelling: Spelling(bytes, s, i),
            capitalized: (first >= 0x41 && first <= 0x5A) || first >= 0x80))
        continue
      }
      let length = max(1, punctLength)
      let end = min(n, i + length)
      out.append(Token(kind: .punct, start: i, end: end, spelling: Spelling(bytes, i, end), capitalized: false))
      i = end
    }
  }

  private static let monthWords: [String: Int] = {
    var m: [String: Int] = [:]
    for (i, name) in CalendarDate.monthNames.enumerated() {
      let lower = name.lowercased()
      m[lower] = i + 1
      m[String(lower.prefix(3))] = i + 1
    }
    m["sept"] = 9
    return m
  }()

  private static let weekdayWords: [String: Int] = {
    var m: [String: Int] = [:]
    for (i, name) in CalendarDate.weekdayNames.enumerated() {
      let lower = name.lowercased()
      m[lower] = i + 1
      m[String(lower.prefix(3))] = i + 1
    }
    m["tues"] = 2
    m["thur"] = 4
    m["thurs"] = 4
    return m
  }()

  /// The month (1–12) a word names, full or abbreviated.
  ///
  /// Every key of `monthWords` has 3 to 9 bytes and starts with one of "adfjmnos": other words are
  /// turned away by their length and first byte, without hashing.
  static func month(_ word: String) -> Int? {
    guard mayBeKey(word, firstBytes: monthFirstBytes) else { return nil }
    return monthWords[word]
  }

  /// The ISO weekday (1 = Monday) a word names, full or abbreviated.
  ///
  /// Every key of `weekdayWords` has 3 to 9 bytes and starts with one of "fmstw" (see `month(_:)`).
  static func weekday(_ word: String) -> Int? {
    guard mayBeKey(word, firstBytes: weekdayFirstBytes) else { return nil }
    return weekdayWords[word]
  }

  /// `month(_:)` on a token's spelling: the same answer as `month(spelling.string)` (see `Spelling`).
  static func month(_ word: Spelling) -> Int? {
    guard mayBeKey(word, firstBytes: monthFirstBytes) else { return nil }
    return monthSpellings[word]
  }

  /// `weekday(_:)` on a token's spelling: the same answer as `weekday(spelling.string)`.
  static func weekday(_ word: Spelling) -> Int? {
    guard mayBeKey(word, firstBytes: weekdayFirstBytes) else { return nil }
    return weekdaySpellings[word]
  }

  private static let monthSpellings = Dictionary(uniqueKeysWithValues: monthWords.map { (Spelling($0.key), $0.value) })
  private static let weekdaySpellings = Dictionary(uniqueKeysWithValues: weekdayWords.map { (Spelling($0.key), $0.value) })

  /// `mayBeKey(_:firstBytes:)` on a spelling (a spelling of more than 9 bytes is not a key either).
  @inline(__always)
  static func mayBeKey(_ word: Spelling, firstBytes: UInt32) -> Bool {
    let n = word.count
    let b = word.first
    guard n >= 3 && n <= 9, b >= 0x60 && b <= 0x7F else { return false }
    return firstBytes & (1 << UInt32(b - 0x60)) != 0
  }

  /// Bit `b - 0x60` is set for each byte `b` that starts a key of `monthWords` / `weekdayWords`.
  static let monthFirstBytes = firstByteBits(monthWords.keys)
  static let weekdayFirstBytes = firstByteBits(weekdayWords.keys)

  /// The first bytes of `keys` as bits (`b - 0x60`); every key must start with a byte in 0x60...0x7F.
  static func firstByteBits<C: Collection>(_ keys: C) -> UInt32 where C.Element == String {
    var bits: UInt32 = 0
    for key in keys {
      guard let b = key.utf8.first, b >= 0x60 && b <= 0x7F, (3...9).contains(key.utf8.count) else {
        preconditionFailure("date word '\(key)' outside the shape month(_:) and weekday(_:) expect")
      }
      bits |= 1 << UInt32(b - 0x60)
    }
    return bits
  }

  /// Whether `word` has 3 to 9 bytes and a first byte in `firstBytes`: only such a word can be a key.
  @inline(__always)
  static func mayBeKey(_ word: String, firstBytes: UInt32) -> Bool {
    let n = word.utf8.count
    guard n >= 3 && n <= 9, let b = word.utf8.first, b >= 0x60 && b <= 0x7F else { return false }
    return firstBytes & (1 << UInt32(b - 0x60)) != 0
  }

  /// Whether `t` is the punctuation `s`.
  @inline(__always)
  private static func isPunct(_ t: Token, _ s: Spelling) -> Bool { t.kind == .punct && t.spelling == s }

  private static let comma = Spelling(",")
  private static let fullStop = Spelling(".")
  private static let colon = Spelling(":")
  private static let isoSeparators = ["-", "/", "."].map(Spelling.init)
  private static let ordinalSuffixes = ["st", "nd", "rd", "th"].map(Spelling.init)
  private static let by = Spelling("by")

  /// Parses a date starting at token `i`: ISO (`2024-08-17`), `[Weekday,] Month Day[, Year]` or
  /// `[Weekday,] Day Month [Year]`.
  static func date(at start: Int, in t: [Token]) -> Match? {
    var i = start
    var statedWeekday: Int?
    if i < t.count, t[i].kind == .word, let w = weekday(t[i].spelling) {
      statedWeekday = w
      i += 1
      if i < t.count, isPunct(t[i], fullStop) { i += 1 }
      if i < t.count, isPunct(t[i], comma) { i += 1 }
    }
    guard i < t.count else { return nil }
    // ISO with -, / or .
    if t[i].kind == .number, t[i].length == 4, i + 4 < t.count {
      let sep = t[i + 1]
      if sep.kind == .punct, isoSeparators.contains(sep.spelling), t[i + 2].kind == .number,
        t[i + 3].kind == .punct, t[i + 3].spelling == sep.spelling, t[i + 4].kind == .number,
        t[i + 2].length <= 2, t[i + 4].length <= 2,
        CalendarDate(year: t[i].value, month: t[i + 2].value, day: t[i + 4].value) != nil
      {
        return Match(year: t[i].value, month: t[i + 2].value, day: t[i + 4].value, weekday: statedWeekday, endToken: i + 5)
      }
    }
    func skipOrdinal(_ j: inout Int) {
      if j < t.count, t[j].kind == .word, ordinalSuffixes.contains(t[j].spelling), t[j].start == t[j - 1].end {
        j += 1
      }
    }
    func year(at j: inout Int) -> Int? {
      var k = j
      if k < t.count, isPunct(t[k], comma) { k += 1 }
      if k < t.count, t[k].kind == .number, t[k].length == 4, (1900...2199).contains(t[k].value) {
        j = k + 1
        return t[k].value
      }
      return nil
    }
    // Month Day[, Year]
    if t[i].kind == .word, let m = month(t[i].spelling) {
      var j = i + 1
      if j < t.count, isPunct(t[j], fullStop) { j += 1 }
      guard j < t.count, t[j].kind == .number, t[j].length <= 2, (1...31).contains(t[j].value) else {
        return nil
      }
      let d = t[j].value
      j += 1
      skipOrdinal(&j)
      let y = year(at: &j)
      if let y, CalendarDate(year: y, month: m, day: d) == nil { return nil }
      return Match(year: y, month: m, day: d, weekday: statedWeekday, endToken: j)
    }
    // Day Month [Year]
    if t[i].kind == .number, t[i].length <= 2, (1...31).contains(t[i].value) {
      var j = i + 1
      skipOrdinal(&j)
      if j < t.count, isPunct(t[j], fullStop) { j += 1 }
      guard j < t.count, t[j].kind == .word, let m = month(t[j].spelling) else { return nil }
      j += 1
      if j < t.count, isPunct(t[j], fullStop), t[j - 1].length <= 4 { j += 1 }
      let y = year(at: &j)
      if let y, CalendarDate(year: y, month: m, day: t[i].value) == nil { return nil }
      return Match(year: y, month: m, day: t[i].value, weekday: statedWeekday, endToken: j)
    }
    return nil
  }

  // Small word lists are searched linearly: a few integer comparisons cost less than hashing.
  private static let timeWords = [
    "am", "pm", "a", "m", "p", "at", "local", "time", "hrs", "h", "gmt", "utc", "updated", "published",
  ].map(Spelling.init)
  private static let labelWords = [
    "updated", "published", "posted", "date", "dated", "last", "on", "first",
  ].map(Spelling.init)
  private static let separators = ["-", "--", "\u{2013}", "\u{2014}", "|", "\u{00B7}", ",", "/", ":"].map(Spelling.init)
  private static let timePunctuation = [":", ".", "+", "-", "(", ")", "|", ",", "/"].map(Spelling.init)

  /// A line that is only a date (optionally labelled, timed, or after a masthead such as
  /// `THE DAILY OBSERVER, Dhaka -- Thursday, 6 March 2025`).
  static func dateLine(_ text: String) -> Match? {
    // Measured before the bytes are copied: a longer line is no date line, and costs no array.
    guard text.utf8.count <= 100 else { return nil }
    // The text's bytes are read in place: the tokens keep offsets and spellings, not the bytes.
    let t = text.withUTF8Bytes { tokens($0) }
    guard !t.isEmpty else { return nil }
    // Plain or labelled date at the start.
    var i = 0
    while i < t.count, t[i].kind == .word, labelWords.contains(t[i].spelling) { i += 1 }
    if i < t.count, isPunct(t[i], colon) { i += 1 }
    if let m = date(at: i, in: t), onlyTimeAfter(m.endToken, t) { return m }
    // Masthead, separator, full date.
    var j = 0
    while j < min(t.count, 12) {
      if t[j].kind == .punct, separators.contains(t[j].spelling) {
        var k = j + 1
        while k < t.count, t[k].kind == .punct, separators.contains(t[k].spelling) { k += 1 }
        if let m = date(at: k, in: t), m.year != nil, onlyTimeAfter(m.endToken, t) { return m }
        // "Radio Marundi FM -- 7 a.m. news bulletin, Monday, March 17, 2025": a few words naming the
        // edition, then a comma and the full date at the end of the line.
        var c = k
        while c < min(t.count, k + 10), !isPunct(t[c], comma) { c += 1 }
        if c > k, c < t.count, let m = date(at: c + 1, in: t), m.year != nil, m.endToken >= t.count - 1 { return m }
      }
      j += 1
    }
    return nil
  }

  private static func onlyTimeAfter(_ start: Int, _ t: [Token]) -> Bool {
    var i = start
    while i < t.count {
      let tok = t[i]
      switch tok.kind {
      case .number:
        if tok.length > 4 { return false }
      case .punct:
        if !timePunctuation.contains(tok.spelling) { return false }
      case .word:
        // "Published 17 August 2024 by Portal staff": a short credit may follow the date.
        if tok.spelling == by, t.count - i <= 7 { return true }
        let upperShort = tok.capitalized && tok.length <= 4 && tok.spelling.isASCII
        if !upperShort && !timeWords.contains(tok.spelling) { return false }
      }
      i += 1
    }
    return true
  }

  /// A dateline that opens a lead paragraph: `CHIANG MAI, Thailand, Aug. 17 (Newswire) --` or
  /// `Agency, City, August 16 (Reporter …)`.
  struct LeadDateline {
    var match: Match
    /// UTF-8 offset in the paragraph text where the dateline ends.
    var end: Int
  }

  /// Only the first bytes of a lead paragraph are read for a dateline.
  static let leadBytes = 200

  /// Punctuation allowed among the place and agency names before a lead dateline.
  static let leadPunctuation: Set<String> = [",", ".", "-", "&", "'"]
  private static let leadPunctuationSpellings = leadPunctuation.map(Spelling.init)
  /// Punctuation that may follow a lead dateline's date.
  private static let leadDatelineEnds = ["(", "-", "--", "\u{2013}", "\u{2014}", ":", "/"].map(Spelling.init)

  /// The dateline at the start of `text`, when there is one.
  static func leadDateline(_ text: String) -> LeadDateline? {
    // The text's bytes are read in place (no copy of its opening bytes).
    text.withUTF8Bytes { whole in
      // Tokens end by byte 200; the tokenizer looks at most two bytes past its limit.
      let bytes = UnsafeBufferPointer(rebasing: whole.prefix(leadBytes + 2))
      // Tokens are made as the scan needs them: most paragraphs are settled by their first few.
      var t: [Token] = []
      t.reserveCapacity(16)
      var position = 0
      /// Makes tokens until there are `count` or the text's first `leadBytes` bytes are used up.
      func ensure(_ count: Int) {
        if t.count < count { appendTokens(bytes, limit: leadBytes, position: &position, into: &t, upTo: count) }
      }
      var i = 0
      while true {
        ensure(i + 1)
        guard i < min(t.count, 16) else { break }
        let tok = t[i]
        if tok.kind == .number { return nil }
        if tok.kind == .word, month(tok.spelling) != nil, i == 0 || isPunct(t[i - 1], comma) {
          // A date from a month word at `i` ends by token i + 6, and the token after it is read;
          // with tokens to i + 11 (or all there are) the scan decides as it would with all.
          ensure(i + 12)
          if let m = date(at: i, in: t), m.endToken < t.count {
            let next = t[m.endToken]
            if next.kind == .punct, leadDatelineEnds.contains(next.spelling) {
              return LeadDateline(match: m, end: t[m.endToken - 1].end)
            }
          }
          return nil
        }
        // Words before the date must be place or agency names (short connectors such as "of" aside).
        if tok.kind == .word, !tok.capitalized, tok.length > 3 { return nil }
        if tok.kind == .punct, !leadPunctuationSpellings.contains(tok.spelling) { return nil }
        i += 1
      }
      return nil
    }
  }

  /// A `Weekday, Month Day, Year` date in the first `limit` bytes of `text` whose weekday agrees.
  static func weekdayDate(in text: String, limit: Int = 1200) -> (date: CalendarDate, text: String)? {
    let bytes = Array(text.utf8.prefix(limit))
    // Every weekday name, full or short, is followed by "day" or is an abbreviation before a comma
    // or full stop; a paragraph with neither "day" nor "," cannot hold one.
    guard SegmentationLexicons.contains(bytes, Array("day".utf8)) || SegmentationLexicons.contains(bytes, Array(",".utf8))
    else { return nil }
    let t = tokens(bytes)
    var i = 0
    while i < t.count {
      if t[i].kind == .word, weekday(t[i].spelling) != nil, let m = date(at: i, in: t), let d = m.date,
        m.weekday == d.weekday
      {
        let s = t[i].start
        let e = t[m.endToken - 1].end
        return (d, String(decoding: bytes[s..<e], as: UTF8.self))
      }
      i += 1
    }
    return nil
  }

  /// A date in a metadata value: ISO (`2024-08-17`, `2024-08-17T10:00:00Z`) or a written date.
  static func metadataDate(_ value: String) -> CalendarDate? {
    if let d = CalendarDate(iso: value) { return d }
    return dateLine(value)?.date
  }
}
