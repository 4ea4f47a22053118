import ClaimLintCore
import ClaimLintHTML

/// Turns a file's raw bytes into UTF-8 text, or says why it cannot.
///
/// UTF-8 (with or without a byte-order mark) is read as is; UTF-16 with a byte-order mark is transcoded;
/// an HTML page that declares ISO-8859-1 or Windows-1252 is transcoded; NUL bytes or a high share of
/// control bytes mean a binary file; invalid UTF-8 is read with replacement characters and reported
/// with the offset of the first bad byte.
public enum SourceDecoder {
  public struct Decoded: Sendable {
    public var bytes: [UInt8]
    public var problems: [InputError]
  }

  public static func decode(_ raw: [UInt8], path: String, format: DocumentFormat) -> Result<Decoded, InputError> {
    var bytes = raw
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      return .success(Decoded(bytes: utf16(bytes), problems: []))
    }
    if looksBinary(bytes) { return .failure(.binaryContent(path: path)) }
    // Valid UTF-8 (nearly every file) is read as it is, whatever a page declares: the declared
    // charset matters only for bytes that are not UTF-8, so the page is tokenized for its `<meta>`
    // only then (and the bytes are validated once, not twice).
    if let bad = firstInvalidUTF8(bytes) {
      if format == .html, let cs = HTMLReader.declaredCharset(in: bytes)?.lowercased(),
        ["iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "iso8859-1", "us-ascii"].contains(cs)
      {
        return .success(Decoded(bytes: latin1(bytes), problems: []))
      }
      let repaired = Array(String(decoding: bytes, as: UTF8.self).utf8)
      return .success(Decoded(bytes: repaired, problems: [.invalidUTF8(path: path, byteOffset: bad + (raw.count - bytes.count))]))
    }
    return .success(Decoded(bytes: bytes, problems: []))
  }

  static func looksBinary(_ b: [UInt8]) -> Bool {
    let n = min(b.count, 8192)
    if n == 0 { return false }
    var control = 0
    let binary = b.withUnsafeBytes { raw -> Bool in
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      var i = 0
      while i + 8 <= n {
        let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        i += 8
        // Eight bytes none of which is below 0x20 (most of a text) are skipped at once.
        if (w &- 0x20 &* ones) & ~w & highs == 0 { continue }
        // Otherwise (a line break, most often) the eight bytes are classified together, exactly
        // byte by byte: see `controlBytes`.
        let (nul, controls) = SourceDecoder.controlBytes(w)
        if nul { return true }
        control += controls
      }
      while i < n {
        let c = raw[i]
        if c == 0 { return true }
        if c < 0x09 || (c > 0x0D && c < 0x20) { control += 1 }
        i += 1
      }
      return false
    }
    return binary || control * 10 > n
  }

  /// Whether the eight bytes `w` hold a NUL byte, and how many of them are control bytes (below
  /// 0x20 but for tab, line feed, vertical tab, form feed and carriage return, 0x09...0x0D).
  ///
  /// Exact for every byte, with no carry or borrow crossing bytes: for `x = b & 0x7F`, `x + (0x80 - k)`
  /// is at most 0xFF and has its top bit set exactly when `x >= k`. A byte is below `k` (for `k`
  /// up to 0x80) when neither that bit nor its own top bit is set.
  @inline(__always)
  static func controlBytes(_ w: UInt64) -> (nul: Bool, count: Int) {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let x = w & ~highs
    let below20 = ~((x &+ 0x60 &* ones) | w) & highs
    let nul = ~((x &+ 0x7F &* ones) | w) & highs
    // Among the bytes below 0x20, those from 0x09 to 0x0D are white space.
    let from09 = (x &+ 0x77 &* ones) & highs
    let from0E = (x &+ 0x72 &* ones) & highs
    let control = below20 & ~(from09 & ~from0E)
    return (nul != 0, Int(truncatingIfNeeded: ((control >> 7) &* ones) >> 56))
  }

  /// The offset of the first byte that is not part of valid UTF-8, or nil.
  static func firstInvalidUTF8(_ b: [UInt8]) -> Int? { UTF8Validation.firstInvalidByte(b) }

  static func utf16(_ b: [UInt8]) -> [UInt8] {
    let little = b[0] == 0xFF
    var units: [UInt16] = []
    units.reserveCapacity(b.count / 2)
    var i = 2
    while i + 1 < b.count {
      units.append(little ? UInt16(b[i]) | UInt16(b[i + 1]) << 8 : UInt16(b[i]) << 8 | UInt16(b[i + 1]))
      i += 2
    }
    return Array(String(decoding: units, as: UTF16.self).utf8)
  }

  private static let cp1252: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D,
    0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,
    0x017E, 0x0178,
  ]

  static func latin1(_ b: [UInt8]) -> [UInt8] {
    var s = String.UnicodeScalarView()
    for c in b {
      let v: UInt32 = (c >= 0x80 && c < 0xA0) ? cp1252[Int(c - 0x80)] : UInt32(c)
      s.append(Unicode.Scalar(v) ?? "\u{FFFD}")
    }
    return Array(String(s).utf8)
  }
}
