#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One physical line of a source file, as byte offsets.
struct SourceLine {
  /// Offset of the first byte of the line.
  var start: Int
  /// Offset just past the last byte before the line break.
  var end: Int
  /// Offset of the first non-blank byte (space, tab), or `end`.
  var contentStart: Int
  /// Offset just past the last non-blank byte, or `contentStart`.
  var contentEnd: Int
  /// Leading indentation in columns (a tab counts 4).
  var indent: Int

  var isBlank: Bool { contentStart >= contentEnd }
}

/// Splits bytes into lines the way `LineIndex` does (`\n`, `\r\n`, lone `\r`), skipping a UTF-8 BOM.
enum SourceLines {
  static func split(_ bytes: [UInt8]) -> [SourceLine] {
    var lines: [SourceLine] = []
    lines.reserveCapacity(bytes.count / 60 + 1)
    let n = bytes.count
    var i = 0
    if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
    // Without a carriage return anywhere, the next line break is the next `\n`, which `memchr` finds
    // faster than `lineBreak` (most text ends its lines with `\n` only).
    let lineFeedsOnly = bytes.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 0x0D, raw.count) == nil } ?? true }
    while i < n {
      let start = i
      i = lineFeedsOnly ? SourceLines.lineFeed(bytes, from: i) : SourceLines.lineBreak(bytes, from: i)
      let end = i
      if i < n {
        if bytes[i] == 0x0D, i + 1 < n, bytes[i + 1] == 0x0A { i += 2 } else { i += 1 }
      }
      lines.append(line(bytes, start, end))
    }
    return lines
  }

  /// The offset of the first `\n` at or after `from`, or `bytes.count`.
  static func lineFeed(_ bytes: [UInt8], from: Int) -> Int {
    bytes.withUnsafeBytes { raw in
      guard from < raw.count, let base = raw.baseAddress, let hit = memchr(base + from, 0x0A, raw.count - from) else {
        return raw.count
      }
      return base.distance(to: UnsafeRawPointer(hit))
    }
  }

  /// The offset of the first `\n` or `\r` at or after `from`, or `bytes.count`.
  ///
  /// Eight bytes are tested at a time: a byte equal to `c` is a zero byte of `word ^ c·0x01…01`, and
  /// `(x - 0x01…01) & ~x & 0x80…80` is non-zero exactly when `x` has a zero byte.
  static func lineBreak(_ bytes: [UInt8], from: Int) -> Int {
    bytes.withUnsafeBufferPointer { p in
      let n = p.count
      var i = from
      guard let base = p.baseAddress else { return n }
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      while i + 8 <= n {
        let v = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
        let a = v ^ (ones &* 0x0A)
        let d = v ^ (ones &* 0x0D)
        if ((a &- ones) & ~a & highs) | ((d &- ones) & ~d & highs) != 0 { break }
        i += 8
      }
      while i < n, p[i] != 0x0A, p[i] != 0x0D { i += 1 }
      return i
    }
  }

  /// Measures indentation and trims blanks of `bytes[start..<end]`.
  static func line(_ bytes: [UInt8], _ start: Int, _ end: Int) -> SourceLine {
    var s = start
    var indent = 0
    while s < end {
      if bytes[s] == 0x20 {
        indent += 1
      } else if bytes[s] == 0x09 {
        indent += 4 - indent % 4
      } else if bytes[s] == 0xC2, s + 1 < end, bytes[s + 1] == 0xA0 {
        indent += 1
        s += 1
      } else {
        break
      }
      s += 1
    }
    var e = end
    while e > s {
      let b = bytes[e - 1]
      if b == 0x20 || b == 0x09 || b == 0x0C {
        e -= 1
      } else if b == 0xA0, e - 2 >= s, bytes[e - 2] == 0xC2 {
        e -= 2
      } else {
        break
      }
    }
    return SourceLine(start: start, end: end, contentStart: s, contentEnd: e, indent: indent)
  }
}

/// Cheap layout measures of a stretch of UTF-8 text, shared by the readers and the segmenter.
enum TextShape {
  /// The number of set bits in `x`, whose only set bits are the top bits of its bytes
  /// (`x & 0x8080_8080_8080_8080 == x`): `nonzeroBitCount` in three instructions, where the
  /// x86-64 baseline has no population-count instruction. Each byte's top bit moved to its lowest
  /// bit makes bytes of 0 or 1; the multiplication adds them all into the top byte (at most 8).
  @inline(__always)
  static func highBitCount(_ x: UInt64) -> Int {
    Int(truncatingIfNeeded: ((x >> 7) &* 0x0101_0101_0101_0101) >> 56)
  }

  /// Whether every byte of `u` is below 0x80 (eight bytes at a time).
  static func isASCII(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = u.baseAddress else { return true }
    var i = 0
    var high: UInt64 = 0
    while i + 8 <= u.count {
      high |= UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
      i += 8
    }
    while i < u.count {
      high |= UInt64(u[i])
      i += 1
    }
    return high & 0x8080_8080_8080_8080 == 0
  }

  /// Whether any byte of `u` is an ASCII digit (`0`-`9`): `String.utf8.contains(where:)` read
  /// through the pointer (the string view's iterator cost some thirty instructions a byte).
  static func containsDigit(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
    for k in u.indices where u[k] &- 0x30 < 10 { return true }
    return false
  }

  /// Number of Unicode scalars in `bytes[from..<to]`.
  ///
  /// Counts the continuation bytes (`10xxxxxx`) eight at a time: bit 7 set and bit 6 clear, which
  /// `v & ~(v << 1)` tests in every byte's top bit at once.
  static func scalarCount(_ bytes: [UInt8], _ from: Int, _ to: Int) -> Int {
    guard from < to else { return 0 }
    return bytes.withUnsafeBufferPointer { p in
      guard let base = p.baseAddress else { return 0 }
      let end = min(to, p.count)
      var continuation = 0
      var i = from
      while i + 8 <= end {
        let v = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
        continuation += highBitCount(v & ~(v << 1) & 0x8080_8080_8080_8080)
        i += 8
      }
      while i < end {
        if p[i] & 0xC0 == 0x80 { continuation += 1 }
        i += 1
      }
      return end - from - continuation
    }
  }

  /// Whether the stretch ends like a sentence: `.` `!` `?` `;` `:` or a closing quote or bracket
  /// after one of them.
  static func endsLikeSentence(_ bytes: [UInt8], _ from: Int, _ to: Int) -> Bool {
    bytes.withUnsafeBufferPointer { p in endsLikeSentence(p, from, to) }
  }

  /// Whether `bytes[from..<to]` ends like a sentence (see the array form).
  static func endsLikeSentence(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
    var e = to
    // Skip closing quotes and brackets: " ' ) ] ” ’ »
    while e > from {
      let b = bytes[e - 1]
      if b == 0x22 || b == 0x27 || b == 0x29 || b == 0x5D {
        e -= 1
      } else if e - 3 >= from, bytes[e - 3] == 0xE2, bytes[e - 2] == 0x80, bytes[e - 1] == 0x9D || bytes[e - 1] == 0x99 {
        e -= 3
      } else if e - 2 >= from, bytes[e - 2] == 0xC2, bytes[e - 1] == 0xBB {
        e -= 2
      } else {
        break
      }
    }
    guard e > from else { return false }
    let b = bytes[e - 1]
    if b == 0x2E || b == 0x21 || b == 0x3F || b == 0x3B || b == 0x3A { return true }
    // … and the full-width stops 。！？
    if e - 3 >= from, bytes[e - 3] == 0xE2, bytes[e - 2] == 0x80, bytes[e - 1] == 0xA6 { return true }
    if e - 3 >= from, bytes[e - 3] == 0xE3, bytes[e - 2] == 0x80, bytes[e - 1] == 0x82 { return true }
    if e - 3 >= from, bytes[e - 3] == 0xEF, bytes[e - 2] == 0xBC, bytes[e - 1] == 0x81 || bytes[e - 1] == 0x9F {
      return true
    }
    return false
  }

  /// Words (runs of non-space bytes) in the stretch; counting stops once `stopAt` words are found.
  static func wordCount(_ bytes: [UInt8], _ from: Int, _ to: Int, stopAt: Int = Int.max) -> Int {
    bytes.withUnsafeBufferPointer { p in wordCount(p, from, min(to, p.count), stopAt: stopAt) }
  }

  /// Words (runs of non-space bytes) in `p[from..<to]`; counting stops once `stopAt` words are found
  /// (the result is then `stopAt`).
  ///
  /// Space is ` `, tab, LF and CR. Eight bytes are read at a time: a word starts at every non-space
  /// byte whose predecessor is a space. A chunk with a byte below 0x20 (a tab, a line break or a
  /// control character, which is not a space) is read byte by byte.
  static func wordCount(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, stopAt: Int = Int.max) -> Int {
    @inline(__always) func isSpace(_ b: UInt8) -> Bool { b <= 0x20 && (b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D) }
    guard let base = p.baseAddress, from < to else { return 0 }
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    var n = 0
    // Whether the byte before `i` is part of a word.
    var inWord = false
    var i = from
    // Sixteen bytes at a time while neither half holds a byte below 0x20: both halves' word starts
    // (0 or 1 per byte, so at most 2 per byte after adding) counted with one multiplication.
    // `carry` is `inWord` as the top bit of the lowest byte (0x80 or 0), as the shifts below need it.
    var carry: UInt64 = 0
    while i &+ 16 <= to {
      let v = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
      let u = UnsafeRawPointer(base + i + 8).loadUnaligned(as: UInt64.self)
      guard ((v &- ones &* 0x20) & ~v | (u &- ones &* 0x20) & ~u) & highs == 0 else { break }
      let word = (((v & ~highs) &+ ones &* 0x5F) | v) & highs
      let next = (((u & ~highs) &+ ones &* 0x5F) | u) & highs
      let starts = word & ~((word << 8) | carry)
      let nextStarts = next & ~((next << 8) | (word >> 56))
      n &+= Int(truncatingIfNeeded: (((starts >> 7) &+ (nextStarts >> 7)) &* ones) >> 56)
      if n >= stopAt { return stopAt }
      carry = next >> 56
      i &+= 16
    }
    inWord = carry != 0
    while i + 8 <= to {
      let v = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
      if (v &- ones &* 0x20) & ~v & highs == 0 {
        // No byte below 0x20: a byte is a space exactly when it is below 0x21. The top bit of each
        // byte of `word` is set for bytes of 0x21 and up (no carry crosses a byte).
        let word = (((v & ~highs) &+ ones &* 0x5F) | v) & highs
        let before = (word << 8) | (inWord ? 0x80 : 0)
        n += highBitCount(word & ~before)
        if n >= stopAt { return stopAt }
        inWord = word >> 63 != 0
      } else {
        for k in i..<(i + 8) {
          if isSpace(p[k]) {
            inWord = false
          } else if !inWord {
            inWord = true
            n += 1
            if n >= stopAt { return stopAt }
          }
        }
      }
      i += 8
    }
    while i < to {
      if isSpace(p[i]) {
        inWord = false
      } else if !inWord {
        inWord = true
        n += 1
        if n >= stopAt { return stopAt }
      }
      i += 1
    }
    return n
  }

  /// Whether most longer words start with a capital, as in a headline or heading ("The Ripple
  /// Effect", "Recent Crackdowns and Joint Operations Yield Results").
  static func isTitleLike(_ bytes: [UInt8], _ from: Int, _ to: Int, minorWords: Set<String> = []) -> Bool {
    bytes.withUnsafeBufferPointer { isTitleLike($0, from, to, minorWords: minorWords) }
  }

  /// Whether `bytes[from..<to]` reads like a headline (see the array form).
  static func isTitleLike(
    _ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, minorWords: Set<String> = []
  ) -> Bool {
    var capital = 0
    var counted = 0
    var i = from
    while i < to {
      while i < to, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
      let s = i
      while i < to, bytes[i] != 0x20, bytes[i] != 0x09 { i += 1 }
      guard i > s else { continue }
      var ws = s
      while ws < i, !isLetterOrDigit(bytes[ws]) { ws += 1 }
      guard ws < i else { continue }
      let first = bytes[ws]
      let length = i - ws
      if first >= 0x61 && first <= 0x7A {
        if length <= 3 { continue }
        if !minorWords.isEmpty,
          minorWords.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[ws..<i]), as: UTF8.self))
        {
          continue
        }
        counted += 1
      } else if (first >= 0x41 && first <= 0x5A) || (first >= 0x30 && first <= 0x39) {
        counted += 1
        capital += 1
      } else if first >= 0x80 {
        // A letter without case (CJK) or an accented capital: neutral.
        continue
      }
    }
    return counted > 0 && capital * 10 >= counted * 7
  }

  static func isLetterOrDigit(_ b: UInt8) -> Bool {
    (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b >= 0x80
  }

  /// Whether the first letter of the stretch is a lower-case ASCII letter.
  static func startsLowercase(_ bytes: [UInt8], _ from: Int, _ to: Int) -> Bool {
    var i = from
    while i < to, !isLetterOrDigit(bytes[i]) { i += 1 }
    guard i < to else { return false }
    return bytes[i] >= 0x61 && bytes[i] <= 0x7A
  }
}

/// A list-item marker at the start of a line: `-`, `*`, `+`, `•`, `–` or `1.` / `1)`, then a space.
enum ListMarker {
  /// The offset where the item's text starts, when `bytes[from..<to]` opens with a marker.
  ///
  /// - Parameter plainText: also accept `•` and `–` bullets, which plain text uses and Markdown does not.
  static func contentStart(_ bytes: [UInt8], _ from: Int, _ to: Int, plainText: Bool) -> Int? {
    guard from < to else { return nil }
    var i = from
    let b = bytes[i]
    if b == 0x2D || b == 0x2A || b == 0x2B {
      i += 1
    } else if plainText, i + 2 < to, bytes[i] == 0xE2, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA2 || bytes[i + 2] == 0x93 {
      i += 3
    } else if b >= 0x30 && b <= 0x39 {
      while i < to, i - from < 9, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
      guard i < to, bytes[i] == 0x2E || bytes[i] == 0x29 else { return nil }
      i += 1
    } else {
      return nil
    }
    guard i < to, bytes[i] == 0x20 || bytes[i] == 0x09 else { return nil }
    while i < to, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
    return i < to ? i : nil
  }
}
