/// Recognises a language menu: a short block made mostly of language names, often glued together
/// without spaces and written in several scripts ("한국어РусскийEnglishFrançais日本語…").
struct LanguageMenuDetector {
  /// What was measured in a block that looks like a language menu.
  struct Evidence {
    var names: Int
    var scripts: Int
    /// Share of the block's letters that belong to a known language name (0…1).
    var coverage: Double
  }

  let index: LanguageNameIndex

  init(lexicons: borrowing SegmentationLexicons) {
    index = lexicons.languageIndex
  }

  /// Blocks longer than this (in UTF-8 bytes) are never menus.
  static let maximumLength = 600

  /// The evidence when `text` is a language menu, or nil.
  ///
  /// ASCII text (most blocks) is read in place, each byte folded as it is read, so that a block of
  /// prose, which the coverage test rejects within its first words, is not first converted whole.
  /// `LanguageNameIndex.folded` gives the same scalars: one per byte, capitals folded.
  func evaluate(_ text: String) -> Evidence? {
    guard !index.isEmpty, text.utf8.count <= LanguageMenuDetector.maximumLength else { return nil }
    let ascii = text.withUTF8Bytes { u -> Evidence?? in
      guard TextShape.isASCII(u) else { return .none }
      return .some(evaluateASCII(u))
    }
    if let ascii { return ascii }
    return evaluate(scalars: LanguageNameIndex.folded(text), utf8Count: text.utf8.count)
  }

  /// The bytes of an ASCII text as `LanguageNameIndex.folded` gives them: one scalar per byte, capitals
  /// folded to lower case, each folded as it is read.
  struct FoldedASCII: RandomAccessCollection {
    let bytes: UnsafeBufferPointer<UInt8>
    var startIndex: Int { 0 }
    var endIndex: Int { bytes.count }

    @inline(__always)
    subscript(i: Int) -> UInt32 {
      let b = bytes[i]
      return b &- 0x41 < 26 ? UInt32(b) + 32 : UInt32(b)
    }
  }

  /// `evaluate` of a block whose folded scalars are `scalars` and whose UTF-8 form has `utf8Count` bytes.
  func evaluate<S: RandomAccessCollection>(scalars: S, utf8Count: Int) -> Evidence?
  where S.Element == UInt32, S.Index == Int {
    var i = 0
    var covered = 0
    var uncovered = 0
    var names = 0
    var scripts: UInt32 = 0
    // Coverage below this many tenths rejects the block: 3 (the lower threshold), or 6 when the
    // block is all ASCII (its letters are all Latin, so only the first test, with 0.6, can pass).
    // Once even covering every scalar still unread could not reach it, reading stops (coverage
    // has a denominator of at most 600, so the integer test agrees with the Double one).
    let tenths = utf8Count == scalars.count ? 6 : 3
    while i < scalars.count {
      let s = scalars[i]
      if isSeparator(s) {
        i += 1
        continue
      }
      if index.mayStart(s, next: i + 1 < scalars.count ? scalars[i + 1] : nil),
        let length = longestMatch(index.candidates(s), scalars, at: i)
      {
        for k in i..<(i + length) { scripts |= Script.bit(of: scalars[k]) }
        covered += length
        names += 1
        i += length
        continue
      }
      scripts |= Script.bit(of: s)
      uncovered += 1
      i += 1
      let rest = scalars.count - i
      if 10 * (covered + rest) < tenths * (covered + uncovered + rest) { return nil }
    }
    scripts &= ~Script.other.bit
    let scriptCount = scripts.nonzeroBitCount
    let total = covered + uncovered
    guard total > 0 else { return nil }
    let coverage = Double(covered) / Double(total)
    let evidence = Evidence(names: names, scripts: scriptCount, coverage: coverage)
    if names >= 3, coverage >= 0.6, scriptCount >= 2 || names >= 4 { return evidence }
    if scriptCount >= 3, names >= 2, coverage >= 0.3 { return evidence }
    return nil
  }

  /// `evaluate(scalars: FoldedASCII(bytes: u), utf8Count: u.count)` of an all-ASCII text, read on its
  /// bytes: the same steps, with each byte folded where it is read and no generic index checks.
  ///
  /// An ASCII scalar's script is Latin for a letter and `other` for anything else, and `other` is
  /// dropped before scripts are counted: the script mask is one flag, whether a Latin letter was
  /// seen. Coverage below 0.6 rejects, as `evaluate` does when every byte is one scalar.
  func evaluateASCII(_ u: UnsafeBufferPointer<UInt8>) -> Evidence? {
    let n = u.count
    guard let base = u.baseAddress else { return nil }
    @inline(__always) func fold(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b &+ 32 : b }
    @inline(__always) func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    var i = 0
    var covered = 0
    var uncovered = 0
    var names = 0
    var latin = false
    while i < n {
      let s = fold(base[i])
      // The separators of `isSeparator` below 0x80.
      if s == 0x20 || s == 0x09 || s == 0x0A || s == 0x0D || s == 0x7C || s == 0x2F || s == 0x2C || s == 0x2D {
        i &+= 1
        continue
      }
      if index.mayStart(UInt32(s), next: i &+ 1 < n ? UInt32(fold(base[i &+ 1])) : nil) {
        var length = 0
        for name in index.ascii[Int(s)] where i &+ name.count <= n {
          var k = 0
          while k < name.count, UInt32(fold(base[i &+ k])) == name[k] { k &+= 1 }
          if k == name.count {
            length = name.count
            break
          }
        }
        if length > 0 {
          for k in i..<(i &+ length) where isLetter(base[k]) { latin = true }
          covered &+= length
          names &+= 1
          i &+= length
          continue
        }
      }
      if isLetter(s) { latin = true }
      uncovered &+= 1
      i &+= 1
      let rest = n &- i
      if 10 &* (covered &+ rest) < 6 &* (covered &+ uncovered &+ rest) { return nil }
    }
    let scriptCount = latin ? 1 : 0
    let total = covered + uncovered
    guard total > 0 else { return nil }
    let coverage = Double(covered) / Double(total)
    let evidence = Evidence(names: names, scripts: scriptCount, coverage: coverage)
    if names >= 3, coverage >= 0.6, scriptCount >= 2 || names >= 4 { return evidence }
    if scriptCount >= 3, names >= 2, coverage >= 0.3 { return evidence }
    return nil
  }

  private func longestMatch<S: RandomAccessCollection>(_ candidates: [[UInt32]], _ s: S, at i: Int) -> Int?
  where S.Element == UInt32, S.Index == Int {
    for name in candidates where i + name.count <= s.count {
      var ok = true
      for k in 0..<name.count where s[i + k] != name[k] {
        ok = false
        break
      }
      if ok { return name.count }
    }
    return nil
  }

  private func isSeparator(_ s: UInt32) -> Bool {
    switch s {
    case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x7C, 0x2F, 0x2C, 0x2D, 0xB7, 0x2022, 0x2013, 0x2014, 0x3001, 0xFF5C:
      return true
    default:
      return false
    }
  }

  /// The writing system of a letter, coarsely.
  enum Script: Int {
    case latin, greek, cyrillic, armenian, hebrew, arabic, indic, thai, lao, myanmar, khmer, hangul, kana, han
    case other

    /// A bit of its own, for counting scripts in a mask.
    var bit: UInt32 { 1 << UInt32(rawValue) }

    /// `Script(s).bit`, with ASCII (Latin letters, all else other) decided without the full switch.
    @inline(__always)
    static func bit(of s: UInt32) -> UInt32 {
      guard s < 0x80 else { return Script(s).bit }
      return (s | 0x20) &- 0x61 < 26 ? Script.latin.bit : Script.other.bit
    }

    init(_ s: UInt32) {
      switch s {
      case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: self = .latin
      case 0x370...0x3FF, 0x1F00...0x1FFF: self = .greek
      case 0x400...0x52F: self = .cyrillic
      case 0x530...0x58F: self = .armenian
      case 0x590...0x5FF: self = .hebrew
      case 0x600...0x6FF, 0x750...0x77F: self = .arabic
      case 0x900...0xDFF: self = .indic
      case 0xE00...0xE7F: self = .thai
      case 0xE80...0xEFF: self = .lao
      case 0x1000...0x109F: self = .myanmar
      case 0x1780...0x17FF: self = .khmer
      case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: self = .hangul
      case 0x3040...0x30FF: self = .kana
      case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: self = .han
      default: self = .other
      }
    }
  }
}
