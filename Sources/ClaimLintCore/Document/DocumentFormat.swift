/// The format an article is written in, chosen from its extension (and, for stdin, its content).
public enum DocumentFormat: String, Sendable, Hashable, Codable {
  case text
  case markdown
  case html

  /// The format for a file name, or nil when the extension is not one claimlint reads.
  public static func forPath(_ path: String) -> DocumentFormat? {
    // The extension's bytes, lower-cased (every known extension is ASCII and at most 8 bytes long).
    var ext: UInt64 = 0
    var length = 0
    for b in path.utf8.reversed() {
      if b == UInt8(ascii: ".") { break }
      length += 1
      guard length <= 8, b < 0x80, b != UInt8(ascii: "/") else { return nil }
      let lower = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
      ext |= UInt64(lower) << (8 * (length - 1))
    }
    guard length > 0, length < path.utf8.count else { return nil }
    switch ext {
    case Self.packed("txt"), Self.packed("text"): return .text
    case Self.packed("md"), Self.packed("markdown"): return .markdown
    case Self.packed("html"), Self.packed("htm"), Self.packed("xhtml"): return .html
    default: return nil
    }
  }

  /// An ASCII extension's bytes in one integer, first byte highest.
  private static func packed(_ ext: StaticString) -> UInt64 {
    var v: UInt64 = 0
    ext.withUTF8Buffer { for b in $0 { v = v << 8 | UInt64(b) } }
    return v
  }

  /// A best guess for content without a file name (stdin).
  public static func sniff(_ bytes: [UInt8]) -> DocumentFormat {
    let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
    if head.contains("<html") || head.contains("<!doctype html") || head.contains("<body")
      || head.contains("<p>") || head.contains("<article")
    {
      return .html
    }
    if head.hasPrefix("---\n") || head.hasPrefix("# ") || head.contains("\n# ") || head.contains("\n## ") {
      return .markdown
    }
    return .text
  }
}
