/// A word of a sentence with its UTF-8 range, used by the attribution, title and event extractors.
///
/// `lower` and `isCapitalized` are computed once, when the word is scanned: the extractors consult
/// them many times a word.
public struct Word: Sendable, Hashable {
  public var text: String
  public var range: Range<Int>
  /// The text lower-cased.
  public let lower: String
  /// Whether the word starts with an upper-case letter (ASCII or Latin-1 or another cased script).
  public let isCapitalized: Bool
  /// Whether `lower` is ASCII and has as many bytes as `range`: the word's bytes in its sentence,
  /// ASCII capitals lower-cased, are then `lower` (the scanner makes the word from those bytes), so a
  /// reader can copy it from the sentence without touching the string (`AttributionExtractor`). False
  /// for a word that is not ASCII and for the possessive "'s" read from "’s". (It fits in the padding
  /// after `isCapitalized`: the word is no larger.)
  let lowerIsRangeBytes: Bool
  /// `WordTable.hashCode` of `text` and of `lower` (0 when not ASCII), for lexicon lookups.
  let textHash: UInt64
  let lowerHash: UInt64

  public init(text: String, range: Range<Int>) {
    self.text = text
    self.range = range
    var ascii = true
    var hasUpper = false
    for b in text.utf8 {
      if b >= 0x80 { ascii = false; break }
      if b >= 0x41 && b <= 0x5A { hasUpper = true }
    }
    if ascii {
      lower = hasUpper ? String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self) : text
      let f = text.utf8.first ?? 0
      isCapitalized = f >= 0x41 && f <= 0x5A
    } else {
      lower = text.lowercased()
      isCapitalized = text.unicodeScalars.first?.properties.isUppercase ?? false
    }
    lowerIsRangeBytes = ascii && range.count == lower.utf8.count
    textHash = WordTable<Bool>.hashCode(bytes: text.utf8)
    lowerHash = ascii ? WordTable<Bool>.hashCode(bytes: lower.utf8) : 0
  }

  /// The word whose UTF-8 bytes are `bytes`: the same word as `init(text:range:)` makes, built
  /// without a second pass over a `String`.
  ///
  /// `tokenLower` is the lower-cased text of a `Token` that covers exactly the same bytes, when the
  /// caller has one: an ASCII word then shares that string instead of decoding its bytes again.
  init(bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, tokenLower: String? = nil) {
    var any: UInt8 = 0
    var hasUpper = false
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    var hl: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes {
      any |= b
      h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3
      if b >= 0x41 && b <= 0x5A {
        hasUpper = true
        hl = (hl ^ UInt64(b + 0x20)) &* 0x0000_0100_0000_01B3
      } else {
        hl = (hl ^ UInt64(b)) &* 0x0000_0100_0000_01B3
      }
    }
    guard any < 0x80 else {
      self.init(text: String(decoding: bytes, as: UTF8.self), range: range)
      return
    }
    if let l = tokenLower {
      // The token's text is these ASCII bytes lower-cased, which is `lower`; and `text` as well when
      // no letter is upper-case.
      let f = bytes.first ?? 0
      self.init(
        text: hasUpper ? String(decoding: bytes, as: UTF8.self) : l, range: range, lower: l,
        isCapitalized: f >= 0x41 && f <= 0x5A, lowerIsRangeBytes: range.count == bytes.count, textHash: h | 1,
        lowerHash: hl | 1)
      return
    }
    let text = String(decoding: bytes, as: UTF8.self)
    var lower = text
    if hasUpper {
      lower = String(unsafeUninitializedCapacity: bytes.count) { out in
        for (k, b) in bytes.enumerated() { out[k] = b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
        return bytes.count
      }
    }
    let f = bytes.first ?? 0
    self.init(
      text: text, range: range, lower: lower, isCapitalized: f >= 0x41 && f <= 0x5A,
      lowerIsRangeBytes: range.count == bytes.count, textHash: h | 1, lowerHash: hl | 1)
  }

  /// The word that is exactly an ASCII token of the sentence `bytes`, the bytes `start..<end`: its
  /// lower-cased text and hash are the token's (`lower`, `lowerHash`), and its text is `lower` when
  /// no letter is upper-case. `mayHaveUpper` false tells that no letter is (`Token.mayHaveUpper`), so
  /// that the bytes need not be looked at.
  init(start: Int, end: Int, lower: String, lowerHash: UInt64, mayHaveUpper: Bool = true, bytes: UnsafeBufferPointer<UInt8>) {
    self.init(start: start, end: end, lowerHash: lowerHash, mayHaveUpper: mayHaveUpper, bytes: bytes) { lower }
  }

  /// `init(start:end:lower:lowerHash:mayHaveUpper:bytes:)` with the lower-cased text made by `lower`,
  /// called once for each string of the word that is that text (a caller that can copy the text
  /// without retaining it makes each copy so).
  @inline(__always)
  init(start: Int, end: Int, lowerHash: UInt64, mayHaveUpper: Bool, bytes: UnsafeBufferPointer<UInt8>, lower: () -> String) {
    var hasUpper = false
    if mayHaveUpper {
      for b in bytes[start..<end] where b >= 0x41 && b <= 0x5A {
        hasUpper = true
        break
      }
    }
    // Without an upper-case letter the text is the lower-cased text, and so is its hash.
    var h = lowerHash
    let text: String
    if hasUpper {
      // The hash; a short text's small string is read from the bytes eight at a time.
      h = 0xcbf2_9ce4_8422_2325
      for b in bytes[start..<end] { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
      h |= 1
      if end - start <= SmallASCII.maxCount, SmallASCII.isAvailable {
        text = SmallASCII.string(bits: SmallASCII.load(bytes, start, end, lowered: false).bits)
      } else {
        text = String(unsafeUninitializedCapacity: end - start) { out in
          var k = 0
          for b in bytes[start..<end] {
            out[k] = b
            k += 1
          }
          return k
        }
      }
    } else {
      text = lower()
    }
    let f = bytes[start]
    // The token's bytes are ASCII, so `lower` is them lower-cased, as many.
    self.init(
      text: text, range: start..<end, lower: lower(), isCapitalized: f >= 0x41 && f <= 0x5A, lowerIsRangeBytes: true,
      textHash: h, lowerHash: lowerHash)
  }

  /// The word that is exactly an ASCII token `start..<end` with no upper-case letter
  /// (`Token.mayHaveUpper` false) whose lower-cased text holds no reference and has the two words
  /// `bits`: what `init(start:end:lowerHash:mayHaveUpper:bytes:lower:)` makes of it, whose text is
  /// then the lower-cased text (a copy of its bits), and which starts with no capital. A token's
  /// `start` is never after its `end`, so that the range's bounds need no check.
  @inline(__always)
  init(plainToken start: Int, _ end: Int, lowerHash: UInt64, bits: (UInt64, UInt64)) {
    self.init(
      text: SmallASCII.string(bits: bits), range: Range(uncheckedBounds: (start, end)), lower: SmallASCII.string(bits: bits),
      isCapitalized: false,
      lowerIsRangeBytes: true, textHash: lowerHash, lowerHash: lowerHash)
  }

  private init(
    text: String, range: Range<Int>, lower: String, isCapitalized: Bool, lowerIsRangeBytes: Bool, textHash: UInt64,
    lowerHash: UInt64
  ) {
    self.text = text
    self.range = range
    self.lower = lower
    self.isCapitalized = isCapitalized
    self.lowerIsRangeBytes = lowerIsRangeBytes
    self.textHash = textHash
    self.lowerHash = lowerHash
  }
}

extension Word {
  /// A word with empty strings, which fills a reused buffer until it is overwritten.
  static let empty = Word(
    text: "", range: 0..<0, lower: "", isCapitalized: false, lowerIsRangeBytes: false, textHash: 0, lowerHash: 0)

  /// The byte offsets of the second word of `text` and of `lower` (the one that holds a string's
  /// object and its flags), or -1 when not known.
  static let textObjectOffset = (MemoryLayout<Word>.offset(of: \Word.text) ?? -9) + 8
  static let lowerObjectOffset = (MemoryLayout<Word>.offset(of: \Word.lower) ?? -9) + 8

  /// Whether `holdsNoReference` can be used: a 64-bit string of two words whose second word's top
  /// bit is set exactly when the string is small or immortal, and the offsets known. Checked once
  /// against strings the standard library makes (small, literal and on the heap); the scanner
  /// destroys old words the ordinary way when it is false.
  static let referenceBitsKnown: Bool = {
    #if arch(x86_64) || arch(arm64)
      guard MemoryLayout<String>.size == 16, SmallASCII.isAvailable, textObjectOffset >= 8, lowerObjectOffset >= 8,
        textObjectOffset + 8 <= MemoryLayout<Word>.size, lowerObjectOffset + 8 <= MemoryLayout<Word>.size
      else { return false }
      let heap = String(repeating: "x", count: 40)
      let small = String(decoding: [0x61, 0x62, 0x63], as: UTF8.self)
      let literal = "a literal longer than fifteen bytes"
      let cases: [(String, String, Bool)] = [
        (small, "", true), ("", small, true), (literal, small, true), (small, literal, true),
        (heap, small, false), (small, heap, false), (heap, literal, false), (literal, heap, false), (heap, heap, false),
      ]
      for (a, b, expected) in cases {
        var w = Word(
          text: a, range: 0..<0, lower: b, isCapitalized: false, lowerIsRangeBytes: false, textHash: 0, lowerHash: 0)
        let got = withUnsafePointer(to: &w) { holdsNoReference(UnsafeRawPointer($0), textObjectOffset, lowerObjectOffset) }
        guard got == expected else { return false }
      }
      return true
    #else
      return false
    #endif
  }()

  /// Whether the word at `p` holds no reference (`textOffset` and `lowerOffset` are
  /// `textObjectOffset` and `lowerObjectOffset`): both strings are small or immortal (the top bit of
  /// their object word set), so that destroying it would release nothing (the runtime ignores such
  /// an object). Only when `referenceBitsKnown`.
  @inline(__always)
  static func holdsNoReference(_ p: UnsafeRawPointer, _ textOffset: Int, _ lowerOffset: Int) -> Bool {
    let a = p.load(fromByteOffset: textOffset, as: UInt64.self)
    let b = p.load(fromByteOffset: lowerOffset, as: UInt64.self)
    return (a & b) >> 63 != 0
  }

  /// `lower == s` for an ASCII `s`: text of another length is told apart by its length alone when
  /// `lower` is ASCII too (its hash is not 0), without calling the string comparison.
  @inline(__always)
  func lowerIs(_ s: String) -> Bool {
    if lowerHash != 0, lower.utf8.count != s.utf8.count { return false }
    return lower == s
  }

  /// Whether the first character is a letter (`text.first?.isLetter == true`), without building a
  /// `Character` when the text starts with ASCII: a character's first scalar decides.
  var startsWithLetter: Bool {
    guard let b = text.utf8.first else { return false }
    if b < 0x80 { return (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
    return text.first?.isLetter == true
  }
}

/// The words a scan makes, written over the old words of a reused buffer: in place while the buffer
/// has room, then into `spill`.
private struct WordSink {
  /// The buffer's storage, whose words are all initialized.
  let buffer: UnsafeMutableBufferPointer<Word>
  /// Whether a word's strings can be told to hold no reference by their bits (`Word.holdsNoReference`).
  let checksBits: Bool
  /// `Word.textObjectOffset` and `Word.lowerObjectOffset`, read once.
  let textOffset: Int
  let lowerOffset: Int
  /// The words made so far.
  var count = 0
  /// The words made past the end of `buffer`.
  var spill: [Word] = []

  init(_ buffer: UnsafeMutableBufferPointer<Word>) {
    self.buffer = buffer
    checksBits = Word.referenceBitsKnown
    textOffset = Word.textObjectOffset
    lowerOffset = Word.lowerObjectOffset
  }

  /// Adds `w` after the words made so far.
  @inline(__always)
  mutating func append(_ w: Word) {
    if count < buffer.count, let base = buffer.baseAddress {
      let p = base + count
      // Destroying the old word would release nothing when it holds no reference: it is then
      // overwritten as memory. The new word is built in place either way.
      if !checksBits || !Word.holdsNoReference(UnsafeRawPointer(p), textOffset, lowerOffset) {
        p.deinitialize(count: 1)
      }
      p.initialize(to: w)
    } else {
      spill.append(w)
    }
    count &+= 1
  }
}

/// Splits a sentence into words and single punctuation marks, keeping UTF-8 offsets.
///
/// Letters, digits, inner hyphens, inner apostrophes and inner periods ("U.S.") stay in one word; a
/// trailing possessive "'s" or "’s" is split off as its own token. Works on UTF-8 bytes: ASCII is
/// classified directly, and only non-ASCII characters are looked up in the Unicode tables.
public enum WordScanner {
  public static func words(_ sentence: String) -> [Word] {
    var sentence = sentence
    return sentence.withUTF8 { words(bytes: $0) }
  }

  /// What a character is to the scanner.
  enum Class: UInt8 { case word, joiner, comma, space, other }

  /// The class of each ASCII byte, at its value, as the digit of its raw value: 128 ASCII digits in
  /// read-only memory (a literal needs no initialisation), four rows of 32 bytes. One load instead
  /// of a chain of range tests for every byte of a sentence read byte by byte.
  @inline(__always)
  static var asciiClasses: StaticString {
    """
    44444444433333444444444444444444\
    34444441444421140000000000444444\
    40000000000000000000000000044444\
    40000000000000000000000000044444
    """
  }

  /// The class of the ASCII byte `b` (`b < 0x80`), from `asciiClasses`: letters and digits are word
  /// characters; hyphen, apostrophe and period joiners; the comma; ASCII white space (tab to
  /// carriage return, space); anything else.
  @inline(__always)
  static func asciiClass(_ b: UInt8) -> Class {
    Class(rawValue: asciiClasses.utf8Start[Int(b)] &- 0x30).unsafelyUnwrapped
  }

  private static func classify(_ u: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Class, Int) {
    let b = u[i]
    if b < 0x80 { return (asciiClass(b), 1) }
    return classifyScalar(u, i)
  }

  /// `classify` for a character that is not ASCII: kept out of line so that the ASCII path stays small.
  @inline(never)
  private static func classifyScalar(_ u: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Class, Int) {
    let b = u[i]
    let len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
    guard len > 1, i + len <= u.count else { return (.other, 1) }
    var v = UInt32(b & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07))
    for k in 1..<len { v = (v << 6) | UInt32(u[i + k] & 0x3F) }
    guard let s = Unicode.Scalar(v) else { return (.other, len) }
    if v == 0x2019 { return (.joiner, len) }
    // Dashes, quotation marks, bullets and dots (U+2010…U+2027) are neither letters, digits nor spaces.
    if v >= 0x2010 && v <= 0x2027 { return (.other, len) }
    // Latin letters with diacritics (U+00C0…U+024F but × and ÷) are all alphabetic.
    if v >= 0xC0 && v <= 0x24F && v != 0xD7 && v != 0xF7 { return (.word, len) }
    let p = s.properties
    if p.isAlphabetic || p.numericType != nil { return (.word, len) }
    if p.isWhitespace { return (.space, len) }
    return (.other, len)
  }

  private static func isDigit(_ u: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    let b = u[start]
    if b < 0x80 { return b >= 0x30 && b <= 0x39 }
    var v = UInt32(b & (end - start == 2 ? 0x1F : end - start == 3 ? 0x0F : 0x07))
    for k in (start + 1)..<end { v = (v << 6) | UInt32(u[k] & 0x3F) }
    return Unicode.Scalar(v)?.properties.numericType != nil
  }

  static func words(bytes u: UnsafeBufferPointer<UInt8>) -> [Word] {
    var out: [Word] = []
    words(bytes: u, tokens: UnsafeBufferPointer(start: nil, count: 0), plain: false, into: &out)
    return out
  }

  /// The words of `u`, given the sentence's `tokens` (`Tokenizer.tokenize` of the same bytes): a word
  /// that covers exactly one token's bytes takes its strings from the token.
  ///
  /// - Parameter plain: whether the sentence is ASCII without a vertical tab or a form feed, when the
  ///   caller knows (`Tokenizer.tokenize(_:plain:)` tells); nil to have it checked here.
  static func words(bytes u: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<Token>, plain: Bool? = nil) -> [Word] {
    var out: [Word] = []
    words(bytes: u, tokens: tokens, plain: plain, into: &out)
    return out
  }

  /// `words(bytes:tokens:plain:)` into `out`, whose old words are removed and whose storage is kept:
  /// a caller that reads sentence after sentence reuses one buffer instead of allocating one each.
  ///
  /// The old words are overwritten in place rather than removed first: a word whose strings hold no
  /// reference (small or immortal, most of them) is overwritten without a release, and only the
  /// words left over past the new ones are destroyed.
  static func words(bytes u: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<Token>, plain: Bool?, into out: inout [Word]) {
    let ascii = tokens.baseAddress != nil && (plain ?? isTokenCompatible(u))
    // A sentence has about as many words as tokens (a possessive adds one, a joined word takes
    // several): the buffer is filled with empty words up to that count, to be overwritten.
    let expected = tokens.baseAddress != nil ? tokens.count : u.count / 5
    if out.count < expected {
      // A reused buffer grows by doubling, so that longer sentences do not each reallocate it.
      if out.capacity < expected + 4 { out.reserveCapacity(max(expected + 4, 2 * out.capacity)) }
      for _ in out.count..<expected { out.append(Word.empty) }
    }
    let (written, spill) = out.withUnsafeMutableBufferPointer { buf -> (Int, [Word]) in
      var sink = WordSink(buf)
      if ascii {
        words(ascii: u, tokens: tokens, into: &sink)
      } else {
        scan(bytes: u, tokens: tokens, into: &sink)
      }
      return (sink.count, sink.spill)
    }
    if written < out.count {
      out.removeLast(out.count - written)
    } else if !spill.isEmpty {
      out.append(contentsOf: spill)
    }
  }

  /// Whether the scanner and the tokenizer see the same characters in `u`: ASCII, and no vertical tab
  /// or form feed (white space to the scanner, symbols to the tokenizer).
  private static func isTokenCompatible(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
    var any: UInt8 = 0
    var odd = false
    for b in u {
      any |= b
      odd = odd || b == 0x0B || b == 0x0C
    }
    return any < 0x80 && !odd
  }

  /// The words of an ASCII sentence read from its tokens rather than its bytes: the same words as
  /// `scan(bytes:tokens:)` makes.
  ///
  /// In such a sentence a word or digits token is a run of word characters (an inner apostrophe
  /// joins in both), a symbol token is one joiner, comma or other character, and white space lies
  /// exactly where a token is not attached; the scanner's steps are taken a token at a time.
  private static func words(ascii u: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<Token>, into out: inout WordSink) {
    // The tokens' fields are read through their address, so that no whole `Token` is copied.
    let tokenCount = tokens.count
    guard let t = tokens.baseAddress, tokenCount > 0 else { return }
    var s = ASCIIScan(u: u, t: t)
    // Read once into locals: the fast path below reads them without touching `s`.
    let checksBits = s.checksBits
    let lowerOffset = s.lowerOffset
    var k = 0
    while k < tokenCount {
      let kind = t[k].kind
      let attached = t[k].spaceBefore == 0
      if !attached, k > 0, s.start >= 0 { s.flush(t[k - 1].end, into: &out) }
      if kind != .symbol {
        if s.start < 0 {
          // Most words are one token that nothing joins: made here, without opening a word and
          // calling `flush` (a call of about 100 instructions a word that the compiler does not inline).
          if standsAlone(u, t, k, tokenCount) {
            appendAlone(u, t, k, checksBits, lowerOffset, into: &out)
            k += 1
            continue
          }
          s.start = t[k].start
          s.first = k
        }
        s.last = k
      } else {
        let b = u[t[k].start]
        let joiner = b == 0x2D || b == 0x27 || b == 0x2E
        if joiner || b == 0x2C, s.start >= 0, k + 1 < tokenCount, t[k + 1].spaceBefore == 0, t[k + 1].kind != .symbol,
          joiner || t[k - 1].kind == .digits
        {
          s.last = k
        } else {
          s.flush(t[k].start, into: &out)
          out.append(s.word(k))
        }
      }
      k += 1
    }
    s.flush(t[tokenCount - 1].end, into: &out)
  }

  /// Whether the word or digits token `k`, with no word open before it, is a word by itself that
  /// `flush` would make as it is: the token after it (if any) is not attached, or is a symbol that
  /// does not join it to the token after that (the test of `words(ascii:tokens:into:)` for a
  /// symbol), and the token has no possessive ending (`flushOther` splits those).
  ///
  /// In a plain sentence an attached token starts where the one before it ends, so that the word
  /// `flush` makes when the next token closes it covers exactly token `k`.
  @inline(__always)
  private static func standsAlone(_ u: UnsafeBufferPointer<UInt8>, _ t: UnsafePointer<Token>, _ k: Int, _ tokenCount: Int) -> Bool {
    let start = t[k].start
    let end = t[k].end
    // `start < end <= u.count`: wrapping arithmetic cannot wrap.
    if end &- start >= 4, u[end &- 1] == 0x73, u[end &- 2] == 0x27 { return false }
    let next = k &+ 1
    guard next < tokenCount, t[next].spaceBefore == 0 else { return true }
    guard t[next].kind == .symbol else { return false }
    let b = u[t[next].start]
    let joiner = b == 0x2D || b == 0x27 || b == 0x2E
    guard joiner || b == 0x2C else { return true }
    let after = next &+ 1
    return !(after < tokenCount && t[after].spaceBefore == 0 && t[after].kind != .symbol
      && (joiner || t[k].kind == .digits))
  }

  /// Adds the word of token `k` alone (`standsAlone`) to `out`: the word `flush` makes of it. A
  /// token with no upper-case letter whose text holds no reference (most of them) is made here;
  /// the others by `word(_:)`, out of line.
  ///
  /// `checksBits` and `lowerOffset` are `ASCIIScan`'s, passed as locals so that the scan's state is
  /// not copied.
  @inline(__always)
  private static func appendAlone(
    _ u: UnsafeBufferPointer<UInt8>, _ t: UnsafePointer<Token>, _ k: Int, _ checksBits: Bool, _ lowerOffset: Int,
    into out: inout WordSink
  ) {
    let p = UnsafeRawPointer(t + k)
    if checksBits, !t[k].mayHaveUpper {
      let object = p.load(fromByteOffset: lowerOffset, as: UInt64.self)
      if object >> 63 != 0 {
        // `lowerOffset >= 8` (`Token.referenceBitsKnown` checks it): no overflow check needed.
        let bits = (p.load(fromByteOffset: lowerOffset &- 8, as: UInt64.self), object)
        out.append(Word(plainToken: t[k].start, t[k].end, lowerHash: t[k].lowerHash, bits: bits))
        return
      }
    }
    out.append(wordOutOfLine(u, t, k))
  }

  /// `ASCIIScan.word(_:)` of token `k`, kept out of line for `appendAlone`'s rarer tokens.
  @inline(never)
  private static func wordOutOfLine(_ u: UnsafeBufferPointer<UInt8>, _ t: UnsafePointer<Token>, _ k: Int) -> Word {
    ASCIIScan(u: u, t: t).word(k)
  }

  /// The state of `words(ascii:tokens:into:)`: the open word.
  private struct ASCIIScan {
    let u: UnsafeBufferPointer<UInt8>
    /// The first token.
    let t: UnsafePointer<Token>
    /// The first byte of the open word, or -1.
    var start = -1
    /// The open word's first and last tokens.
    var first = 0
    var last = 0
    /// Whether a token's text can be told to hold no reference by its bits (`Token.referenceBitsKnown`).
    let checksBits = Token.referenceBitsKnown
    /// `Token.lowerObjectOffset`, read once.
    let lowerOffset = Token.lowerObjectOffset

    init(u: UnsafeBufferPointer<UInt8>, t: UnsafePointer<Token>) {
      self.u = u
      self.t = t
    }

    /// The word of token `k`, whose fields are read in place. When the token's text holds no
    /// reference (small or immortal: retaining it does nothing), the word's strings are copies of
    /// its bits, made without a retain.
    @inline(__always)
    func word(_ k: Int) -> Word {
      let p = UnsafeRawPointer(t + k)
      if checksBits {
        let object = p.load(fromByteOffset: lowerOffset, as: UInt64.self)
        if object >> 63 != 0 {
          let bits = (p.load(fromByteOffset: lowerOffset - 8, as: UInt64.self), object)
          return Word(start: t[k].start, end: t[k].end, lowerHash: t[k].lowerHash, mayHaveUpper: t[k].mayHaveUpper, bytes: u) {
            SmallASCII.string(bits: bits)
          }
        }
      }
      return Word(
        start: t[k].start, end: t[k].end, lower: t[k].lower, lowerHash: t[k].lowerHash, mayHaveUpper: t[k].mayHaveUpper,
        bytes: u)
    }

    /// Ends the open word, if any, at `end`, adding it to `out`.
    ///
    /// The common case, a word of one token with no possessive ending, is made here; the others (about
    /// one word in 300) in `flushOther`, kept out of line so that the common path carries no code or
    /// registers of theirs.
    @inline(__always)
    mutating func flush(_ end: Int, into out: inout WordSink) {
      guard start >= 0 else { return }
      let start = self.start
      self.start = -1
      // `start < end <= u.count`: wrapping arithmetic cannot wrap, and leaves out the overflow checks.
      if first == last, end &- start < 4 || u[end &- 1] != 0x73 || u[end &- 2] != 0x27 {
        out.append(word(first))
        return
      }
      flushOther(start, end, into: &out)
    }

    /// `flush(_:into:)` of the open word `start..<end` when it has several tokens or a possessive ending.
    @inline(never)
    func flushOther(_ start: Int, _ end: Int, into out: inout WordSink) {
      let len = end - start
      // Split a possessive ending ("'s") when the word has at least two characters before it.
      if len >= 4, u[end - 1] == 0x73, u[end - 2] == 0x27 {
        let baseEnd = end - 2
        let r = start..<baseEnd
        if first == last || t[first].end != baseEnd {
          out.append(Word(bytes: UnsafeBufferPointer(rebasing: u[r]), range: r))
        } else {
          out.append(word(first))
        }
        out.append(Word(text: "'s", range: baseEnd..<end))
        return
      }
      if first == last {
        out.append(word(first))
      } else {
        out.append(Word(bytes: UnsafeBufferPointer(rebasing: u[start..<end]), range: start..<end))
      }
    }
  }

  /// The words of `u` read byte by byte; a word that covers exactly one of `tokens` takes its strings
  /// from the token.
  private static func scan(bytes u: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<Token>, into out: inout WordSink) {
    let n = u.count
    var s = ByteScan(u: u, tokens: tokens)
    var i = 0
    while i < n {
      let (cls, len) = classify(u, i)
      switch cls {
      case .word:
        if s.start < 0 { s.start = i }
        s.lastScalarStart = i
      case .joiner, .comma:
        let next = i + len
        if s.start >= 0, next < n, classify(u, next).0 == .word,
          cls == .joiner || isDigit(u, s.lastScalarStart, i)
        {
          s.lastScalarStart = i
        } else {
          s.flush(i, into: &out)
          out.append(s.word(i..<min(n, i + len)))
        }
      case .space:
        s.flush(i, into: &out)
      case .other:
        s.flush(i, into: &out)
        out.append(s.word(i..<min(n, i + len)))
      }
      i += len
    }
    s.flush(n, into: &out)
  }

  /// The state of `scan(bytes:tokens:into:)`: the open word and the tokens passed.
  private struct ByteScan {
    let u: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<Token>
    /// The first token that does not start before the last word made.
    var cursor = 0
    /// The start of the open word, or -1.
    var start = -1
    /// The start of the open word's last character.
    var lastScalarStart = 0

    /// The word of the bytes in `r`.
    mutating func word(_ r: Range<Int>) -> Word {
      // The token's fields are read through its address, so that no whole `Token` is copied.
      guard let base = tokens.baseAddress else { return Word(bytes: UnsafeBufferPointer(rebasing: u[r]), range: r) }
      while cursor < tokens.count, base[cursor].start < r.lowerBound { cursor += 1 }
      var lower: String? = nil
      if cursor < tokens.count, base[cursor].start == r.lowerBound, base[cursor].end == r.upperBound { lower = base[cursor].lower }
      return Word(bytes: UnsafeBufferPointer(rebasing: u[r]), range: r, tokenLower: lower)
    }

    /// Ends the open word, if any, at `end`, adding it to `out`.
    @inline(__always)
    mutating func flush(_ end: Int, into out: inout WordSink) {
      guard start >= 0 else { return }
      let start = self.start
      self.start = -1
      // Split a possessive ending ("'s" or "’s") when the word has at least two characters before it.
      let len = end - start
      if len >= 4, u[end - 1] == 0x73 {
        var apos = 0
        if u[end - 2] == 0x27 { apos = 1 } else if len >= 6, u[end - 4] == 0xE2, u[end - 3] == 0x80, u[end - 2] == 0x99 { apos = 3 }
        if apos > 0 {
          let baseEnd = end - 1 - apos
          if WordScanner.characterCount(u, start, baseEnd) >= 2 {
            out.append(word(start..<baseEnd))
            out.append(Word(text: "'s", range: baseEnd..<end))
            return
          }
        }
      }
      out.append(word(start..<end))
    }
  }

  /// The number of characters (Unicode scalars) in `u[start..<end]`.
  fileprivate static func characterCount(_ u: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
    var c = 0
    for k in start..<end where u[k] & 0xC0 != 0x80 { c += 1 }
    return c
  }
}
