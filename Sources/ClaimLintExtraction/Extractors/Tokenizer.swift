/// One token of a sentence: a run of letters, a run of ASCII digits, or one other character.
///
/// Offsets are UTF-8 offsets into the sentence. `lower` is the token's text with ASCII letters
/// lower-cased, the key every lexicon lookup uses.
struct Token: Sendable, Hashable {
  /// What the token is made of.
  enum Kind: UInt8, Sendable {
    /// Letters, with inner apostrophes ("don't", "Xi's").
    case word
    /// ASCII digits only; separators such as "," and "." are their own tokens.
    case digits
    /// Any other single character: punctuation, currency symbols, dashes.
    case symbol
  }

  // The stored properties are ordered by size (words first, bytes last), so that a token takes
  // 56 bytes instead of 72: tokens are copied and scanned by every extractor.
  var start: Int
  var end: Int
  /// White space characters between the previous token and this one (0 = attached).
  var spaceBefore: Int
  /// The text with ASCII letters lower-cased.
  var lower: String
  /// `WordTable.hashCode` of `lower`'s bytes (0 when it is not ASCII).
  var lowerHash: UInt64
  var kind: Kind
  /// True when the white space before is exactly one space-like character.
  var singleSpaceBefore: Bool
  /// True when the first character is an upper-case letter.
  var isCapitalized: Bool
  /// What the word can start, as `TokenRoles` bits (set by `ExtractionLexicons.mark`); a word with no
  /// role never starts a figure, a date or an action, so scans skip it after one lookup.
  var roles: UInt8 = TokenRoles.all

  init(
    kind: Kind, start: Int, end: Int, spaceBefore: Int, singleSpaceBefore: Bool, lower: String, lowerHash: UInt64,
    isCapitalized: Bool, roles: UInt8 = TokenRoles.all
  ) {
    self.start = start
    self.end = end
    self.spaceBefore = spaceBefore
    self.lower = lower
    self.lowerHash = lowerHash
    self.kind = kind
    self.singleSpaceBefore = singleSpaceBefore
    self.isCapitalized = isCapitalized
    self.roles = roles
  }

  /// Whether the token follows the previous one with no white space.
  var isAttached: Bool { spaceBefore == 0 }
  /// The number of UTF-8 bytes (for digit runs, the number of digits).
  var length: Int { end - start }

  /// `WordTable.hashCode` of the one ASCII byte `b`: distinct for every ASCII byte (FNV-1a of one byte
  /// is one-to-one, and the `| 1` cannot make two of them meet).
  @inline(__always)
  static func byteHash(_ b: UInt8) -> UInt64 { ((0xcbf2_9ce4_8422_2325 ^ UInt64(b)) &* 0x0000_0100_0000_01B3) | 1 }

  /// Whether `lower` is the one ASCII character `b` (`lower == "("`), read from the length and the
  /// hash without touching the string.
  @inline(__always)
  func isByte(_ b: UInt8) -> Bool { end - start == 1 && lowerHash == Token.byteHash(b) }

  /// `lower == s` for an ASCII `s`: text of another length is told apart by its length alone when
  /// `lower` is ASCII too (its hash is not 0), without calling the string comparison.
  @inline(__always)
  func lowerIs(_ s: String) -> Bool {
    if lowerHash != 0, lower.utf8.count != s.utf8.count { return false }
    return lower == s
  }
}

/// What a token can start; digits can start anything.
enum TokenRoles {
  static let figure: UInt8 = 1
  static let date: UInt8 = 2
  static let action: UInt8 = 4
  static let all: UInt8 = 7
}

/// Splits a sentence into tokens in one pass over its UTF-8 bytes.
enum Tokenizer {
  /// The tokens of `bytes`, in order.
  static func tokenize(_ bytes: [UInt8]) -> [Token] {
    var plain = true
    return tokenize(bytes, plain: &plain)
  }

  /// The tokens of `bytes`, in order; `plain` tells whether `bytes` is ASCII without a vertical tab
  /// or a form feed (`WordScanner` then reads the words from the tokens).
  static func tokenize(_ bytes: [UInt8], plain: inout Bool) -> [Token] {
    var tokens: [Token] = []
    bytes.withUnsafeBufferPointer { tokenize(buffer: $0, into: &tokens, plain: &plain) }
    return tokens
  }

  /// `tokenize(_:plain:)` into `tokens`, whose old tokens are removed and whose storage is kept: a
  /// caller that tokenizes sentence after sentence reuses one buffer instead of allocating one each.
  static func tokenize(_ bytes: [UInt8], into tokens: inout [Token], plain: inout Bool) {
    bytes.withUnsafeBufferPointer { tokenize(buffer: $0, into: &tokens, plain: &plain) }
  }

  /// `tokenize(_:)` on the bytes' storage, into `tokens` (emptied first, its capacity kept). A word's
  /// lower-cased hash is computed while its bytes are scanned, and its string is made without a
  /// second validation when it is short ASCII.
  private static func tokenize(buffer bytes: UnsafeBufferPointer<UInt8>, into tokens: inout [Token], plain: inout Bool) {
    plain = true
    tokens.removeAll(keepingCapacity: true)
    // A reused buffer grows by doubling, so that longer sentences do not each reallocate it.
    let wanted = bytes.count / 3 + 4
    tokens.reserveCapacity(tokens.capacity < wanted ? max(wanted, 2 * tokens.capacity) : wanted)
    let n = bytes.count
    var i = 0
    var spaces = 0
    var spaceChars = 0
    let ascii = asciiStrings
    let common = commonWords

    while i < n {
      let c = bytes[i]
      // White space: ASCII, no-break space (C2 A0), the spaces U+2000…U+200A, U+202F and U+3000.
      if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D {
        spaces += 1
        spaceChars += 1
        i += 1
        continue
      }
      if c == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 {
        plain = false
        spaces += 1
        spaceChars += 1
        i += 2
        continue
      }
      if c == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, (bytes[i + 2] >= 0x80 && bytes[i + 2] <= 0x8A) || bytes[i + 2] == 0xAF {
        plain = false
        spaces += 1
        spaceChars += 1
        i += 3
        continue
      }
      if c == 0xE3, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 {
        plain = false
        spaces += 1
        spaceChars += 1
        i += 3
        continue
      }
      let start = i
      var kind: Token.Kind
      var lower = ""
      var lowerHash: UInt64 = 0
      var isCapitalized = false
      if c >= 0x30 && c <= 0x39 {
        kind = .digits
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 {
          h = (h ^ UInt64(bytes[i])) &* 0x0000_0100_0000_01B3
          i += 1
        }
        lowerHash = h | 1
        lower = i == start + 1 ? ascii[Int(c)] : asciiString(bytes, start, i, lowered: false)
      } else if c < 0x80 ? isASCIILetter(c) : isLetterScalar(bytes, i) {
        kind = .word
        // The FNV-1a hash of the lower-cased text with typographic apostrophes folded, as it is scanned,
        // and its last sixteen bytes packed into two integers (the `CommonWords` key).
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var keyLow: UInt64 = 0
        var keyHigh: UInt64 = 0
        // The AND of the ASCII letters: its 0x20 bit is clear when one of them is upper-case.
        var caseBits: UInt8 = 0xFF
        var hasCurly = false
        var nonASCII = false
        while i < n {
          let d = bytes[i]
          // `d | 0x20` is a lower-case letter exactly when `d` is an ASCII letter.
          let l = d | 0x20
          if l &- 0x61 < 26 {
            caseBits &= d
            h = (h ^ UInt64(l)) &* 0x0000_0100_0000_01B3
            keyHigh = (keyHigh &<< 8) | (keyLow &>> 56)
            keyLow = (keyLow &<< 8) | UInt64(l)
            i += 1
          } else if d >= 0x80, isLetterScalar(bytes, i) {
            nonASCII = true
            i += scalarLength(d)
          } else if d == 0x27, i + 1 < n, isASCIILetter(bytes[i + 1]) {
            h = (h ^ 0x27) &* 0x0000_0100_0000_01B3
            keyHigh = (keyHigh &<< 8) | (keyLow &>> 56)
            keyLow = (keyLow &<< 8) | 0x27
            i += 1  // inner apostrophe
          } else if d == 0xE2, i + 3 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99, isASCIILetter(bytes[i + 3]) {
            hasCurly = true
            h = (h ^ 0x27) &* 0x0000_0100_0000_01B3
            i += 3  // inner right single quotation mark
          } else {
            break
          }
        }
        isCapitalized = (c >= 0x41 && c <= 0x5A) || (c >= 0x80 && isUppercaseScalar(bytes, start))
        lowerHash = nonASCII ? 0 : h | 1
        if nonASCII || hasCurly {
          // Not ASCII, or ASCII but for folded apostrophes.
          plain = false
          lower = lowered(bytes, start, i)
        } else if i == start + 1 {
          // One ASCII letter ("a", "I"): its string from the table.
          lower = ascii[Int(c | 0x20)]
        } else if i - start <= CommonWords.maxLength, let common = common.string(low: keyLow, high: keyHigh) {
          lower = common
        } else {
          lower = asciiString(bytes, start, i, lowered: caseBits & 0x20 == 0)
        }
      } else {
        kind = .symbol
        if c >= 0x80 || c == 0x0B || c == 0x0C { plain = false }
        i += c < 0x80 ? 1 : scalarLength(c)
        if i > n { i = n }
        if i == start + 1, c < 0x80 {
          // One ASCII character (punctuation): its string from the table, not decoded again.
          lower = ascii[Int(c)]
          lowerHash = Token.byteHash(c)
        } else {
          let slice = UnsafeBufferPointer(rebasing: bytes[start..<i])
          lower = String(decoding: slice, as: UTF8.self)
          lowerHash = WordTable<Bool>.hashCode(bytes: slice)
        }
      }
      tokens.append(
        Token(
          kind: kind, start: start, end: i, spaceBefore: tokens.isEmpty && spaces == 0 ? 1 : spaces,
          singleSpaceBefore: spaceChars == 1, lower: lower, lowerHash: lowerHash, isCapitalized: isCapitalized))
      spaces = 0
      spaceChars = 0
    }
  }

  /// The string of the ASCII bytes `start..<end`, with upper-case letters lower-cased when `lowered`.
  ///
  /// Short ASCII text becomes a small string without being validated again.
  @inline(__always)
  private static func asciiString(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, lowered: Bool) -> String {
    String(unsafeUninitializedCapacity: end - start) { out in
      var k = 0
      if lowered {
        for b in bytes[start..<end] {
          out[k] = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
          k += 1
        }
      } else {
        for b in bytes[start..<end] {
          out[k] = b
          k += 1
        }
      }
      return k
    }
  }

  /// The text of the bytes `start..<end` with ASCII letters lower-cased and typographic apostrophes
  /// (E2 80 99) folded to ASCII.
  private static func lowered(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
    var buffer = [UInt8](UnsafeBufferPointer(rebasing: bytes[start..<end]))
    for k in buffer.indices where buffer[k] >= 0x41 && buffer[k] <= 0x5A { buffer[k] += 0x20 }
    if buffer.contains(0xE2) { buffer = foldApostrophes(buffer) }
    return String(decoding: buffer, as: UTF8.self)
  }

  /// The string of each ASCII character, by its byte.
  static let asciiStrings: [String] = (0..<128).map { String(decoding: [UInt8($0)], as: UTF8.self) }

  /// The lower-cased strings of the most frequent words of news prose, looked up by their bytes: a
  /// lookup costs a fraction of making the string anew, and these words are a large share of a text's
  /// words. The list is general news vocabulary (function words, reporting verbs, months, weekdays),
  /// not the vocabulary of any test corpus; a word missing from it only costs a string of its own.
  static let commonWords = CommonWords(
    """
    the of and to in a is that for on it with as was he at by said his from be has have are were an \
    this not but had its they who after their which been or would will more one about than also new \
    we two year years i out up when there over last people first all other into can her she could \
    some time what had percent police government state president minister first no them since told \
    three against while during before so just where if week our may only million most you being \
    under between because both did city many those then these any now off do country news us made \
    after how billion day days month per report according officials national law court four five \
    such before like back each next through him my very early later still well around former public \
    including group area local added health ministry region forces security second say says another \
    called part until among former whether without however several already statement found passed \
    through past weeks review released action world related north south east west told reporters \
    adding expected agreed again meeting held foreign ministers spokesman officials announced reported \
    economy market prices million thousand hundred support public deputy workers nearly home long \
    january february march april june july august september october november december \
    monday tuesday wednesday thursday friday saturday sunday
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

  /// The tokens of a lexicon phrase: lower-cased, white space dropped.
  static func phraseKey(_ phrase: String) -> [String] {
    tokenize(Array(phrase.utf8)).map(\.lower)
  }

  private static func isASCIILetter(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }

  private static func scalarLength(_ lead: UInt8) -> Int {
    if lead >= 0xF0 { return 4 }
    if lead >= 0xE0 { return 3 }
    if lead >= 0xC0 { return 2 }
    return 1
  }

  private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Unicode.Scalar? {
    let len = scalarLength(bytes[i])
    guard i + len <= bytes.count else { return nil }
    var v: UInt32
    switch len {
    case 2: v = UInt32(bytes[i] & 0x1F)
    case 3: v = UInt32(bytes[i] & 0x0F)
    case 4: v = UInt32(bytes[i] & 0x07)
    default: return nil
    }
    for k in 1..<len { v = (v << 6) | UInt32(bytes[i + k] & 0x3F) }
    return Unicode.Scalar(v)
  }

  private static func isLetterScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    guard let s = scalar(bytes, i) else { return false }
    return s.properties.isAlphabetic
  }

  private static func isUppercaseScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    guard let s = scalar(bytes, i) else { return false }
    return s.properties.isUppercase
  }

  private static func foldApostrophes(_ b: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(b.count)
    var k = 0
    while k < b.count {
      if b[k] == 0xE2, k + 2 < b.count, b[k + 1] == 0x80, b[k + 2] == 0x99 {
        out.append(0x27)
        k += 3
      } else {
        out.append(b[k])
        k += 1
      }
    }
    return out
  }
}

/// A fixed set of short lower-case ASCII words (sixteen bytes at most), each held as a string, found
/// by the word's bytes packed into two integers: the key is the exact text, so a hit is the word.
struct CommonWords: Sendable {
  /// The longest word the set holds, in bytes.
  static var maxLength: Int { 16 }
  /// The number of slots (a power of two), a literal so that reading it needs no lazy global.
  @inline(__always)
  private static var slots: Int { 1024 }
  /// The packed bytes of the word in each slot (`low` 0 = empty), probed linearly from `slot(_:)`.
  private var lows: [UInt64]
  private var highs: [UInt64]
  private var strings: [String]

  init(_ words: [String]) {
    lows = [UInt64](repeating: 0, count: Self.slots)
    highs = [UInt64](repeating: 0, count: Self.slots)
    strings = [String](repeating: "", count: Self.slots)
    for w in words {
      let u = Array(w.utf8)
      guard u.count >= 2, u.count <= Self.maxLength, u.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x27 }) else {
        continue
      }
      var low: UInt64 = 0
      var high: UInt64 = 0
      for b in u {
        high = (high << 8) | (low >> 56)
        low = (low << 8) | UInt64(b)
      }
      var p = Self.slot(low, high)
      while lows[p] != 0, lows[p] != low || highs[p] != high { p = (p + 1) & (Self.slots - 1) }
      lows[p] = low
      highs[p] = high
      strings[p] = w
    }
  }

  @inline(__always)
  private static func slot(_ low: UInt64, _ high: UInt64) -> Int {
    Int(truncatingIfNeeded: ((low ^ (high &* 0x94D0_49BB_1331_11EB)) &* 0x9E37_79B9_7F4A_7C15) >> 54) & (slots - 1)
  }

  /// The word whose lower-cased bytes (ASCII letters and apostrophes, two to sixteen of them) are
  /// packed, first byte highest, into `high` and `low` (its last eight bytes), when it is one of the
  /// words; nil otherwise.
  @inline(__always)
  func string(low: UInt64, high: UInt64) -> String? {
    var p = Self.slot(low, high)
    while true {
      let k = lows[p]
      if k == low, highs[p] == high { return strings[p] }
      if k == 0 { return nil }
      p = (p + 1) & (Self.slots - 1)
    }
  }
}

/// Multi-word phrases from a lexicon, matched against a token sequence, longest first.
struct PhraseIndex<Payload: Sendable>: Sendable {
  /// One phrase: its token keys and what it stands for.
  struct Entry: Sendable {
    var keys: [String]
    var payload: Payload
  }

  private var byFirst: [String: [Entry]] = [:]
  /// `byFirst` for lookups, once `finished()` has made it.
  private var table: WordTable<[Entry]>? = nil
  /// A bit per `WordTable.hashCode` (its top 12 bits) of every ASCII first key, once `finished()` has
  /// made it; empty when it cannot be used (the table is not on its fast path). A token with an ASCII
  /// text whose bit is clear starts no phrase: most lookups end there, with one load.
  private var firstFilter: [UInt64] = []

  /// Adds a phrase; longer phrases are tried first.
  mutating func add(_ keys: [String], _ payload: Payload) {
    guard let first = keys.first else { return }
    var list = byFirst[first] ?? []
    list.append(Entry(keys: keys, payload: payload))
    list.sort { $0.keys.count > $1.keys.count }
    byFirst[first] = list
    table = nil
    firstFilter = []
  }

  /// The index with its lookup table built: call once every phrase has been added.
  func finished() -> PhraseIndex {
    var p = self
    let table = WordTable(byFirst)
    p.table = table
    p.firstFilter = []
    if table.isFast {
      var filter = [UInt64](repeating: 0, count: 64)
      for k in byFirst.keys {
        guard let h = WordTable<Bool>.asciiHash(k) else { continue }
        filter[Int(truncatingIfNeeded: h >> 58)] |= 1 << ((h >> 52) & 63)
      }
      p.firstFilter = filter
    }
    return p
  }

  private func entries(_ key: String) -> [Entry]? {
    if let t = table { return t[key] }
    return byFirst[key]
  }

  /// The phrases that start with token `i`; reads the token's fields in place, so that a miss copies
  /// no `Token`.
  @inline(__always)
  private func entries(_ tokens: [Token], _ i: Int) -> [Entry]? {
    if let t = table { return t.value(hash: tokens[i].lowerHash, key: tokens[i].lower) }
    return byFirst[tokens[i].lower]
  }

  /// The longest phrase that starts at token `i`, as the index after it and its payload.
  func match(_ tokens: [Token], at i: Int) -> (end: Int, payload: Payload)? {
    guard i < tokens.count, mayStart(tokens[i].lowerHash), let list = entries(tokens, i) else { return nil }
    outer: for e in list {
      let end = i + e.keys.count
      guard end <= tokens.count else { continue }
      for k in 1..<e.keys.count where tokens[i + k].lower != e.keys[k] { continue outer }
      return (end, e.payload)
    }
    return nil
  }

  /// False when no phrase starts at token `i`, read from the first-key filter alone (no call, no
  /// table lookup): a caller that tries every token of a sentence asks this before `match(_:at:)`.
  @inline(__always)
  func mayStart(_ tokens: [Token], at i: Int) -> Bool { mayStart(tokens[i].lowerHash) }

  /// False when a token whose lower-cased text has the hash `h` starts no phrase, read from the
  /// filter alone; true when one may start there (or the text is not ASCII).
  @inline(__always)
  private func mayStart(_ h: UInt64) -> Bool {
    guard !firstFilter.isEmpty, h != 0 else { return true }
    return firstFilter[Int(truncatingIfNeeded: h >> 58)] & (1 << ((h >> 52) & 63)) != 0
  }

  /// The longest phrase that ends right before token `end` (exclusive), as its start and payload.
  func match(_ tokens: [Token], endingAt end: Int) -> (start: Int, payload: Payload)? {
    var best: (start: Int, payload: Payload)? = nil
    for len in 1...4 {
      let s = end - len
      guard s >= 0 else { break }
      if let m = match(tokens, at: s), m.end == end { best = (s, m.payload) }
    }
    return best
  }

  /// Whether the index holds no phrase.
  var isEmpty: Bool { byFirst.isEmpty }

  /// The first token key of every phrase.
  var firstKeys: Dictionary<String, [Entry]>.Keys { byFirst.keys }
}
