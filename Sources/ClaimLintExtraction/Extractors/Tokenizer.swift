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
  /// False when the text has no upper-case ASCII letter, so that its text is `lower` when it is ASCII
  /// (`WordScanner` then takes a word's text from the token); true when it may have one.
  var mayHaveUpper: Bool = true

  init(
    kind: Kind, start: Int, end: Int, spaceBefore: Int, singleSpaceBefore: Bool, lower: String, lowerHash: UInt64,
    isCapitalized: Bool, roles: UInt8 = TokenRoles.all, mayHaveUpper: Bool = true
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
    self.mayHaveUpper = mayHaveUpper
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

extension Token {
  /// The byte offset of the second word of `lower` (the one that holds the string's object and its
  /// flags), or -1 when not known.
  static let lowerObjectOffset = (MemoryLayout<Token>.offset(of: \Token.lower) ?? -9) + 8

  /// Whether a token's `lower` holds no reference exactly when the top bit of the word at
  /// `lowerObjectOffset` is set (the string is small or immortal, so that destroying it would release
  /// nothing): a 64-bit string of two words, checked once against strings the standard library makes
  /// (small, literal and on the heap). The tokenizer destroys old tokens the ordinary way when false.
  static let referenceBitsKnown: Bool = {
    #if arch(x86_64) || arch(arm64)
      guard MemoryLayout<String>.size == 16, lowerObjectOffset >= 8, lowerObjectOffset + 8 <= MemoryLayout<Token>.size
      else { return false }
      let cases: [(String, Bool)] = [
        (String(repeating: "x", count: 40), false), (String(decoding: [0x61, 0x62, 0x63], as: UTF8.self), true),
        ("a literal longer than fifteen bytes", true), ("", true),
      ]
      for (text, expected) in cases {
        var t = Token(kind: .word, start: 0, end: 0, spaceBefore: 0, singleSpaceBefore: false, lower: text, lowerHash: 0, isCapitalized: false)
        let top = withUnsafePointer(to: &t) { UnsafeRawPointer($0).load(fromByteOffset: lowerObjectOffset, as: UInt64.self) >> 63 }
        guard (top != 0) == expected else { return false }
      }
      return true
    #else
      return false
    #endif
  }()
}

/// What a token can start; digits can start anything.
enum TokenRoles {
  static let figure: UInt8 = 1
  static let date: UInt8 = 2
  static let action: UInt8 = 4
  static let all: UInt8 = 7
}

/// What a byte is to the tokenizer, by table: one load and a comparison instead of a chain of range
/// tests at the start of every token and for every byte of white space.
enum ByteClass {
  /// Any other ASCII byte: a symbol (vertical tab and form feed included).
  static let other = UInt8(ascii: "0")
  /// ASCII white space: space, tab, line feed, carriage return.
  static let space = UInt8(ascii: "1")
  /// An ASCII digit.
  static let digit = UInt8(ascii: "2")
  /// An ASCII letter.
  static let letter = UInt8(ascii: "3")
  /// A byte that is not ASCII and does not start a wide space; every class from here on is one that
  /// is not ASCII.
  static let nonASCII = UInt8(ascii: "4")
  /// C2, E2 or E3: the lead bytes of the white space characters that are not ASCII (U+00A0,
  /// U+2000…U+200A, U+202F, U+3000), and of other characters.
  static let wideSpaceLead = UInt8(ascii: "5")

  /// The class of each byte, at its value: 256 ASCII digits in read-only memory (a literal needs no
  /// initialisation), eight rows of 32 bytes.
  @inline(__always)
  static var table: StaticString {
    """
    00000000011001000000000000000000\
    10000000000000002222222222000000\
    03333333333333333333333333300000\
    03333333333333333333333333300000\
    44444444444444444444444444444444\
    44444444444444444444444444444444\
    44544444444444444444444444444444\
    44554444444444444444444444444444
    """
  }
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

  /// `tokenize(_:)` on the bytes' storage, into `tokens` (its old tokens replaced, its capacity kept).
  ///
  /// The old tokens are overwritten in place rather than removed first: a token whose text holds no
  /// reference (a small or immortal string, most of them) is overwritten without being destroyed, and
  /// only the tokens left over past the new ones are destroyed. Tokens past the old count are appended.
  private static func tokenize(buffer bytes: UnsafeBufferPointer<UInt8>, into tokens: inout [Token], plain: inout Bool) {
    var scan = Scan(bytes: bytes)
    if !tokens.isEmpty {
      let written = tokens.withUnsafeMutableBufferPointer { buf -> Int in
        var sink = InPlaceSink(buf)
        scan.run(into: &sink)
        return sink.count
      }
      if written < tokens.count {
        // The scan ended before the buffer was full.
        plain = scan.plain
        tokens.removeLast(tokens.count - written)
        return
      }
    }
    if scan.i < bytes.count {
      // A reused buffer grows by doubling, so that longer sentences do not each reallocate it.
      let wanted = tokens.count + (bytes.count - scan.i) / 3 + 4
      if tokens.capacity < wanted { tokens.reserveCapacity(max(wanted, 2 * tokens.capacity)) }
      var sink = AppendSink()
      swap(&sink.tokens, &tokens)
      scan.run(into: &sink)
      swap(&sink.tokens, &tokens)
    }
    plain = scan.plain
  }

  /// Where `Scan.run(into:)` puts the tokens it makes.
  private protocol Sink {
    /// Adds `token` after the tokens made so far.
    mutating func put(_ token: Token)
    /// Whether the sink takes no more tokens (the scan then stops, to be resumed with another sink).
    var isFull: Bool { get }
  }

  /// Writes tokens over the old tokens of a buffer, in order.
  private struct InPlaceSink: Sink {
    /// The buffer's storage, whose tokens are all initialized.
    let buffer: UnsafeMutableBufferPointer<Token>
    /// Whether a token's text can be told to hold no reference by its bits (`Token.referenceBitsKnown`).
    let checksBits = Token.referenceBitsKnown
    /// `Token.lowerObjectOffset`, read once.
    let lowerOffset = Token.lowerObjectOffset
    /// The tokens written so far.
    var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<Token>) { self.buffer = buffer }

    @inline(__always)
    var isFull: Bool { count >= buffer.count }

    @inline(__always)
    mutating func put(_ token: Token) {
      guard let base = buffer.baseAddress else { return }
      let p = base + count
      if checksBits, UnsafeRawPointer(p).load(fromByteOffset: lowerOffset, as: UInt64.self) >> 63 != 0 {
        // Destroying the old token would release nothing: it is overwritten as memory.
        p.initialize(to: token)
      } else {
        p.pointee = token
      }
      count += 1
    }
  }

  /// Appends tokens to an array.
  private struct AppendSink: Sink {
    var tokens: [Token] = []

    @inline(__always)
    var isFull: Bool { false }

    @inline(__always)
    mutating func put(_ token: Token) { tokens.append(token) }
  }

  /// The state of one tokenization: where it is, and what it has seen. A word's lower-cased hash is
  /// computed while its bytes are scanned, and its string is made from them with no call when it is
  /// short ASCII (`SmallASCII`).
  private struct Scan {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The first byte not scanned yet (always at the start of white space or of a token).
    var i = 0
    /// Whether the bytes scanned are ASCII without a vertical tab or a form feed.
    var plain = true
    /// Whether a token has been made.
    var madeOne = false

    /// Makes the tokens from `i` on into `sink`, until the bytes end or the sink is full.
    @inline(__always)
    mutating func run<S: Sink>(into sink: inout S) {
      let bytes = self.bytes
      let n = bytes.count
      var i = self.i
      // White space characters since the last token.
      var spaces = 0
      let ascii = asciiStrings
      let small = SmallASCII.isAvailable
      defer { self.i = i }

      let classes = ByteClass.table.utf8Start

      while i < n {
        if sink.isFull { return }
        let c = bytes[i]
        // One load tells white space, digits, letters and the rest apart (`ByteClass`).
        let cls = classes[Int(c)]
        // White space: ASCII, no-break space (C2 A0), the spaces U+2000…U+200A, U+202F and U+3000.
        if cls == ByteClass.space {
          spaces &+= 1
          i &+= 1
          continue
        }
        if cls == ByteClass.wideSpaceLead, c == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 {
          plain = false
          spaces += 1
          i += 2
          continue
        }
        if cls == ByteClass.wideSpaceLead, c == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, (bytes[i + 2] >= 0x80 && bytes[i + 2] <= 0x8A) || bytes[i + 2] == 0xAF {
          plain = false
          spaces += 1
          i += 3
          continue
        }
        if cls == ByteClass.wideSpaceLead, c == 0xE3, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 {
          plain = false
          spaces += 1
          i += 3
          continue
        }
        let start = i
        var kind: Token.Kind
        var lower = ""
        var lowerHash: UInt64 = 0
        var isCapitalized = false
        // Digits have no letter; a symbol that is not ASCII is not looked at.
        var mayHaveUpper = c >= 0x80
        if cls == ByteClass.digit {
          kind = .digits
          var h: UInt64 = 0xcbf2_9ce4_8422_2325
          while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 {
            h = (h ^ UInt64(bytes[i])) &* 0x0000_0100_0000_01B3
            i &+= 1
          }
          lowerHash = h | 1
          if small, i - start <= SmallASCII.maxCount {
            lower = SmallASCII.string(bits: SmallASCII.load(bytes, start, i, lowered: false).bits)
          } else {
            lower = i == start + 1 ? ascii[Int(c)] : asciiString(bytes, start, i, lowered: false)
          }
        } else if cls == ByteClass.letter || (cls >= ByteClass.nonASCII && isLetterScalar(bytes, i)) {
          kind = .word
          // The FNV-1a hash of the lower-cased text with typographic apostrophes folded, as it is
          // scanned; the text itself is read afterwards, eight bytes at a time when it is ASCII.
          var h: UInt64 = 0xcbf2_9ce4_8422_2325
          var hasCurly = false
          var nonASCII = false
          letters: while i < n {
            // A run of ASCII letters (most words are one) in a loop of its own, which keeps only its
            // index and lower-cased byte in registers. `b | 0x20` is a lower-case letter exactly when
            // the byte `b` is an ASCII letter.
            var l = bytes[i] | 0x20
            while l &- 0x61 < 26 {
              h = (h ^ UInt64(l)) &* 0x0000_0100_0000_01B3
              i &+= 1
              if i == n { break letters }
              l = bytes[i] | 0x20
            }
            let d = bytes[i]
            if d >= 0x80, isLetterScalar(bytes, i) {
              nonASCII = true
              i += scalarLength(d)
            } else if d == 0x27, i + 1 < n, isASCIILetter(bytes[i + 1]) {
              h = (h ^ 0x27) &* 0x0000_0100_0000_01B3
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
            mayHaveUpper = true
            lower = lowered(bytes, start, i)
          } else if small, i - start <= SmallASCII.maxCount {
            // Short ASCII (most words): letters and apostrophes, lower-cased by setting each byte's
            // 0x20 bit (which an apostrophe has), made into a small string with no call.
            let text = SmallASCII.load(bytes, start, i, lowered: true)
            mayHaveUpper = text.hadUpper
            lower = SmallASCII.string(bits: text.bits)
          } else {
            mayHaveUpper = hasASCIIUpper(bytes, start, i)
            if i == start + 1 {
              // One ASCII letter ("a", "I"): its string from the table.
              lower = ascii[Int(c | 0x20)]
            } else {
              lower = asciiString(bytes, start, i, lowered: mayHaveUpper)
            }
          }
        } else {
          kind = .symbol
          if c >= 0x80 || c == 0x0B || c == 0x0C { plain = false }
          i += c < 0x80 ? 1 : scalarLength(c)
          if i > n { i = n }
          if i == start + 1, c < 0x80 {
            // One ASCII character (punctuation): a small string of the byte, or its string from the table.
            lower = small ? SmallASCII.string(packedLow: UInt64(c), high: 0, count: 1) : ascii[Int(c)]
            lowerHash = Token.byteHash(c)
          } else {
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<i])
            lower = String(decoding: slice, as: UTF8.self)
            lowerHash = WordTable<Bool>.hashCode(bytes: slice)
          }
        }
        sink.put(
          Token(
            kind: kind, start: start, end: i, spaceBefore: !madeOne && spaces == 0 ? 1 : spaces,
            singleSpaceBefore: spaces == 1, lower: lower, lowerHash: lowerHash, isCapitalized: isCapitalized,
            mayHaveUpper: mayHaveUpper))
        madeOne = true
        spaces = 0
      }
    }
  }

  /// Whether one of the ASCII bytes `start..<end` is an upper-case letter.
  private static func hasASCIIUpper(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    for b in bytes[start..<end] where b >= 0x41 && b <= 0x5A { return true }
    return false
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

  // The scalar tests are kept out of line: inlined into the scan, their `Unicode.Scalar.Properties`
  // metadata lookup and one-time initializations would be paid at every call of it, for the few
  // characters that are not ASCII.
  @inline(never)
  private static func isLetterScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    guard let s = scalar(bytes, i) else { return false }
    return s.properties.isAlphabetic
  }

  @inline(never)
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

/// ASCII strings of at most fifteen bytes made directly in the standard library's small-string form,
/// with no call, no allocation and no validation: two words holding the bytes in order, the count and
/// the flags (immortal, small, ASCII) in the top byte of the second. This is the form the standard
/// library gives such a string itself (`String(decoding:as:)`), so the strings are equal bit for bit;
/// `isAvailable` checks that once against strings the standard library makes, and callers make their
/// strings the ordinary way when it is false (another layout).
enum SmallASCII {
  /// The longest string made here, in bytes.
  @inline(__always)
  static var maxCount: Int { 15 }

  /// Whether `string(packedLow:high:count:)` makes exactly the strings the standard library makes.
  static let isAvailable: Bool = {
    guard MemoryLayout<String>.size == 16 else { return false }
    let sample = Array("abcdefghijklmnoXYZ09'-.,".utf8)
    for count in 1...maxCount {
      for offset in 0..<(sample.count - count) {
        let bytes = Array(sample[offset..<(offset + count)])
        var low: UInt64 = 0
        var high: UInt64 = 0
        for b in bytes {
          high = (high &<< 8) | (low &>> 56)
          low = (low &<< 8) | UInt64(b)
        }
        let made = String(decoding: bytes, as: UTF8.self)
        let expected = unsafeBitCast(made, to: (UInt64, UInt64).self)
        let bits = bits(packedLow: low, high: high, count: count)
        guard bits == expected else { return false }
      }
    }
    return true
  }()

  /// The two words of the small string of `count` (1…15) ASCII bytes packed, first byte highest, into
  /// `high` and `low` (its last eight bytes).
  @inline(__always)
  static func bits(packedLow low: UInt64, high: UInt64, count: Int) -> (UInt64, UInt64) {
    // Byte-reversed, the first byte is lowest: shifted down past the sixteen-byte key's empty bytes.
    // The key reversed is `low.byteSwapped` (high word) and `high.byteSwapped` (low word); it is
    // shifted a word at a time, with no 128-bit shift.
    let flags = UInt64(0xE0 | count) &<< 56
    let top = low.byteSwapped
    if count <= 8 { return (top &>> (8 * (8 - count)), flags) }
    let s = 8 * (16 - count)  // 8…56
    return ((high.byteSwapped &>> s) | (top &<< (64 - s)), (top &>> s) | flags)
  }

  /// The string of `count` (1…15) ASCII bytes packed, first byte highest, into `high` and `low` (its
  /// last eight bytes); only when `isAvailable`.
  @inline(__always)
  static func string(packedLow low: UInt64, high: UInt64, count: Int) -> String {
    string(bits: bits(packedLow: low, high: high, count: count))
  }

  /// The string whose two words are `bits`: as `bits(packedLow:high:count:)` or `load` make them (only
  /// when `isAvailable`), or the words of a small or immortal string (whose copy needs no retain, so
  /// that the bits alone are a copy).
  @inline(__always)
  static func string(bits: (UInt64, UInt64)) -> String {
    // Moved out of the two words rather than cast (a cast is a copy, which would retain the string).
    // The pointer is taken without the stack protector that `withUnsafeMutablePointer` asks for: the
    // protector's check would be paid at every return of every function this is inlined into (the
    // tokenizer's loop, the word scanner's `flush`), and the pointer never leaves the closure.
    var bits = bits
    return _withUnprotectedUnsafeMutablePointer(to: &bits) { $0.withMemoryRebound(to: String.self, capacity: 1) { $0.move() } }
  }

  /// The two words of the small string of the ASCII bytes `start..<end` (1…15 of them), read eight
  /// at a time rather than packed one by one: the same words as `bits(packedLow:high:count:)` makes
  /// from the bytes packed (first byte lowest once byte-reversed, which is the order of the bytes in
  /// memory read as a little-endian integer). Only bytes inside `start..<end`, or inside `bytes` right
  /// after it, are read.
  ///
  /// With `lowered`, the bytes must be ASCII letters and apostrophes: each gets its 0x20 bit set, which
  /// lower-cases a letter and leaves an apostrophe (0x27) as it is; `hadUpper` tells whether a byte
  /// lacked that bit (an upper-case letter).
  @inline(__always)
  static func load(
    _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, lowered: Bool
  ) -> (bits: (UInt64, UInt64), hadUpper: Bool) {
    let count = end &- start
    let base = UnsafeRawPointer(bytes.baseAddress!)
    let spread: UInt64 = lowered ? 0x2020_2020_2020_2020 : 0
    let flags = UInt64(0xE0 | count) &<< 56
    if count <= 8 {
      // The bytes of the text alone, the rest cleared.
      let keep = ~UInt64(0) &>> (64 &- 8 &* count)
      var low: UInt64
      if start &+ 8 <= bytes.count {
        low = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: start, as: UInt64.self)) & keep
      } else if end >= 8 {
        low = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: end &- 8, as: UInt64.self)) &>> (64 &- 8 &* count)
      } else {
        low = 0
        for k in 0..<count { low |= UInt64(bytes[start + k]) &<< (8 * k) }
      }
      return ((low | (spread & keep), flags), ~low & spread & keep != 0)
    }
    // Nine to fifteen bytes: the first eight, then the last eight moved down past the ones read.
    let keep = ~UInt64(0) &>> (8 &* (16 &- count))
    let low = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: start, as: UInt64.self))
    let high = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: end &- 8, as: UInt64.self)) &>> (8 &* (16 &- count))
    return ((low | spread, high | (spread & keep) | flags), (~low & spread) | (~high & spread & keep) != 0)
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
  /// `byFirst` for lookups, once `finished()` has made it: first key → the range of its phrases in
  /// `flat`, a range rather than an array so that a lookup retains nothing.
  private var table: WordTable<Range<Int>>? = nil
  /// Every list of `byFirst` one after the other (in the order of its keys, sorted), once
  /// `finished()` has made it.
  private var flat: [Entry] = []
  /// A bit per `WordTable.hashCode` (its top 12 bits) of every ASCII first key, once `finished()` has
  /// made it; empty when it cannot be used (the table is not on its fast path). A token with an ASCII
  /// text whose bit is clear starts no phrase: most lookups end there, with one load.
  private var firstFilter: [UInt64] = []
  /// Whether `finished()` found every first key ASCII: a token whose lower-cased text is not ASCII then
  /// starts a phrase only when it could equal ASCII text (`NonASCIIWord.mayEqualASCII`).
  private var firstKeysASCII = false

  /// Adds a phrase; longer phrases are tried first.
  mutating func add(_ keys: [String], _ payload: Payload) {
    guard let first = keys.first else { return }
    var list = byFirst[first] ?? []
    list.append(Entry(keys: keys, payload: payload))
    list.sort { $0.keys.count > $1.keys.count }
    byFirst[first] = list
    table = nil
    flat = []
    firstFilter = []
    firstKeysASCII = false
  }

  /// The index with its lookup table built: call once every phrase has been added.
  func finished() -> PhraseIndex {
    var p = self
    var flat: [Entry] = []
    var ranges: [String: Range<Int>] = [:]
    for key in byFirst.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      let start = flat.count
      flat += byFirst[key]!
      ranges[key] = start..<flat.count
    }
    let table = WordTable(ranges)
    p.table = table
    p.flat = flat
    p.firstFilter = []
    p.firstKeysASCII = byFirst.keys.allSatisfy { WordTable<Bool>.asciiHash($0) != nil }
    if table.isFast {
      p.firstFilter = HashFilter.of(byFirst.keys)
    }
    return p
  }


  /// The longest phrase that starts at token `i`, as the index after it and its payload. The filter
  /// is read inline, so that a token that starts no phrase (most of them) costs no call.
  @inline(__always)
  func match(_ tokens: [Token], at i: Int) -> (end: Int, payload: Payload)? {
    guard i < tokens.count, mayStart(tokens[i].lowerHash) else { return nil }
    return matchLookup(tokens, at: i)
  }

  /// `match(_:at:)?.end`: where the longest phrase that starts at token `i` ends, for a caller that
  /// only asks whether one starts there or where it ends. The payload (a string for most indexes) is
  /// not copied out of the entry (a retain and a release of it per match).
  @inline(__always)
  func matchEnd(_ tokens: [Token], at i: Int) -> Int? {
    guard i < tokens.count, mayStart(tokens[i].lowerHash) else { return nil }
    return matchEndLookup(tokens, at: i)
  }

  /// `match(_:at:)` past the filter, kept out of line.
  @inline(never)
  private func matchLookup(_ tokens: [Token], at i: Int) -> (end: Int, payload: Payload)? {
    guard table != nil else { return matchUnfinished(tokens, at: i) }
    guard let m = matchEntry(tokens, at: i) else { return nil }
    return (m.end, flat[m.entry].payload)
  }

  /// `matchEnd(_:at:)` past the filter, kept out of line.
  @inline(never)
  private func matchEndLookup(_ tokens: [Token], at i: Int) -> Int? {
    guard table != nil else { return matchUnfinished(tokens, at: i)?.end }
    return matchEntry(tokens, at: i)?.end
  }

  /// The longest phrase of a finished index that starts at token `i`: the index after it and its
  /// entry's place in `flat`.
  @inline(__always)
  private func matchEntry(_ tokens: [Token], at i: Int) -> (end: Int, entry: Int)? {
    guard let t = table else { return nil }
    // A text that is not ASCII equals no ASCII key unless it holds a scalar whose decomposition is ASCII.
    if tokens[i].lowerHash == 0, firstKeysASCII, !NonASCIIWord.mayEqualASCII(tokens[i].lower) { return nil }
    guard let r = t.value(hash: tokens[i].lowerHash, key: tokens[i].lower) else { return nil }
    // The phrases and tokens are read in place on their storage: copying an entry out of its list
    // would retain its keys and payload.
    return flat.withUnsafeBufferPointer { es in
      tokens.withUnsafeBufferPointer { ts -> (end: Int, entry: Int)? in
        outer: for e in r {
          let count = es[e].keys.count
          let end = i + count
          guard end <= ts.count else { continue }
          for k in 1..<count where ts[i + k].lower != es[e].keys[k] { continue outer }
          return (end, e)
        }
        return nil
      }
    }
  }

  /// `matchLookup(_:at:)` for an index whose `finished()` has not been called: the same search on
  /// `byFirst`'s lists (the same phrases in the same order as `flat`'s ranges).
  private func matchUnfinished(_ tokens: [Token], at i: Int) -> (end: Int, payload: Payload)? {
    guard let list = byFirst[tokens[i].lower] else { return nil }
    outer: for e in list {
      let end = i + e.keys.count
      guard end <= tokens.count else { continue }
      for k in 1..<e.keys.count where tokens[i + k].lower != e.keys[k] { continue outer }
      return (end, e.payload)
    }
    return nil
  }

  /// The first index from `i` on (at most `tokens.count`) where `mayStart(_:at:)` is true: the tokens
  /// before it start no phrase. The hashes are read on the tokens' storage and the filter through a
  /// local pointer; an index without a usable filter answers `i`.
  @inline(__always)
  func nextStart(_ tokens: [Token], from i: Int) -> Int {
    guard !firstFilter.isEmpty, i < tokens.count else { return i }
    return tokens.withUnsafeBufferPointer { b in HashFilter.firstMayHold(firstFilter, from: i, to: b.count) { b[$0].lowerHash } }
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
    return HashFilter.mayHold(firstFilter, h)
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

  /// The number of tokens of the longest phrase (0 when there is none).
  var longestPhrase: Int { byFirst.values.lazy.flatMap { $0 }.map(\.keys.count).max() ?? 0 }

  /// The first token key of every phrase.
  var firstKeys: Dictionary<String, [Entry]>.Keys { byFirst.keys }
}
