/// The format an article is written in, chosen from its extension (and, for stdin, its content).
public enum DocumentFormat: String, Sendable, Hashable, Codable {
  case text
  case markdown
  case html

  /// The format for a file name, or nil when the extension is not one claimlint reads.
  public static func forPath(_ path: String) -> DocumentFormat? {
    let lower = path.lowercased()
    if lower.hasSuffix(".txt") || lower.hasSuffix(".text") { return .text }
    if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .markdown }
    if lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml") { return .html }
    return nil
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
