import ClaimLintCore

/// Splits extracted text into sentences the way news prose needs.
///
/// A sentence ends at `.`, `!`, `?` or `…` (plus any closing quotes or brackets) followed by white space
/// and a capital letter (in any script), a letter of a script without case, a digit or an opening quote;
/// or at a blank line or a line that starts with a list bullet. A single line break (`\n`, `\r\n` or a
/// lone `\r`) inside a paragraph is a wrap, not a sentence end. It does not end after an abbreviation
/// ("Lt.", "Gen.", "No.", "Feb."), an initial ("J. Smith"), inside a number ("3.5", "12,400") or after
/// an ellipsis followed by a lower-case word. After a dotted abbreviation of single letters ("U.S.",
/// "p.m.") it ends only before a common sentence opener ("in the U.S. The talks"). No sentence is longer
/// than `maxSentenceBytes`.
///
/// A class (immutable, so shared freely): `split(_:into:)` lends it to the closure that reads the
/// text's bytes unretained. A struct captured by that closure had its two tables retained twice and
/// released for every text split.
public final class SentenceSplitter: Sendable {
  private let abbreviations: Set<String>
  /// The ASCII abbreviations of one to eight bytes packed as `packedLower` packs them, in an
  /// open-addressed table (0 marks an empty slot) whose size is a power of two.
  private let asciiAbbreviations: [UInt64]
  /// The longest sentence, in UTF-8 bytes. A longer run without a sentence end (a scraped table, a page
  /// on one line with no punctuation) is cut at white space, so that the work done per sentence by the
  /// extractors and rules stays bounded however long a line is (issue #8). News sentences are far shorter.
  public static let maxSentenceBytes = 2048

  /// - Parameter abbreviations: lower-case abbreviations without their final full stop.
  public init(abbreviations: Set<String>) {
    self.abbreviations = abbreviations
    let short = abbreviations.filter { !$0.isEmpty && $0.utf8.count <= 8 && $0.utf8.allSatisfy { $0 < 0x80 } }
    var size = 16
    while size < 4 * short.count { size *= 2 }
    var table = [UInt64](repeating: 0, count: size)
    for word in short {
      var key: UInt64 = 0
      for (k, c) in word.utf8.enumerated() { key |= UInt64(c) << (8 * UInt64(k)) }
      var slot = Self.slot(key, size)
      while table[slot] != 0 && table[slot] != key { slot = (slot + 1) & (size - 1) }
      table[slot] = key
    }
    asciiAbbreviations = table
  }

  /// The first slot of `key` in a table of `size` slots.
  @inline(__always)
  private static func slot(_ key: UInt64, _ size: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & (size - 1)
  }

  /// Whether the packed ASCII word `key` (one to eight bytes, as the abbreviations are written) is
  /// one of the abbreviations.
  private func isASCIIAbbreviation(_ key: UInt64) -> Bool {
    let size = asciiAbbreviations.count
    var slot = Self.slot(key, size)
    while true {
      let entry = asciiAbbreviations[slot]
      if entry == key { return true }
      if entry == 0 { return false }
      slot = (slot + 1) & (size - 1)
    }
  }

  /// Builds a splitter from the `abbreviations` lexicon.
  public convenience init(lexicons: LexiconSet) {
    self.init(abbreviations: Set(lexicons.table("abbreviations").rows.map { $0[0].lowercased() }))
  }

  /// The sentences of `text` as UTF-8 offset ranges, trimmed of surrounding white space (including
  /// non-breaking spaces).
  public func split(_ text: String) -> [Range<Int>] {
    var result: [Range<Int>] = []
    split(text, into: &result)
    return result
  }

  /// `split(_:)` appended to `result`: a caller that splits text after text can keep one buffer.
  func split(_ text: String, into result: inout [Range<Int>]) {
    // The splitter is kept alive by the caller for the call.
    let splitter = Unmanaged.passUnretained(self)
    text.withUTF8Bytes { bytes in splitter._withUnsafeGuaranteedRef { $0.split(bytes: bytes, into: &result) } }
  }

  /// `split(_:into:)` on the text's UTF-8 bytes, read in place.
  private func split(bytes b: UnsafeBufferPointer<UInt8>, into result: inout [Range<Int>]) {
    let n = b.count
    var start = 0

    func emitTrimmed(_ s: Int, _ e: Int) {
      var s = s
      var e = e
      while s < e, case let w = Self.spaceWidth(b, at: s), w > 0 { s += w }
      while e > s, case let w = Self.spaceWidth(b, endingAt: e), w > 0 { e -= w }
      if e > s { result.append(s..<e) }
    }

    func emit(_ s: Int, _ e: Int) {
      var s = s
      while e - s > Self.maxSentenceBytes {
        // Cut at the last white space of the second half of the allowance, else at a code point boundary.
        var cut = s + Self.maxSentenceBytes
        var k = cut
        while k > s + Self.maxSentenceBytes / 2, !(b[k] == 0x20 || b[k] == 0x09 || b[k] == 0x0A || b[k] == 0x0D) { k -= 1 }
        if k > s + Self.maxSentenceBytes / 2 {
          cut = k
        } else {
          while cut > s, b[cut] & 0xC0 == 0x80 { cut -= 1 }
        }
        emitTrimmed(s, cut)
        s = cut
      }
      emitTrimmed(s, e)
    }

    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    /// The top bit of every byte of `v` that is zero, and maybe of bytes above one (never below).
    @inline(__always) func zeroBytes(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
    var i = 0
    while i < n {
      // Only a line break (LF, CR), a terminator (`.`, `!`, `?`) or the first byte of `…` (0xE2)
      // needs a look: eight bytes without one are passed over at once, else the loop goes to the
      // first such byte.
      // The skip is a loop of its own (no overflow checks, the base address tested once), so that
      // the bytes of a long run without a candidate cost only the tests.
      if let base = b.baseAddress {
        while i &+ 8 <= n {
          let v = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
          let found = zeroBytes(v ^ (ones &* 0x0A)) | zeroBytes(v ^ (ones &* 0x0D)) | zeroBytes(v ^ (ones &* 0x21))
            | zeroBytes(v ^ (ones &* 0x2E)) | zeroBytes(v ^ (ones &* 0x3F)) | zeroBytes(v ^ (ones &* 0xE2))
          if found != 0 {
            i &+= UInt64(littleEndian: found).trailingZeroBitCount &>> 3
            break
          }
          i &+= 8
        }
        guard i < n else { break }
      }
      let c = b[i]
      // Letters, spaces and most bytes are neither a line break nor (the start of) a terminator.
      if c == 0x20 || (c >= 0x40 && c != 0xE2) {
        i += 1
        continue
      }
      if c == 0x0A || (c == 0x0D && (i + 1 >= n || b[i + 1] != 0x0A)) {
        // A line break inside a paragraph is a wrap; a blank line or a list bullet starts anew.
        var k = i + 1
        while k < n, b[k] == 0x20 || b[k] == 0x09 { k += 1 }
        let bullet = k + 1 < n && (b[k] == UInt8(ascii: "-") || b[k] == UInt8(ascii: "*")) && b[k + 1] == 0x20
        let bulletPoint = k + 2 < n && b[k] == 0xE2 && b[k + 1] == 0x80 && b[k + 2] == 0xA2  // •
        if k >= n || b[k] == 0x0A || b[k] == 0x0D || bullet || bulletPoint {
          emit(start, i)
          start = i + 1
        }
        i += 1
        continue
      }
      let t = Self.terminatorWidth(b, at: i)
      if t > 0 {
        // Consume a run of terminators and closing punctuation.
        var j = i + t
        while j < n, case let w = Self.terminatorWidth(b, at: j), w > 0 { j += w }
        j = skipClosers(b, j)
        guard j < n else { break }
        guard Self.spaceWidth(b, at: j) > 0 else {
          i += t
          continue
        }
        var k = j
        while k < n, case let w = Self.spaceWidth(b, at: k), w > 0 { k += w }
        if k >= n { break }
        let isFullStop = c == UInt8(ascii: ".") && (i + 1 >= n || b[i + 1] != UInt8(ascii: "."))
        if isFullStop {
          if !endsSentenceAfterPeriod(b, periodAt: i, next: k) {
            i += 1
            continue
          }
        } else if !startsSentence(b, k) {
          i = j
          continue
        }
        emit(start, j)
        start = k
        i = k
        continue
      }
      i += 1
    }
    emit(start, n)
  }

  /// The byte length of the sentence terminator at `i` (`.`, `!`, `?`, `…`), or 0.
  private static func terminatorWidth(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
    let c = b[i]
    if c == UInt8(ascii: ".") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?") { return 1 }
    if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xA6 { return 3 }  // …
    return 0
  }

  /// The byte length of the white space at `i` (ASCII, no-break space, narrow no-break or thin space), or 0.
  private static func spaceWidth(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
    let c = b[i]
    if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { return 1 }
    if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { return 2 }
    if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xAF || b[i + 2] == 0x89 { return 3 }
    return 0
  }

  /// The byte length of the white space that ends just before `e`, or 0.
  private static func spaceWidth(_ b: UnsafeBufferPointer<UInt8>, endingAt e: Int) -> Int {
    let c = b[e - 1]
    if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { return 1 }
    if e >= 2, b[e - 2] == 0xC2, c == 0xA0 { return 2 }
    if e >= 3, b[e - 3] == 0xE2, b[e - 2] == 0x80, c == 0xAF || c == 0x89 { return 3 }
    return 0
  }

  private func skipClosers(_ b: UnsafeBufferPointer<UInt8>, _ j0: Int) -> Int {
    var j = j0
    let n = b.count
    while j < n {
      if b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'") || b[j] == UInt8(ascii: ")")
        || b[j] == UInt8(ascii: "]")
      {
        j += 1
      } else if j + 2 < n, b[j] == 0xE2, b[j + 1] == 0x80, b[j + 2] == 0x9D || b[j + 2] == 0x99 {
        j += 3  // ” ’
      } else if j + 1 < n, b[j] == 0xC2, b[j + 1] == 0xBB {
        j += 2  // »
      } else {
        break
      }
    }
    return j
  }

  /// Opening punctuation that can start a sentence: “ ‘ „ — « ¿ ¡.
  private static let openingMarks: Set<Unicode.Scalar> = ["\u{201C}", "\u{2018}", "\u{201E}", "\u{2014}", "\u{AB}", "\u{BF}", "\u{A1}"]

  /// Whether the text at `k` can start a sentence: a capital letter in any script, a letter of a
  /// script without case (Hangul, CJK, Arabic …), a digit, or an opening quote or bracket.
  private func startsSentence(_ b: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
    let c = b[k]
    if c < 0x80 {
      if c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") { return true }
      if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") { return true }
      return c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: "(") || c == UInt8(ascii: "-")
        || c == UInt8(ascii: "[")
    }
    var bytes = b[k...].makeIterator()
    var decoder = UTF8()
    guard case .scalarValue(let scalar) = decoder.decode(&bytes) else { return false }
    if Self.openingMarks.contains(scalar) { return true }
    let p = scalar.properties
    if p.isUppercase || p.generalCategory == .titlecaseLetter || p.numericType == .decimal { return true }
    return p.isAlphabetic && !p.isCased
  }

  private func endsSentenceAfterPeriod(_ b: UnsafeBufferPointer<UInt8>, periodAt i: Int, next k: Int) -> Bool {
    guard startsSentence(b, k) else { return false }
    // The word before the period: back to white space (a no-break space counts), without opening
    // punctuation such as "(", quotes or a dash.
    var w = i
    while w > 0 {
      let c = b[w - 1]
      if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D { break }
      if c == 0xA0, w >= 2, b[w - 2] == 0xC2 { break }
      if c == 0xAF, w >= 3, b[w - 2] == 0x80, b[w - 3] == 0xE2 { break }
      w -= 1
    }
    if let ends = asciiWordEndsSentence(b, w, i, next: k) { return ends }
    let word = String(String(decoding: b[w..<i], as: UTF8.self).drop(while: { !$0.isLetter && !$0.isNumber }))
    if word.isEmpty { return true }
    // A single capital letter is an initial ("J. K. Rowling").
    if word.count == 1, let f = word.first, f.isUppercase { return false }
    let lower = word.lowercased()
    // Dotted abbreviations of single letters ("U.S.", "p.m.", "J.K.") continue before most words but end
    // a sentence before a common opener: "U.S. officials", "U.S. Secretary", but "in the U.S. The talks"
    // and "at 9 p.m. Police said". A dotted number ("4.2.") is not an abbreviation.
    let parts = lower.split(separator: ".", omittingEmptySubsequences: false)
    if parts.count > 1, parts.allSatisfy({ $0.count == 1 && $0.allSatisfy(\.isLetter) }) {
      return Self.sentenceOpeners.contains(nextWord(b, k))
    }
    // "No. 5", "Gen. Tun" and "Feb. 5" continue.
    return !abbreviations.contains(lower)
  }

  /// `endsSentenceAfterPeriod` for an ASCII word `b[w..<i]` before the period, read in place; nil
  /// when the word has a byte outside ASCII or is longer than eight bytes once its leading
  /// punctuation is dropped (the caller then reads it as a string).
  ///
  /// In ASCII every byte is one character (the word has no line break), the letters are A-Z and a-z,
  /// the numbers 0-9, and lower-casing changes A-Z only.
  private func asciiWordEndsSentence(_ b: UnsafeBufferPointer<UInt8>, _ w: Int, _ i: Int, next k: Int) -> Bool? {
    @inline(__always) func isLetter(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 }
    var s = w
    while s < i, !(isLetter(b[s]) || b[s] &- 0x30 < 10) {
      if b[s] >= 0x80 { return nil }
      s += 1
    }
    let count = i - s
    if count == 0 { return true }
    if count > 8 { return nil }
    var key: UInt64 = 0
    var dots = 0
    for m in 0..<count {
      var c = b[s + m]
      if c >= 0x80 { return nil }
      if c &- 0x41 < 26 { c |= 0x20 }
      if c == 0x2E { dots += 1 }
      key |= UInt64(c) << (8 * UInt64(m))
    }
    // A single capital letter is an initial ("J. K. Rowling").
    if count == 1, b[s] &- 0x41 < 26 { return false }
    // Single letters between full stops ("U.S", "p.m") end a sentence only before a common opener.
    if dots > 0, count & 1 == 1, dots == count / 2 {
      var single = true
      for m in 0..<count where m & 1 == 0 ? !isLetter(b[s + m]) : b[s + m] != 0x2E {
        single = false
        break
      }
      if single { return Self.sentenceOpeners.contains(nextWord(b, k)) }
    }
    return !isASCIIAbbreviation(key)
  }

  private func nextWord(_ b: UnsafeBufferPointer<UInt8>, _ k: Int) -> String {
    var e = k
    while e < b.count, (b[e] >= 0x41 && b[e] <= 0x5A) || (b[e] >= 0x61 && b[e] <= 0x7A) { e += 1 }
    return String(decoding: b[k..<e], as: UTF8.self)
  }

  private static let sentenceOpeners: Set<String> = [
    "The", "A", "An", "It", "He", "She", "They", "We", "I", "In", "On", "But", "And", "This", "That", "There",
    "Officials", "Police",
  ]
}
