import ClaimLintCore

/// Builds the folded text of one block from byte ranges of the page, with its `OffsetMap`.
///
/// Character references are decoded, runs of whitespace become one space (none at the start or end),
/// and every UTF-8 offset of the result maps back to the page: runs copied verbatim are one anchor,
/// each decoded reference and each folded whitespace run is a non-verbatim anchor covering its bytes.
struct HTMLText {
  /// The UTF-8 bytes of the text built so far.
  private(set) var utf8: [UInt8] = []
  /// Anchors of the runs already closed.
  private var map = OffsetMap()
  /// The verbatim run being extended: text offset and source range, or nil.
  private var run: (text: Int, start: Int, end: Int)?
  /// Whitespace seen after the last text, not yet written.
  private var pendingSpace: Range<Int>?
  /// Bytes of text written while inside a link.
  private(set) var linkBytes = 0
  /// The source offset of the first byte written, if any.
  private(set) var firstSource: Int?

  /// Creates an empty builder.
  init() {}

  /// Empties the builder for the next block, keeping the text buffer's capacity.
  mutating func reset() {
    utf8.removeAll(keepingCapacity: true)
    map = OffsetMap()
    run = nil
    pendingSpace = nil
    linkBytes = 0
    firstSource = nil
  }

  /// Whether no text has been written.
  var isEmpty: Bool { utf8.isEmpty }

  /// Appends the source bytes in `range`, decoding references and folding whitespace.
  /// - Parameters:
  ///   - source: The page bytes.
  ///   - range: The byte range of a text node.
  ///   - inLink: Whether the text is inside an `<a>` element.
  mutating func append(_ source: [UInt8], _ range: Range<Int>, inLink: Bool = false) {
    let before = utf8.count
    var i = range.lowerBound
    let end = min(range.upperBound, source.count)
    // All reads below are at indices below `end <= source.count`.
    source.withUnsafeBufferPointer { src in
      while i < end {
        let b = src[i]
        if isSpace(b) {
          var j = i + 1
          while j < end, isSpace(src[j]) { j += 1 }
          if pendingSpace == nil { pendingSpace = i..<j }
          i = j
          continue
        }
        if b == 0x26, let (scalar, next) = HTMLText.decodeReference(source, at: i, limit: end) {
          if scalar == "\u{A0}" || scalar == "\u{2002}" || scalar == "\u{2003}" || scalar == "\u{2009}" {
            if pendingSpace == nil { pendingSpace = i..<next }
          } else if scalar == "\u{AD}" || scalar == "\u{200B}" || scalar == "\u{200C}" || scalar == "\u{200D}"
            || scalar == "\u{200E}" || scalar == "\u{200F}" || scalar == "\u{FEFF}"
          {
            // Invisible characters are dropped.
          } else {
            writePendingSpace()
            closeRun()
            map.append(textOffset: utf8.count, sourceOffset: i, sourceEnd: next, verbatim: false)
            if firstSource == nil { firstSource = i }
            utf8.append(contentsOf: String(Character(scalar)).utf8)
          }
          i = next
          continue
        }
        // A run of ordinary bytes.
        let j = HTMLText.wordEnd(src, from: i + 1, end: end)
        // A non-breaking space written as raw UTF-8 (C2 A0) is folded like whitespace.
        if j - i == 2, b == 0xC2, src[i + 1] == 0xA0 {
          if pendingSpace == nil { pendingSpace = i..<j }
          i = j
          continue
        }
        writePendingSpace()
        writeVerbatim(src, i..<j)
        i = extendRun(src, from: j, end: end)
      }
    }
    if inLink { linkBytes += utf8.count - before }
  }

  /// Whether `b` ends a run of ordinary bytes: HTML whitespace (as `isSpace`) or `&`.
  ///
  /// One comparison rejects every byte above `&` (letters, digits, most punctuation, all non-ASCII
  /// bytes); the rest are looked up in a bit mask of tab, LF, FF, CR, space and `&`.
  @inline(__always) static func endsWord(_ b: UInt8) -> Bool {
    b <= 0x26 && (0x0000_0041_0000_3600 as UInt64) >> UInt64(b) & 1 != 0
  }

  /// The index of the first byte at or after `from` (and before `end <= src.count`) that ends a run
  /// of ordinary bytes, or `end`: the same as `while j < end, !isSpace(src[j]), src[j] != 0x26 { j += 1 }`.
  ///
  /// (Eight bytes at a time was tried: words are short, so it cost more than this loop.)
  @inline(__always) static func wordEnd(_ src: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int {
    var j = from
    while j < end, !endsWord(src[j]) { j += 1 }
    return j
  }

  /// After a verbatim word ending at `start`, takes the words that follow it, each after a single
  /// blank, in one copy; returns where the ordinary reading goes on.
  ///
  /// The result is the one word-by-word writing gives: each single blank extends the verbatim run
  /// and is written as a space, and each word extends the run again. A stretch stops before two
  /// blanks, a reference, a no-break space written as a word of its own, or the end.
  private mutating func extendRun(_ source: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
    guard pendingSpace == nil, let r = run, r.end == start else { return start }
    var k = start
    var plainBlanks = true
    while k + 1 < end, isSpace(source[k]), !HTMLText.endsWord(source[k + 1]) {
      let m = HTMLText.wordEnd(source, from: k + 2, end: end)
      if m - k == 3, source[k + 1] == 0xC2, source[k + 2] == 0xA0 { break }
      if source[k] != 0x20 { plainBlanks = false }
      k = m
    }
    guard k > start else { return start }
    let from = utf8.count
    utf8.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<k]))
    if !plainBlanks {
      for t in from..<utf8.count where isSpace(utf8[t]) { utf8[t] = 0x20 }
    }
    run = (r.text, r.start, k)
    return k
  }

  /// Forces a space before the next text (for inline boundaries such as `<td>` inside a row).
  mutating func appendBreak(at offset: Int) {
    if pendingSpace == nil, !utf8.isEmpty { pendingSpace = offset..<offset }
  }

  /// The finished text and map, or nil when the block is empty.
  mutating func finish() -> (String, OffsetMap)? {
    closeRun()
    guard !utf8.isEmpty else { return nil }
    return (String(decoding: utf8, as: UTF8.self), map)
  }

  // MARK: - Runs

  /// Writes the pending folded whitespace as one space, unless at the start of the text.
  private mutating func writePendingSpace() {
    guard let space = pendingSpace else { return }
    pendingSpace = nil
    guard !utf8.isEmpty else { return }
    if space.count == 1, let r = run, r.end == space.lowerBound {
      // A single verbatim space continues the run.
      run = (r.text, r.start, space.upperBound)
      utf8.append(0x20)
      return
    }
    closeRun()
    map.append(
      textOffset: utf8.count, sourceOffset: space.lowerBound, sourceEnd: space.upperBound,
      verbatim: space.count == 1)
    utf8.append(0x20)
  }

  /// Writes bytes copied verbatim from `range`.
  private mutating func writeVerbatim(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
    if firstSource == nil { firstSource = range.lowerBound }
    if let r = run, r.end == range.lowerBound {
      run = (r.text, r.start, range.upperBound)
    } else {
      closeRun()
      run = (utf8.count, range.lowerBound, range.upperBound)
    }
    utf8.append(contentsOf: UnsafeBufferPointer(rebasing: source[range]))
  }

  /// Closes the verbatim run being extended.
  private mutating func closeRun() {
    guard let r = run else { return }
    map.append(textOffset: r.text, sourceOffset: r.start, sourceEnd: r.end, verbatim: true)
    run = nil
  }
}

// MARK: - Character references

extension HTMLText {
  /// Decodes the character reference starting with `&` at `start`.
  /// - Returns: The decoded scalar and the index after the reference, or nil when `&` is literal.
  static func decodeReference(_ s: [UInt8], at start: Int, limit: Int) -> (Unicode.Scalar, Int)? {
    var i = start + 1
    guard i < limit else { return nil }
    if s[i] == 0x23 {  // '#'
      i += 1
      var hex = false
      if i < limit, s[i] | 0x20 == 0x78 {
        hex = true
        i += 1
      }
      var value = 0
      var digits = 0
      while i < limit {
        let c = s[i]
        var d = -1
        if c >= 0x30, c <= 0x39 {
          d = Int(c - 0x30)
        } else if hex, c | 0x20 >= 0x61, c | 0x20 <= 0x66 {
          d = Int(c | 0x20) - 0x61 + 10
        }
        if d < 0 { break }
        value = min(value * (hex ? 16 : 10) + d, 0x110000)
        digits += 1
        i += 1
      }
      guard digits > 0 else { return nil }
      if i < limit, s[i] == 0x3B { i += 1 }
      return (HTMLEntities.scalar(forCode: value), i)
    }
    var j = i
    while j < limit, j - i <= HTMLEntities.maxNameLength, isASCIILetter(s[j]) || (s[j] >= 0x30 && s[j] <= 0x39) {
      j += 1
    }
    guard j > i else { return nil }
    let name = String(decoding: s[i..<j], as: UTF8.self)
    guard let decoded = HTMLEntities.named[name], let scalar = decoded.unicodeScalars.first else { return nil }
    if j < limit, s[j] == 0x3B { return (scalar, j + 1) }
    // Legacy references without ';' (browsers accept these few).
    if ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"].contains(name) { return (scalar, j) }
    return nil
  }

  /// The bytes in `range` with character references decoded (attribute values, titles).
  static func decodedString(_ s: [UInt8], _ range: Range<Int>) -> String {
    let r = range.clamped(to: 0..<s.count)
    guard s[r].contains(0x26) else { return String(decoding: s[r], as: UTF8.self) }
    var out = [UInt8]()
    out.reserveCapacity(r.count)
    var i = r.lowerBound
    while i < r.upperBound {
      if s[i] == 0x26, let (scalar, next) = decodeReference(s, at: i, limit: r.upperBound) {
        out.append(contentsOf: String(Character(scalar)).utf8)
        i = next
      } else {
        out.append(s[i])
        i += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Whether `needle` occurs in `haystack`, compared byte by byte (no locale, no Foundation).
  static func contains(_ haystack: String, _ needle: String) -> Bool {
    return haystack.withUTF8Bytes { hb in
      needle.withUTF8Bytes { nb in
        guard let first = nb.first else { return true }
        guard nb.count <= hb.count else { return false }
        var i = 0
        while i + nb.count <= hb.count {
          if hb[i] == first {
            var k = 1
            while k < nb.count, hb[i + k] == nb[k] { k += 1 }
            if k == nb.count { return true }
          }
          i += 1
        }
        return false
      }
    }
  }

  /// `text.lowercased()`, by bytes when every character beyond ASCII is caseless punctuation.
  ///
  /// `String.lowercased()` maps each scalar to its lowercase mapping. For ASCII that changes exactly
  /// A-Z (to a-z); U+0080-U+00BF (no-break space, ©, «, », ·) and U+2000-U+203F and U+2080-U+20BF
  /// (spaces, dashes, quotes, …, •, €) hold no capital letters and map to themselves. Text made only
  /// of those is lowercased by a byte copy (or returned as it is without capitals); any other text
  /// takes `String.lowercased()`.
  static func lowercased(_ text: String) -> String {
    // 0: caseless beyond ASCII and no capitals; 1: caseless beyond ASCII with capitals; 2: other.
    let kind: Int = text.withUTF8Bytes { p in
      var upper = false
      var i = 0
      let n = p.count
      while i < n {
        let b = p[i]
        if b < 0x80 {
          if b >= 0x41 && b <= 0x5A { upper = true }
          i += 1
        } else if b == 0xC2 {
          i += 2
        } else if b == 0xE2, i + 1 < n, p[i + 1] == 0x80 || p[i + 1] == 0x82 {
          i += 3
        } else {
          return 2
        }
      }
      return upper ? 1 : 0
    }
    if kind == 0 { return text }
    if kind == 2 { return text.lowercased() }
    return text.withUTF8Bytes { p in
      String(unsafeUninitializedCapacity: p.count) { out in
        for k in 0..<p.count {
          let b = p[k]
          out[k] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
        }
        return p.count
      }
    }
  }

  /// Folds whitespace in `text`: trims it and turns every run of whitespace into one space.
  static func folded(_ text: String) -> String {
    // Already folded (no leading, trailing, doubled or non-' ' whitespace): the same string, no copy.
    var clean = true
    var previousSpace = true
    for b in text.utf8 {
      if isSpace(b) {
        if previousSpace || b != 0x20 {
          clean = false
          break
        }
        previousSpace = true
      } else {
        previousSpace = false
      }
    }
    if clean, !previousSpace || text.isEmpty { return text }
    var out = [UInt8]()
    out.reserveCapacity(text.utf8.count)
    var space = false
    for b in text.utf8 {
      if isSpace(b) {
        space = true
      } else {
        if space, !out.isEmpty { out.append(0x20) }
        space = false
        out.append(b)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
