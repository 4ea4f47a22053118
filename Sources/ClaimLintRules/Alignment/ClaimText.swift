import ClaimLintCore

/// Wording shared by the rules' messages: how a claim's subject and figure are named.
public enum ClaimText {
  /// "people", "suspects", "victims": the counted noun in the plural as a reader expects it.
  public static func countedPlural(_ q: Quantity) -> String {
    guard let c = q.counted else { return q.unit == nil ? "items" : "amount" }
    switch c {
    case "person": return "people"
    case "child": return "children"
    case "man": return "men"
    case "woman": return "women"
    case "people": return "people"
    default:
      if c.hasSuffix("y"), let last = c.dropLast().last, !"aeiou".contains(last) { return c.dropLast() + "ies" }
      if c.hasSuffix("s") || c.hasSuffix("x") || c.hasSuffix("ch") || c.hasSuffix("sh") { return c + "es" }
      return c + "s"
    }
  }

  /// "1 source", "3 sources".
  public static func sources(_ n: Int) -> String { n == 1 ? "1 source" : "\(n) sources" }

  /// A number printed the same way in every locale ("50000", "2.5").
  public static func number(_ v: Double?) -> String {
    guard let v else { return "null" }
    if v == v.rounded(), abs(v) < 1e18 { return String(Int64(v)) }
    return String(v)
  }

  /// The path, for a note's "in path" wording.
  public static func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "’") + "'" }
}

extension String {
  func replacingOccurrences(of a: String, with b: String) -> String {
    guard !a.isEmpty else { return self }
    var out = ""
    var rest = self[...]
    while let r = rest.range(of: a) {
      out += rest[..<r.lowerBound]
      out += b
      rest = rest[r.upperBound...]
    }
    return out + rest
  }
}

extension Substring {
  func range(of needle: String) -> Range<Substring.Index>? {
    guard !needle.isEmpty else { return nil }
    var i = startIndex
    while i < endIndex {
      if self[i...].hasPrefix(needle) { return i..<index(i, offsetBy: needle.count) }
      i = index(after: i)
    }
    return nil
  }
}
