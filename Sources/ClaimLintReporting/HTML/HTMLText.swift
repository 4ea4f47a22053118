/// Escaping for everything the HTML reporter writes that did not come from its own templates: article
/// text, author names, file names, messages and strings read from rule files.
///
/// Text and attribute values are escaped the same way, so a value can move between the two without a
/// second thought: `&`, `<`, `>`, `"` and `'` become character references, and control characters an
/// HTML document cannot hold become U+FFFD. Attribute values are always written in double quotes.
enum HTMLText {
  /// `s` safe for element content and for a double- or single-quoted attribute value.
  static func escape(_ s: String) -> String {
    var out = ""
    out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
    for scalar in s.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default:
        let v = scalar.value
        let allowed = (v >= 0x20 && v != 0x7F && !(0x80...0x9F).contains(v)) && v != 0xFFFE && v != 0xFFFF
        out.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
      }
    }
    return out
  }

  /// A relative link to `line` of the file shown as `path`: `path#L12`, percent-encoded and escaped.
  ///
  /// Every byte outside the unreserved set and `/` is percent-encoded, so a colon cannot turn the path
  /// into a scheme (`javascript:`), a `#` or `?` cannot cut it short, and quotes cannot end the attribute.
  static func href(path: String, line: Int?) -> String {
    var url = percentEncoded(path)
    if let line, line > 0 { url += "#L\(line)" }
    return escape(url)
  }

  /// `path` with every UTF-8 byte except `A-Z a-z 0-9 - . _ ~ /` written as `%XX`.
  static func percentEncoded(_ path: String) -> String {
    let hex = Array("0123456789ABCDEF")
    var out = ""
    for byte in path.utf8 {
      let plain =
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
        || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E || byte == 0x2F
      if plain {
        out.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        out.append("%")
        out.append(hex[Int(byte >> 4)])
        out.append(hex[Int(byte & 0x0F)])
      }
    }
    return out
  }

  /// Text with each line break turned into a space, so a span that crosses lines reads as one phrase.
  static func singleLine(_ s: String) -> String {
    guard s.contains(where: { $0.isNewline }) else { return s }
    return String(s.map { $0.isNewline ? " " : $0 })
  }

  /// The last path component ("draft.md" for "samples/mekong/draft.md").
  static func fileName(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    let name = path[path.index(after: slash)...]
    return name.isEmpty ? path : String(name)
  }

  /// Everything before the last path component, with its slash ("samples/mekong/"), or "".
  static func directory(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[...slash])
  }

  /// A number for people: whole numbers with thousands separators ("50,000"), others as `NumberText`
  /// spells them; never a locale's separators.
  static func grouped(_ value: Double) -> String {
    guard let integer = NumberText.integral(value), abs(integer) >= 1000 else { return NumberText.format(value) }
    var digits = Array(String(integer.magnitude))
    var out: [Character] = []
    while digits.count > 3 {
      out.insert(contentsOf: [","] + digits.suffix(3), at: 0)
      digits.removeLast(3)
    }
    out.insert(contentsOf: digits, at: 0)
    return (integer < 0 ? "-" : "") + String(out)
  }

  /// A percentage with two decimals, computed in integers so the bytes never depend on a locale.
  static func percent(_ part: Int, of whole: Int) -> String {
    guard whole > 0 else { return "0%" }
    let basis = max(0, min(10_000, (part * 10_000 + whole / 2) / whole))
    let fraction = basis % 100
    return "\(basis / 100).\(fraction < 10 ? "0" : "")\(fraction)%"
  }
}
