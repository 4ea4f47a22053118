/// Checks bytes for valid UTF-8 without decoding them, so errors can name the first bad byte.
public enum UTF8Validation {
  /// The offset of the first byte that is not part of valid UTF-8 (overlong forms, surrogates and
  /// values above U+10FFFF are invalid too), or nil.
  public static func firstInvalidByte(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { firstInvalidByte(in: $0) }
  }

  /// `firstInvalidByte(_:)` over a buffer; ASCII text, most of any article, is skipped eight bytes
  /// at a time.
  static func firstInvalidByte(in b: UnsafeBufferPointer<UInt8>) -> Int? {
    var i = 0
    let n = b.count
    let raw = UnsafeRawBufferPointer(b)
    while i < n {
      if i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
        i += 8
        continue
      }
      let c = b[i]
      if c < 0x80 {
        i += 1
        continue
      }
      var need = 0
      var minScalar: UInt32 = 0
      var scalar: UInt32 = 0
      if c & 0xE0 == 0xC0 {
        need = 1
        scalar = UInt32(c & 0x1F)
        minScalar = 0x80
      } else if c & 0xF0 == 0xE0 {
        need = 2
        scalar = UInt32(c & 0x0F)
        minScalar = 0x800
      } else if c & 0xF8 == 0xF0 {
        need = 3
        scalar = UInt32(c & 0x07)
        minScalar = 0x10000
      } else {
        return i
      }
      for k in 1...need {
        guard i + k < n, b[i + k] & 0xC0 == 0x80 else { return i }
        scalar = (scalar << 6) | UInt32(b[i + k] & 0x3F)
      }
      if scalar < minScalar || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
      i += need + 1
    }
    return nil
  }
}
