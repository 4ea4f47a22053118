/// A tolerant HTML tokenizer over UTF-8 bytes.
///
/// It never fails: an unterminated comment swallows the rest of the file, a truncated tag at the end
/// of the file is dropped, and a `<` that does not start markup is text. Content of raw-text elements
/// (`<script>`, `<style>`, `<title>`, `<textarea>` and the elements whose content the reader drops)
/// comes out as one `rawText` token right after the start tag.
struct HTMLTokenizer {
  /// One token of the input.
  enum Token {
    /// Character data between markup, as a byte range of the input (entities not yet decoded).
    case text(Range<Int>)
    /// The content of a raw-text element; `escapable` is true for `<title>` and `<textarea>`.
    case rawText(Range<Int>, escapable: Bool)
    /// A start tag with its lowercased name, the attributes the reader looks at and the name's
    /// `HTMLElements.flags(of:)`.
    case startTag(name: String, attributes: [HTMLAttribute], range: Range<Int>, flags: HTMLElements.Flags)
    /// An end tag with its lowercased name and the name's `HTMLElements.flags(of:)`.
    case endTag(name: String, range: Range<Int>, flags: HTMLElements.Flags)
  }

  /// The input.
  let bytes: [UInt8]
  /// The next byte to read.
  private(set) var position = 0
  /// When set, the tokenizer is inside this raw-text element and emits its content next.
  private var rawElement: String?

  /// Creates a tokenizer over `bytes`.
  init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// Elements whose content is not markup.
  static let rawTextElements: Set<String> = [
    "script", "style", "noscript", "template", "svg", "iframe", "xmp", "noembed", "noframes", "title",
    "textarea", "plaintext", "math", "object",
  ]

  /// Attributes kept on start tags; all others are skipped without building strings.
  static let keptAttributes: Set<String> = [
    "class", "id", "itemprop", "itemtype", "rel", "role", "property", "name", "content", "datetime",
    "charset", "http-equiv", "type", "hidden", "style", "aria-hidden", "pubdate",
  ]

  /// Returns the next token, or nil at the end of the input.
  mutating func next() -> Token? {
    let n = bytes.count
    if let raw = rawElement {
      rawElement = nil
      let start = position
      let end = raw == "plaintext" ? n : findRawEnd(raw, from: start)
      position = end
      if end > start { return .rawText(start..<end, escapable: raw == "title" || raw == "textarea") }
    }
    while position < n {
      let start = position
      if bytes[start] != 0x3C {  // text up to the next '<'
        let i = textEnd(from: start + 1)
        position = i
        return .text(start..<i)
      }
      // bytes[start] == '<'
      guard start + 1 < n else {
        position = n
        return .text(start..<n)
      }
      let c = bytes[start + 1]
      if c == 0x21 {  // '!'
        skipMarkupDeclaration(from: start)
        if let cdata = pendingCDATA {
          pendingCDATA = nil
          if !cdata.isEmpty { return .text(cdata) }
        }
        continue
      }
      if c == 0x3F {  // '?': bogus comment
        position = indexOf(0x3E, from: start + 2).map { $0 + 1 } ?? n
        continue
      }
      if c == 0x2F {  // '/'
        if start + 2 < n, isASCIILetter(bytes[start + 2]) {
          let (name, nameEnd, flags) = readName(from: start + 2)
          guard let close = indexOf(0x3E, from: nameEnd) else {
            position = n
            return nil
          }
          position = close + 1
          return .endTag(name: name, range: start..<(close + 1), flags: flags)
        }
        position = indexOf(0x3E, from: start + 2).map { $0 + 1 } ?? n
        continue
      }
      if isASCIILetter(c) {
        if let token = readStartTag(from: start) { return token }
        return nil  // truncated tag at the end of the input
      }
      position = start + 1
      return .text(start..<(start + 1))
    }
    return nil
  }

  /// The CDATA content found by the last markup declaration, if any.
  private var pendingCDATA: Range<Int>?

  // MARK: - Markup

  /// Skips `<!-- … -->`, `<!DOCTYPE …>` or `<![CDATA[ … ]]>` starting at `start`.
  private mutating func skipMarkupDeclaration(from start: Int) {
    let n = bytes.count
    if start + 3 < n, bytes[start + 2] == 0x2D, bytes[start + 3] == 0x2D {  // "<!--"
      var i = start + 4
      // "<!-->" and "<!--->" close at once, as in browsers.
      if i < n, bytes[i] == 0x3E {
        position = i + 1
        return
      }
      if i + 1 < n, bytes[i] == 0x2D, bytes[i + 1] == 0x3E {
        position = i + 2
        return
      }
      while i + 2 < n {
        if bytes[i] == 0x2D, bytes[i + 1] == 0x2D, bytes[i + 2] == 0x3E {
          position = i + 3
          return
        }
        i += 1
      }
      position = n  // unterminated comment: the rest of the file is comment
      return
    }
    let cdata: [UInt8] = Array("[CDATA[".utf8)
    if start + 2 + cdata.count <= n, Array(bytes[(start + 2)..<(start + 2 + cdata.count)]) == cdata {
      let contentStart = start + 2 + cdata.count
      var i = contentStart
      while i + 2 < n {
        if bytes[i] == 0x5D, bytes[i + 1] == 0x5D, bytes[i + 2] == 0x3E {
          pendingCDATA = contentStart..<i
          position = i + 3
          return
        }
        i += 1
      }
      pendingCDATA = contentStart..<n
      position = n
      return
    }
    position = indexOf(0x3E, from: start + 2).map { $0 + 1 } ?? n
  }

  /// Reads a start tag at `start`; nil when the input ends inside the tag.
  private mutating func readStartTag(from start: Int) -> Token? {
    let n = bytes.count
    let (name, nameEnd, flags) = readName(from: start + 1)
    var attributes: [HTMLAttribute] = []
    var i = nameEnd
    while true {
      while i < n, isSpace(bytes[i]) || bytes[i] == 0x2F { i += 1 }
      guard i < n else {
        position = n
        return nil
      }
      if bytes[i] == 0x3E { break }
      // Attribute name.
      let attrStart = i
      i += 1
      while i < n, !isSpace(bytes[i]), bytes[i] != 0x3D, bytes[i] != 0x3E, bytes[i] != 0x2F { i += 1 }
      let attrEnd = i
      while i < n, isSpace(bytes[i]) { i += 1 }
      var valueRange: Range<Int>? = nil
      if i < n, bytes[i] == 0x3D {
        i += 1
        while i < n, isSpace(bytes[i]) { i += 1 }
        guard i < n else {
          position = n
          return nil
        }
        let q = bytes[i]
        if q == 0x22 || q == 0x27 {
          let vs = i + 1
          guard let ve = indexOf(q, from: vs) else {
            position = n
            return nil
          }
          valueRange = vs..<ve
          i = ve + 1
        } else {
          let vs = i
          while i < n, !isSpace(bytes[i]), bytes[i] != 0x3E { i += 1 }
          valueRange = vs..<i
        }
      }
      if attrEnd - attrStart <= 10, Self.isKeptAttribute(bytes, attrStart..<attrEnd) {
        let attrName = lowercasedString(attrStart..<attrEnd)
        if !attributes.contains(where: { $0.name == attrName }) {
          let value = valueRange.map { HTMLText.decodedString(bytes, $0) } ?? ""
          attributes.append(HTMLAttribute(name: attrName, value: value))
        }
      }
    }
    position = i + 1
    // `.raw` is set exactly for `rawTextElements` (see `HTMLElements.flags`).
    if flags.contains(.raw) { rawElement = name }
    return .startTag(name: name, attributes: attributes, range: start..<(i + 1), flags: flags)
  }

  /// Reads a tag name starting at `from`; returns it lowercased, the index after it and its
  /// `HTMLElements.flags(of:)`.
  ///
  /// The flags of an ASCII name of up to eight bytes are found from its lowercased bytes, which are
  /// the UTF-8 of the lowercased name, so no pass over the string is needed.
  private func readName(from: Int) -> (String, Int, HTMLElements.Flags) {
    var i = from
    let n = bytes.count
    while i < n, !isSpace(bytes[i]), bytes[i] != 0x2F, bytes[i] != 0x3E { i += 1 }
    let name = lowercasedString(from..<min(i, from + 32))
    let length = i - from
    if length <= 8 {
      var key: UInt64 = 0
      for k in 0..<length {
        let b = bytes[from + k]
        guard b < 0x80 else { return (name, i, HTMLElements.flags(of: name)) }
        key |= UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) << (8 * UInt64(k))
      }
      return (name, i, HTMLElements.flags(packed: key, length: length))
    }
    return (name, i, HTMLElements.flags(of: name))
  }

  /// Finds the end of a raw-text element's content: the `<` of the matching `</name`.
  ///
  /// Only a `<` can start the match, so the scan jumps from one `<` to the next with `textEnd`
  /// (eight bytes at a time) instead of testing every byte of long scripts and styles.
  func findRawEnd(_ name: String, from: Int) -> Int {
    let n = bytes.count
    let nameBytes = Array(name.utf8)
    var i = from
    while i + 1 < n {
      i = textEnd(from: i)
      guard i + 1 < n else { break }
      if bytes[i] == 0x3C, bytes[i + 1] == 0x2F {
        var k = 0
        while k < nameBytes.count, i + 2 + k < n, bytes[i + 2 + k] | 0x20 == nameBytes[k] { k += 1 }
        if k == nameBytes.count {
          let after = i + 2 + k
          if after >= n || isSpace(bytes[after]) || bytes[after] == 0x3E || bytes[after] == 0x2F { return i }
        }
      }
      i += 1
    }
    return n
  }

  // MARK: - Bytes

  /// The index of the first `byte` at or after `from`.
  private func indexOf(_ byte: UInt8, from: Int) -> Int? {
    var i = from
    let n = bytes.count
    while i < n {
      if bytes[i] == byte { return i }
      i += 1
    }
    return nil
  }

  /// The index of the first `<` at or after `from`, or `bytes.count`.
  ///
  /// Eight bytes at a time: with `x = word ^ 0x3C3C…3C`, `(x - 0x01…01) & ~x & 0x80…80` is non-zero
  /// exactly when `x` has a zero byte (a `<` in the word), and its lowest set bit marks the first
  /// one (a borrow only runs upwards from a zero byte), so the bytes are read in memory order.
  func textEnd(from: Int) -> Int {
    bytes.withUnsafeBufferPointer { p in
      let n = p.count
      var i = from
      if let base = p.baseAddress {
        let ones: UInt64 = 0x0101_0101_0101_0101
        while i + 8 <= n {
          let x = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) ^ (ones &* 0x3C)
          let zero = (x &- ones) & ~x & 0x8080_8080_8080_8080
          if zero != 0 { return i + zero.trailingZeroBitCount / 8 }
          i += 8
        }
      }
      while i < n, p[i] != 0x3C { i += 1 }
      return i
    }
  }

  /// The bytes of `rawTextElements`.
  static let rawTextElementBytes: [[UInt8]] = rawTextElements.sorted().map { Array($0.utf8) }

  /// Whether `name` (lowercased) is one of `rawTextElements`: the same as the set lookup, by bytes
  /// (the names are ASCII, and no other spelling of them is canonically equivalent).
  static func isRawTextElement(_ name: String) -> Bool {
    let u = name.utf8
    let n = u.count
    guard n >= 3, n <= 9 else { return false }
    for word in rawTextElementBytes where word.count == n && u.elementsEqual(word) { return true }
    return false
  }

  /// The bytes of `keptAttributes`, for matching attribute names without building strings.
  static let keptAttributeBytes: [[UInt8]] = keptAttributes.sorted().map { Array($0.utf8) }

  /// Whether the ASCII-lowercased bytes of `bytes[range]` spell one of `keptAttributes`; the same as
  /// `keptAttributes.contains(lowercasedString(range))`, without building the string.
  static func isKeptAttribute(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    let n = range.count
    candidates: for word in keptAttributeBytes where word.count == n {
      var k = 0
      while k < n {
        let b = bytes[range.lowerBound + k]
        if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) != word[k] { continue candidates }
        k += 1
      }
      return true
    }
    return false
  }

  /// The bytes in `range` as an ASCII-lowercased string.
  ///
  /// An all-ASCII range of at most 15 bytes (tag and attribute names) is written straight into a
  /// small string, with no heap buffer; longer or non-ASCII ranges are decoded as before.
  private func lowercasedString(_ range: Range<Int>) -> String {
    if range.count <= 15, bytes[range].allSatisfy({ $0 < 0x80 }) {
      return String(unsafeUninitializedCapacity: range.count) { out in
        var k = 0
        for i in range {
          let b = bytes[i]
          out[k] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
          k += 1
        }
        return k
      }
    }
    var lowered = [UInt8]()
    lowered.reserveCapacity(range.count)
    for i in range {
      let b = bytes[i]
      lowered.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
    }
    return String(decoding: lowered, as: UTF8.self)
  }
}

/// An attribute of a start tag: lowercased name and entity-decoded value.
struct HTMLAttribute: Sendable, Hashable {
  /// The lowercased attribute name.
  var name: String
  /// The value with character references decoded (empty for a bare attribute).
  var value: String
}

/// Whether `b` is HTML whitespace (space, tab, LF, FF, CR).
@inline(__always) func isSpace(_ b: UInt8) -> Bool {
  b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C
}

/// Whether `b` is an ASCII letter.
@inline(__always) func isASCIILetter(_ b: UInt8) -> Bool {
  (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
}
