/// Stable, line-independent hashes (FNV-1a, 64 bit), printed as 16 hex digits.
public enum Fingerprint {
  public static func fnv1a(_ parts: [String]) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for i in parts.indices {
      if i > 0 {
        h ^= 0x1F
        h = h &* 0x100_0000_01b3
      }
      // The bytes in place (`withUTF8Bytes`), read by pointer: iterating `utf8` takes several times
      // the instructions a byte. The same bytes in the same order, so the same hash.
      h = parts[i].withUTF8Bytes { bytes in
        var h = h
        for b in bytes {
          h ^= UInt64(b)
          h = h &* 0x100_0000_01b3
        }
        return h
      }
    }
    return hex(h)
  }

  /// `h` as 16 lower-case hex digits, zero-padded (what `String(h, radix: 16)` gives, padded).
  static func hex(_ h: UInt64) -> String {
    String(unsafeUninitializedCapacity: 16) { out in
      for k in 0..<16 {
        let nibble = UInt8(truncatingIfNeeded: h >> UInt64(60 - 4 * k)) & 0xF
        out[k] = nibble < 10 ? 0x30 + nibble : 0x57 + nibble
      }
      return 16
    }
  }
}
