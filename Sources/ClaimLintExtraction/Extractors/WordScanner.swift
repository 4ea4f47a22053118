/// A word of a sentence with its UTF-8 range, used by the attribution, title and event extractors.
public struct Word: Sendable, Hashable {
  public var text: String
  public var range: Range<Int>

  /// Whether the word starts with an upper-case letter (ASCII or Latin-1 or another cased script).
  public var isCapitalized: Bool {
    guard let f = text.unicodeScalars.first else { return false }
    return f.properties.isUppercase
  }

  public var lower: String { text.lowercased() }
}

/// Splits a sentence into words and single punctuation marks, keeping UTF-8 offsets.
///
/// Letters, digits, inner hyphens, inner apostrophes and inner periods ("U.S.") stay in one word; a
/// trailing possessive "'s" or "’s" is split off as its own token.
public enum WordScanner {
  public static func words(_ sentence: String) -> [Word] {
    var out: [Word] = []
    var current = ""
    var start = 0
    var offset = 0
    func flush(_ end: Int) {
      guard !current.isEmpty else { return }
      // Split a possessive ending.
      for suffix in ["'s", "’s"] where current.count > suffix.count + 1 && current.hasSuffix(suffix) {
        let base = String(current.dropLast(2))
        let baseLen = base.utf8.count
        out.append(Word(text: base, range: start..<(start + baseLen)))
        out.append(Word(text: "'s", range: (start + baseLen)..<end))
        current = ""
        return
      }
      out.append(Word(text: current, range: start..<end))
      current = ""
    }
    let scalars = Array(sentence.unicodeScalars)
    for (i, s) in scalars.enumerated() {
      let len = String(s).utf8.count
      let isWordChar = s.properties.isAlphabetic || s.properties.numericType != nil
      let joiner = (s == "-" || s == "'" || s == "’" || s == "." || s == ",")
      if isWordChar {
        if current.isEmpty { start = offset }
        current.unicodeScalars.append(s)
      } else if joiner, !current.isEmpty, i + 1 < scalars.count,
        scalars[i + 1].properties.isAlphabetic || scalars[i + 1].properties.numericType != nil,
        !(s == "," && !(current.unicodeScalars.last?.properties.numericType != nil))
      {
        current.unicodeScalars.append(s)
      } else {
        flush(offset)
        if !(s.properties.isWhitespace) {
          out.append(Word(text: String(s), range: offset..<(offset + len)))
        }
      }
      offset += len
    }
    flush(offset)
    return out
  }
}
