import ClaimLintCore

/// Typed view of the word lists segmentation reads: `rules/lexicons/segment-markers.tsv` and
/// `rules/lexicons/language-names.tsv`.
///
/// Errors in either file name the file, line and column of the offending field.
public struct SegmentationLexicons: Sendable {
  /// What a marker phrase announces.
  public enum MarkerKind: String, Sendable, Hashable, CaseIterable {
    case commentsHeader = "comments-header"
    case related
    case byline
    case boilerplate
    case section
    case minorWord = "minor-word"
  }

  /// How a marker phrase is compared with a block.
  public enum MatchMode: String, Sendable, Hashable, CaseIterable {
    case exact
    case prefix
    case contains
    case count
    case word
  }

  /// One row of `segment-markers.tsv`.
  public struct Marker: Sendable, Hashable {
    public var kind: MarkerKind
    public var mode: MatchMode
    /// The phrase in lower case.
    public var phrase: String
    /// The line of the data file the marker was read from.
    public var line: Int

    public init(kind: MarkerKind, mode: MatchMode, phrase: String, line: Int = 0) {
      self.kind = kind
      self.mode = mode
      self.phrase = phrase
      self.line = line
    }
  }

  /// A marker found in a block, with the number a `count` marker carried.
  struct MarkerMatch {
    var marker: Marker
    var count: Int?
  }

  /// Every marker, in file order.
  public let markers: [Marker]
  /// Language names, in file order.
  public let languageNames: [String]

  private let exact: [String: Marker]
  /// For each first byte, bit `n` is set when an ASCII exact phrase of `n` bytes (1...63) starts
  /// with it; bit 0 when one of 64 bytes or more does. nil when a phrase beyond ASCII could equal
  /// an ASCII text (see `shapes(of:)`).
  private let exactShapes: [UInt64]?
  /// The prefix phrases by first byte (256 entries), longest first.
  private let prefixes: [[(marker: Marker, bytes: [UInt8])]]
  private let containing: [(marker: Marker, bytes: [UInt8])]
  /// The shortest `containing` phrase, in bytes.
  private let containingMinBytes: Int
  /// The eight-byte windows of the `containing` phrases, hashed into 16,384 bits (see
  /// `containingWindowBit`); nil when a phrase is shorter than 11 bytes, and every text is then searched.
  private let containingWindows: [UInt64]?
  private let counted: [String: Marker]
  /// The first and the last bytes of the `counted` phrases, as bits (bit `b` of word `b >> 6`);
  /// nil when a phrase is empty or not ASCII, and the byte test of `countMatch` is then skipped.
  private let countedEnds: (first: [UInt64], last: [UInt64])?
  /// `mayMatchBeyondASCII(_:)` of the `counted` phrases.
  private let countedMayMatchBeyondASCII: Bool
  let minorWords: Set<String>
  /// Language names for fast lookup.
  let languageIndex: LanguageNameIndex

  /// Builds the lexicons from already-typed values.
  public init(markers: [Marker], languageNames: [String]) {
    self.markers = markers
    self.languageNames = languageNames
    var exact: [String: Marker] = [:]
    var prefixes: [UInt8: [(marker: Marker, bytes: [UInt8])]] = [:]
    var containing: [(marker: Marker, bytes: [UInt8])] = []
    var counted: [String: Marker] = [:]
    var minor: Set<String> = []
    for m in markers {
      switch m.mode {
      case .exact: if exact[m.phrase] == nil { exact[m.phrase] = m }
      case .prefix: if let b = m.phrase.utf8.first { prefixes[b, default: []].append((m, Array(m.phrase.utf8))) }
      case .contains: containing.append((m, Array(m.phrase.utf8)))
      case .count: if counted[m.phrase] == nil { counted[m.phrase] = m }
      case .word: minor.insert(m.phrase)
      }
    }
    for key in prefixes.keys {
      prefixes[key]?.sort { $0.bytes.count > $1.bytes.count }
    }
    let index = LanguageNameIndex(languageNames)
    self.exact = exact
    self.exactShapes = SegmentationLexicons.shapes(of: exact.keys)
    var prefixTable = [[(marker: Marker, bytes: [UInt8])]](repeating: [], count: 256)
    for (key, list) in prefixes { prefixTable[Int(key)] = list }
    self.prefixes = prefixTable
    self.containing = containing
    self.containingMinBytes = containing.map(\.bytes.count).min() ?? 0
    self.containingWindows = SegmentationLexicons.windows(of: containing.map(\.bytes))
    self.counted = counted
    self.countedEnds = SegmentationLexicons.ends(of: counted.keys)
    self.countedMayMatchBeyondASCII = SegmentationLexicons.mayMatchBeyondASCII(counted.keys)
    self.minorWords = minor
    self.languageIndex = index
  }

  /// Reads the tables `segment-markers` and `language-names` of `set` (missing tables are empty).
  ///
  /// - Throws: `DataFileError` at the field of the first row with an unknown kind or match, a
  ///   missing phrase, or a `count`/`word` match used with the wrong kind.
  public init(_ set: LexiconSet) throws(DataFileError) {
    let table = set.table("segment-markers")
    var markers: [Marker] = []
    for row in table.rows {
      guard row.count >= 3, !row[2].isEmpty else {
        throw DataFileError(
          path: table.path, line: row.line, column: row.fields.last.map { $0.column } ?? 1,
          message: "expected 3 tab-separated fields (kind, match, phrase), found \(row.count)")
      }
      guard let kind = MarkerKind(rawValue: row[0]) else {
        throw DataFileError(
          path: table.path, line: row.line, column: row.fields[0].column,
          message: "unknown marker kind '\(row[0])'; expected "
            + SegmentationLexicons.choices(MarkerKind.allCases.map(\.rawValue)))
      }
      guard let mode = MatchMode(rawValue: row[1]) else {
        throw DataFileError(
          path: table.path, line: row.line, column: row.fields[1].column,
          message: "unknown match '\(row[1])'; expected "
            + SegmentationLexicons.choices(MatchMode.allCases.map(\.rawValue)))
      }
      if mode == .count, kind != .commentsHeader {
        throw DataFileError(
          path: table.path, line: row.line, column: row.fields[1].column,
          message: "match 'count' is only valid for kind 'comments-header'")
      }
      if (mode == .word) != (kind == .minorWord) {
        throw DataFileError(
          path: table.path, line: row.line, column: row.fields[1].column,
          message: "kind 'minor-word' goes with match 'word' and with no other")
      }
      if row.count > 3 {
        throw DataFileError(
          path: table.path, line: row.line, column: row.fields[3].column,
          message: "expected 3 tab-separated fields (kind, match, phrase), found \(row.count)")
      }
      let phrase = SegmentationLexicons.normalize(row[2], stripTrailing: mode != .prefix)
      if phrase.isEmpty {
        throw DataFileError(
          path: table.path, line: row.line, column: row.fields[2].column, message: "empty phrase")
      }
      markers.append(Marker(kind: kind, mode: mode, phrase: phrase, line: row.line))
    }
    let names = set.table("language-names").rows.map { $0[0] }.filter { !$0.isEmpty }
    self.init(markers: markers, languageNames: names)
  }

  private static func choices(_ values: [String]) -> String {
    let quoted = values.map { "'\($0)'" }
    guard quoted.count > 1 else { return quoted.joined() }
    if quoted.count == 2 { return "\(quoted[0]) or \(quoted[1])" }
    return quoted.dropLast().joined(separator: ", ") + ", or " + quoted[quoted.count - 1]
  }

  // MARK: - Matching

  /// Lower-cases, folds runs of white space and, unless told otherwise, strips trailing `:` `.` `!`
  /// `»` `›` `…` and spaces.
  ///
  /// Works on UTF-8 bytes; only text with letters beyond ASCII (Latin-1 to Cyrillic) takes the slower
  /// Unicode lower-casing.
  static func normalize(_ text: String, stripTrailing: Bool = true) -> String {
    return text.withUTF8Bytes { normalize($0, stripTrailing: stripTrailing) }
  }

  /// `normalize` of the UTF-8 bytes `u`, written straight into the result's storage.
  static func normalize(_ u: UnsafeBufferPointer<UInt8>, stripTrailing: Bool = true) -> String {
    var needsUnicodeLowercase = false
    let s = String(unsafeUninitializedCapacity: u.count) { out in
      let (n, unicode) = normalizeASCII(u, into: out, stripTrailing: stripTrailing)
      needsUnicodeLowercase = unicode
      return n
    }
    return needsUnicodeLowercase ? s.lowercased() : s
  }

  /// `normalize` of the UTF-8 bytes `u` with ASCII letters alone lowered, written to `out` (at least
  /// `u.count` bytes): the number of bytes written, and whether the text has a letter beyond ASCII
  /// (a lead byte from Latin-1 to Cyrillic), which `normalize` then lowers with `lowercased()`.
  ///
  /// A run of white space becomes one space when it follows a written byte, and a space written last
  /// is taken back: the same as writing one space only before the next byte that is not white space.
  /// Eight bytes are copied at once (see `plainWord`) when the byte loop would copy each of them as
  /// it is or lowered, and write each of their spaces as one space.
  static func normalizeASCII(
    _ u: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>, stripTrailing: Bool
  ) -> (count: Int, needsUnicodeLowercase: Bool) {
    var needsUnicodeLowercase = false
    var n = 0
    var i = 0
    while i < u.count {
      if i + 8 <= u.count, let base = u.baseAddress, let outBase = out.baseAddress,
        let word = plainWord(
          UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)),
          afterSpace: n == 0 || out[n - 1] == 0x20)
      {
        UnsafeMutableRawPointer(outBase + n).storeBytes(of: word.littleEndian, as: UInt64.self)
        n += 8
        i += 8
        continue
      }
      let b = u[i]
      if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || (b == 0xC2 && i + 1 < u.count && u[i + 1] == 0xA0) {
        // Only spaces written here are 0x20 in `out`: every 0x20 of the text is white space.
        if n > 0 && out[n - 1] != 0x20 {
          out[n] = 0x20
          n += 1
        }
        i += b == 0xC2 ? 2 : 1
        continue
      }
      if b >= 0xC3 && b <= 0xD4 { needsUnicodeLowercase = true }
      out[n] = b >= 0x41 && b <= 0x5A ? b + 32 : b
      n += 1
      i += 1
    }
    if n > 0 && out[n - 1] == 0x20 { n -= 1 }
    if stripTrailing {
      while n > 0 {
        let last = out[n - 1]
        if last == 0x3A || last == 0x2E || last == 0x21 || last == 0x20 {
          n -= 1
        } else if n >= 2, out[n - 2] == 0xC2, last == 0xBB {
          n -= 2
        } else if n >= 3, out[n - 3] == 0xE2, out[n - 2] == 0x80, last == 0xBA || last == 0xA6 {
          n -= 3
        } else {
          break
        }
      }
    }
    return (n, needsUnicodeLowercase)
  }

  /// Eight bytes `x` (read little-endian: the first byte lowest) with ASCII capitals
  /// lowered, when the byte loop of `normalizeASCII` would write them unchanged but for that: each
  /// is printable ASCII or a space (0x20...0x7F), no space follows a space, and the first is no
  /// space when `afterSpace` (a space, or nothing, was written last). Otherwise nil.
  @inline(__always)
  static func plainWord(_ x: UInt64, afterSpace: Bool) -> UInt64? {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    // Below 0x80, a byte plus 0x60 carries into its high bit exactly when it is 0x20 or more.
    guard x & highs == 0, (x &+ 0x60 &* ones) & highs == highs else { return nil }
    let z = x ^ (0x20 &* ones)
    let spaces = ~(((z & lows) &+ lows) | z) & highs
    guard spaces & (spaces << 8) == 0, !afterSpace || spaces & 0x80 == 0 else { return nil }
    let fromA = (x &+ 0x3F &* ones) & highs  // 0x41 or more
    let pastZ = (x &+ 0x25 &* ones) & highs  // 0x5B or more
    return x | ((fromA & ~pastZ) >> 2)
  }

  /// The marker a block's UTF-8 bytes `u` match: `match(normalized: normalize(u))`, without making
  /// a string for most blocks (only when a phrase of `exact` or `counted` may equal the text, or when
  /// it has letters beyond ASCII to lower).
  func match(block u: UnsafeBufferPointer<UInt8>) -> MarkerMatch? {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, u.count)) { out in
      let (n, needsUnicodeLowercase) = SegmentationLexicons.normalizeASCII(u, into: out, stripTrailing: true)
      let bytes = UnsafeBufferPointer(rebasing: out[..<n])
      guard needsUnicodeLowercase else { return match(normalizedBytes: bytes) }
      let s = String(decoding: bytes, as: UTF8.self).lowercased()
      return s.withUTF8Bytes { match(normalizedBytes: $0) }
    }
  }

  /// The marker a normalized block matches, preferring exact, then count, then the longest prefix,
  /// then contains.
  func match(normalized s: String) -> MarkerMatch? {
    return s.withUTF8Bytes { match(normalizedBytes: $0) }
  }

  /// `match(normalized:)` of the UTF-8 bytes `hay` of a normalized block.
  private func match(normalizedBytes hay: UnsafeBufferPointer<UInt8>) -> MarkerMatch? {
    guard let first = hay.first else { return nil }
    if mayBeExact(hay), let m = exact[String(decoding: hay, as: UTF8.self)] { return MarkerMatch(marker: m) }
    if let c = countMatch(hay) { return c }
    for (m, phrase) in prefixes[Int(first)]
    where hay.count >= phrase.count && SegmentationLexicons.startsWith(hay, phrase) {
      guard phrase.count < hay.count else { return MarkerMatch(marker: m) }
      let next = hay[phrase.count]
      let last = phrase.last ?? 0
      if next == 0x20 || next == 0x3A || last == 0x3A || last == 0x20 || !isWordByte(last) {
        return MarkerMatch(marker: m)
      }
    }
    guard hay.count >= containingMinBytes, mayContain(hay) else { return nil }
    for (m, phrase) in containing where SegmentationLexicons.contains(hay, phrase) { return MarkerMatch(marker: m) }
    return nil
  }

  /// The bit of `containingWindows` for the eight bytes `w` (read little-endian).
  @inline(__always)
  static func containingWindowBit(_ w: UInt64) -> Int { Int((w &* 0x9E37_79B9_7F4A_7C15) >> 50) }

  /// The eight-byte windows of `phrases`, as `containingWindows` keeps them; nil when a phrase is
  /// shorter than 11 bytes.
  static func windows(of phrases: [[UInt8]]) -> [UInt64]? {
    var bits = [UInt64](repeating: 0, count: 16384 / 64)
    for phrase in phrases {
      guard phrase.count >= 11 else { return nil }
      for k in 0...(phrase.count - 8) {
        var w: UInt64 = 0
        for j in 0..<8 { w |= UInt64(phrase[k + j]) << UInt64(8 * j) }
        let bit = containingWindowBit(w)
        bits[bit >> 6] |= 1 << UInt64(bit & 63)
      }
    }
    return bits
  }

  /// False when no `containing` phrase occurs in `hay`; true when one may.
  ///
  /// A phrase of 11 bytes or more that occurs at `s` covers the eight bytes at the first multiple of
  /// four from `s` on (it is at most `s + 3`, and `s + 3 + 8 <= s + 11`): those eight bytes are one
  /// of the phrase's windows, whose bit is set. So when no window at a multiple of four has its bit
  /// set, no phrase occurs.
  func mayContain(_ hay: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let bits = containingWindows, let base = hay.baseAddress else { return true }
    var i = 0
    while i + 8 <= hay.count {
      let bit = SegmentationLexicons.containingWindowBit(
        UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)))
      if bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0 { return true }
      i += 4
    }
    return false
  }

  /// The first bytes and lengths of the ASCII `phrases`, as `exactShapes` keeps them; nil when a
  /// phrase beyond ASCII could equal an ASCII text.
  ///
  /// Strings compare equal when canonically equivalent. Two ASCII strings are equal exactly when
  /// their bytes are, and a phrase with a scalar beyond ASCII equals an ASCII text only when each
  /// such scalar decomposes to one ASCII scalar (U+212A KELVIN SIGN to "K", U+037E GREEK QUESTION
  /// MARK to ";"), which is tested against every ASCII character.
  static func shapes<C: Collection>(of phrases: C) -> [UInt64]? where C.Element == String {
    var shapes = [UInt64](repeating: 0, count: 256)
    for phrase in phrases {
      guard phrase.utf8.allSatisfy({ $0 < 0x80 }) else {
        let asciiAlike = phrase.unicodeScalars.contains { s in
          !s.isASCII && (0..<128).contains { a in String(Unicode.Scalar(UInt8(a))) == String(s) }
        }
        if asciiAlike { return nil }
        continue
      }
      guard let first = phrase.utf8.first else { continue }
      let n = phrase.utf8.count
      shapes[Int(first)] |= n < 64 ? 1 << UInt64(n) : 1
    }
    return shapes
  }

  /// False when `s` cannot be an exact phrase: it is ASCII and no ASCII phrase has its first byte
  /// and its length (and no other phrase can equal an ASCII text). Skips the hashing of most
  /// look-ups in `exact`.
  func mayBeExact(_ s: String) -> Bool {
    return s.withUTF8Bytes { mayBeExact($0) }
  }

  /// `mayBeExact` of the UTF-8 bytes `s`.
  func mayBeExact(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let shapes = exactShapes, let first = s.first else { return true }
    let n = s.count
    guard shapes[Int(first)] & (n < 64 ? 1 << UInt64(n) : 1) == 0 else { return true }
    return !TextShape.isASCII(s)
  }

  /// Whether `hay` starts with `phrase` (which is no longer than `hay`).
  private static func startsWith(_ hay: UnsafeBufferPointer<UInt8>, _ phrase: [UInt8]) -> Bool {
    var k = 0
    while k < phrase.count {
      if hay[k] != phrase[k] { return false }
      k += 1
    }
    return true
  }

  /// Whether `needle` occurs in `hay` (bytes).
  static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
    hay.withUnsafeBufferPointer { contains($0, needle) }
  }

  /// Whether `needle` occurs in `hay` (bytes).
  ///
  /// For a needle of two bytes or more, eight positions are tried at once: those where both of its
  /// first two bytes are found (never one missed, sometimes one too many) are compared in full, in
  /// order. The positions too near the end for eight-byte reads are tried one by one.
  static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
    guard let first = needle.first, hay.count >= needle.count else { return needle.isEmpty }
    var i = 0
    let last = hay.count - needle.count
    if needle.count >= 2, let base = hay.baseAddress {
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      let first8 = ones &* UInt64(first)
      let second8 = ones &* UInt64(needle[1])
      while i + 9 <= hay.count, i <= last {
        let x = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) ^ first8
        let y = UInt64(littleEndian: UnsafeRawPointer(base + i + 1).loadUnaligned(as: UInt64.self)) ^ second8
        var found = ((x &- ones) & ~x & highs) & ((y &- ones) & ~y & highs)
        while found != 0 {
          let at = i + found.trailingZeroBitCount >> 3
          if at > last { return false }
          var k = 2
          while k < needle.count, hay[at + k] == needle[k] { k += 1 }
          if k == needle.count, hay[at] == first, hay[at + 1] == needle[1] { return true }
          found &= found &- 1
        }
        i += 8
      }
    }
    while i <= last {
      if hay[i] == first {
        var k = 1
        while k < needle.count, hay[i + k] == needle[k] { k += 1 }
        if k == needle.count { return true }
      }
      i += 1
    }
    return false
  }

  private func isWordByte(_ b: UInt8) -> Bool {
    (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b >= 0x80
  }

  /// The first and last bytes of `phrases` as bit sets over ASCII; nil when a phrase is empty or
  /// has a byte outside ASCII.
  static func ends<C: Collection>(of phrases: C) -> (first: [UInt64], last: [UInt64])? where C.Element == String {
    var first = [UInt64](repeating: 0, count: 2)
    var last = [UInt64](repeating: 0, count: 2)
    for phrase in phrases {
      guard let f = phrase.utf8.first, let l = phrase.utf8.last, phrase.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
      first[Int(f >> 6)] |= 1 << UInt64(f & 63)
      last[Int(l >> 6)] |= 1 << UInt64(l & 63)
    }
    return (first, last)
  }

  /// Whether an all-ASCII text `u` can be a count phrase, as `countMatch` splits and reads it: either
  /// its first word is a number (it starts with a digit, a comma, or the "n", "o", "t" of "no", "one",
  /// "two", "three") and the rest ends as a phrase ends, or its last word is a number (it ends with a
  /// digit, a comma, "o" or "e") and the rest starts as a phrase starts. The words of such a text
  /// are its bytes split at the separators, so the rest starts at the text's first word byte and
  /// ends at its last, and two words or more have a separator between those bytes.
  static func mayBeCount(_ u: UnsafeBufferPointer<UInt8>, ends: (first: [UInt64], last: [UInt64])) -> Bool {
    func isSeparator(_ b: UInt8) -> Bool {
      b == 0x20 || b == 0x28 || b == 0x29 || b == 0x3A || b == 0x5B || b == 0x5D || b == 0x7C
    }
    var a = 0
    while a < u.count, isSeparator(u[a]) { a += 1 }
    var z = u.count - 1
    while z > a, isSeparator(u[z]) { z -= 1 }
    // Two words or more: a separator between the first word byte and the last.
    var k = a + 1
    while k < z, !isSeparator(u[k]) { k += 1 }
    guard k < z else { return false }
    let f = u[a]
    let l = u[z]
    func has(_ set: [UInt64], _ b: UInt8) -> Bool { b < 0x80 && set[Int(b >> 6)] & (1 << UInt64(b & 63)) != 0 }
    let fDigit = f >= 0x30 && f <= 0x39
    let lDigit = l >= 0x30 && l <= 0x39
    let firstIsNumber = fDigit || f == 0x2C || f == 0x6E || f == 0x6F || f == 0x74
    let lastIsNumber = lDigit || l == 0x2C || l == 0x6F || l == 0x65
    return (firstIsNumber && has(ends.last, l)) || (lastIsNumber && has(ends.first, f))
  }

  /// The ASCII characters that a scalar beyond ASCII is canonically equivalent to: U+212A KELVIN
  /// SIGN is "K", U+037E GREEK QUESTION MARK is ";", U+1FEF GREEK VARIA is "`" (no other scalar beyond
  /// ASCII decomposes to ASCII alone; a test checks every scalar).
  static let asciiImages: Set<UInt8> = [0x4B, 0x3B, 0x60]

  /// Whether a text with a byte beyond ASCII could match one of the ASCII count `phrases`; false
  /// lets `countMatch` skip such texts.
  ///
  /// A text that matches is a number word and a phrase's words, split at separator characters, each
  /// a single ASCII scalar. A scalar beyond ASCII therefore lies in the number word (ASCII digits and
  /// commas, read as bytes, or "no", "one", "two", "three") or in the phrase's words, which then
  /// equal ASCII text: only possible when that text has a character of `asciiImages`, since
  /// canonical equivalence never drops a scalar beyond ASCII that does not decompose to ASCII.
  static func mayMatchBeyondASCII<C: Collection>(_ phrases: C) -> Bool where C.Element == String {
    let numberWords = "no one two three"
    for text in [numberWords] + Array(phrases) {
      if text.utf8.contains(where: { $0 >= 0x80 || asciiImages.contains($0) }) { return true }
    }
    return false
  }

  /// The words of a count phrase as its characters split them, at spaces, brackets, colons and bars:
  /// the plain reading that `countWords` reads on the bytes.
  static func characterWords(_ s: String) -> [String] {
    var words: [String] = []
    var current = ""
    for ch in s {
      if ch == " " || ch == "(" || ch == ")" || ch == ":" || ch == "[" || ch == "]" || ch == "|" {
        if !current.isEmpty { words.append(current) }
        current = ""
      } else {
        current.append(ch)
      }
    }
    if !current.isEmpty { words.append(current) }
    return words
  }

  /// The words of a count phrase: `u` split at space, `(`, `)`, `:`, `[`, `]` and `|`; nil when such
  /// a separator has a byte beyond ASCII next to it.
  ///
  /// Splitting the bytes gives the words that splitting the characters gives when every separator
  /// is a character of its own: with ASCII on both sides it is (no grapheme cluster joins an ASCII
  /// character to the next but CR LF, and nothing but U+0020 itself equals " ", and so on).
  static func countWords(_ u: UnsafeBufferPointer<UInt8>) -> [String]? {
    var words: [String] = []
    var start = -1
    var k = 0
    while k <= u.count {
      let b: UInt8 = k < u.count ? u[k] : 0x20
      if b == 0x20 || b == 0x28 || b == 0x29 || b == 0x3A || b == 0x5B || b == 0x5D || b == 0x7C {
        if k < u.count, (k > 0 && u[k - 1] >= 0x80) || (k + 1 < u.count && u[k + 1] >= 0x80) { return nil }
        if start >= 0 { words.append(String(decoding: UnsafeBufferPointer(rebasing: u[start..<k]), as: UTF8.self)) }
        start = -1
      } else if start < 0 {
        start = k
      }
      k += 1
    }
    return words
  }

  /// The value of a word of one to six ASCII digits, commas aside ("1,204"), or nil.
  ///
  /// Reads bytes where the characters were read: a character is an ASCII digit or a comma exactly
  /// when it is that one byte.
  static func countDigits(_ w: String) -> Int? {
    var value = 0
    var digits = 0
    for b in w.utf8 where b != 0x2C {
      guard b >= 0x30 && b <= 0x39, digits < 6 else { return nil }
      value = value * 10 + Int(b - 0x30)
      digits += 1
    }
    return digits > 0 ? value : nil
  }

  /// "6 comments", "comments (12)", "comments: 3", "one comment", "no comments", of the UTF-8
  /// bytes `u` of a normalized text. The byte tests come first; a string is made only for the texts
  /// they let through.
  private func countMatch(_ u: UnsafeBufferPointer<UInt8>) -> MarkerMatch? {
    guard !counted.isEmpty, u.count <= 40 else { return nil }
    // A count is digits or one of a few number words.
    let hasDigit = u.contains { $0 >= 0x30 && $0 <= 0x39 }
    // The byte tests only skip the Unicode comparison of `hasPrefix` when it cannot succeed; every
    // number word starts with "n", "o" or "t".
    let first = u.first ?? 0
    guard hasDigit || first == 0x6E || first == 0x6F || first == 0x74 else { return nil }
    if TextShape.isASCII(u) {
      if let ends = countedEnds {
        guard SegmentationLexicons.mayBeCount(u, ends: ends) else { return nil }
      }
    } else if countedEnds != nil, !countedMayMatchBeyondASCII {
      // No count phrase can match a text beyond ASCII (see `mayMatchBeyondASCII(_:)`).
      return nil
    }
    let s = String(decoding: u, as: UTF8.self)
    guard
      hasDigit || (s.utf8.starts(with: "no ".utf8) && s.hasPrefix("no "))
        || (s.utf8.starts(with: "one ".utf8) && s.hasPrefix("one "))
        || (s.utf8.starts(with: "two ".utf8) && s.hasPrefix("two "))
        || (s.utf8.starts(with: "three ".utf8) && s.hasPrefix("three "))
    else {
      return nil
    }
    var words: [String]
    if let separated = SegmentationLexicons.countWords(u) {
      words = separated
    } else {
      words = Self.characterWords(s)
    }
    guard words.count >= 2, words.count <= 5 else { return nil }
    func number(_ w: String) -> Int? {
      if let n = SegmentationLexicons.countDigits(w) { return n }
      switch w {
      case "no": return 0
      case "one": return 1
      case "two": return 2
      case "three": return 3
      default: return nil
      }
    }
    if let n = number(words[0]), let m = counted[words.dropFirst().joined(separator: " ")] {
      return MarkerMatch(marker: m, count: n)
    }
    if let n = number(words[words.count - 1]), let m = counted[words.dropLast().joined(separator: " ")] {
      return MarkerMatch(marker: m, count: n)
    }
    return nil
  }
}

/// Language names as arrays of scalar values (ASCII letters folded to lower case), bucketed by first
/// scalar and sorted longest first, so a menu can be scanned without hashing every letter.
struct LanguageNameIndex: Sendable {
  private(set) var ascii: [[[UInt32]]] = Array(repeating: [], count: 128)
  private(set) var other: [UInt32: [[UInt32]]] = [:]
  /// Bit `a * 128 + b` is set when a name starts with the ASCII scalars `a`, `b`.
  private(set) var asciiPairs: [UInt64] = Array(repeating: 0, count: 128 * 128 / 64)
  /// Whether a one-scalar name starts with each ASCII scalar.
  private(set) var asciiSingle: [Bool] = Array(repeating: false, count: 128)

  var isEmpty: Bool { other.isEmpty && ascii.allSatisfy(\.isEmpty) }

  init(_ names: [String]) {
    var seen = Set<[UInt32]>()
    for name in names {
      for variant in [name, name.lowercased()] {
        let scalars = LanguageNameIndex.folded(variant)
        guard let first = scalars.first, seen.insert(scalars).inserted else { continue }
        if first < 128 { ascii[Int(first)].append(scalars) } else { other[first, default: []].append(scalars) }
      }
    }
    for k in 0..<128 { ascii[k].sort { $0.count > $1.count } }
    for k in 0..<128 {
      for name in ascii[k] {
        if name.count == 1 {
          asciiSingle[k] = true
        } else if name[1] < 128 {
          let bit = k * 128 + Int(name[1])
          asciiPairs[bit >> 6] |= 1 << UInt64(bit & 63)
        }
      }
    }
    for key in other.keys { other[key]?.sort { $0.count > $1.count } }
  }

  /// Scalar values of `text` with ASCII capitals folded to lower case.
  ///
  /// ASCII text (the common case) is read as bytes, one scalar each.
  static func folded(_ text: String) -> [UInt32] {
    let ascii: [UInt32]? = text.withUTF8Bytes { p in
      var k = 0
      while k < p.count, p[k] < 0x80 { k += 1 }
      guard k == p.count else { return nil }
      return [UInt32](unsafeUninitializedCapacity: p.count) { buffer, count in
        for k in 0..<p.count {
          let b = p[k]
          buffer[k] = b >= 0x41 && b <= 0x5A ? UInt32(b) + 32 : UInt32(b)
        }
        count = p.count
      }
    }
    if let ascii { return ascii }
    return text.unicodeScalars.map { s in s.value >= 0x41 && s.value <= 0x5A ? s.value + 32 : s.value }
  }

  /// False when no name can start at an ASCII `scalar` followed by `next` (nil at the end of the
  /// text); true when one might.
  func mayStart(_ scalar: UInt32, next: UInt32?) -> Bool {
    guard scalar < 128, !asciiSingle[Int(scalar)] else { return true }
    guard let next else { return false }
    guard next < 128 else { return true }
    let bit = Int(scalar) * 128 + Int(next)
    return asciiPairs[bit >> 6] & (1 << UInt64(bit & 63)) != 0
  }

  /// The names that may start with `scalar`.
  func candidates(_ scalar: UInt32) -> [[UInt32]] {
    scalar < 128 ? ascii[Int(scalar)] : other[scalar] ?? []
  }
}
