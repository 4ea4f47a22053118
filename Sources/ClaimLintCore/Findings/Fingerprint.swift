/// Stable, line-independent hashes (FNV-1a, 64 bit), printed as 16 hex digits.
public enum Fingerprint {
  public static func fnv1a(_ parts: [String]) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for (i, p) in parts.enumerated() {
      if i > 0 {
        h ^= 0x1F
        h = h &* 0x100_0000_01b3
      }
      for b in p.utf8 {
        h ^= UInt64(b)
        h = h &* 0x100_0000_01b3
      }
    }
    let hex = String(h, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
